// Package bmc checks what happens after an inductive proof fails: the
// function is unrolled from its entry (bounded model checking), and a
// counterexample found so is reported failed and replayed in Go; when
// none is found within the bound, the check stays unknown.
package bmc

// Search is a binary search whose midpoint (lo + hi) / 2 wraps around
// int8 once lo + hi > 127. Its invariant is true and inductive, but it
// does not bound mid: the bounds check is not provable from it, and
// unrolling from the entry finds a slice on which Go panics.
//
//vsynth:requires len(a) <= 127
//vsynth:ensures result == -1 || (0 <= result && int(result) < len(a) && a[result] == x)
func Search(a []int8, x int8) int8 { // want "failed"
	lo, hi := int8(0), int8(len(a))
	//vsynth:invariant 0 <= lo && lo <= hi && int(hi) <= len(a)
	for lo < hi {
		mid := (lo + hi) / 2
		if a[mid] == x { // want "bounds: failed"
			return mid
		}
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return -1
}

// SearchFixed is Search with the midpoint that cannot wrap.
//
//vsynth:requires len(a) <= 127
//vsynth:ensures result == -1 || (0 <= result && int(result) < len(a) && a[result] == x)
func SearchFixed(a []int8, x int8) int8 { // want "proved"
	lo, hi := int8(0), int8(len(a))
	//vsynth:invariant 0 <= lo && lo <= hi && int(hi) <= len(a)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] == x {
			return mid
		}
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return -1
}

// Capped's invariant holds on entry and is false after the eleventh
// iteration: the inductive proof shows a loop state, unrolling shows an
// input (n = 11) that reaches the false invariant.
//
//vsynth:requires 0 <= n && n <= 100
func Capped(n int) int { // want "failed"
	s := 0
	//vsynth:invariant s <= 10 // want "invariant-preserved: failed"
	for i := 0; i < n; i++ {
		s++
	}
	return s
}

// Steps counts by two: with an odd n it overshoots. The invariant is too
// weak to prove the postcondition, and unrolling finds n = 1.
//
//vsynth:requires 0 <= n && n <= 10
//vsynth:ensures result == n // want "ensures: failed"
func Steps(n int) int { // want "failed"
	i := 0
	//vsynth:invariant 0 <= i
	for i < n {
		i += 2
	}
	return i
}

// StepsEven is Steps for even n only.
//
//vsynth:requires 0 <= n && n <= 10 && n%2 == 0
//vsynth:ensures result == n
func StepsEven(n int) int { // want "proved"
	i := 0
	//vsynth:invariant 0 <= i && i <= n && i%2 == 0
	for i < n {
		i += 2
	}
	return i
}

// Triangle's invariant is true (the running sum of 0..i-1 is never
// negative) but not inductive: from s = 0, i = -1 one iteration breaks
// it. No run breaks it, so unrolling finds nothing within the bound, and
// the verdict stays unknown, saying what was searched.
//
//vsynth:requires 0 <= n && n <= 100
func Triangle(n int) int { // want "failed"
	s := 0
	//vsynth:invariant s >= 0 // want "invariant-preserved: failed"
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

// Second's second loop is entered with a sum the first loop's weak
// invariant says nothing about: its invariant-entry check is not
// provable from the invariants, and unrolling finds n = 3.
//
//vsynth:requires 0 <= n && n <= 8
func Second(n int) int { // want "failed"
	s := 0
	//vsynth:invariant 0 <= i
	for i := 0; i < n; i++ {
		s += i
	}
	//vsynth:invariant t <= 2 // want "invariant-entry: failed"
	for t := s; t > 0; t-- {
	}
	return s
}
