// Package alloc checks that every fresh allocation is non-nil and
// distinct from every other object: new, &local, &T{...}, slice literals,
// make, append growth, per-iteration loop variables, and allocations in
// clauses, inlined callees and functions called through their contracts.
package alloc

// NewInt: new never returns nil.
//
//vsynth:ensures result != nil
func NewInt() *int { // want "proved"
	return new(int)
}

// NewZero: the new object reads as zero.
//
//vsynth:ensures result != nil && *result == 0
func NewZero() *int32 { // want "proved"
	return new(int32)
}

// LocalAddr: the address of a local is a fresh object.
//
//vsynth:ensures result != nil && *result == x
func LocalAddr(x int8) *int8 { // want "proved"
	v := x
	return &v
}

// assign writes through p.
//
//vsynth:requires p != nil
//vsynth:ensures *p == v
func assign(p *int, v int) { // want "proved"
	*p = v
}

// AssignLocal passes the address of a local to a function whose contract
// requires it non-nil.
//
//vsynth:ensures result == 7
func AssignLocal() int { // want "proved"
	i := 0
	assign(&i, 7)
	return i
}

// Point is a pair of coordinates.
type Point struct{ X, Y int }

// Origin returns &Point{0, 0}.
//
//vsynth:ensures result != nil && result.X == 0 && result.Y == 0
func Origin() *Point { // want "proved"
	r := &Point{0, 0}
	return r
}

// FirstNew: the first allocation of a function without pointer
// parameters.
//
//vsynth:ensures result
func FirstNew() bool { // want "proved"
	return new(int) != nil
}

// TwoNew: two live objects are distinct.
//
//vsynth:ensures result
func TwoNew() bool { // want "proved"
	p, q := new(int64), new(int64)
	return p != q
}

// SameNew: an object is equal to itself.
//
//vsynth:ensures result
func SameNew() bool { // want "proved"
	p := new(int64)
	q := p
	return p == q
}

// NewDistinctFromParam: a fresh object is not one the caller has.
//
//vsynth:ensures result
func NewDistinctFromParam(p *int) bool { // want "proved"
	return new(int) != p
}

// NewThenWrite: writing a fresh object leaves the caller's alone.
//
//vsynth:requires p != nil
//vsynth:ensures result == old(*p)
func NewThenWrite(p *int) int { // want "proved"
	q := new(int)
	*q = 5
	return *p
}

// SliceLit: a slice literal is backed by a fresh array.
//
//vsynth:ensures result != nil && len(result) == 3 && result[1] == 2
func SliceLit() []int { // want "proved"
	return []int{1, 2, 3}
}

// MakeEmpty: make with length 0 is not nil.
//
//vsynth:ensures result != nil && len(result) == 0
func MakeEmpty() []int8 { // want "proved"
	return make([]int8, 0)
}

// MakeN: make with a symbolic length is not nil.
//
//vsynth:requires n >= 0 && n <= 100
//vsynth:ensures result != nil && len(result) == n
func MakeN(n int) []int16 { // want "proved"
	return make([]int16, n)
}

// MakeNThenNew: the allocation after a make of any size is still fresh.
//
//vsynth:requires n >= 0 && n <= 1<<16
//vsynth:ensures result
func MakeNThenNew(n int, b bool) bool { // want "proved"
	if b {
		s := make([]byte, n)
		_ = s
	}
	return new(int) != nil
}

// AppendGrow: append to a nil slice allocates a fresh array.
//
//vsynth:ensures result != nil && len(result) == 1
func AppendGrow() []int32 { // want "proved"
	var s []int32
	return append(s, 1)
}

// AppendGrowParam: a grown array is distinct from the old one.
//
//vsynth:requires len(s) == cap(s) && len(s) > 0 && len(s) < 1000
//vsynth:ensures result[0] == old(s[0]) + 1 && s[0] == old(s[0])
func AppendGrowParam(s []int32) []int32 { // want "proved"
	t := append(s, 0)
	t[0]++
	return t
}

// LoopVarAddrs: since Go 1.22 each iteration has its own variable.
//
//vsynth:ensures result
func LoopVarAddrs() bool { // want "proved"
	var ps []*int
	for i := 0; i < 2; i++ {
		ps = append(ps, &i)
	}
	return ps[0] != nil && ps[1] != nil && ps[0] != ps[1]
}

// mk allocates in an inlined callee.
func mk(v int) *int {
	p := new(int)
	*p = v
	return p
}

// InlinedNew: an allocation inside an inlined callee.
//
//vsynth:ensures result
func InlinedNew() bool { // want "proved"
	p, q := mk(1), mk(1)
	return p != nil && p != q && *p == *q
}

// Fresh has a contract: callers know only that.
//
//vsynth:ensures result != nil
func Fresh() *int { // want "proved"
	return new(int)
}

// UseFresh allocates through a function called by its contract.
//
//vsynth:ensures result != nil
func UseFresh() *int { // want "proved"
	return Fresh()
}

// InClause allocates inside a clause, through an inlined call.
//
//vsynth:ensures mk(x) != nil
func InClause(x int) int { // want "proved"
	return x
}

// NilIsNil: the model does not make fresh objects out of nothing.
//
//vsynth:ensures result == nil // want "ensures: failed"
func NilIsNil(b bool) *int { // want "failed"
	if b {
		return new(int)
	}
	return nil
}

// EmptyLit: []T{} is backed by a zero-size array, which is not nil.
//
//vsynth:ensures result != nil && len(result) == 0 && cap(result) == 0
func EmptyLit() []uint8 { // want "proved"
	return []uint8{}
}

// NewEmpty: a pointer to a zero-size object is not nil either.
//
//vsynth:ensures result
func NewEmpty() bool { // want "proved"
	return new(struct{}) != nil
}

// ZeroSizeEqual: pointers to distinct zero-size variables may or may not
// be equal (runtime.zerobase), so vsynth does not compare them.
//
//vsynth:ensures result
func ZeroSizeEqual() bool { // want "unsupported"
	p, q := new(struct{}), new(struct{})
	return p != q // want "unsupported: comparison of pointers to zero-size values"
}

// MakeOneWrong: a query that does not involve memory still shows the
// fresh slice it returns as what Go returns, not nil.
//
//vsynth:ensures len(result) == 0 // want "ensures: failed"
func MakeOneWrong() []int8 { // want "failed"
	return make([]int8, 1)
}

// OriginWrong: and a fresh struct.
//
//vsynth:ensures result.X == 1 // want "ensures: failed"
func OriginWrong() *Point { // want "failed"
	return &Point{0, 0}
}
