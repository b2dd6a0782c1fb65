package generics

import (
	"cmp"
	"slices"
)

// Sign compares with cmp.Compare.
//
//vsynth:ensures (result < 0) == (x < y) && (result == 0) == (x == y)
func Sign(x, y int) int { // want "proved"
	return cmp.Compare(x, y)
}

// Has looks for v with slices.Contains.
//
//vsynth:ensures result == (exists i int :: 0 <= i && i < len(s) && s[i] == v)
func Has(s []int, v int) bool { // want "proved"
	return slices.Contains(s, v)
}

// Find returns slices.Index.
//
//vsynth:ensures result == -1 || (0 <= result && result < len(s) && s[result] == v)
func Find(s []int32, v int32) int { // want "proved"
	return slices.Index(s, v)
}

// Largest panics on an empty slice.
//
//vsynth:ensures forall i int :: 0 <= i && i < len(s) ==> s[i] <= result
//vsynth:ensures exists i int :: 0 <= i && i < len(s) && s[i] == result
func Largest(s []int) int { // want "failed"
	return slices.Max(s) // want "panic: failed"
}

// LargestSafe requires a non-empty slice.
//
//vsynth:requires len(s) > 0
//vsynth:ensures forall i int :: 0 <= i && i < len(s) ==> s[i] <= result
//vsynth:ensures exists i int :: 0 <= i && i < len(s) && s[i] == result
func LargestSafe(s []int16) int16 { // want "proved"
	return slices.Max(s)
}

// FindWrong claims v is always found.
//
//vsynth:ensures result >= 0 // want "ensures: failed"
func FindWrong(s []uint8, v uint8) int { // want "failed"
	return slices.Index(s, v)
}
