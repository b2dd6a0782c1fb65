// Package overflow checks //vsynth:nooverflow: every integer operation of
// a marked function that wraps in Go is an overflow obligation, and each
// failed one replays: the compiled Go wraps at that operation.
package overflow

// Add wraps when x + y leaves int32.
//
//vsynth:nooverflow
func Add(x, y int32) int32 { // want "failed"
	return x + y // want "overflow: failed"
}

// AddBounded cannot wrap under its precondition.
//
//vsynth:requires -1000 <= x && x <= 1000 && -1000 <= y && y <= 1000
//vsynth:nooverflow
func AddBounded(x, y int32) int32 { // want "proved"
	return x + y
}

// Wraps is the same operation without the directive: Go's wrapping is
// what the code means, and nothing is checked.
//
//vsynth:ensures result == x+y
func Wraps(x, y int32) int32 { // want "proved"
	return x + y
}

// SubUnsigned wraps when y > x.
//
//vsynth:nooverflow
func SubUnsigned(x, y uint) uint { // want "failed"
	return x - y // want "overflow: failed"
}

// SubChecked tests first.
//
//vsynth:nooverflow
func SubChecked(x, y uint) uint { // want "proved"
	if y > x {
		return 0
	}
	return x - y
}

// Mul wraps when the product leaves int32.
//
//vsynth:nooverflow
func Mul(x, y int32) int32 { // want "failed"
	return x * y // want "overflow: failed"
}

// MulSmall's product fits.
//
//vsynth:requires x < 1<<16 && y < 1<<16
//vsynth:nooverflow
func MulSmall(x, y uint32) uint32 { // want "proved"
	return x * y
}

// Neg wraps at math.MinInt8.
//
//vsynth:nooverflow
func Neg(x int8) int8 { // want "failed"
	return -x // want "overflow: failed"
}

// NegUnsigned wraps for every x but 0.
//
//vsynth:nooverflow
func NegUnsigned(x uint16) uint16 { // want "failed"
	return -x // want "overflow: failed"
}

// Quo wraps at math.MinInt16 / -1; % never wraps.
//
//vsynth:requires y != 0
//vsynth:nooverflow
func Quo(x, y int16) (int16, int16) { // want "failed"
	return x / y, x % y // want "overflow: failed"
}

// Shl loses bits.
//
//vsynth:requires s < 8
//vsynth:nooverflow
func Shl(x uint8, s uint) uint8 { // want "failed"
	return x << s // want "overflow: failed"
}

// ShlFits keeps every bit: x < 16 and s <= 4.
//
//vsynth:requires x < 16 && s <= 4
//vsynth:nooverflow
func ShlFits(x uint8, s uint) uint8 { // want "proved"
	return x << s
}

// Narrow wraps when x leaves int8.
//
//vsynth:nooverflow
func Narrow(x int) int8 { // want "failed"
	return int8(x) // want "overflow: failed"
}

// ToUnsigned wraps on a negative x.
//
//vsynth:nooverflow
func ToUnsigned(x int) uint { // want "failed"
	return uint(x) // want "overflow: failed"
}

// Widen never wraps.
//
//vsynth:nooverflow
func Widen(x int32, y uint8) (int64, int16) { // want "proved"
	return int64(x), int16(y)
}

// Increment wraps through x++ and s += x.
//
//vsynth:nooverflow
func Increment(x, s int) int { // want "failed"
	x++    // want "overflow: failed"
	s += x // want "overflow: failed"
	return s
}

// Bitwise operators and >> never wrap.
//
//vsynth:nooverflow
func Bitwise(x, y int64, s uint) int64 { // want "proved"
	return (x & y) | (x ^ y) &^ ^x>>s
}

// Mid is the classic midpoint bug: lo + hi wraps for large indices.
//
//vsynth:requires 0 <= lo && lo <= hi
//vsynth:nooverflow
func Mid(lo, hi int) int { // want "failed"
	return (lo + hi) / 2 // want "overflow: failed"
}

// MidSafe cannot wrap.
//
//vsynth:requires 0 <= lo && lo <= hi
//vsynth:ensures lo <= result && result <= hi
//vsynth:nooverflow
func MidSafe(lo, hi int) int { // want "proved"
	return lo + (hi-lo)/2
}

// helper is not marked: called from a marked function, its wrapping is
// not checked there (only --overflow checks every function).
func helper(x int32) int32 { return x + 1 }

// CallsHelper is marked, helper is not.
//
//vsynth:nooverflow
func CallsHelper(x int32) int32 { // want "proved"
	return helper(x)
}

// markedHelper is marked and has no contract: calls inline it, and its
// operations are checked wherever it is inlined.
//
//vsynth:nooverflow
func markedHelper(x int32) int32 { // want "failed"
	return x + 1 // want "overflow: failed" "overflow: failed"
}

// CallsMarked gets markedHelper's overflow obligation, at markedHelper's
// operation, through the call.
//
//vsynth:ensures result == x+1
func CallsMarked(x int32) int32 { // want "failed"
	return markedHelper(x)
}
