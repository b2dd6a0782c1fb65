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
//     >= (<=) every element, named by a witness index;
//   - slices.Grow(s, n): a panic ("cannot be negative") when n < 0; s
//     itself when n <= cap(s)-len(s); else, as its body
//     append(s[:cap(s)], make([]E, n-(cap(s)-len(s)))...)[:len(s)] does,
//     a new array holding s's cap(s) elements and zeros, of a capacity
//     the runtime picks (at least len(s)+n, as for append: growth.go),
//     with append's panic when len(s)+n overflows or the array is too big.
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
	case "slices.Grow":
		r, err := f.slicesGrow(vals[0].Type(), args[0], args[1], pos)
		return []*smt.Term{r}, true, err
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

// slicesGrow is slices.Grow(s, n) for s of slice type t.
func (f *frame) slicesGrow(t types.Type, s, n *smt.Term, pos token.Pos) (*smt.Term, error) {
	st, ok := t.Underlying().(*types.Slice)
	if !ok {
		return nil, unsupported(pos, "slices.Grow on %s", t)
	}
	elem := st.Elem()
	k, err := nslots(elem)
	if err != nil {
		return nil, unsupported(pos, "slices.Grow: %v", err)
	}
	lay, _ := layoutOf(elem)
	ptr, length, capacity := sliceParts(s)
	zero := smt.BVUint(addrWidth, 0)
	f.require(pos, []hazard{{Panic, smt.BVSlt(n, zero), "cannot be negative"}})
	// Past the panic n >= 0, and 0 <= len <= cap, so neither the missing
	// room nor grow wraps; the new length len+n may (append's panic).
	grow := smt.BVSlt(smt.BVSub(capacity, length), n)
	newLen := smt.BVAdd(length, n)
	f.require(pos, []hazard{{Bounds, smt.And(grow, smt.BVSlt(newLen, zero)), growsliceMsg}})

	newCap := f.l.freshVar("growcap", smt.BitVecSort(addrWidth))
	maxCap := maxElems(elem)
	limit := smt.BVUint(addrWidth, maxCap)
	// As for append (append.go): facts about the fresh capacity only.
	f.l.lemmas = append(f.l.lemmas, smt.BVUle(newLen, newCap), smt.Implies(smt.BVUle(newLen, smt.BVUint(addrWidth, maxCap/2)), smt.BVUle(newCap, limit)))
	f.l.allocated(newLen)
	f.l.grows = append(f.l.grows, growSite{newCap: newCap, oldCap: capacity, newLen: newLen, grow: grow, reached: f.guard, elem: elem, pos: pos})
	f.require(pos, []hazard{{Bounds, smt.And(grow, smt.BVUlt(limit, newCap)), growsliceMsg}})

	newPtr, err := f.l.allocate(pos, maxCap*uint64(k))
	if err != nil {
		return nil, err
	}
	// The new array: s's cap(s) elements, then fresh memory (zero).
	grown := f.l.copyRange(f.mem, lay, newPtr, ptr, slots(capacity, lay))
	f.mem = f.l.mergeMemory([]*smt.Term{grow, smt.Not(grow)}, []memory{grown, f.mem})
	return makeSlice(smt.Ite(grow, newPtr, ptr), length, smt.Ite(grow, newCap, capacity)), nil
}
