// Package contracts checks modular verification: a call to a function
// with a contract uses the contract, not the body.
package contracts

//vsynth:requires x >= 0
//vsynth:ensures result >= x
func Grow(x int32) int32 { // want "proved"
	if x < 1000 {
		return x + 1
	}
	return x
}

// The caller knows only Grow's contract: result >= x, not result == x+1.
//
//vsynth:requires y >= 0
//vsynth:ensures result >= y
func UseGrow(y int32) int32 { // want "proved"
	return Grow(y)
}

// Its contract allows Grow to return y unchanged; whether the body does is
// not the caller's business: unknown, not failed with a made-up
// counterexample.
//
//vsynth:requires y >= 0
//vsynth:ensures result == y+1 // want "ensures: unknown"
func UseGrowTooMuch(y int32) int32 { // want "unknown"
	return Grow(y)
}

//vsynth:ensures true
func BreaksRequires(y int32) int32 { // want "failed"
	return Grow(y) // want "call-requires: failed"
}

// A recursive function with a contract is verified modularly (partial
// correctness): the recursive call uses the contract.
//
//vsynth:requires n >= 0 && n <= 62
//vsynth:ensures result >= 1 && result <= 1<<n
func Pow2(n int64) int64 { // want "proved"
	if n == 0 {
		return 1
	}
	return 2 * Pow2(n-1)
}

// Its contract does not bound the result, so the caller cannot rule out
// that n + Sum(n-1) wraps around.
//
//vsynth:requires n >= 0 && n <= 20
//vsynth:ensures result >= n // want "ensures: unknown"
func Sum(n int64) int64 { // want "unknown"
	if n == 0 {
		return 0
	}
	return n + Sum(n-1)
}

// A contract is only as good as the proof of the function it belongs to:
// Loop is unsupported (it converts to a float), so a proof that relies on
// its contract is unknown.
//
//vsynth:requires n >= 0
//vsynth:ensures result >= 0
func Loop(n int) int { // want "unsupported"
	f := float64(n)
	return int(f) // want "unsupported: conversion from float64 to int"
}

//vsynth:requires n >= 0
//vsynth:ensures result >= 0
func UsesLoop(n int) int { // want "unknown"
	return Loop(n)
}

// And so is one that relies on that one.
//
//vsynth:requires n >= 0
//vsynth:ensures result >= 0
func UsesUsesLoop(n int) int { // want "unknown"
	return UsesLoop(n)
}
