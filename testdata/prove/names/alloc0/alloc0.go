// Package alloc0 is named like vsynth's allocation base; its package-level
// names are too.
package alloc0

var mem0 int32

// Get reads a package variable.
//
//vsynth:ensures result == alloc0
func Get(alloc0 int32) int32 { // want "proved"
	return alloc0
}

// Loop keeps loop variables named like vsynth's loop states.
//
//vsynth:requires n >= 0 && n < 100
//vsynth:ensures result == n
func Loop(n int32) int32 { // want "proved"
	var loop, sk int32
	//vsynth:invariant 0 <= loop && loop <= n && sk == loop
	for loop = 0; loop < n; loop++ {
		sk++
	}
	return sk
}

// Quantified names its quantified variables alloc0 and read.
//
//vsynth:requires len(a) > 2
//vsynth:ensures forall alloc0 int :: 0 <= alloc0 && alloc0 < len(a) ==> a[alloc0] == 7
func Quantified(a []int8) { // want "proved"
	//vsynth:invariant 0 <= read && read <= len(a)
	//vsynth:invariant forall alloc0 int :: 0 <= alloc0 && alloc0 < read ==> a[alloc0] == 7
	for read := 0; read < len(a); read++ {
		a[read] = 7
	}
}

// QuantifiedFailed claims one element too many.
//
//vsynth:requires len(a) > 2
//vsynth:ensures exists read int :: 0 <= read && read < len(a) && a[read] == 8 // want "ensures: failed"
func QuantifiedFailed(a []int8) { // want "failed"
	for i := range a {
		a[i] = 7
	}
}
