// Package unsupported checks that constructs vsynth does not model make
// a function unsupported, with the construct's position, never proved.
package unsupported

//vsynth:ensures result >= 0
func Goto(n int) int { // want "unsupported"
	if n > 5 {
		goto b
	}
a:
	n--
b:
	n -= 2 // want "unsupported: irreducible loop"
	if n > 0 {
		goto a
	}
	return 0
}

//vsynth:ensures true
func Float(x int) int { // want "unsupported"
	f := float64(x)
	return int(f) // want "unsupported: conversion from float64 to int"
}

//vsynth:ensures true
func Str(s string) int { // want "unsupported"
	m := map[string]int{} // want "unsupported: map with keys of type string"
	return m[s]
}

type T struct{ s string }

//vsynth:ensures true
func Ptr(p *T) int { // want "unsupported" "unsupported: parameter p: values of type string"
	return len(p.s)
}

//vsynth:ensures true
func Goroutine(x int) int { // want "unsupported"
	go func() {}() // want "unsupported: go statement"
	return x
}

// Interfaces are modelled now (testdata/prove/interfaces): an any
// parameter is nil or a value of one of the loaded packages' types.
//
//vsynth:ensures true
func Interface(x any) int { // want "proved"
	return 0
}

func helper(y int) int { return y }

// Comparing interfaces that hold functions panics even when the result is
// unused.
//
//vsynth:ensures result == x
func UncomparableEq(x int) int { // want "unsupported"
	var a any = helper
	_ = a == a // want "unsupported: interface holding func\\(y int\\) int"
	return x
}

func g0(x uint32) uint32  { return g1(x) ^ g1(x+1) }
func g1(x uint32) uint32  { return g2(x) ^ g2(x+1) }
func g2(x uint32) uint32  { return g3(x) ^ g3(x+1) }
func g3(x uint32) uint32  { return g4(x) ^ g4(x+1) }
func g4(x uint32) uint32  { return g5(x) ^ g5(x+1) }
func g5(x uint32) uint32  { return g6(x) ^ g6(x+1) }
func g6(x uint32) uint32  { return g7(x) ^ g7(x+1) }
func g7(x uint32) uint32  { return g8(x) ^ g8(x+1) }
func g8(x uint32) uint32  { return g9(x) ^ g9(x+1) }
func g9(x uint32) uint32  { return g10(x) ^ g10(x+1) }
func g10(x uint32) uint32 { return g11(x) ^ g11(x+1) }
func g11(x uint32) uint32 { return g12(x) ^ g12(x+1) }
func g12(x uint32) uint32 { return g13(x) ^ g13(x+1) }
func g13(x uint32) uint32 { return g14(x) ^ g14(x+1) } // want "unsupported: inlining budget exceeded"
func g14(x uint32) uint32 { return g15(x) ^ g15(x+1) }
func g15(x uint32) uint32 { return g16(x) ^ g16(x+1) }
func g16(x uint32) uint32 { return g17(x) ^ g17(x+1) }
func g17(x uint32) uint32 { return x }

// Inlining 2^17 calls would exhaust memory: the lowering gives up.
//
//vsynth:ensures true
func Exponential(x uint32) uint32 { // want "unsupported"
	return g0(x)
}
