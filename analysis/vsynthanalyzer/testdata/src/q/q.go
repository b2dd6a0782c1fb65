package q

//vsynth:requires x < 100
//vsynth:ensures result > x
func Inc(x int) int { return x + 1 } // want Inc:`vsynth contract \(proved\)`

//vsynth:requires x < 100
//vsynth:ensures result < x
func Wrong(x int) int { return x + 1 } // want Wrong:`vsynth contract \(failed\)` `q.Wrong: failed: ensures result < x \(q.go:8\): counterexample: x = -?\d+`

//vsynth:requires p != nil
//vsynth:ensures *p == 5
func Set5(p *int) { *p = 5 } // want Set5:`vsynth contract \(proved\)`

//vsynth:ensures result >= 0
func Half(x float64) float64 { return x / 2 } // want Half:`vsynth contract \(unsupported\)` `q.Half: unsupported: .*float`

func Three() int { return 3 }
