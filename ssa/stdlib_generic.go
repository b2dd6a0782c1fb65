package ssa

import (
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// The generic functions of the standard library that real code calls
// most have no body vsynth can inline (their packages are not loaded
// from source) and loops that would need invariants; they are modelled
// here, exactly, for the element types vsynth models without pointers
// (integers, bools and structs and arrays of them):
//
//   - cmp.Compare(x, y) and cmp.Less(x, y) on integers;
//   - slices.Index(s, v): -1 when no element is v, else the first index
//     of v, stated with a quantifier over the indices before it;
//     slices.Contains(s, v) is Index(s, v) >= 0;
//   - slices.Max(s) and slices.Min(s) on integers: a panic
//     ("slices.Max: empty list") when s is empty, else an element that is
//     >= (<=) every element, named by a witness index.
//
// The builtins min and max are lowered directly (value.go). Any other
// function of cmp or slices stays unsupported.

// stdlibGeneric lowers a call of a modelled generic standard-library
// function; ok is false for any other callee.
func (f *frame) stdlibGeneric(callee *gossa.Function, c *gossa.Call, args []*smt.Term) ([]*smt.Term, bool, error) {
	o := callee.Origin()
	if o == nil || o.Pkg == nil {
		return nil, false, nil
	}
	pos := c.Pos()
	vals := c.Common().Args
	switch o.Pkg.Pkg.Path() + "." + o.Name() {
	case "cmp.Compare", "cmp.Less":
		it, ok := intTypeOf(vals[0].Type())
		if !ok {
			return nil, true, unsupported(pos, "%s on %s (integers only)", o.Name(), vals[0].Type())
		}
		less := compare(token.LSS, args[0], args[1], it.signed)
		if o.Name() == "Less" {
			return []*smt.Term{less}, true, nil
		}
		greater := compare(token.GTR, args[0], args[1], it.signed)
		return []*smt.Term{smt.Ite(less, smt.BVInt(wordSize, -1), smt.Ite(greater, smt.BVInt(wordSize, 1), smt.BVInt(wordSize, 0)))}, true, nil
	case "slices.Index", "slices.Contains":
		elem, err := f.flatElem(vals[0].Type(), pos)
		if err != nil {
			return nil, true, err
		}
		r := f.sliceIndex(args[0], args[1], elem)
		if o.Name() == "Contains" {
			return []*smt.Term{smt.Not(smt.Eq(r, smt.BVInt(wordSize, -1)))}, true, nil
		}
		return []*smt.Term{r}, true, nil
	case "slices.Max", "slices.Min":
		elem, err := f.flatElem(vals[0].Type(), pos)
		if err != nil {
			return nil, true, err
		}
		it, ok := intTypeOf(elem)
		if !ok {
			return nil, true, unsupported(pos, "slices.%s on elements of type %s (integers only)", o.Name(), elem)
		}
		_, length, _ := sliceParts(args[0])
		f.require(pos, []hazard{{Panic, smt.Eq(length, smt.BVUint(addrWidth, 0)), "slices." + o.Name() + ": empty list"}})
		return []*smt.Term{f.sliceExtreme(args[0], elem, it, o.Name() == "Max")}, true, nil
	}
	return nil, false, nil
}

// flatElem is the element type of slice type t, when it holds no
// pointers and has a layout.
func (f *frame) flatElem(t types.Type, pos token.Pos) (types.Type, error) {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return nil, unsupported(pos, "standard-library call on %s", t)
	}
	if hasPointers(s.Elem()) || isInterface(s.Elem()) {
		return nil, unsupported(pos, "standard-library call on elements of type %s", s.Elem())
	}
	if _, err := layoutOf(s.Elem()); err != nil {
		return nil, unsupported(pos, "%v", err)
	}
	return s.Elem(), nil
}

// elemAt reads element i of slice value s in the frame's memory.
func (f *frame) elemAt(s, i *smt.Term, elem types.Type) *smt.Term {
	lay, _ := layoutOf(elem)
	ptr, _, _ := sliceParts(s)
	return f.l.load(f.mem, lay, smt.BVAdd(ptr, smt.BVMul(i, smt.BVUint(addrWidth, uint64(len(lay.slots))))))
}

// sliceIndex is slices.Index(s, v): a fresh result the guard pins down.
func (f *frame) sliceIndex(s, v *smt.Term, elem types.Type) *smt.Term {
	_, length, _ := sliceParts(s)
	r := f.l.freshVar("slices.Index", smt.BitVecSort(wordSize))
	i := f.l.freshVar("slices.i", smt.BitVecSort(addrWidth))
	absentBefore := func(n *smt.Term) *smt.Term {
		return smt.Forall([]*smt.Term{i}, smt.Implies(smt.BVUlt(i, n), smt.Not(goEqual(f.elemAt(s, i, elem), v, elem))))
	}
	none := smt.And(smt.Eq(r, smt.BVInt(wordSize, -1)), absentBefore(length))
	first := smt.And(smt.BVUlt(r, length), goEqual(f.elemAt(s, r, elem), v, elem), absentBefore(r))
	f.guard = smt.And(f.guard, smt.Or(none, first))
	return r
}

// sliceExtreme is slices.Max(s) (max) or slices.Min(s) of a non-empty s.
func (f *frame) sliceExtreme(s *smt.Term, elem types.Type, it intType, max bool) *smt.Term {
	_, length, _ := sliceParts(s)
	name := "slices.Min"
	op := token.LEQ
	if max {
		name, op = "slices.Max", token.GEQ
	}
	m := f.l.freshVar(name, smt.BitVecSort(it.width))
	w := f.l.freshVar(name+".at", smt.BitVecSort(addrWidth))
	i := f.l.freshVar("slices.i", smt.BitVecSort(addrWidth))
	every := smt.Forall([]*smt.Term{i}, smt.Implies(smt.BVUlt(i, length), compare(op, m, f.elemAt(s, i, elem), it.signed)))
	f.guard = smt.And(f.guard, smt.BVUlt(w, length), smt.Eq(f.elemAt(s, w, elem), m), every)
	return m
}
