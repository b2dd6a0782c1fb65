// Package funcparam checks function-typed parameters: the function a
// caller passes is unknown, so its results are arbitrary, it may write
// any memory but strings, and that it returns is an assumption every
// report states. Counterexamples write it as a function literal that
// returns the results the run needs.
package funcparam

// Apply calls f once.
//
//vsynth:requires f != nil
//vsynth:ensures true
func Apply(f func(int) int, x int) int { // want "proved"
	return f(x)
}

// ApplyNil forgets that f may be nil: Go panics.
//
//vsynth:ensures true
func ApplyNil(f func(int) int, x int) int { // want "failed"
	return f(x) // want "nil: failed"
}

// CountTrue counts the elements f accepts.
//
//vsynth:requires f != nil && len(s) <= 4
//vsynth:ensures 0 <= result && result <= len(s)
func CountTrue(s []int8, f func(int8) bool) int { // want "proved"
	n := 0
	for _, v := range s {
		if f(v) {
			n++
		}
	}
	return n
}

// NoneTrue claims f accepts nothing: any f that accepts an element
// refutes it, and the counterexample's f returns what the run needs.
//
//vsynth:requires f != nil && len(s) <= 4
//vsynth:ensures result == 0 // want "ensures: failed"
func NoneTrue(s []int8, f func(int8) bool) int { // want "failed"
	n := 0
	for _, v := range s {
		if f(v) {
			n++
		}
	}
	return n
}

// Kept claims *p survives a call of f: f may write it (a closure over
// p), so it is not proved. The counterexample rests on that write, which
// its function literal does not make: the replay does not reproduce it,
// and the verdict after confirmation is unknown (the want lines are the
// solver's verdicts).
//
//vsynth:requires p != nil && f != nil
//vsynth:ensures result == 1 // want "ensures: failed"
func Kept(p *int, f func()) int { // want "failed"
	*p = 1
	f()
	return *p
}

// Index is strings.IndexFunc's loop over a byte slice.
//
//vsynth:requires f != nil && len(s) <= 3
//vsynth:ensures -1 <= result && result < len(s)
func Index(s []byte, f func(byte) bool) int { // want "proved"
	for i, b := range s {
		if f(b) {
			return i
		}
	}
	return -1
}

// Pair has two results.
//
//vsynth:requires f != nil
//vsynth:ensures result != 7 // want "ensures: failed"
func Pair(f func(uint8) (uint8, bool)) uint8 { // want "failed"
	v, ok := f(3)
	if !ok {
		return 0
	}
	return v
}

// Pick calls Index, proved by its contract assuming its f returns, with
// a closure that panics on a zero byte: the call inlines Index and
// checks the closure where Index calls it.
//
//vsynth:requires len(s) <= 3
//vsynth:ensures true
func Pick(s []byte) int { // want "failed"
	return Index(s, func(b byte) bool { return 10/b > 2 }) // want "divide-by-zero: failed"
}
