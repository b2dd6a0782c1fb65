package prefixsum

// Prefix fills p with the prefix sums of a: p[0] = 0 and p[k+1] = p[k] +
// a[k] (wrapping like Go).
//
//vsynth:requires len(p) == len(a)+1
//vsynth:ensures p[0] == 0
//vsynth:ensures forall k int :: 0 <= k && k < len(a) ==> p[k+1] == p[k]+int16(a[k])
func Prefix(a []int8, p []int16) {
	p[0] = 0
	//vsynth:invariant 0 <= i && i <= len(a) && len(p) == len(a)+1
	//vsynth:invariant p[0] == 0
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> p[k+1] == p[k]+int16(a[k])
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		p[i+1] = p[i] + int16(a[i])
	}
}

// PrefixBuggy starts from a[0] instead of 0.
//
//vsynth:requires len(p) == len(a)+1 && len(a) > 0
//vsynth:ensures p[0] == 0
func PrefixBuggy(a []int8, p []int16) {
	p[0] = int16(a[0])
	for i := 0; i < len(a) && i < 2; i++ {
		p[i+1] = p[i] + int16(a[i])
	}
}
