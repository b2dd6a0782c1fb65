// Package termination checks //vsynth:decreases on loops and recursive
// functions.
package termination

// CountDown's loop decreases i.
//
//vsynth:requires n >= 0
//vsynth:ensures result == 0
func CountDown(n int) int { // want "proved"
	i := n
	//vsynth:invariant i >= 0
	//vsynth:decreases i
	for i > 0 {
		i--
	}
	return i
}

// Upward's measure is the distance to the bound.
//
//vsynth:requires n >= 0
//vsynth:ensures result == n
func Upward(n int) int { // want "proved"
	i := 0
	//vsynth:invariant 0 <= i && i <= n
	//vsynth:decreases n - i
	for i < n {
		i++
	}
	return i
}

// Stuck's measure does not decrease when step is 0: the replay checks
// the measure at every head of the loop.
//
//vsynth:requires n >= 0 && n < 4 && step >= 0 && step < 2
func Stuck(n, step int) int { // want "failed"
	i := 0
	//vsynth:decreases n - i // want "termination: failed"
	for i < n {
		i += step
	}
	return i
}

// Lex's tuple measure decreases lexicographically: i, then j.
//
//vsynth:requires n >= 0 && n < 100
func Lex(n int) int { // want "proved"
	i, j := n, n
	c := 0
	//vsynth:invariant 0 <= i && i <= n && 0 <= j && j <= n
	//vsynth:decreases i, j
	for i > 0 {
		if j > 0 {
			j--
		} else {
			i--
			j = n
		}
		c++
	}
	return c
}

// Fact recurses on a smaller n.
//
//vsynth:requires n >= 0 && n <= 20
//vsynth:ensures result >= 1
//vsynth:decreases n
func Fact(n int64) int64 { // want "proved"
	if n == 0 {
		return 1
	}
	r := Fact(n - 1)
	if r < 1 {
		return 1
	}
	return r
}

// Loop recurses on the same n: its measure does not decrease (the
// replay checks it on entry against the caller's).
//
//vsynth:requires n >= 0
//vsynth:decreases n
func Loop(n int) int { // want "failed"
	if n == 0 {
		return 0
	}
	return Loop(n) // want "termination: failed"
}

// NoMeasure recurses without a decreases clause: proved (partial
// correctness), not total.
//
//vsynth:requires n >= 0
//vsynth:ensures result >= 0
func NoMeasure(n int) int { // want "proved"
	if n == 0 {
		return 0
	}
	return NoMeasure(n - 1)
}

// MeasureOfBool's measure is not an integer: a directive error, tested
// in the txtar scripts (one package with a bad spec fails to load).

// NoLoopMeasure has a loop with invariants and no decreases: proved, not
// total.
//
//vsynth:requires n >= 0
//vsynth:ensures result == n
func NoLoopMeasure(n int) int { // want "proved"
	i := 0
	//vsynth:invariant 0 <= i && i <= n
	for i < n {
		i++
	}
	return i
}

// Unrolled's loop has no invariants: its proved unwinding obligation
// bounds it, so the function is total without a measure.
//
//vsynth:requires n >= 0 && n <= 3
//vsynth:ensures result == n
func Unrolled(n int) int { // want "proved"
	i := 0
	for i < n {
		i++
	}
	return i
}

// CallsPartial relies on the contract of NoMeasure, which is not known to
// terminate: neither is CallsPartial.
//
//vsynth:ensures result >= 0
func CallsPartial() int { // want "proved"
	return NoMeasure(3)
}

// CallsTotal relies on the contract of Fact, which is total.
//
//vsynth:ensures result >= 1
func CallsTotal() int64 { // want "proved"
	return Fact(5)
}

// Even and Odd are mutually recursive: each has a decreasing measure,
// but measures are not compared across functions, so neither is total.
//
//vsynth:requires n >= 0
//vsynth:decreases n
func Even(n int) bool { // want "proved"
	if n == 0 {
		return true
	}
	return Odd(n - 1)
}

// Odd is Even's partner.
//
//vsynth:requires n >= 0
//vsynth:decreases n
func Odd(n int) bool { // want "proved"
	if n == 0 {
		return false
	}
	return Even(n - 1)
}
