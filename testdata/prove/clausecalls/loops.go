package clausecalls

// count loops n times.
func count(n int) int {
	i := 0
	for i < n { // the loop unrolled in clauses
		i++
	}
	return i
}

// Within the unrolling bound: the loop is covered, the clause proved.
//
//vsynth:requires 0 <= n && n <= 10
//vsynth:ensures result == count(n)
func CountSmall(n int) int { // want "proved"
	return n
}

// Past the bound Go only loops longer: unknown, not failed.
//
//vsynth:requires n >= 0
//vsynth:ensures result == count(n) // want "ensures: unknown"
func CountLarge(n int) int { // want "unknown"
	return n
}

// capped is wrong only past 100 iterations, beyond the bound: unknown.
func capped(n int) int {
	i := 0
	for i < n && i < 100 {
		i++
	}
	return i
}

//vsynth:requires n >= 0
//vsynth:ensures result == capped(n) // want "ensures: unknown"
func CappedLarge(n int) int { // want "unknown"
	return n
}

// A real failure within the bound is still failed, with a counterexample
// on which the loop ends.
//
//vsynth:requires n >= 0
//vsynth:ensures count(n) == n && result == 1 // want "ensures: failed"
func CountWrong(n int) int { // want "failed"
	return 0
}

// Under ==>, count runs only when Go evaluates it: never here.
//
//vsynth:requires n > 100
//vsynth:ensures n < 10 ==> count(n) == 0
func CountNotEvaluated(n int) int { // want "proved"
	return 0
}

//vsynth:requires n > 100
//vsynth:ensures (n < 10 ==> count(n) == 0) && result == 1 // want "ensures: failed"
func CountNotEvaluatedWrong(n int) int { // want "failed"
	return 0
}

// In a requires clause: whether it holds past the bound is unknown.
//
//vsynth:requires count(n) == 3 // want "well-defined: unknown"
func RequiresCount(n int) int { // want "unknown"
	return n
}

// In a requires clause within the bound.
//
//vsynth:requires 0 <= n && n <= 5 && count(n) == 3
//vsynth:ensures result == 3
func RequiresCountSmall(n int) int { // want "proved"
	return n
}

// Under a quantifier: the loop may run long for some element.
//
//vsynth:requires len(a) <= 2
//vsynth:ensures forall i int :: 0 <= i && i < len(a) ==> count(a[i]) <= a[i] || a[i] < 0 // want "ensures: unknown"
func CountAll(a []int) int { // want "unknown"
	return 0
}

// In an invariant.
//
//vsynth:requires n >= 0
func InvariantCount(n int) int { // want "unknown"
	i := 0
	//vsynth:invariant count(i) == i // want "invariant-entry|invariant-preserved: unknown"
	for i < n {
		i++
	}
	return i
}
