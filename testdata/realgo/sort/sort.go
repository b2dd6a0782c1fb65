// Code copied from Go 1.26.8 src/sort/{sort.go,search.go,zsortinterface.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package sort

import (
	"math/bits"
)

type Interface interface {
	// Len is the number of elements in the collection.
	Len() int

	// Less reports whether the element with index i
	// must sort before the element with index j.
	//
	// If both Less(i, j) and Less(j, i) are false,
	// then the elements at index i and j are considered equal.
	// Sort may place equal elements in any order in the final result,
	// while Stable preserves the original input order of equal elements.
	//
	// Less must describe a [Strict Weak Ordering]. For example:
	//  - if both Less(i, j) and Less(j, k) are true, then Less(i, k) must be true as well.
	//  - if both Less(i, j) and Less(j, k) are false, then Less(i, k) must be false as well.
	//
	// Note that floating-point comparison (the < operator on float32 or float64 values)
	// is not a strict weak ordering when not-a-number (NaN) values are involved.
	// See Float64Slice.Less for a correct implementation for floating-point values.
	//
	// [Strict Weak Ordering]: https://en.wikipedia.org/wiki/Weak_ordering#Strict_weak_orderings
	Less(i, j int) bool

	// Swap swaps the elements with indexes i and j.
	Swap(i, j int)
}

type xorshift uint64

//vsynth:requires r != nil
//vsynth:ensures result == uint64(*r)
func (r *xorshift) Next() uint64 { // want "proved"
	*r ^= *r << 13
	*r ^= *r >> 7
	*r ^= *r << 17
	return uint64(*r)
}

//vsynth:requires length > 0 && length < 1<<62
//vsynth:ensures result >= uint(length) && result <= 2*uint(length)
func nextPowerOfTwo(length int) uint { // want "proved"
	shift := uint(bits.Len(uint(length)))
	return uint(1 << shift)
}

type reverse struct {
	// This embedded Interface permits Reverse to use the methods of
	// another Interface implementation.
	Interface
}

//vsynth:ensures true
func (r reverse) Less(i, j int) bool { // want "failed"
	return r.Interface.Less(j, i)
}

//vsynth:ensures result != nil
func Reverse(data Interface) Interface { // want "proved"
	return &reverse{data}
}

//vsynth:requires data != nil
//vsynth:ensures true
func IsSorted(data Interface) bool { // want "failed"
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type IntSlice []int

//vsynth:ensures result == len(x)
func (x IntSlice) Len() int { return len(x) } // want "proved"

//vsynth:requires 0 <= i && i < len(x) && 0 <= j && j < len(x)
//vsynth:ensures result == (x[i] < x[j])
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] } // want "proved"

//vsynth:requires 0 <= i && i < len(x) && 0 <= j && j < len(x)
//vsynth:ensures x[i] == old(x[j]) && x[j] == old(x[i])
func (x IntSlice) Swap(i, j int) { x[i], x[j] = x[j], x[i] } // want "proved"

//vsynth:requires n >= 0
//vsynth:ensures 0 <= result && result <= n
func Search(n int, f func(int) bool) int { // want "failed"
	// Define f(-1) == false and f(n) == true.
	// Invariant: f(i-1) == false, f(j) == true.
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1) // avoid overflow when computing h
		// i ≤ h < j
		if !f(h) {
			i = h + 1 // preserves f(i-1) == false
		} else {
			j = h // preserves f(j) == true
		}
	}
	// i == j, f(i-1) == false, and f(j) (= f(i)) == true  =>  answer is i.
	return i
}

//vsynth:requires n >= 0
//vsynth:ensures 0 <= i && i <= n
//vsynth:ensures found ==> i < n
func Find(n int, cmp func(int) int) (i int, found bool) { // want "failed"
	// The invariants here are similar to the ones in Search.
	// Define cmp(-1) > 0 and cmp(n) <= 0
	// Invariant: cmp(i-1) > 0, cmp(j) <= 0
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1) // avoid overflow when computing h
		// i ≤ h < j
		if cmp(h) > 0 {
			i = h + 1 // preserves cmp(i-1) > 0
		} else {
			j = h // preserves cmp(j) <= 0
		}
	}
	// i == j, cmp(i-1) > 0 and cmp(j) <= 0
	return i, i < n && cmp(i) == 0
}

//vsynth:ensures 0 <= result && result <= len(a)
func SearchInts(a []int, x int) int { // want "unknown"
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

//vsynth:ensures 0 <= result && result <= len(p)
func (p IntSlice) Search(x int) int { return SearchInts(p, x) } // want "unknown"

//vsynth:requires data != nil && 0 <= a && a <= b && b <= data.Len()
//vsynth:ensures true
func insertionSort(data Interface, a, b int) { // want "unsupported"
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

//vsynth:requires data != nil && 0 <= lo && lo <= hi && hi < 1<<40 && first >= 0
//vsynth:ensures true
func siftDown(data Interface, lo, hi, first int) { // want "failed"
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

//vsynth:requires data != nil && 0 <= a && a <= b && b < 1<<40
//vsynth:ensures true
func heapSort(data Interface, a, b int) { // want "failed"
	first := a
	lo := 0
	hi := b - a

	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}

	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}
