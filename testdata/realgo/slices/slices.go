// Code copied from Go 1.26.8 src/slices/{slices.go,sort.go,zsortordered.go}
// (BSD-3-Clause, the Go Authors; see testdata/realgo/README.md). Only //vsynth: contract lines
// were added; the declarations are verbatim, without their doc comments.

package slices

import (
	"cmp"
	"math/bits"
)

//vsynth:ensures result ==> len(s1) == len(s2)
//vsynth:ensures len(s1) == 0 && len(s2) == 0 ==> result
func Equal[S ~[]E, E comparable](s1, s2 S) bool { // want "proved"
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

//vsynth:ensures -1 <= result && result <= 1
//vsynth:ensures len(s1) == 0 && len(s2) == 0 ==> result == 0
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int { // want "proved"
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		v2 := s2[i]
		if c := cmp.Compare(v1, v2); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

//vsynth:ensures -1 <= result && result < len(s)
//vsynth:ensures result >= 0 ==> s[result] == v
func Index[S ~[]E, E comparable](s S, v E) int { // want "proved"
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

//vsynth:ensures result ==> len(s) > 0
func Contains[S ~[]E, E comparable](s S, v E) bool { // want "proved"
	return Index(s, v) >= 0
}

//vsynth:requires 0 <= i && i <= j && j <= len(s)
//vsynth:ensures len(result) == len(s) - (j - i)
func Delete[S ~[]E, E any](s S, i, j int) S { // want "proved"
	_ = s[i:j:len(s)] // bounds check

	if i == j {
		return s
	}

	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	clear(s[len(s):oldlen]) // zero/nil out the obsolete elements, for GC
	return s
}

//vsynth:ensures len(result) == len(s)
func Clone[S ~[]E, E any](s S) S { // want "unknown"
	// Preserve nilness in case it matters.
	if s == nil {
		return nil
	}
	// Avoid s[:0:0] as it leads to unwanted liveness when cloning a
	// zero-length slice of a large array; see https://go.dev/issue/68488.
	return append(S{}, s...)
}

//vsynth:ensures len(result) <= len(s)
func Compact[S ~[]E, E comparable](s S) S { // want "unknown"
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if s[k] == s[k-1] {
			s2 := s[k:]
			for k2 := 1; k2 < len(s2); k2++ {
				if s2[k2] != s2[k2-1] {
					s[k] = s2[k2]
					k++
				}
			}

			clear(s[k:]) // zero/nil out the obsolete elements, for GC
			return s[:k]
		}
	}
	return s
}

//vsynth:requires n >= 0 && len(s) < 1<<40 && n < 1<<40
//vsynth:ensures len(result) == len(s) && cap(result) - len(result) >= n
func Grow[S ~[]E, E any](s S, n int) S { // want "proved"
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		// This expression allocates only once (see test).
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

//vsynth:ensures len(result) == len(s) && cap(result) == len(s)
func Clip[S ~[]E, E any](s S) S { // want "proved"
	return s[:len(s):len(s)]
}

//vsynth:ensures true
func Reverse[S ~[]E, E any](s S) { // want "unknown"
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

//vsynth:ensures len(x) <= 1 ==> result
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool { // want "unknown"
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

//vsynth:requires len(x) > 0
//vsynth:ensures forall k int :: 0 <= k && k < len(x) ==> result <= x[k]
func Min[S ~[]E, E cmp.Ordered](x S) E { // want "unknown"
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = min(m, x[i])
	}
	return m
}

//vsynth:requires len(x) > 0
//vsynth:ensures forall k int :: 0 <= k && k < len(x) ==> result >= x[k]
func Max[S ~[]E, E cmp.Ordered](x S) E { // want "unknown"
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = max(m, x[i])
	}
	return m
}

//vsynth:ensures 0 <= result0 && result0 <= len(x)
//vsynth:ensures result1 ==> x[result0] == target
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) { // want "unknown"
	// Inlining is faster than calling BinarySearchFunc with a lambda.
	n := len(x)
	// Define x[-1] < target and x[n] >= target.
	// Invariant: x[i-1] < target, x[j] >= target.
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1) // avoid overflow when computing h
		// i ≤ h < j
		if cmp.Less(x[h], target) {
			i = h + 1 // preserves x[i-1] < target
		} else {
			j = h // preserves x[j] >= target
		}
	}
	// i == j, x[i-1] < target, and x[j] (= x[i]) >= target  =>  answer is i.
	return i, i < n && (x[i] == target || (isNaN(x[i]) && isNaN(target)))
}

type sortedHint int

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
	return 1 << bits.Len(uint(length))
}

//vsynth:ensures true
func isNaN[T cmp.Ordered](x T) bool { // want "proved"
	return x != x
}

//vsynth:requires 0 <= a && a <= b && b <= len(data)
//vsynth:ensures true
func insertionSortOrdered[E cmp.Ordered](data []E, a, b int) { // want "proved"
	for i := a + 1; i < b; i++ {
		for j := i; j > a && cmp.Less(data[j], data[j-1]); j-- {
			data[j], data[j-1] = data[j-1], data[j]
		}
	}
}

//vsynth:requires 0 <= lo && lo <= hi && hi < 1<<40 && first >= 0 && first + hi <= len(data)
//vsynth:ensures true
func siftDownOrdered[E cmp.Ordered](data []E, lo, hi, first int) { // want "failed"
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			break
		}
		if child+1 < hi && cmp.Less(data[first+child], data[first+child+1]) {
			child++
		}
		if !cmp.Less(data[first+root], data[first+child]) {
			return
		}
		data[first+root], data[first+child] = data[first+child], data[first+root]
		root = child
	}
}

//vsynth:requires 0 <= a && a <= b && b <= len(data)
//vsynth:ensures true
func heapSortOrdered[E cmp.Ordered](data []E, a, b int) { // want "unknown"
	first := a
	lo := 0
	hi := b - a

	// Build heap with greatest element at top.
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDownOrdered(data, i, hi, first)
	}

	// Pop elements, largest first, into end of data.
	for i := hi - 1; i >= 0; i-- {
		data[first], data[first+i] = data[first+i], data[first]
		siftDownOrdered(data, lo, i, first)
	}
}

//vsynth:requires 0 <= a && a <= b && b <= len(data)
//vsynth:ensures true
func reverseRangeOrdered[E cmp.Ordered](data []E, a, b int) { // want "proved"
	i := a
	j := b - 1
	for i < j {
		data[i], data[j] = data[j], data[i]
		i++
		j--
	}
}

//vsynth:requires 0 <= a && 0 <= b && 0 <= n && a + n <= len(data) && b + n <= len(data)
//vsynth:ensures true
func swapRangeOrdered[E cmp.Ordered](data []E, a, b, n int) { // want "failed"
	for i := 0; i < n; i++ {
		data[a+i], data[b+i] = data[b+i], data[a+i]
	}
}
