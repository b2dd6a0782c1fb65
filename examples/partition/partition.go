package partition

// Partition moves the elements of a below p to its front and returns how
// many there are. Proved: it permutes a. (The partition property, two
// quantified invariants, times out on a loaded machine: see
// docs/contracts.md.)
//
//vsynth:ensures 0 <= result && result <= len(a)
//vsynth:ensures mset(a) == old(mset(a))
func Partition(a []int32, p int32) int {
	w := 0
	//vsynth:invariant 0 <= w && w <= i && i <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		if a[i] < p {
			a[w], a[i] = a[i], a[w]
			w++
		}
	}
	return w
}

// PartitionBuggy overwrites instead of swapping.
//
//vsynth:ensures mset(a) == old(mset(a))
func PartitionBuggy(a []int32, p int32) int {
	w := 0
	//vsynth:invariant 0 <= w && w <= i && i <= len(a)
	//vsynth:invariant mset(a) == old(mset(a))
	for i := 0; i < len(a); i++ {
		if a[i] < p {
			a[w] = a[i]
			w++
		}
	}
	return w
}
