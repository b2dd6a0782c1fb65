package lowerbound

// LowerBound returns the first index i with a[i] >= x, or len(a).
//
//vsynth:requires forall p, q int :: 0 <= p && p < len(a) && 0 <= q && q < len(a) && p <= q ==> a[p] <= a[q]
//vsynth:ensures 0 <= result && result <= len(a)
//vsynth:ensures forall k int :: 0 <= k && k < result ==> a[k] < x
//vsynth:ensures forall k int :: result <= k && k < len(a) ==> a[k] >= x
func LowerBound(a []int32, x int32) int {
	lo, hi := 0, len(a)
	//vsynth:invariant 0 <= lo && lo <= hi && hi <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < lo ==> a[k] < x
	//vsynth:invariant forall k int :: hi <= k && k < len(a) ==> a[k] >= x
	//vsynth:decreases hi - lo
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// LowerBoundBuggy mixes conventions: hi starts at the last index, as in a
// closed interval, while the loop treats it as an open end. It never
// returns len(a), even when every element is below x.
//
//vsynth:requires forall p, q int :: 0 <= p && p < len(a) && 0 <= q && q < len(a) && p <= q ==> a[p] <= a[q]
//vsynth:ensures 0 <= result && result <= len(a)
//vsynth:ensures forall k int :: 0 <= k && k < result ==> a[k] < x
//vsynth:ensures forall k int :: result <= k && k < len(a) ==> a[k] >= x
func LowerBoundBuggy(a []int32, x int32) int {
	lo, hi := 0, len(a)-1
	//vsynth:invariant 0 <= lo && lo <= hi+1 && hi < len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < lo ==> a[k] < x
	//vsynth:invariant forall k int :: hi <= k && k < len(a) ==> a[k] >= x
	for lo < hi {
		mid := lo + (hi-lo)/2
		if a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
