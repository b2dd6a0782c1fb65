package hackers

// SignPlain is the sign of x: -1, 0 or 1.
func SignPlain(x int32) int32 {
	if x > 0 {
		return 1
	}
	if x < 0 {
		return -1
	}
	return 0
}

// Sign is the branch-free sign (Hacker's Delight 2-8).
//
//vsynth:ensures result == SignPlain(x)
func Sign(x int32) int32 {
	return (x >> 31) | int32(uint32(-x)>>31)
}

// AbsPlain is the absolute value with a branch (wrapping at MinInt32).
func AbsPlain(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Abs is the branch-free absolute value (Hacker's Delight 2-4).
//
//vsynth:ensures result == AbsPlain(x)
func Abs(x int64) int64 {
	m := x >> 63
	return (x ^ m) - m
}

// AvgFloor is the floor of the average without overflow (Hacker's
// Delight 2-5), stated against 64-bit arithmetic.
//
//vsynth:ensures uint64(result) == (uint64(x)+uint64(y))/2
func AvgFloor(x, y uint32) uint32 {
	return (x & y) + ((x ^ y) >> 1)
}

// LowestBit isolates the rightmost 1-bit (Hacker's Delight 2-1).
//
//vsynth:ensures x == 0 ==> result == 0
//vsynth:ensures x != 0 ==> result == 1<<bits.TrailingZeros32(x)
func LowestBit(x uint32) uint32 {
	return x & -x
}

// IsPow2 tests for a power of two with one subtraction (Hacker's Delight 2-1).
//
//vsynth:ensures result == (bits.OnesCount64(x) == 1)
func IsPow2(x uint64) bool {
	return x != 0 && x&(x-1) == 0
}

// SignBuggy shifts x where Sign shifts -x: every positive x gets sign 0.
//
//vsynth:ensures result == SignPlain(x)
func SignBuggy(x int32) int32 {
	return (x >> 31) | int32(uint32(x)>>31)
}
