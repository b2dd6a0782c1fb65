package search

// Index returns the index of the first x in a, or -1.
//
//vsynth:ensures result == -1 || (0 <= result && result < len(a) && a[result] == x)
//vsynth:ensures result == -1 ==> forall k int :: 0 <= k && k < len(a) ==> a[k] != x
func Index(a []int32, x int32) int {
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] != x
	for i := 0; i < len(a); i++ {
		if a[i] == x {
			return i
		}
	}
	return -1
}

// Max returns the largest element of a non-empty slice.
//
//vsynth:requires len(a) > 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[k] <= result
//vsynth:ensures exists k int :: 0 <= k && k < len(a) && a[k] == result
func Max(a []int64) int64 {
	m := a[0]
	//vsynth:invariant 1 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] <= m
	//vsynth:invariant exists k int :: 0 <= k && k < i && a[k] == m
	for i := 1; i < len(a); i++ {
		if a[i] > m {
			m = a[i]
		}
	}
	return m
}

// MaxBuggy starts from zero instead of the first element: for a slice of
// negative numbers it returns 0, which is not an element.
//
//vsynth:requires len(a) > 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[k] <= result
//vsynth:ensures exists k int :: 0 <= k && k < len(a) && a[k] == result
func MaxBuggy(a []int64) int64 {
	var m int64
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] <= m
	//vsynth:invariant i == 0 || exists k int :: 0 <= k && k < i && a[k] == m
	for i := 0; i < len(a); i++ {
		if a[i] > m {
			m = a[i]
		}
	}
	return m
}
