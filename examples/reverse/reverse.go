package reverse

// Reverse reverses a in place.
//
//vsynth:ensures mset(a) == old(mset(a))
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> a[k] == old(a[len(a)-1-k])
func Reverse(a []int32) {
	//vsynth:invariant 0 <= i && i <= len(a)/2 && j == len(a)-1-i
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] == old(a[len(a)-1-k]) && a[len(a)-1-k] == old(a[k])
	//vsynth:invariant forall k int :: i <= k && k <= j ==> a[k] == old(a[k])
	//vsynth:decreases j - i
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// ReverseBuggy copies instead of swapping.
//
//vsynth:ensures mset(a) == old(mset(a))
func ReverseBuggy(a []int32) {
	//vsynth:invariant 0 <= i && i <= len(a)/2 && j == len(a)-1-i
	//vsynth:invariant mset(a) == old(mset(a))
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i] = a[j]
	}
}
