package ssa

import (
	"fmt"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Interface values in memory (ifaces_memory.go). A field, an element or
// a package-level variable of interface type occupies two slots: the tag
// in region itag and the payload in region ipay (layout.go), so that a
// load yields the value term ifaces.go works with (the tag in the low 32
// bits) and a store writes it back unchanged. The payload's bits hold
// the dynamic value's term; what it points to (a pointer's object, a
// slice's array, a string's bytes) stays in the regions of its kind. An
// interface loaded from memory that existed on entry is well formed as a
// parameter is (nil, or a value of a closed-world type that implements
// it: memory.go's loadValue states it at the address), and fresh memory
// reads as zero, the nil interface.
//
// Go's == on structs and arrays holding interfaces compares the
// interfaces' dynamic values and panics on an uncomparable dynamic type,
// in an order the compiler picks: it is unsupported (ifaceAggregate);
// comparing the interface values themselves (a field loaded first) is
// modelled by ifaceEqual.

const (
	ifaceTagRegion     = "itag"
	ifacePayloadRegion = "ipay"
)

// holdsIface reports whether values of t are, or contain, interfaces.
func holdsIface(t types.Type) bool {
	if isInterface(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if holdsIface(u.Field(i).Type()) {
				return true
			}
		}
	case *types.Array:
		return holdsIface(u.Elem())
	}
	return false
}

// ifaceAggregate is the error for == on a struct or array type holding
// interfaces.
func ifaceAggregate(t types.Type) error {
	return fmt.Errorf("comparison of values of type %s, which hold interfaces (compare the fields)", t)
}

// typedTerm is a value term with its Go type.
type typedTerm struct {
	v *smt.Term
	t types.Type
}

// ifaceTerms lists the interfaces in the value v of type t: v itself, or
// the interfaces among its fields and elements.
func ifaceTerms(v *smt.Term, t types.Type) []typedTerm {
	var out []typedTerm
	addIfaceTerms(v, t, &out)
	return out
}

func addIfaceTerms(v *smt.Term, t types.Type, out *[]typedTerm) {
	if !holdsIface(t) {
		return
	}
	if isInterface(t) {
		*out = append(*out, typedTerm{v, t})
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			_, off, fl, err := fieldRange(t, i)
			if err != nil {
				return
			}
			addIfaceTerms(fromBits(extract(bits(v), off, fl.width), fl), u.Field(i).Type(), out)
		}
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return
		}
		for i := int64(0); i < u.Len(); i++ {
			addIfaceTerms(fromBits(extract(v, int(i)*el.width, el.width), el), u.Elem(), out)
		}
	}
}
