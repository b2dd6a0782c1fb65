// Package seq states that functions only permute a slice: mset(a) ==
// old(mset(a)).
package seq

//vsynth:requires len(a) == 2
//vsynth:ensures mset(a) == old(mset(a))
func Swap01(a []int) { // want "proved"
	a[0], a[1] = a[1], a[0]
}

//vsynth:requires len(a) == 2
//vsynth:ensures mset(a) == old(mset(a)) // want "ensures: failed"
func CopyOver(a []int) { // want "failed"
	a[0] = a[1]
}

// Rotate3 rotates through a temporary: a permutation, but not a swap the
// lemmas know, so the proof fails and the replay finds the clause true.
//
//vsynth:requires len(a) == 3
//vsynth:ensures mset(a) == old(mset(a)) // want "ensures: unknown"
func Rotate3(a []int8) { // want "unknown"
	t := a[0]
	a[0] = a[1]
	a[1] = a[2]
	a[2] = t
}

// Writes elsewhere leave a's multiset alone.
//
//vsynth:requires len(a) == 2 && len(b) == 1
//vsynth:ensures mset(a) == old(mset(a))
func Elsewhere(a []int, b []int8) { // want "proved"
	a[0], a[1] = a[1], a[0]
	b[0] = 7
}

// cx is a compare-exchange.
func cx(a []int8, i, j int) {
	if a[i] > a[j] {
		a[i], a[j] = a[j], a[i]
	}
}

// Sort4 is a sorting network.
//
//vsynth:requires len(a) == 4
//vsynth:ensures a[0] <= a[1] && a[1] <= a[2] && a[2] <= a[3]
//vsynth:ensures mset(a) == old(mset(a))
func Sort4(a []int8) { // want "proved"
	cx(a, 0, 1)
	cx(a, 2, 3)
	cx(a, 0, 2)
	cx(a, 1, 3)
	cx(a, 1, 2)
}

// InsertionSort sorts any slice by adjacent swaps; its invariants say
// only that it permutes a.
//
//vsynth:ensures mset(a) == old(mset(a))
func InsertionSort(a []int) { // want "proved"
	//vsynth:invariant 1 <= i
	//vsynth:invariant mset(a) == old(mset(a))
	//vsynth:decreases len(a) - i
	for i := 1; i < len(a); i++ {
		//vsynth:invariant 0 <= j && j <= i && i < len(a)
		//vsynth:invariant mset(a) == old(mset(a))
		//vsynth:decreases j
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1], a[j] = a[j], a[j-1]
		}
	}
}

// InsertionSortBuggy moves an element instead of swapping it.
//
//vsynth:ensures mset(a) == old(mset(a))
func InsertionSortBuggy(a []int) { // want "failed"
	//vsynth:invariant 1 <= i && (i <= len(a) || len(a) == 0)
	//vsynth:invariant mset(a) == old(mset(a))
	for i := 1; i < len(a); i++ {
		//vsynth:invariant 0 <= j && j <= i && i < len(a)
		//vsynth:invariant mset(a) == old(mset(a)) // want "invariant-preserved: failed"
		for j := i; j > 0 && a[j-1] > a[j]; j-- {
			a[j-1] = a[j]
		}
	}
}

// mset of a slice of structs is not modelled.
type point struct{ x, y int }

//vsynth:ensures mset(a) == old(mset(a)) // want "unsupported: mset of elements of type"
func Points(a []point) { // want "unsupported"
}
