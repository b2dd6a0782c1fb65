package satadd

import "math"

// SatAdd adds with saturation. The contract states it against exact
// 64-bit arithmetic; vsynth proves it.
//
//vsynth:ensures int64(result) == max(math.MinInt32, min(math.MaxInt32, int64(a)+int64(b)))
func SatAdd(a, b int32) int32 {
	s := a + b
	if a > 0 && b > 0 && s < 0 {
		return math.MaxInt32
	}
	if a < 0 && b < 0 && s >= 0 {
		return math.MinInt32
	}
	return s
}

// SatAddBuggy checks only one direction of overflow. vsynth finds two
// large negative numbers whose sum wraps to a positive one.
//
//vsynth:ensures int64(result) == max(math.MinInt32, min(math.MaxInt32, int64(a)+int64(b)))
func SatAddBuggy(a, b int32) int32 {
	s := a + b
	if a > 0 && b > 0 && s < 0 {
		return math.MaxInt32
	}
	return s
}
