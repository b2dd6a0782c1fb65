// Package loops checks loops: invariants (entry, preservation, use after
// the loop) and bounded unrolling with its unwinding obligation.
package loops

// Sum adds 0..n-1 with an invariant that bounds the running sum.
//
//vsynth:requires 0 <= n && n <= 1000
//vsynth:ensures result >= 0 && result <= n*n
func Sum(n int32) int32 { // want "proved"
	var s int32
	//vsynth:invariant 0 <= i && i <= n
	//vsynth:invariant 0 <= s && s <= i*i
	for i := int32(0); i < n; i++ {
		s += i
	}
	return s
}

// BadEntry's invariant is false on entry.
//
//vsynth:requires n >= 0
func BadEntry(n int) int { // want "failed"
	//vsynth:invariant i >= 1 // want "invariant-entry: failed"
	for i := 0; i < n; i++ {
	}
	return n
}

// NotPreserved's invariant holds on entry but one iteration breaks it.
//
//vsynth:requires n >= 0
func NotPreserved(n int) int { // want "failed"
	s := 0
	//vsynth:invariant s <= 10 // want "invariant-preserved: failed"
	for i := 0; i < n; i++ {
		s++
	}
	return s
}

// WeakInvariant proves nothing about the result: the ensures clause is
// unknown, not refuted — the counterexample would start from a state
// the invariant allows but the loop never reaches.
//
//vsynth:requires n >= 0 && n < 100
//vsynth:ensures result == n // want "ensures: unknown"
func WeakInvariant(n int) int { // want "unknown"
	i := 0
	//vsynth:invariant i >= 0
	for i < n {
		i++
	}
	return i
}

// StrongInvariant is WeakInvariant with the invariant that proves it.
//
//vsynth:requires n >= 0 && n < 100
//vsynth:ensures result == n
func StrongInvariant(n int) int { // want "proved"
	i := 0
	//vsynth:invariant 0 <= i && i <= n
	for i < n {
		i++
	}
	return i
}

// Unrolled has a constant trip count: unrolling covers it exactly.
//
//vsynth:ensures result == 10
func Unrolled() int { // want "proved"
	s := 0
	for i := 0; i < 5; i++ {
		s += i
	}
	return s
}

// PopCount runs at most 32 iterations, more than the default unrolling.
//
//vsynth:ensures result <= 32
func PopCount(x uint32) int { // want "unknown"
	n := 0
	for x != 0 { // want "unwinding: unknown"
		x &= x - 1
		n++
	}
	return n
}

// SmallPopCount runs at most 8 iterations: unrolling covers them all.
//
//vsynth:ensures result == bits.OnesCount8(x)
func SmallPopCount(x uint8) int { // want "proved"
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

// WrongCount is off by one: unrolling finds a real counterexample.
//
//vsynth:ensures result == bits.OnesCount8(x) // want "ensures: failed"
func WrongCount(x uint8) int { // want "failed"
	n := 0
	for x > 1 {
		x &= x - 1
		n++
	}
	return n
}

// Break leaves the loop early; the value computed in the loop is used
// after it.
//
//vsynth:ensures result >= 0 && result <= 8
func Break(x uint8) int { // want "proved"
	i := 0
	for ; i < 8; i++ {
		if x&(1<<i) != 0 {
			break
		}
	}
	return i
}

// Nested loops, both unrolled.
//
//vsynth:ensures result == 12
func Nested() int { // want "proved"
	s := 0
	for i := 0; i < 3; i++ {
		for j := 0; j < 4; j++ {
			s++
		}
	}
	return s
}

// RangeInt counts with range over an integer.
//
//vsynth:requires n >= 0 && n <= 6
//vsynth:ensures result == n
func RangeInt(n int) int { // want "proved"
	c := 0
	for range n {
		c++
	}
	return c
}

// DivInLoop divides by a value that reaches zero in the third iteration.
//
//vsynth:requires x > 0
func DivInLoop(x int8) int8 { // want "failed"
	var s int8
	for d := int8(2); d >= -1; d-- {
		s += x / d // want "divide-by-zero: failed"
	}
	return s
}

// Continue skips odd numbers; the invariant mentions both variables.
//
//vsynth:requires n >= 0 && n <= 100
//vsynth:ensures result >= 0 && result <= n
func Continue(n int) int { // want "proved"
	c := 0
	//vsynth:invariant 0 <= i && i <= n
	//vsynth:invariant 0 <= c && c <= i
	for i := 0; i < n; i++ {
		if i%2 == 1 {
			continue
		}
		c++
	}
	return c
}

// EarlyReturn returns from inside the loop.
//
//vsynth:requires n >= 0 && n <= 10
//vsynth:ensures result == n
func EarlyReturn(n int) int { // want "proved"
	for i := 0; ; i++ {
		if i == n {
			return i
		}
	}
}

// sumTo has a loop with an invariant that is false on entry: calling it
// from a spec must not let the invariant be assumed unchecked.
func sumTo(n int) int {
	i := 0
	//vsynth:invariant n > 1000
	for i < n { // want "unsupported: a loop with invariants in a function called from a spec"
		i++
	}
	return i
}

// SpecCallsLoop calls sumTo in its contract.
//
//vsynth:requires n >= 0 && n < 10
//vsynth:ensures result == sumTo(n)
func SpecCallsLoop(n int) int { // want "unsupported"
	return n
}

// Circular has two loops whose invariant is false on entry and whose
// conditions are false: the first loop's entry check must not rest on the
// second loop's invariant (and through it on its own).
//
//vsynth:requires n >= 0
func Circular(n int) int { // want "failed"
	i := 0
	//vsynth:invariant n > 5 // want "invariant-entry: failed"
	for n < 0 {
		i++
	}
	//vsynth:invariant n > 5
	for n < 0 {
		i++
	}
	return i
}
