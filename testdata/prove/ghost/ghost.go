// Package ghost checks ghost code: //vsynth:assert lines (proved where
// they stand, then known) and //vsynth:assume lines (trusted there, and
// reported as assumptions).
package ghost

// Halve asserts what the requires clause gives before it divides.
//
//vsynth:requires x > 0
//vsynth:ensures result >= 0
func Halve(x int) int { // want "proved"
	y := x / 2
	//vsynth:assert y >= 0 && y <= x
	return y
}

// BadAssert's assert is false when x is 0.
//
//vsynth:requires x >= 0
func BadAssert(x int) int { // want "failed"
	y := x + 1
	//vsynth:assert y > 1 // want "assert: failed"
	return y
}

// AssertKnown proves its ensures clause only from the assert, which a
// loop without invariants would not give: the assert is checked once,
// then known.
//
//vsynth:requires n >= 0 && n <= 4
//vsynth:ensures result == n
func AssertKnown(n int) int { // want "proved"
	i := 0
	for i < n {
		i++
	}
	//vsynth:assert i == n
	return i
}

// Trusted rests on an assumption the solver cannot check: the ensures
// clause holds only because of it, and the report says so.
//
//vsynth:ensures result != 0
func Trusted(x int) int { // want "proved"
	//vsynth:assume x != 0
	return x
}

// AssumeLater shows that an assume applies from its line on: the
// division before it is still checked.
//
//vsynth:requires x >= 0
func AssumeLater(x, y int) int { // want "failed"
	q := x / y // want "divide-by-zero: failed"
	//vsynth:assume y != 0
	return q
}

// OldParam asserts, after changing its parameter, what it was on entry.
//
//vsynth:requires x < 100
func OldParam(x int) int { // want "proved"
	x = x + 1
	//vsynth:assert x == old(x)+1
	return x
}

// InBranch asserts in one branch of an if, at the end of the block.
//
//vsynth:ensures result >= 0
func InBranch(x int) int { // want "proved"
	if x < 0 {
		x = -x
		//vsynth:assert x >= 0 || x == -x
	}
	if x < 0 {
		x = 0
	}
	return x
}

// LoopBody asserts inside a loop with invariants: checked on every
// iteration, from the state the invariants allow.
//
//vsynth:requires n >= 0 && n < 1000
//vsynth:ensures result == n
func LoopBody(n int) int { // want "proved"
	s := 0
	//vsynth:invariant 0 <= i && i <= n && s == i
	for i := 0; i < n; i++ {
		//vsynth:assert s < n
		s++
	}
	return s
}

// BeforeLoop asserts just before a loop: the line applies once, on entry.
//
//vsynth:requires n > 0 && n < 10
func BeforeLoop(n int) int { // want "failed"
	i := 0
	//vsynth:assert i == 0
	for i < n {
		i++
		//vsynth:assert i < n // want "assert: failed"
	}
	return i
}

// AfterCompound ends a block with a ghost line after an if statement:
// vsynth does not place it (the end of the if has no instruction of its
// own to stand before).
//
//vsynth:requires x >= 0
func AfterCompound(x int) int { // want "unsupported"
	if x > 0 {
		if x > 1 {
			x--
		}
		//vsynth:assert x >= 0 // want "unsupported: vsynth:assert at the end of a block after a compound"
	}
	return x
}

// UsesTrusted relies on the contract of Trusted, whose proof rests on an
// assumption: the report lists it for UsesTrusted too.
//
//vsynth:ensures result != 0
func UsesTrusted(x int) int { // want "proved"
	return Trusted(x)
}
