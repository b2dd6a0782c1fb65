package isort

// Sort sorts a in place.
//
//vsynth:ensures mset(a) == old(mset(a))
func Sort(a []int) {
	//vsynth:invariant 1 <= i
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases len(a) - i
	for i := 1; i < len(a); i++ {
		//vsynth:invariant 0 <= j && j <= i && i < len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		//vsynth:decreases j
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1], a[j] = a[j], a[j-1]
		}
	}
}

// SortBuggy shifts instead of swapping and loses the element it moves.
//
//vsynth:ensures mset(a) == old(mset(a))
func SortBuggy(a []int) {
	//vsynth:invariant 1 <= i
	//vsynth:invariant mset(a) == old(mset(a))
	for i := 1; i < len(a); i++ {
		//vsynth:invariant 0 <= j && j <= i && i < len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j] = a[j-1]
		}
	}
}
