package reverse

// Reverse reverses a in place.
//
//vsynth:ensures mset(a) == old(mset(a))
func Reverse(a []int32) {
	//vsynth:invariant 0 <= i && i <= len(a)/2 && j == len(a)-1-i
	//vsynth:invariant mset(a) == old(mset(a))
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
