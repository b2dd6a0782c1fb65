// Package render checks how counterexamples are written: every value the
// function can observe, as Go that compiles at its type (blank and
// unexported fields, spare capacity, long slices, slices inside structs,
// pointers to pointers and to arrays, named narrow integers).
package render

// Padded has blank fields, which Go's == skips.
type Padded struct {
	A int8
	_ int8
	B int8
	_ [2]uint16
}

// SameFields: two values whose non-blank fields agree are equal.
//
//vsynth:ensures result
func SameFields(x, y Padded) bool { // want "proved"
	return x == y || x.A != y.A || x.B != y.B
}

// ArrayOfPadded: arrays compare element by element, blank fields skipped.
//
//vsynth:requires x[0].A == y[0].A && x[0].B == y[0].B && x[1].A == y[1].A && x[1].B == y[1].B
//vsynth:ensures result
func ArrayOfPadded(x, y [2]Padded) bool { // want "proved"
	return x == y
}

// SpecLiteral compares with a literal that sets a blank field by position.
//
//vsynth:ensures result == (x == Padded{A: 1, B: 2})
func SpecLiteral(x Padded) bool { // want "proved"
	return x.A == 1 && x.B == 2
}

// FirstField is refuted; the counterexample names no blank field.
//
//vsynth:ensures result == 0 // want "ensures: failed"
func FirstField(x Padded) int8 { // want "failed"
	return x.A + x.B
}

// PaddedPtr reads through a pointer to a struct with blank fields.
//
//vsynth:requires p != nil
//vsynth:ensures result != 3 // want "ensures: failed"
func PaddedPtr(p *Padded) int8 { // want "failed"
	return p.B
}

// hidden has unexported fields, written by name in its own package.
type hidden struct {
	a int16
	_ bool
	b uint8
}

//vsynth:ensures result != 255 // want "ensures: failed"
func Hidden(h hidden) uint8 { // want "failed"
	return h.b + uint8(h.a)
}
