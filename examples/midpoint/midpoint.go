package midpoint

// Mid returns the midpoint of lo and hi the classic way. vsynth refutes
// it: when lo+hi exceeds math.MaxInt32 the sum wraps to a negative number.
//
//vsynth:requires 0 <= lo && lo <= hi
//vsynth:ensures lo <= result && result <= hi
func Mid(lo, hi int32) int32 {
	return (lo + hi) / 2
}

// MidSafe computes the midpoint without overflow; vsynth proves it.
//
//vsynth:requires 0 <= lo && lo <= hi
//vsynth:ensures lo <= result && result <= hi
//vsynth:ensures result == int32((int64(lo)+int64(hi))/2)
func MidSafe(lo, hi int32) int32 {
	return lo + (hi-lo)/2
}
