// Package effects shows closures, defer/recover, //vsynth:panics and
// package-level variables, and a function-typed parameter (CountIf).
package effects

// calls counts the calls of Tick. A contract assumes of a package-level
// variable only what its requires clauses state: any code may have run
// before.
var calls int

// factor scales Scale's input; nothing says it is not zero.
var factor int

// Tick counts its calls.
//
//vsynth:requires calls >= 0 && calls < 1000000
//vsynth:ensures calls == old(calls)+1 && result == calls
func Tick() int {
	calls++
	return calls
}

// Scale divides by a package-level variable that may be zero: the
// counterexample sets it.
//
//vsynth:ensures true
func Scale(x int) int {
	return x / factor
}

// Move picks one of two closures that capture step.
//
//vsynth:ensures up ==> result == x+step
//vsynth:ensures !up ==> result == x-step
func Move(x, step int, up bool) int {
	f := func(v int) int { return v - step }
	if up {
		f = func(v int) int { return v + step }
	}
	return f(x)
}

// SafeDiv recovers from a division by zero and reports it.
//
//vsynth:ensures ok == (d != 0)
//vsynth:ensures ok ==> q == n/d
func SafeDiv(n, d int) (q int, ok bool) {
	defer func() {
		if recover() != nil {
			q, ok = 0, false
		}
	}()
	return n / d, true
}

// MustIndex panics exactly when i is out of range.
//
//vsynth:panics i < 0 || i >= len(xs)
//vsynth:ensures result == xs[i]
func MustIndex(xs []int, i int) int {
	return xs[i]
}

// CountIf counts the elements keep accepts. keep is any function the
// caller passes: its results are arbitrary, it may write any memory, and
// that it returns normally is an assumption the report states.
//
//vsynth:requires keep != nil && len(xs) <= 8
//vsynth:ensures 0 <= result && result <= len(xs)
func CountIf(xs []int, keep func(int) bool) int {
	n := 0
	for _, x := range xs {
		if keep(x) {
			n++
		}
	}
	return n
}
