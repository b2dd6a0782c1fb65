package ghost

// BeforeLabel has an assert before a labeled statement, which a jump may
// reach without passing the line: unsupported.
//
//vsynth:requires n >= 0 && n < 3
func BeforeLabel(n int) int { // want "unsupported"
	i := 0
	//vsynth:assert i <= n // want "unsupported: vsynth:assert before a labeled statement"
again:
	if i < n {
		i++
		goto again
	}
	return i
}

// OldLocal reads old(...) of a local that is not a parameter: it had no
// value on entry.
//
//vsynth:requires x < 10
func OldLocal(x int) int { // want "unsupported"
	y := x + 1
	//vsynth:assert old(y) == y // want "unsupported: variable y has no value here"
	return y
}

// positive asserts what its callers know; called from a clause, the
// assert would never be checked.
func positive(x int) bool {
	//vsynth:assert x > 0 // want "unsupported: vsynth:assert in a function called from a spec"
	return x > 0
}

// InClause calls positive from its ensures clause: unsupported.
//
//vsynth:requires x > 0
//vsynth:ensures positive(result)
func InClause(x int) int { // want "unsupported"
	return x
}

// trustedHelper assumes what it cannot show; inlined into its caller,
// the assumption is the caller's.
func trustedHelper(x int) int {
	//vsynth:assume x != 7
	return x
}

// InlinedAssume proves its ensures only from the helper's assumption.
//
//vsynth:ensures result != 7
func InlinedAssume(x int) int { // want "proved"
	return trustedHelper(x)
}

// AssumeInLoop's assume is lowered on every unrolled copy of the loop,
// and reported once.
//
//vsynth:requires n >= 0 && n <= 3
//vsynth:ensures result <= 3
func AssumeInLoop(n int) int { // want "proved"
	s := 0
	for i := 0; i < n; i++ {
		//vsynth:assume s <= i
		s++
	}
	return s
}

// AddressTaken writes x through a pointer before the assert: the value
// lives in memory, which the ghost line does not read. Unsupported.
//
//vsynth:requires x < 10
func AddressTaken(x int) int { // want "unsupported"
	p := &x
	*p = 5
	//vsynth:assert x == 5 // want "unsupported: the address-taken variable x"
	return x
}
