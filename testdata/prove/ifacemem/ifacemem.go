// Package ifacemem has interface values in memory: fields, slice and
// array elements of interface type, loaded, stored, asserted, compared
// and called through (ssa/ifaces_memory.go).
package ifacemem

// Box holds a value of any type, as container/list's Element does.
type Box struct {
	N     int
	Value any
}

// Keyed values: Seq is uncomparable, ID is comparable.
type Keyed interface{ Key() int }

// Seq is an uncomparable Keyed.
type Seq []int

func (s Seq) Key() int { return len(s) }

// ID is a comparable Keyed.
type ID int

func (d ID) Key() int { return int(d) }

// Slot holds a Keyed.
type Slot struct{ K Keyed }

// Code is an error type of the package.
type Code int

func (c Code) Error() string { return "code" }

// Shape is implemented by Sq and, through its method set, *Sq.
type Shape interface{ Side() int }

// Sq is a square.
type Sq struct{ S int }

func (q Sq) Side() int { return q.S }

// Result pairs a value with an error, in memory.
type Result struct {
	N   int
	Err error
}

// Put stores v in the box: loading it back gives v.
//
//vsynth:requires b != nil
//vsynth:ensures (b.Value == nil) == (v == nil)
//vsynth:ensures b.N == old(b.N)
func Put(b *Box, v any) { // want "proved"
	b.Value = v
}

// NewBox allocates a box holding v; a fresh box's other fields are zero.
//
//vsynth:ensures result != nil && result.N == 0
//vsynth:ensures (result.Value == nil) == (v == nil)
func NewBox(v any) *Box { // want "proved"
	return &Box{Value: v}
}

// IntOf reads an int out of the box, or 0.
//
//vsynth:requires b != nil
//vsynth:ensures b.Value == nil ==> result == 0
//vsynth:ensures !isInt(b.Value) ==> result == 0
func IntOf(b *Box) int { // want "proved"
	if n, ok := b.Value.(int); ok {
		return n
	}
	return 0
}

// MustInt asserts that the box holds an int: a box holding anything
// else panics.
//
//vsynth:requires b != nil
func MustInt(b *Box) int { // want "failed"
	return b.Value.(int) // want "type-assertion: failed"
}

// Same compares the two elements of an array: Go panics when both hold
// the same uncomparable type.
//
//vsynth:requires p != nil
func Same(p *[2]Keyed) bool { // want "failed"
	return p[0] == p[1] // want "panic: failed"
}

// SameIDs compares the values of two slots that hold IDs or nothing.
//
//vsynth:requires a != nil && b != nil
//vsynth:requires !isSeq(a.K)
//vsynth:ensures result == (a.K == b.K)
func SameIDs(a, b *Slot) bool { // want "proved"
	return a.K == b.K
}

//vsynth:pure
func isSeq(x Keyed) bool { // want "proved"
	_, ok := x.(Seq)
	return ok
}

//vsynth:pure
func isInt(x any) bool { // want "proved"
	_, ok := x.(int)
	return ok
}

// Swap exchanges two elements of an array of interfaces.
//
//vsynth:requires p != nil
//vsynth:ensures (p[0] == nil) == (old(p[1]) == nil)
//vsynth:ensures (p[1] == nil) == (old(p[0]) == nil)
func Swap(p *[2]any) { // want "proved"
	p[0], p[1] = p[1], p[0]
}

// SideAt calls through an element of a slice of interfaces.
//
//vsynth:requires 0 <= i && i < len(s) && s[i] != nil
func SideAt(s []Shape, i int) int { // want "failed"
	return s[i].Side() // want "nil: failed"
}

// SetAt stores an interface into a slice.
//
//vsynth:requires 0 <= i && i < len(s)
//vsynth:ensures (s[i] == nil) == (x == nil)
func SetAt(s []Shape, i int, x Shape) { // want "proved"
	s[i] = x
}

// Checked reads an error field.
//
//vsynth:requires r != nil
//vsynth:ensures r.Err == nil ==> result == r.N
//vsynth:ensures r.Err != nil ==> result == -1
func Checked(r *Result) int { // want "proved"
	if r.Err != nil {
		return -1
	}
	return r.N
}

// CheckedBad forgets that the error may be set.
//
//vsynth:requires r != nil
//vsynth:ensures result == r.N // want "ensures: failed"
func CheckedBad(r *Result) int { // want "failed"
	if r.Err != nil {
		return -1
	}
	return r.N
}

// Equal compares two boxes with ==, which compares their interfaces in
// an order the compiler picks: not modelled.
//vsynth:ensures true
func Equal(a, b Box) bool { // want "unsupported"
	return a == b // want "unsupported: comparison of values of type .*Box, which hold interfaces"
}

