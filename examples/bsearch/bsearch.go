package bsearch

// SearchBuggy returns the first index i with a[i] >= x, or len(a). It has
// no invariants: vsynth unrolls its loop and finds the overflow, an index
// out of range (its contract only bounds the input).
//
//vsynth:requires len(a) <= math.MaxInt16
func SearchBuggy(a []int32, x int32) int {
	lo, hi := int16(0), int16(len(a))
	for lo < hi {
		mid := (lo + hi) / 2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int(lo)
}

// Search is SearchBuggy with the midpoint computed without overflow.
//
//vsynth:requires len(a) <= math.MaxInt16
//vsynth:ensures 0 <= result && result <= len(a)
func Search(a []int32, x int32) int {
	lo, hi := int16(0), int16(len(a))
	//vsynth:invariant 0 <= lo && lo <= hi && int(hi) <= len(a)
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int(lo)
}
