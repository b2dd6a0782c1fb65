package render

// SpareRead reads an element past the length, within the capacity.
//
//vsynth:requires len(a) == 2 && cap(a) == 4
//vsynth:ensures result == 0 // want "ensures: failed"
func SpareRead(a []int8) int8 { // want "failed"
	return a[:cap(a)][3]
}

// AppendInPlace appends within the capacity, then reads past the old
// length: the spare element is overwritten, the next one is read.
//
//vsynth:requires len(a) == 1 && cap(a) == 3
//vsynth:ensures result != 7 // want "ensures: failed"
func AppendInPlace(a []uint8, x uint8) uint8 { // want "failed"
	b := append(a, x)
	return b[:3][2] + b[1]
}

// Long reads far into a slice longer than a counterexample lists one by
// one.
//
//vsynth:requires len(a) == 100
//vsynth:ensures result == 0 // want "ensures: failed"
func Long(a []int8) int8 { // want "failed"
	return a[77] + a[:cap(a)][cap(a)-1]
}

// LongSpare has a long spare capacity.
//
//vsynth:requires len(a) == 70 && cap(a) == 200
//vsynth:ensures result == 0 // want "ensures: failed"
func LongSpare(a []int16) int16 { // want "failed"
	return a[:cap(a)][150]
}

// Holder keeps a slice in a struct.
type Holder struct {
	N int
	S []int8
}

// InStruct: the slice inside the struct is kept short.
//
//vsynth:requires len(h.S) > 0
//vsynth:ensures result == 0 // want "ensures: failed"
func InStruct(h Holder) int8 { // want "failed"
	return h.S[len(h.S)-1]
}

// InArray: slices in an array are kept short too.
//
//vsynth:requires len(a[1]) > 2
//vsynth:ensures result == 0 // want "ensures: failed"
func InArray(a [2][]uint8) uint8 { // want "failed"
	return a[1][len(a[1])-1]
}

// Behind a pointer to a struct holding a slice.
//
//vsynth:requires p != nil && len(p.S) > 1
//vsynth:ensures result == 0 // want "ensures: failed"
func BehindPointer(p *Holder) int8 { // want "failed"
	return p.S[1]
}

// Nested slices.
//
//vsynth:requires len(a) > 1 && len(a[1]) > 0
//vsynth:ensures result == 0 // want "ensures: failed"
func Nested(a [][]int8) int8 { // want "failed"
	return a[1][0]
}

// Grow appends past the capacity of a slice it made: the growth stays
// small.
//
//vsynth:ensures result != 5 // want "ensures: failed"
func Grow(n int, x int8) int8 { // want "failed"
	if n < 1 || n > 3 {
		return 0
	}
	s := make([]int8, n)
	s = append(s, x)
	return s[n]
}

// GrowParam appends past the capacity of a parameter. (Whether the
// append may panic past maxAlloc needs a slice of terabytes: unknown.)
//
//vsynth:requires len(a) >= 1 && len(a) == cap(a)
//vsynth:ensures result != 5 // want "ensures: failed"
func GrowParam(a []int32, x int32) int32 { // want "failed"
	b := append(a, x) // want "bounds: unknown"
	return b[len(a)] + b[0]
}

// GrowInStruct appends to a slice in a struct behind a pointer.
//
//vsynth:requires p != nil && len(p.S) >= 1
//vsynth:ensures result != 5 // want "ensures: failed"
func GrowInStruct(p *Holder, x int8) int8 { // want "failed"
	b := append(p.S, x) // want "bounds: unknown"
	return b[len(b)-1] + b[0]
}

// VeryLong is longer than a counterexample lists element by element: it
// is made, and the elements the function reads set.
//
//vsynth:requires len(a) == 5000 && cap(a) == 6000
//vsynth:ensures result == 0 // want "ensures: failed"
func VeryLong(a []int16) int16 { // want "failed"
	return a[4321] - a[:cap(a)][5999]
}
