// Package bsearch is binary search over a sorted slice with int32
// indices, twice: with the classic midpoint (lo+hi)/2, which overflows
// when the slice is longer than about 1.4 billion elements and then
// indexes out of range, and with lo+(hi-lo)/2, which is proved with loop
// invariants.
package bsearch
