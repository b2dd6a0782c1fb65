package q

// Clamp's contract is in clamp.vspec.
func Clamp(x, lo, hi int64) int64 { // want Clamp:`vsynth contract \(proved\)`
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
