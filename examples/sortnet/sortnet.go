package sortnet

// cx orders a[i] and a[j].
func cx(a []int32, i, j int) {
	if a[i] > a[j] {
		a[i], a[j] = a[j], a[i]
	}
}

// Sort4 sorts four elements.
//
//vsynth:requires len(a) == 4
//vsynth:ensures a[0] <= a[1] && a[1] <= a[2] && a[2] <= a[3]
//vsynth:ensures mset(a) == old(mset(a))
func Sort4(a []int32) {
	cx(a, 0, 1)
	cx(a, 2, 3)
	cx(a, 0, 2)
	cx(a, 1, 3)
	cx(a, 1, 2)
}

// Sort4Buggy leaves out the last comparator.
//
//vsynth:requires len(a) == 4
//vsynth:ensures a[0] <= a[1] && a[1] <= a[2] && a[2] <= a[3]
//vsynth:ensures mset(a) == old(mset(a))
func Sort4Buggy(a []int32) {
	cx(a, 0, 1)
	cx(a, 2, 3)
	cx(a, 0, 2)
	cx(a, 1, 3)
}

// cxLossy "orders" a[i] and a[j] by copying the smaller one.
func cxLossy(a []int32, i, j int) {
	if a[i] > a[j] {
		a[i] = a[j]
	}
}

// Sort4Lossy sorts but loses elements: it is refuted on the permutation.
//
//vsynth:requires len(a) == 4
//vsynth:ensures mset(a) == old(mset(a))
func Sort4Lossy(a []int32) {
	cxLossy(a, 0, 1)
	cxLossy(a, 2, 3)
	cxLossy(a, 0, 2)
	cxLossy(a, 1, 3)
	cxLossy(a, 1, 2)
}
