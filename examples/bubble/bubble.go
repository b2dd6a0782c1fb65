package bubble

// Sort sorts a in place by swapping adjacent elements out of order.
//
//vsynth:ensures mset(a) == old(mset(a))
func Sort(a []int32) {
	//vsynth:invariant 0 <= n && n <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases n
	for n := len(a); n > 1; n-- {
		//vsynth:invariant 0 <= j && j < n && n <= len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		//vsynth:decreases n - j
		for j := 0; j+1 < n; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
			}
		}
	}
}

// SortBuggy swaps without a temporary: a[j]'s value is lost.
//
//vsynth:ensures mset(a) == old(mset(a))
func SortBuggy(a []int32) {
	//vsynth:invariant 0 <= n && n <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	for n := len(a); n > 1; n-- {
		//vsynth:invariant 0 <= j && j < n && n <= len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		for j := 0; j+1 < n; j++ {
			if a[j] > a[j+1] {
				a[j] = a[j+1]
				a[j+1] = a[j]
			}
		}
	}
}
