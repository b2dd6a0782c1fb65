package isqrt

// Sqrt returns the integer square root of x: the largest r with r*r <= x.
//
//vsynth:ensures uint32(result)*uint32(result) <= uint32(x)
//vsynth:ensures uint32(x) < (uint32(result)+1)*(uint32(result)+1)
func Sqrt(x uint16) uint16 {
	lo, hi := uint32(0), uint32(256)
	//vsynth:invariant lo < hi && hi <= 256
	//vsynth:invariant lo*lo <= uint32(x) && uint32(x) < hi*hi
	//vsynth:decreases hi - lo
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if mid*mid <= uint32(x) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return uint16(lo)
}

// SqrtBuggy compares strictly: for a perfect square it returns one less
// than the root.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:ensures uint32(result)*uint32(result) <= uint32(x)
//vsynth:ensures uint32(x) < (uint32(result)+1)*(uint32(result)+1)
func SqrtBuggy(x uint16) uint16 {
	lo, hi := uint32(0), uint32(256)
	//vsynth:invariant lo < hi && hi <= 256
	//vsynth:invariant lo*lo <= uint32(x) && uint32(x) < hi*hi
	//vsynth:decreases hi - lo
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if mid*mid < uint32(x) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return uint16(lo)
}
