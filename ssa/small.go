package ssa

import (
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// Among all counterexamples vsynth prefers one whose slices are short and
// have no spare capacity (VC.small), and whose allocations are small:
// such a counterexample is easy to read, can be written out element by
// element, and runs in little memory. The preference reaches every slice
// the function can see from its inputs — parameters, fields of structs,
// elements of arrays, values behind pointers (as they are loaded) — and
// the sizes of the slices it makes or grows with append.

// maxSmallAlloc bounds, in elements, the slices a preferred
// counterexample makes or grows.
const maxSmallAlloc = 1 << 10

// sliceTerms lists the slices in the value v of type t: v itself, or the
// slices among its fields and elements.
func sliceTerms(v *smt.Term, t types.Type) []*smt.Term {
	var out []*smt.Term
	addSliceTerms(v, t, &out)
	return out
}

func addSliceTerms(v *smt.Term, t types.Type, out *[]*smt.Term) {
	if !hasPointers(t) {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		*out = append(*out, v)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			_, off, fl, err := fieldRange(t, i)
			if err != nil {
				return
			}
			addSliceTerms(fromBits(extract(bits(v), off, fl.width), fl), u.Field(i).Type(), out)
		}
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return
		}
		for i := int64(0); i < u.Len(); i++ {
			addSliceTerms(fromBits(extract(v, int(i)*el.width, el.width), el), u.Elem(), out)
		}
	}
}

// allocated records n, the elements of a slice the function makes or
// grows, for the preference for small counterexamples.
func (l *lowering) allocated(n *smt.Term) {
	l.sizes = append(l.sizes, n)
}
