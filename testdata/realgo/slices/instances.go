// Not copied code: the instantiations a program using the generic
// functions of slices.go makes (go/ssa verifies a generic function per
// instance the program uses).

package slices

func useInt(a, b []int, v int, i, j int, r *xorshift) {
	_ = Equal(a, b)
	_ = Compare(a, b)
	_ = Index(a, v)
	_ = Contains(a, v)
	_ = Delete(a, i, j)
	_ = Clone(a)
	_ = Compact(a)
	_ = Grow(a, i)
	_ = Clip(a)
	Reverse(a)
	_ = IsSorted(a)
	_ = Min(a)
	_ = Max(a)
	_, _ = BinarySearch(a, v)
	_ = isNaN(v)
	insertionSortOrdered(a, i, j)
	heapSortOrdered(a, i, j)
	reverseRangeOrdered(a, i, j)
	swapRangeOrdered(a, i, j, v)
}
