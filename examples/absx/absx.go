package absx

// Abs claims a non-negative result for every input. vsynth refutes it
// with x = -2147483648.
//
//vsynth:ensures result >= 0
func Abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// AbsSafe excludes MinInt32 in its precondition; vsynth proves it.
//
//vsynth:requires x != math.MinInt32
//vsynth:ensures result >= 0 && (result == x || result == -x)
func AbsSafe(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
