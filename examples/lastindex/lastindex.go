package lastindex

// LastIndex returns the index of the last x in a, or -1.
//
//vsynth:ensures -1 <= result && result < len(a)
//vsynth:ensures result >= 0 ==> a[result] == x
//vsynth:ensures forall k int :: result < k && k < len(a) ==> a[k] != x
func LastIndex(a []int32, x int32) int {
	//vsynth:invariant -1 <= i && i < len(a)
	//vsynth:invariant forall k int :: i < k && k < len(a) ==> a[k] != x
	//vsynth:decreases i + 1
	for i := len(a) - 1; i >= 0; i-- {
		if a[i] == x {
			return i
		}
	}
	return -1
}

// LastIndexBuggy starts at len(a): an index out of range.
//
//vsynth:ensures -1 <= result && result < len(a)
//vsynth:ensures result >= 0 ==> a[result] == x
//vsynth:ensures forall k int :: result < k && k < len(a) ==> a[k] != x
func LastIndexBuggy(a []int32, x int32) int {
	//vsynth:invariant -1 <= i && i <= len(a)
	//vsynth:invariant forall k int :: i < k && k < len(a) ==> a[k] != x
	for i := len(a); i >= 0; i-- {
		if a[i] == x {
			return i
		}
	}
	return -1
}
