// Package arith checks that vsynth gives integer operators Go's meaning.
package arith

//vsynth:ensures result == x+1
func Inc(x int8) int8 { // want "proved"
	return x + 1
}

// Wrapping: 127 + 1 == -128, so this claim fails.
//
//vsynth:ensures result > x // want "ensures: failed"
func IncGrows(x int8) int8 { // want "failed"
	return x + 1
}

//vsynth:requires x < 127
//vsynth:ensures result > x
func IncGrowsBelowMax(x int8) int8 { // want "proved"
	return x + 1
}

// Truncating division: MinInt64 / -1 == MinInt64 and MinInt64 % -1 == 0.
//
//vsynth:ensures result == -9223372036854775808
func MinDivMinusOne(x int64) int64 { // want "proved"
	m := int64(-9223372036854775808)
	if x == -1 {
		return m / x
	}
	return m
}

//vsynth:ensures result == 0
func MinRemMinusOne(x int32) int32 { // want "proved"
	if x == -1 {
		return int32(-2147483648) % x
	}
	return 0
}

//vsynth:requires y != 0
//vsynth:ensures (x/y)*y+x%y == x
//vsynth:ensures x >= 0 ==> result >= 0
func Rem(x, y int32) int32 { // want "proved"
	return x % y
}

// -7 / 2 == -3 in Go (toward zero), not -4.
//
//vsynth:ensures result == -3
func TruncToZero() int32 { // want "proved"
	a, b := int32(-7), int32(2)
	return a / b
}

// Shifts by counts of any width: at or beyond the width, << gives 0 and
// signed >> fills with the sign.
//
//vsynth:ensures n >= 8 ==> result == 0
func ShlWide(x uint8, n uint64) uint8 { // want "proved"
	return x << n
}

//vsynth:ensures n >= 16 ==> (x < 0 ==> result == -1) && (x >= 0 ==> result == 0)
func SarWide(x int16, n uint32) int16 { // want "proved"
	return x >> n
}

// A count narrower than the shifted value still reaches past its width.
//
//vsynth:ensures n >= 64 ==> result == 0
func ShlNarrowCount(x uint64, n uint8) uint64 { // want "proved"
	return x << n
}

// Shift counts are not reduced modulo the width (unlike x86).
//
//vsynth:ensures result == x // want "ensures: failed"
func ShiftModulo(x uint32) uint32 { // want "failed"
	n := uint(32)
	return x << n
}

// Conversions truncate and extend by the source's signedness.
//
//vsynth:ensures result == int64(int8(x))
func SignExtend(x uint8) int64 { // want "proved"
	return int64(int8(x))
}

//vsynth:ensures x < 0 ==> result > 255
func ZeroExtendNegative(x int8) uint16 { // want "proved"
	return uint16(x)
}

//vsynth:ensures result == uint8(x&0xff)
func Truncate(x uint32) uint8 { // want "proved"
	return uint8(x)
}

// &^ clears bits.
//
//vsynth:ensures result&y == 0 && result|y == x|y
func AndNot(x, y uint16) uint16 { // want "proved"
	return x &^ y
}

// Unsigned comparison differs from signed.
//
//vsynth:ensures result == (x > 0x7fffffff)
func HighBit(x uint32) bool { // want "proved"
	return int32(x) < 0
}

// Complement and negation.
//
//vsynth:ensures result == -x-1
func Complement(x int64) int64 { // want "proved"
	return ^x
}

// Multiplication wraps.
//
//vsynth:ensures result/x == x // want "ensures: failed"
func SquareDivides(x int32) int32 { // want "failed"
	return x * x
}

// Untyped constants take the type of the context.
//
//vsynth:ensures result == 1<<31
func Top() uint32 { // want "proved"
	return 1 << 31
}

// An untyped constant shift count in a spec is a uint, as in Go: counts
// of 2^63 and more are valid and shift everything out.
//
//vsynth:requires x >= 0
//vsynth:ensures result>>9223372036854775808 == 0
//vsynth:ensures result == x>>18446744073709551615
func HugeSpecShift(x int64) int64 { // want "proved"
	if x < 0 {
		return -1
	}
	return 0
}
