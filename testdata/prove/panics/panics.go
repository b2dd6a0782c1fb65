// Package panics checks the implicit obligations: no reachable panic.
package panics

import "math/bits"

//vsynth:ensures true
func Div(a, b int) int { // want "failed"
	return a / b // want "divide-by-zero: failed"
}

//vsynth:requires b != 0
func DivSafe(a, b int) int { // want "proved"
	return a / b
}

//vsynth:ensures true
func Rem(a, b uint8) uint8 { // want "failed"
	return a % b // want "divide-by-zero: failed"
}

//vsynth:ensures true
func GuardedByBranch(a, b int32) int32 { // want "proved"
	if b == 0 {
		return 0
	}
	return a / b
}

//vsynth:ensures true
func ShiftSigned(x uint32, n int) uint32 { // want "failed"
	return x << n // want "negative-shift: failed"
}

//vsynth:requires n >= 0
func ShiftSignedSafe(x uint32, n int) uint32 { // want "proved"
	return x << n
}

//vsynth:ensures true
func ExplicitPanic(x int) int { // want "failed"
	if x == 42 {
		panic("x is 42") // want "panic: failed"
	}
	return x
}

//vsynth:requires x != 42
func ExplicitPanicExcluded(x int) int { // want "proved"
	if x == 42 {
		panic("x is 42")
	}
	return x
}

// A division after a panicking path is checked only where control
// reaches it: the panic is reachable, the division by zero is not.
//
//vsynth:ensures true
func PanicFirst(a, b int) int { // want "failed"
	if b == 0 {
		panic("zero") // want "panic: failed"
	}
	return a / b
}

//vsynth:ensures true
func BitsDiv(hi, lo, y uint64) uint64 { // want "failed"
	q, _ := bits.Div64(hi, lo, y) // want "divide-by-zero: failed" "divide-overflow: failed"
	return q
}

//vsynth:requires y != 0 && hi < y
func BitsDivSafe(hi, lo, y uint64) uint64 { // want "proved"
	q, _ := bits.Div64(hi, lo, y)
	return q
}

// A panic in a requires clause: x / y with y == 0.
//
//vsynth:requires x/y > 0 // want "well-defined: failed"
func IllDefinedRequires(x, y int) int { // want "failed"
	return x
}

//vsynth:requires y != 0 && x/y > 0
func WellDefinedRequires(x, y int) int { // want "proved"
	return x
}
