package argmin

// ArgMin returns the index of the first smallest element of a.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:requires len(a) > 0
//vsynth:ensures 0 <= result && result < len(a)
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[result] <= a[k]
func ArgMin(a []int32) int {
	m, v := 0, a[0]
	//vsynth:invariant 0 <= m && m < i && i <= len(a) && a[m] == v
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> v <= a[k]
	//vsynth:decreases len(a) - i
	for i := 1; i < len(a); i++ {
		if a[i] < v {
			m, v = i, a[i]
		}
	}
	return m
}

// ArgMinBuggy stops one element early and never looks at the last one.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:requires len(a) > 0
//vsynth:ensures 0 <= result && result < len(a)
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[result] <= a[k]
func ArgMinBuggy(a []int32) int {
	m, v := 0, a[0]
	//vsynth:invariant 0 <= m && m < len(a) && 1 <= i && i <= len(a) && a[m] == v
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> v <= a[k]
	for i := 1; i < len(a)-1; i++ {
		if a[i] < v {
			m, v = i, a[i]
		}
	}
	return m
}
