package clamp

// Clamp limits x to [lo, hi].
func Clamp(x, lo, hi int64) int64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// Shift shifts x left by n, a count of any size.
func Shift(x uint8, n uint64) uint8 {
	return x << n
}
