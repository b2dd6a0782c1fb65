package issorted

// IsSorted reports whether a is in non-decreasing order.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:ensures result == (forall k int :: 0 < k && k < len(a) ==> a[k-1] <= a[k])
func IsSorted(a []int32) bool {
	if len(a) == 0 {
		return true
	}
	//vsynth:invariant 1 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 < k && k < i ==> a[k-1] <= a[k]
	//vsynth:decreases len(a) - i
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

// IsSortedBuggy starts one pair late and never compares a[0] with a[1].
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:ensures result == (forall k int :: 0 < k && k < len(a) ==> a[k-1] <= a[k])
func IsSortedBuggy(a []int32) bool {
	if len(a) <= 1 {
		return true
	}
	//vsynth:invariant 2 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 < k && k < i ==> a[k-1] <= a[k]
	for i := 2; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}
