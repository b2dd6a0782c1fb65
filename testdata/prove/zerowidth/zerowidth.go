// Package zerowidth checks values of zero-size types (struct{}, [0]T and
// structs of them, such as encoding/binary's byte orders): they have one
// value, no bits and no memory, so receivers, parameters, fields, loads,
// stores, == and interfaces of them are exact, and counterexamples write
// them as composite literals (struct{}{}, littleEndian{}). Pointers to
// them may share an address in Go, so comparing those is unsupported,
// and slices of them (whose length memory does not bound) too.
package zerowidth

type littleEndian struct{}

// Uint32 is encoding/binary's, with the receiver as a value.
//
//vsynth:requires len(b) >= 4
//vsynth:ensures result == uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
func (littleEndian) Uint32(b []byte) uint32 { // want "proved"
	_ = b[3] // bounds check hint to compiler; see golang.org/issue/14808
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// Uint16Bad reads one byte too far for its precondition.
//
//vsynth:requires len(b) >= 1
func (littleEndian) Uint16Bad(b []byte) uint16 { // want "failed"
	return uint16(b[0]) | uint16(b[1])<<8 // want "bounds: failed"
}

// LittleEndian is a package-level variable of the empty type: loading it
// reads no memory, and a counterexample need not set it.
var LittleEndian littleEndian

//vsynth:requires len(b) >= 4
//vsynth:ensures byte(result) == b[0] && byte(result>>24) == b[3]
func Load(b []byte) uint32 { // want "proved"
	return LittleEndian.Uint32(b)
}

// ByteOrder is held by an interface: the payload of an empty value is
// nothing.
type ByteOrder interface {
	Uint32([]byte) uint32
}

//vsynth:requires len(b) >= 4
//vsynth:ensures byte(result) == b[0]
func ViaInterface(b []byte) uint32 { // want "proved"
	var o ByteOrder = LittleEndian
	return o.Uint32(b)
}

// tagged has a zero-size field between two others: it takes no bits.
type tagged struct {
	lo  int8
	tag struct{}
	hi  int8
}

//vsynth:ensures result.lo == lo && result.hi == hi
func Make(lo, hi int8) tagged { // want "proved"
	return tagged{lo: lo, hi: hi}
}

//vsynth:ensures result == (a.lo == b.lo && a.hi == b.hi)
func Equal(a, b tagged) bool { // want "proved"
	return a == b
}

//vsynth:requires p != nil
//vsynth:ensures result == p.hi && p.lo == old(p.lo)
func Hi(p *tagged) int8 { // want "proved"
	p.tag = struct{}{}
	t := p.tag
	_ = t
	return p.hi
}

//vsynth:ensures result
func EmptyEqual(a, b struct{}) bool { // want "proved"
	return a == b
}

// EmptyDiffer claims two struct{} values differ: they never do.
//
//vsynth:ensures !result // want "ensures: failed"
func EmptyDiffer(a, b struct{}) bool { // want "failed"
	return a == b
}

//vsynth:ensures result == 0
func ZeroArray(a [0]int64) int { // want "proved"
	return len(a)
}

// Next is refuted at x = 127 with the receiver in the counterexample.
//
//vsynth:ensures result > x // want "ensures: failed"
func (e littleEndian) Next(x int8) int8 { // want "failed"
	return x + 1
}

// Deref panics on a nil pointer, even to a zero-size value.
//
//vsynth:ensures result == x
func Deref(p *struct{}, x int) int { // want "failed"
	e := *p // want "nil: failed"
	_ = e
	return x
}

//vsynth:ensures result
func InAny(a struct{}) bool { // want "proved"
	var x any = a
	var y any = struct{}{}
	return x == y
}

// Pick returns a zero-size value out of an interface.
//
//vsynth:ensures ok == (x != nil) // want "ensures: failed"
func Pick(x any) (v littleEndian, ok bool) { // want "failed"
	v, ok = x.(littleEndian)
	return v, ok
}
