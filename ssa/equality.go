package ssa

import (
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Go compares structs field by field, skipping blank (_) fields: "struct
// values are equal if their corresponding non-blank fields are equal"
// (the specification, Comparison operators), and arrays element by
// element. A value term holds blank fields too (they take memory, and a
// copy moves them), so equality compares only the bits of the fields Go
// compares.

// bitRange is the bits [off, off+width) of a value term.
type bitRange struct{ off, width int }

// goEqual is x == y for values x and y of the comparable type t.
func goEqual(x, y *smt.Term, t types.Type) *smt.Term {
	lay, err := layoutOf(t)
	if err != nil || lay.bool {
		return smt.Eq(x, y)
	}
	if lay.zeroWidth() {
		return smt.True() // one value
	}
	rs := compared(t)
	if len(rs) == 1 && rs[0].off == 0 && rs[0].width == lay.width {
		return smt.Eq(x, y) // no blank field: the bits are the value
	}
	eqs := []*smt.Term{smt.True()}
	for _, r := range rs {
		eqs = append(eqs, smt.Eq(extract(x, r.off, r.width), extract(y, r.off, r.width)))
	}
	return smt.And(eqs...)
}

// compared lists, in order and merged where adjacent, the bit ranges of
// a value of type t that Go's == compares.
func compared(t types.Type) []bitRange {
	var out []bitRange
	addCompared(t, 0, &out)
	return out
}

// addCompared appends the compared ranges of a value of type t at bit
// off to out and returns the value's width.
func addCompared(t types.Type, off int, out *[]bitRange) int {
	add := func(r bitRange) {
		if n := len(*out); n > 0 && (*out)[n-1].off+(*out)[n-1].width == r.off {
			(*out)[n-1].width += r.width
			return
		}
		*out = append(*out, r)
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		w := 0
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Name() == "_" {
				fl, err := layoutOf(f.Type())
				if err == nil {
					w += fl.width
				}
				continue
			}
			w += addCompared(f.Type(), off+w, out)
		}
		return w
	case *types.Array:
		w := 0
		for i := int64(0); i < u.Len(); i++ {
			w += addCompared(u.Elem(), off+w, out)
		}
		return w
	}
	lay, err := layoutOf(t)
	if err != nil {
		return 0
	}
	add(bitRange{off, lay.width})
	return lay.width
}
