package ssa

import (
	"fmt"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Values of every modelled type are one term: a Bool for bool, and a bit
// vector for everything else. Integers are their bits; a pointer is a
// 64-bit slot address (0 is nil); a slice is its pointer, length and
// capacity; structs and arrays concatenate their fields and elements,
// with bools as single bits; an interface is its tag and its payload
// (ifaces.go). In memory, a value occupies consecutive
// slots, one per scalar, each in the region of its kind (regions of
// different kinds never alias, as Go's types guarantee).

// maxValueBits bounds the width of a value term: bigger arrays and
// structs are unsupported.
const maxValueBits = 1 << 14

// addrWidth is the width of addresses.
const addrWidth = 64

// slot is one scalar of a value.
type slot struct {
	region string // the memory region: the scalar's kind
	off    int    // bit offset in the value term
	width  int
	bool   bool // a bool: Bool as a scalar value, one bit inside aggregates
}

// layout is how values of a Go type are represented.
type layout struct {
	t     types.Type
	width int    // bits of the value term (1 for bool)
	slots []slot // in memory order
	bool  bool   // the type is bool: its term is a Bool
}

// sort is the sort of the type's value terms.
func (l *layout) sort() smt.Sort {
	if l.bool {
		return smt.BoolSort()
	}
	if l.width == 0 {
		return standIn().Sort()
	}
	return smt.BitVecSort(l.width)
}

// Zero-width values. A type of size zero (struct{}, [0]T, a struct of
// such fields: encoding/binary's littleEndian) has exactly one value, so
// its layout has no slots and no bits: loads read it without touching
// memory, stores write nothing, == is always true, and a field of it
// adds nothing to its struct. A term cannot have zero bits, so where a
// value of it is needed on its own it is one stand-in bit that is always
// 0 (standIn): made, never read — extract gives it for a range of width
// 0, and no consumer looks at its bit (equality compares no range of it,
// the memory and the interface payload hold nothing of it, and a
// parameter's stand-in is stated 0 by wellFormed). Addresses of
// zero-size objects are not modelled: Go may give distinct ones one
// address, so comparing pointers to them is unsupported (semantics.go).

// standIn is the term of the one value of a zero-width type.
func standIn() *smt.Term { return smt.BVUint(1, 0) }

// zeroWidthType reports whether values of type t have no bits: a fresh
// value of it is the stand-in, never a variable.
func zeroWidthType(t types.Type) bool {
	l, err := layoutOf(t)
	return err == nil && l.zeroWidth()
}

// zeroWidth reports whether values of the layout have no bits.
func (l *layout) zeroWidth() bool { return l.width == 0 && !l.bool }

// layoutOf returns the layout of t, or an error naming what is not
// modelled.
func layoutOf(t types.Type) (*layout, error) {
	l := &layout{t: t}
	if err := l.add(t, 0); err != nil {
		return nil, err
	}
	l.bool = isBool(t)
	if l.width > maxValueBits {
		return nil, fmt.Errorf("values of type %s (more than %d bits)", t, maxValueBits)
	}
	return l, nil
}

func (l *layout) scalar(region string, width int, isBool bool) {
	l.slots = append(l.slots, slot{region: region, off: l.width, width: width, bool: isBool})
	l.width += width
}

func (l *layout) add(t types.Type, depth int) error {
	if depth > 16 {
		return fmt.Errorf("values of type %s (nested too deeply)", t)
	}
	if l.width > maxValueBits {
		return fmt.Errorf("values of type %s (more than %d bits)", t, maxValueBits)
	}
	if isBool(t) {
		l.scalar("bool", 1, true)
		return nil
	}
	if it, ok := intTypeOf(t); ok {
		l.scalar(intRegion(t, it), it.width, false)
		return nil
	}
	if isInterface(t) {
		// An interface value in memory (ifaces_memory.go): its tag and
		// its payload, each a slot of a region of its own.
		l.scalar(ifaceTagRegion, ifaceTagWidth, false)
		l.scalar(ifacePayloadRegion, ifacePayloadWidth, false)
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		l.scalar("ptr", addrWidth, false)
		return nil
	case *types.Slice:
		l.scalar("ptr", addrWidth, false)
		l.scalar("len", addrWidth, false)
		l.scalar("cap", addrWidth, false)
		return nil
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if err := l.add(u.Field(i).Type(), depth+1); err != nil {
				return err
			}
		}
		return nil
	case *types.Array:
		if u.Len() > maxValueBits {
			return fmt.Errorf("values of type %s (more than %d elements)", t, maxValueBits)
		}
		for i := int64(0); i < u.Len(); i++ {
			if err := l.add(u.Elem(), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("values of type %s", t)
}

// intRegion names the region of an integer kind.
func intRegion(t types.Type, it intType) string {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return types.Typ[b.Kind()].Name() // byte is uint8, rune is int32
	}
	if it.signed {
		return fmt.Sprintf("int%d", it.width)
	}
	return fmt.Sprintf("uint%d", it.width)
}

// nslots is the number of memory slots a value of type t occupies, as
// the element of a slice or an indexed array. Zero-size elements are not
// modelled there: the length of a []struct{} is not bounded by memory
// (makeslice and growslice allow any length), which the bounds on slices
// (maxElems) assume.
func nslots(t types.Type) (int, error) {
	l, err := layoutOf(t)
	if err != nil {
		return 0, err
	}
	if l.zeroWidth() {
		return 0, fmt.Errorf("slices and indexed arrays of zero-size elements (%s)", t)
	}
	return len(l.slots), nil
}

// ptrSlots is the number of memory slots of the object a *t points to:
// none for a zero-size t.
func ptrSlots(t types.Type) (int, error) {
	l, err := layoutOf(t)
	if err != nil {
		return 0, err
	}
	return len(l.slots), nil
}

// fieldRange returns the slot index and bit offset of field i of struct
// type t, and the field's layout.
func fieldRange(t types.Type, i int) (slotIndex, bitOff int, field *layout, err error) {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return 0, 0, nil, fmt.Errorf("field of non-struct %s", t)
	}
	for j := 0; j < i; j++ {
		fl, err := layoutOf(st.Field(j).Type())
		if err != nil {
			return 0, 0, nil, err
		}
		slotIndex += len(fl.slots)
		bitOff += fl.width
	}
	field, err = layoutOf(st.Field(i).Type())
	return slotIndex, bitOff, field, err
}

// bits converts a value term to its bit-vector form (a bool to one bit).
func bits(v *smt.Term) *smt.Term {
	if v.Sort().IsBool() {
		return smt.Ite(v, smt.BVUint(1, 1), smt.BVUint(1, 0))
	}
	return v
}

// fromBits converts bits back to a value term of layout l.
func fromBits(b *smt.Term, l *layout) *smt.Term {
	if l.bool {
		return smt.Eq(b, smt.BVUint(1, 1))
	}
	return b
}

// extract returns the width bits of v (a bit-vector value) at off; of
// width 0, the stand-in of a zero-width value.
func extract(v *smt.Term, off, width int) *smt.Term {
	if width == 0 {
		return standIn() // a zero-width field or element
	}
	if off == 0 && width == v.Sort().Width() {
		return v
	}
	return smt.Extract(off+width-1, off, v)
}

// concat joins parts, the first at the least significant end.
func concat(parts []*smt.Term) *smt.Term {
	v := parts[0]
	for _, p := range parts[1:] {
		v = smt.Concat(p, v)
	}
	return v
}

// zeroValue is the zero value of layout l.
func zeroValue(l *layout) *smt.Term {
	if l.bool {
		return smt.False()
	}
	if l.width == 0 {
		return standIn()
	}
	return smt.BVUint(l.width, 0)
}

// sliceParts splits a slice value into pointer, length and capacity.
func sliceParts(v *smt.Term) (ptr, length, capacity *smt.Term) {
	return extract(v, 0, addrWidth), extract(v, addrWidth, addrWidth), extract(v, 2*addrWidth, addrWidth)
}

// makeSlice builds a slice value.
func makeSlice(ptr, length, capacity *smt.Term) *smt.Term {
	return concat([]*smt.Term{ptr, length, capacity})
}
