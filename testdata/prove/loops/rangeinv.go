package loops

// SumRange adds the elements of a slice in a range loop; the invariant
// speaks of i, the index of the iteration about to start.
//
//vsynth:requires len(a) < 1000
//vsynth:ensures result >= 0
func SumRange(a []uint8) int { // want "proved"
	s := 0
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant 0 <= s && s <= 255*i
	for i := range a {
		s += int(a[i])
	}
	return s
}

// IndexRange finds x with a range loop and a quantified invariant.
//
// Long test: 28M Z3 units, a fifth of this corpus's solver work.
//
//vsynth:ensures result == -1 || (0 <= result && result < len(a) && a[result] == x)
//vsynth:ensures result == -1 ==> forall k int :: 0 <= k && k < len(a) ==> a[k] != x
func IndexRange(a []int32, x int32) int { // want "proved"
	//vsynth:invariant 0 <= i && i <= len(a)
	//vsynth:invariant forall k int :: 0 <= k && k < i ==> a[k] != x
	for i := range a {
		if a[i] == x {
			return i
		}
	}
	return -1
}

// RangeWrongInvariant claims the index stays below the length at the
// head: false after the last iteration.
//
//vsynth:ensures result >= 0 // want "ensures: unknown"
func RangeWrongInvariant(a []int8) int { // want "failed"
	n := 0
	//vsynth:invariant i < len(a) || len(a) == 0 // want "invariant-preserved: failed"
	for i := range a {
		n += i
	}
	return n
}

// RangeValue uses the value variable in an invariant: it has no value at
// the head.
//
//vsynth:ensures result >= 0
func RangeValue(a []uint8) int { // want "unsupported"
	s := 0
	//vsynth:invariant v >= 0 // want "unsupported: the value variable v"
	for _, v := range a {
		s += int(v)
	}
	return s
}

// TriangleRange sums 0..n-1 with a range over an integer; i is the index
// of the iteration about to start.
//
// Long test: 9M Z3 units (64-bit multiplication in the invariant).
//
//vsynth:requires 0 <= n && n <= 1000
//vsynth:ensures result == n*(n-1)/2
func TriangleRange(n int) int { // want "proved"
	s := 0
	//vsynth:invariant 0 <= i && i < n
	//vsynth:invariant s == i*(i-1)/2
	for i := range n {
		s += i
	}
	return s
}
