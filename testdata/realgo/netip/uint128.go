// Code copied from Go 1.26.8 src/net/netip/uint128.go
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package netip

import (
	"math/bits"
)

type uint128 struct {
	hi uint64
	lo uint64
}

//vsynth:requires 0 <= n && n <= 128
//vsynth:ensures n == 0 ==> result.hi == 0 && result.lo == 0
//vsynth:ensures n == 128 ==> result.hi == ^uint64(0) && result.lo == ^uint64(0)
//vsynth:ensures n == 64 ==> result.hi == ^uint64(0) && result.lo == 0
func mask6(n int) uint128 { // want "proved"
	return uint128{^(^uint64(0) >> n), ^uint64(0) << (128 - n)}
}

//vsynth:ensures result == (u.hi == 0 && u.lo == 0)
func (u uint128) isZero() bool { return u.hi|u.lo == 0 } // want "proved"

//vsynth:ensures result.hi == u.hi & m.hi && result.lo == u.lo & m.lo
func (u uint128) and(m uint128) uint128 { // want "proved"
	return uint128{u.hi & m.hi, u.lo & m.lo}
}

//vsynth:ensures result.hi == u.hi ^ m.hi && result.lo == u.lo ^ m.lo
func (u uint128) xor(m uint128) uint128 { // want "proved"
	return uint128{u.hi ^ m.hi, u.lo ^ m.lo}
}

//vsynth:ensures result.hi == u.hi | m.hi && result.lo == u.lo | m.lo
func (u uint128) or(m uint128) uint128 { // want "proved"
	return uint128{u.hi | m.hi, u.lo | m.lo}
}

//vsynth:ensures result.hi == ^u.hi && result.lo == ^u.lo
func (u uint128) not() uint128 { // want "proved"
	return uint128{^u.hi, ^u.lo}
}

//vsynth:ensures result.addOne() == u
func (u uint128) subOne() uint128 { // want "proved"
	lo, borrow := bits.Sub64(u.lo, 1, 0)
	return uint128{u.hi - borrow, lo}
}

//vsynth:ensures result.lo == u.lo + 1
//vsynth:ensures u.lo != ^uint64(0) ==> result.hi == u.hi
//vsynth:ensures u.lo == ^uint64(0) ==> result.hi == u.hi + 1
func (u uint128) addOne() uint128 { // want "proved"
	lo, carry := bits.Add64(u.lo, 1, 0)
	return uint128{u.hi + carry, lo}
}

//vsynth:requires u != nil
//vsynth:ensures *result[0] == u.hi && *result[1] == u.lo
func (u *uint128) halves() [2]*uint64 { // want "proved"
	return [2]*uint64{&u.hi, &u.lo}
}

//vsynth:requires bit <= 128
//vsynth:ensures bit == 0 ==> result.hi == ^uint64(0) && result.lo == ^uint64(0)
//vsynth:ensures bit == 128 ==> result == u
func (u uint128) bitsSetFrom(bit uint8) uint128 { // want "proved"
	return u.or(mask6(int(bit)).not())
}

//vsynth:requires bit <= 128
//vsynth:ensures bit == 0 ==> result.isZero()
//vsynth:ensures bit == 128 ==> result == u
func (u uint128) bitsClearedFrom(bit uint8) uint128 { // want "proved"
	return u.and(mask6(int(bit)))
}
