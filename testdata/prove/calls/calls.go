// Package calls checks inlining of module functions and math/bits models.
package calls

import "math/bits"

func double(x int32) int32 { return x * 2 }

//vsynth:ensures result == x*4
func Quad(x int32) int32 { // want "proved"
	return double(double(x))
}

func divide(a, b int) int {
	return a / b // want "divide-by-zero: failed"
}

//vsynth:ensures true
func CallsDivide(a, b int) int { // want "failed"
	return divide(a, b)
}

//vsynth:requires b > 0
func CallsDivideSafe(a, b int) int { // want "proved"
	return divide(a, b)
}

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1) // want "unsupported: recursive call of fact"
}

//vsynth:ensures result >= 1
func Recursive(n int) int { // want "unsupported"
	return fact(n)
}

//vsynth:ensures result == bits.OnesCount32(x)
func PopCount(x uint32) int { // want "proved"
	x = x - ((x >> 1) & 0x55555555)
	x = (x & 0x33333333) + ((x >> 2) & 0x33333333)
	x = (x + (x >> 4)) & 0x0f0f0f0f
	return int((x * 0x01010101) >> 24)
}

//vsynth:ensures x != 0 ==> result == 31-bits.LeadingZeros32(x)
func Log2(x uint32) int { // want "proved"
	return bits.Len32(x) - 1
}

//vsynth:ensures result == x<<(k&63)|x>>(64-k&63)
func Rot(x uint64, k uint) uint64 { // want "proved"
	return bits.RotateLeft64(x, int(k))
}

//vsynth:ensures bits.Reverse8(result) == x
func Rev(x uint8) uint8 { // want "proved"
	return bits.Reverse8(x)
}

//vsynth:ensures result == bits.ReverseBytes16(x)
func Swap(x uint16) uint16 { // want "proved"
	return x<<8 | x>>8
}

//vsynth:ensures uint64(hi)<<32|uint64(lo) == uint64(x)*uint64(y)
func Mul(x, y uint32) (hi, lo uint32) { // want "proved"
	return bits.Mul32(x, y)
}

//vsynth:ensures carry <= 1
//vsynth:ensures (carry == 1) == (sum < x)
func Add(x, y uint64) (sum, carry uint64) { // want "proved"
	return bits.Add64(x, y, 0)
}

//vsynth:ensures result == bits.TrailingZeros16(x) // want "ensures: failed"
func TzWrong(x uint16) int { // want "failed"
	return bits.TrailingZeros16(x - 1)
}

// IntSlice is a named slice type, as sort.IntSlice.
type IntSlice []int

// FirstOr converts back and forth between IntSlice and []int (go/ssa's
// ChangeType), which used to be unsupported.
//
//vsynth:ensures len(p) == 0 ==> result == d
//vsynth:ensures len(p) > 0 ==> result == p[0]
func FirstOr(p IntSlice, d int) int { // want "proved"
	return firstOf([]int(p), d)
}

func firstOf(a []int, d int) int {
	if len(IntSlice(a)) == 0 {
		return d
	}
	return a[0]
}

// FirstOrBad forgets the empty slice.
//
//vsynth:ensures true
func FirstOrBad(p IntSlice) int { // want "failed"
	return []int(p)[0] // want "bounds: failed"
}
