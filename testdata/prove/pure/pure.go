// Package pure calls //vsynth:pure functions from clauses: by their
// contract, inlined with recursion unfolded, as methods, and the checks
// of what the directive claims.
package pure

// sorted is known to clauses by its ensures clause.
//
//vsynth:pure
//vsynth:ensures result == forall k int :: 0 < k && k < len(a) ==> a[k-1] <= a[k]
func sorted(a []int) bool { // want "proved"
	//vsynth:invariant 1 <= i
	//vsynth:invariant len(a) == 0 || i <= len(a)
	//vsynth:invariant forall k int :: 0 < k && k < i && k < len(a) ==> a[k-1] <= a[k]
	//vsynth:decreases len(a) - i
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

// Last3 needs sortedness at two adjacent places of any slice.
//
//vsynth:requires len(a) >= 3 && sorted(a)
//vsynth:ensures result <= a[len(a)-1]
func Last3(a []int) int { // want "proved"
	n := len(a)
	return min(a[n-2], a[n-3])
}

//vsynth:requires len(a) >= 3 && sorted(a)
//vsynth:ensures result == a[len(a)-1] // want "ensures: failed"
func Last3Buggy(a []int) int { // want "failed"
	n := len(a)
	return max(a[n-2], a[n-3])
}

// sum is recursive and has no ensures: a clause inlines it, unfolding
// the recursion up to six calls deep.
//
//vsynth:pure
//vsynth:decreases len(a)
func sum(a []int) int { // want "proved"
	if len(a) == 0 {
		return 0
	}
	return a[0] + sum(a[1:])
}

//vsynth:requires len(a) == 3
//vsynth:ensures result == sum(a)
func Sum3(a []int) int { // want "proved"
	return a[2] + a[1] + a[0]
}

//vsynth:requires len(a) == 3
//vsynth:ensures result == sum(a) // want "ensures: failed"
func Sum3Buggy(a []int) int { // want "failed"
	return a[0] + a[1]
}

// Sum8's clause needs sum nine calls deep: unknown, never failed.
//
//vsynth:requires len(a) == 8
//vsynth:ensures result == sum(a) // want "ensures: unknown"
func Sum8(a []int) int { // want "unknown"
	s := 0
	for _, v := range a {
		s += v
	}
	return s
}

// Pair's Max is a pure method, called on the receiver in clauses.
type Pair struct{ A, B int32 }

//vsynth:pure
func (p Pair) Max() int32 { // want "proved"
	if p.A > p.B {
		return p.A
	}
	return p.B
}

//vsynth:ensures result == p.Max()
func Larger(p Pair) int32 { // want "proved"
	return max(p.A, p.B)
}

//vsynth:ensures result == p.Max() // want "ensures: failed"
func LargerBuggy(p Pair) int32 { // want "failed"
	return p.A
}

// clear0 writes its argument: not pure.
//
//vsynth:pure
func clear0(a []int) int { // want "unsupported"
	a[0] = 0 // want "unsupported: .*marked vsynth:pure but may write memory"
	return 0
}

// down has invariants but no measure: proved, but not known to terminate,
// so it is not pure, and neither is the proof that uses its contract.
//
//vsynth:pure
//vsynth:requires n >= 0
//vsynth:ensures result == 0
func down(n int) int { // want "unknown"
	i := n
	//vsynth:invariant i >= 0
	for i > 0 {
		i--
	}
	return i
}

//vsynth:requires n >= 0
//vsynth:ensures down(n) == 0
func UsesDown(n int) int { // want "unknown"
	return n
}
