package divide

// Mean divides by a count that may be zero. vsynth reports the
// reachable division by zero with count = 0.
//
//vsynth:ensures sum >= 0 && count > 0 ==> 0 <= result && result <= sum
func Mean(sum, count int) int {
	return sum / count
}

// MeanSafe rules out the zero count in its precondition; vsynth proves
// both the postcondition and the absence of the panic.
//
//vsynth:requires count > 0
//vsynth:ensures sum >= 0 ==> 0 <= result && result <= sum
//vsynth:ensures sum < 0 ==> sum <= result && result <= 0
func MeanSafe(sum, count int) int {
	return sum / count
}

// QuoRem checks Go's division identity, which holds even for
// MinInt32 / -1 (the quotient wraps to MinInt32, the remainder is 0).
//
//vsynth:requires b != 0
//vsynth:ensures q*b+r == a
//vsynth:ensures r == 0 || (r < 0) == (a < 0)
func QuoRem(a, b int32) (q, r int32) {
	return a / b, a % b
}
