package q

// Acc is a bounded accumulator: its methods' contracts cross packages too.
type Acc struct{ N int32 }

//vsynth:requires a != nil && a.N < 1000
//vsynth:ensures a.N == old(a.N) + 1
func (a *Acc) Bump() { a.N++ } // want Bump:`vsynth contract \(proved\)`
