// Package bounds checks the model's size bounds at their edges: a slice's
// backing array has at most maxAlloc (2^48 on amd64) bytes, so its
// capacity is at most 2^48 / the element's size; append's new array
// fits when the new length takes at most half of that. A counterexample
// at these edges needs a slice of terabytes, which cannot be written or
// run in Go: such a contract is unknown (never proved), not failed.
package bounds

// CapBytes40: a []byte may have more than 2^40 elements.
//
//vsynth:ensures result // want "ensures: unknown"
func CapBytes40(s []byte) bool { // want "unknown"
	return cap(s) <= 1<<40
}

// CapBytesMax: but no more than maxAlloc.
//
//vsynth:ensures result
func CapBytesMax(s []byte) bool { // want "proved"
	return cap(s) <= 1<<48
}

// CapInt64Max: 2^45 elements of 8 bytes.
//
//vsynth:ensures result
func CapInt64Max(s []int64) bool { // want "proved"
	return cap(s) <= 1<<45
}

// CapInt64Edge: and 2^45 is reached.
//
//vsynth:ensures result // want "ensures: unknown"
func CapInt64Edge(s []int64) bool { // want "unknown"
	return cap(s) < 1<<45
}

// Triple is 24 bytes.
type Triple struct{ A, B, C int64 }

// CapTripleMax: 2^48 / 24 elements.
//
//vsynth:ensures result
func CapTripleMax(s []Triple) bool { // want "proved"
	return cap(s) <= 11728124029610
}

// CapTripleEdge: and that many are allowed.
//
//vsynth:ensures result // want "ensures: unknown"
func CapTripleEdge(s []Triple) bool { // want "unknown"
	return cap(s) < 11728124029610
}

// Rows: a slice loaded from memory has the same bound.
//
//vsynth:requires len(g) > 0
//vsynth:ensures result // want "ensures: failed"
func Rows(g [][]byte) bool { // want "failed"
	return cap(g[0]) <= 1<<40
}

// (That make may allocate exactly maxAlloc bytes is TestMakeMaxAlloc's:
// a function allowed to would exhaust the memory of the harnesses that
// run proved functions.)

// MakeTooBig: one more byte panics.
//
//vsynth:requires n == 1<<48+1
func MakeTooBig(n int) []byte { // want "failed"
	return make([]byte, n) // want "bounds: failed"
}

// GrowFits: a []byte of fewer than 2^47 elements grows within maxAlloc, so
// append does not panic.
//
//vsynth:requires len(s) < 1<<47
//vsynth:ensures len(result) == len(s)+1 && cap(result) <= 1<<48
func GrowFits(s []byte) []byte { // want "proved"
	return append(s, 1)
}

// GrowPast42: growslice grows a full slice of 2^42-1 bytes by about
// 1.25x, past 2^42 (a lemma "n <= 2^42 implies cap <= 2^42" proved this);
// the runtime cannot be asked at this size: unknown, never proved.
//
//vsynth:requires len(s) == cap(s) && len(s) == 1<<42-1
//vsynth:ensures cap(result) <= 1<<42 // want "ensures: unknown"
func GrowPast42(s []byte) []byte { // want "unknown"
	return append(s, 1)
}

// GrowPanics: a full []byte of maxAlloc bytes cannot grow: growslice
// panics whatever capacity it would pick. The panic is found, but its
// input (256 TiB) cannot be written or run in Go, so it is not a
// confirmed counterexample: unknown, never proved.
//
//vsynth:requires len(s) == cap(s) && len(s) == 1<<48
func GrowPanics(s []byte) []byte { // want "unknown"
	return append(s, 1) // want "bounds: unknown"
}
