package partition

// Partition moves the elements of a below p to its front and returns how
// many there are.
//
//vsynth:ensures 0 <= result && result <= len(a)
//vsynth:ensures forall k int :: 0 <= k && k < result ==> a[k] < p
//vsynth:ensures forall k int :: result <= k && k < len(a) ==> a[k] >= p
//vsynth:ensures mset(a) == old(mset(a))
func Partition(a []int32, p int32) int {
	w := 0
	//vsynth:invariant 0 <= w && w <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < w ==> a[k] < p
	//vsynth:invariant forall k int :: w <= k && k < i ==> a[k] >= p
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
