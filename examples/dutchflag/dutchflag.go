package dutchflag

// Partition3 rearranges a into the elements below p, those equal to p
// and those above p, and returns where the middle region starts and ends.
//
//vsynth:ensures 0 <= lt && lt <= gt && gt <= len(a)
//vsynth:ensures mset(a) == old(mset(a))
func Partition3(a []int32, p int32) (lt, gt int) {
	lt, gt = 0, len(a)
	i := 0
	//vsynth:invariant 0 <= lt && lt <= i && i <= gt && gt <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases gt - i
	for i < gt {
		switch {
		case a[i] < p:
			a[lt], a[i] = a[i], a[lt]
			lt++
			i++
		case a[i] > p:
			gt--
			a[gt], a[i] = a[i], a[gt]
		default:
			i++
		}
	}
	return lt, gt
}

// Partition3Buggy moves an element above p to the back by copying it
// there, losing the element it overwrites.
//
// Long test: 40-110 s of solver time on a loaded machine (the CLI run of the README proves it by default).
//
//vsynth:ensures 0 <= lt && lt <= gt && gt <= len(a)
//vsynth:ensures mset(a) == old(mset(a))
func Partition3Buggy(a []int32, p int32) (lt, gt int) {
	lt, gt = 0, len(a)
	i := 0
	//vsynth:invariant 0 <= lt && lt <= i && i <= gt && gt <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases gt - i
	for i < gt {
		switch {
		case a[i] < p:
			a[lt], a[i] = a[i], a[lt]
			lt++
			i++
		case a[i] > p:
			gt--
			a[gt] = a[i]
		default:
			i++
		}
	}
	return lt, gt
}
