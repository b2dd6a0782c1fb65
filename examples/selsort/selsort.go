package selsort

// Sort sorts a in place: at each position it swaps in the smallest
// element of the rest.
//
//vsynth:ensures mset(a) == old(mset(a))
func Sort(a []int32) {
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		m := i
		//vsynth:invariant i <= m && m < j && j <= len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		//vsynth:decreases len(a) - j
		for j := i + 1; j < len(a); j++ {
			if a[j] < a[m] {
				m = j
			}
		}
		a[i], a[m] = a[m], a[i]
	}
}

// SortBuggy scans one past the end of a for the smallest element.
//
//vsynth:ensures mset(a) == old(mset(a))
func SortBuggy(a []int32) {
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	for i := 0; i < len(a); i++ {
		m := i
		//vsynth:invariant i <= m && m < len(a) && m < j && j <= len(a)+1
		//vsynth:invariant mset(a) == old(mset(a))
		for j := i + 1; j <= len(a); j++ {
			if a[j] < a[m] {
				m = j
			}
		}
		a[i], a[m] = a[m], a[i]
	}
}
