package kadane

// MaxSubarray returns the largest sum of a contiguous, possibly empty,
// run of a.
//
//vsynth:requires len(a) <= 1<<20
//vsynth:ensures result >= 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> int(a[k]) <= result
func MaxSubarray(a []int8) int {
	best, cur := 0, 0
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant 0 <= cur && cur <= best && best <= 127*i
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> int(a[k]) <= best
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		cur = max(0, cur+int(a[i]))
		best = max(best, cur)
	}
	return best
}

// MaxSubarrayBuggy never restarts the run: a negative prefix drags every
// later sum down.
//
//vsynth:requires len(a) <= 1<<20
//vsynth:ensures result >= 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> int(a[k]) <= result
func MaxSubarrayBuggy(a []int8) int {
	best, cur := 0, 0
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant 0 <= cur && cur <= best && best <= 127*i
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> int(a[k]) <= best
	for i := 0; i < len(a); i++ {
		cur = cur + int(a[i])
		best = max(best, cur)
	}
	return best
}
