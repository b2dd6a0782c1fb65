package sumsafe

// Sum returns the sum of a, computed in int: no addition wraps, since the
// invariant bounds the partial sum by the number of elements added.
//
//vsynth:requires len(a) <= 1<<20
//vsynth:nooverflow
func Sum(a []int8) int {
	s := 0
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant -128*i <= s && s <= 127*i
	//vsynth:decreases len(a) - i
	for i := 0; i < len(a); i++ {
		s += int(a[i])
	}
	return s
}

// SumBuggy accumulates in the element type: it wraps at once.
//
//vsynth:requires len(a) <= 1<<20
//vsynth:nooverflow
func SumBuggy(a []int8) int {
	var s int8
	for i := 0; i < len(a); i++ {
		s += a[i]
	}
	return int(s)
}
