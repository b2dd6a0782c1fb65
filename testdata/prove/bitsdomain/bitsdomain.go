// Package bitsdomain checks math/bits outside its documented domain: a
// carry or borrow other than 0 or 1 is undefined (carry-domain), Div
// panics on y == 0 and on y <= hi, Rem on y == 0 only.
package bitsdomain

import "math/bits"

// B1 adds with a carry the caller chooses: 2 is outside the domain (the
// compiled intrinsic returns 13 for B1(5, 7, 2), not 14).
//
//vsynth:ensures result == x+y+c
func B1(x, y, c uint64) uint64 { // want "failed"
	s, _ := bits.Add64(x, y, c) // want "carry-domain: failed"
	return s
}

// B1Domain restricts the carry: proved.
//
//vsynth:requires c <= 1
//vsynth:ensures result == x+y+c
func B1Domain(x, y, c uint64) uint64 { // want "proved"
	s, _ := bits.Add64(x, y, c)
	return s
}

// CarryChain feeds a carry out, always 0 or 1, into the next addition.
//
//vsynth:ensures result <= 1
func CarryChain(a, b, c, d uint32) uint32 { // want "proved"
	_, k := bits.Add32(a, b, 0)
	_, k = bits.Add32(c, d, k)
	return k
}

// Sub32Borrow takes any borrow.
//
//vsynth:ensures true
func Sub32Borrow(x, y, b uint32) uint32 { // want "failed"
	d, _ := bits.Sub32(x, y, b) // want "carry-domain: failed"
	return d
}

// SubBorrow uses the word-size Sub with a bounded borrow.
//
//vsynth:requires b < 2
//vsynth:ensures result == x-y-b
func SubBorrow(x, y, b uint) uint { // want "proved"
	d, _ := bits.Sub(x, y, b)
	return d
}

// AddBig: a carry of 1<<63 (the intrinsic adds 0).
//
//vsynth:requires c >= 1<<63
//vsynth:ensures true
func AddBig(x, c uint) uint { // want "failed"
	s, _ := bits.Add(x, x, c) // want "carry-domain: failed"
	return s
}

// Sub64Nested: the call is in a callee, inlined.
//
//vsynth:ensures true
func Sub64Nested(x, b uint64) uint64 { // want "failed"
	return sub64(x, b)
}

func sub64(x, b uint64) uint64 {
	d, _ := bits.Sub64(x, 1, b) // want "carry-domain: failed"
	return d
}

// Rem64Overflow: Rem does not panic when the quotient would overflow
// (hi >= y).
//
//vsynth:requires y != 0
//vsynth:ensures true
func Rem64Overflow(hi, lo, y uint64) uint64 { // want "proved"
	return bits.Rem64(hi, lo, y)
}

// Rem32Zero: but it panics on y == 0.
//
//vsynth:ensures true
func Rem32Zero(hi, lo, y uint32) uint32 { // want "failed"
	return bits.Rem32(hi, lo, y) // want "divide-by-zero: failed"
}

// Div32: y <= hi overflows.
//
//vsynth:requires y != 0
//vsynth:ensures true
func Div32(hi, lo, y uint32) uint32 { // want "failed"
	q, _ := bits.Div32(hi, lo, y) // want "divide-overflow: failed"
	return q
}

// RotateNeg: a negative count rotates right; defined for every k.
//
//vsynth:ensures result == bits.RotateLeft16(bits.RotateLeft16(x, k), -k)
func RotateNeg(x uint16, k int) uint16 { // want "proved"
	return x
}
