// Package bsearch is binary search over a sorted slice with int16
// indices, twice: with the classic midpoint (lo+hi)/2, which overflows
// when the slice is longer than about 21,800 elements and then indexes
// out of range, and with lo+(hi-lo)/2, which is proved with loop
// invariants. (With int32 indices the bug is the same, but it needs a
// slice of 2 billion elements, 8 GiB of int32: too large to replay.)
package bsearch
