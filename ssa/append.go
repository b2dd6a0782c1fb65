package ssa

import (
	"go/token"
	"go/types"
	"sort"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// This file lowers the builtins that move elements between slices: copy
// and append. Both move a symbolic number of elements, which the memory
// model expresses as a range copy: each region becomes the array that
// reads, at the addresses of the destination range, what the source range
// held before the copy (Go's memmove, right when the ranges overlap), and
// elsewhere what it held (a lambda term, left to the solver to expand).
//
// append grows the backing array when the new length exceeds the
// capacity. The capacity of the new array is the runtime's choice (Go's
// growth policy and malloc's size classes, which change between
// releases): it is a fresh variable, at least the new length (growth.go
// checks a counterexample against what this build's runtime chooses).

// sliceBuiltin lowers a call to copy or append; ok is false for other
// builtins.
func (f *frame) sliceBuiltin(name string, args []gossa.Value, pos token.Pos) (*smt.Term, bool, error) {
	switch name {
	case "copy":
		r, err := f.copyBuiltin(args, pos)
		return r, true, err
	case "append":
		r, err := f.appendBuiltin(args, pos)
		return r, true, err
	case "clear":
		if _, isSlice := args[0].Type().Underlying().(*types.Slice); !isSlice {
			return nil, false, nil
		}
		return smt.True(), true, f.clearSlice(args[0], pos) // no result: the value is a placeholder
	}
	return nil, false, nil
}

// sliceOperand returns the parts of a slice argument of a builtin and its
// element layout.
func (f *frame) sliceOperand(v gossa.Value, pos token.Pos, what string) (ptr, length, capacity *smt.Term, elem types.Type, lay *layout, err error) {
	st, ok := v.Type().Underlying().(*types.Slice)
	if !ok {
		return nil, nil, nil, nil, nil, unsupported(pos, "%s of %s", what, v.Type())
	}
	lay, err = layoutOf(st.Elem())
	if err != nil {
		return nil, nil, nil, nil, nil, unsupported(pos, "%s: %v", what, err)
	}
	s, err := f.value(v)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	ptr, length, capacity = sliceParts(s)
	return ptr, length, capacity, st.Elem(), lay, nil
}

// copyBuiltin lowers copy(dst, src): min(len(dst), len(src)) elements
// move, as by memmove.
func (f *frame) copyBuiltin(args []gossa.Value, pos token.Pos) (*smt.Term, error) {
	dptr, dlen, _, _, lay, err := f.sliceOperand(args[0], pos, "copy")
	if err != nil {
		return nil, err
	}
	sptr, slen, _, _, _, err := f.sliceOperand(args[1], pos, "copy")
	if err != nil {
		return nil, err
	}
	n := smt.Ite(smt.BVUlt(slen, dlen), slen, dlen)
	before := f.mem
	f.mem = f.l.copyRange(f.mem, lay, dptr, sptr, slots(n, lay))
	f.frameCopy(pos, lay, dptr, slots(n, lay), before, f.mem, smt.False()) // frame.go
	return n, nil
}

// appendBuiltin lowers append(s, x...), where go/ssa has packed the
// appended values into the slice x.
func (f *frame) appendBuiltin(args []gossa.Value, pos token.Pos) (*smt.Term, error) {
	sptr, slen, scap, elem, lay, err := f.sliceOperand(args[0], pos, "append")
	if err != nil {
		return nil, err
	}
	if _, ok := args[1].Type().Underlying().(*types.Slice); !ok {
		return nil, unsupported(pos, "append of %s", args[1].Type())
	}
	xptr, xlen, _, _, _, err := f.sliceOperand(args[1], pos, "append")
	if err != nil {
		return nil, err
	}
	n := smt.BVAdd(slen, xlen)
	// The new length overflowing int makes growslice panic.
	f.require(pos, []hazard{{Bounds, smt.BVSlt(n, smt.BVUint(addrWidth, 0)), growsliceMsg}})

	grow := smt.BVUlt(scap, n)
	newCap := f.l.freshVar("appendcap", smt.BitVecSort(addrWidth))
	// Facts about the fresh newCap only, satisfiable whatever n is: every
	// obligation assumes them, on paths without this append too, so they
	// must not constrain n (a bare newCap <= limit would bound n).
	maxCap := maxElems(elem)
	limit := smt.BVUint(addrWidth, maxCap)
	f.l.lemmas = append(f.l.lemmas, smt.BVUle(n, newCap), smt.Implies(smt.BVUle(n, smt.BVUint(addrWidth, maxCap/2)), smt.BVUle(newCap, limit)))
	f.l.allocated(n)
	f.l.grows = append(f.l.grows, growSite{newCap: newCap, oldCap: scap, newLen: n, grow: grow, reached: f.guard, elem: elem, pos: pos})
	// A new array of more than maxAlloc bytes makes growslice panic: for
	// certain when n elements do not fit, and otherwise when the
	// runtime's capacity does not.
	f.require(pos, []hazard{{Bounds, smt.And(grow, smt.BVUlt(limit, newCap)), growsliceMsg}})

	// Two memories, merged on grow: each copies to addresses of its own,
	// which keeps the address arithmetic free of the condition.
	newPtr, err := f.l.allocate(pos, maxCap*uint64(len(lay.slots)))
	if err != nil {
		return nil, err
	}
	grown := f.l.copyRange(f.mem, lay, newPtr, sptr, slots(slen, lay))
	grown = f.l.copyRange(grown, lay, smt.BVAdd(newPtr, slots(slen, lay)), xptr, slots(xlen, lay))
	inPlace := f.l.copyRange(f.mem, lay, smt.BVAdd(sptr, slots(slen, lay)), xptr, slots(xlen, lay))
	f.frameCopy(pos, lay, smt.BVAdd(sptr, slots(slen, lay)), slots(xlen, lay), f.mem, inPlace, grow) // frame.go
	f.mem = f.l.mergeMemory([]*smt.Term{grow, smt.Not(grow)}, []memory{grown, inPlace})
	return makeSlice(smt.Ite(grow, newPtr, sptr), n, smt.Ite(grow, newCap, scap)), nil
}

// growsliceMsg starts the panic of an append whose new length or array
// is too big.
const growsliceMsg = "runtime error: growslice: len out of range"

// The new capacity is bounded by a fact about the runtime's growth policy,
// stated as a lemma: when n elements take at most maxAlloc/2 bytes, the
// new array takes at most maxAlloc. growslice (runtime/slice.go,
// nextslicecap) picks n when n > 2*oldCap, 2*oldCap (< 2n) below 256
// elements, and otherwise grows oldCap by (newcap+3*256)/4 until it
// reaches n, ending below 1.25n+192 < 2n; roundupsize then rounds the
// bytes up to a size class (at most 32 KiB) or to whole pages, and
// maxAlloc is a whole number of pages. So the new capacity is below 2n
// elements or within maxAlloc; the old bound (n <= 2^42 implies
// newCap <= 2^42) was false for 1.25x growth. TestGrowthLemmaRuntime
// checks the premise against this build's runtime.

// clearSlice lowers clear(s) of a slice: the elements s[0:len(s)] become
// zero values (Go's memclr); the capacity past the length is untouched,
// and a nil or empty slice is left as it is.
func (f *frame) clearSlice(v gossa.Value, pos token.Pos) error {
	ptr, length, _, _, lay, err := f.sliceOperand(v, pos, "clear")
	if err != nil {
		return err
	}
	if lay.zeroWidth() {
		return unsupported(pos, "clear of a slice of zero-size elements (%s)", v.Type())
	}
	before := f.mem
	f.mem = f.l.zeroRange(f.mem, lay, ptr, slots(length, lay))
	f.frameCopy(pos, lay, ptr, slots(length, lay), before, f.mem, smt.False()) // frame.go
	return nil
}

// zeroRange returns m with the count slots from dst on, in the regions of
// lay's slots, holding zero bits (the zero value of every scalar kind).
func (l *lowering) zeroRange(m memory, lay *layout, dst, count *smt.Term) memory {
	if count.IsConst() && count.Value().Sign() == 0 {
		return m
	}
	widths := map[string]int{}
	for _, s := range lay.slots {
		widths[s.region] = s.width
	}
	names := make([]string, 0, len(widths))
	for r := range widths {
		names = append(names, r)
	}
	sort.Strings(names)
	out := m
	for _, r := range names {
		a := l.freshVar("addr", smt.BitVecSort(addrWidth))
		in := smt.BVUlt(smt.BVSub(a, dst), count)
		merged := smt.Lambda(a, smt.Ite(in, smt.BVUint(widths[r], 0), l.readSlot(m, r, a)))
		out = with(out, r, regionState{merged, merged})
	}
	return out
}

// slots is n elements of layout lay, in slots.
func slots(n *smt.Term, lay *layout) *smt.Term {
	return smt.BVMul(n, smt.BVUint(addrWidth, uint64(len(lay.slots))))
}

// copyRange returns m with the count slots from dst on, in the regions of
// lay's slots, holding what the slots from src on hold in m.
func (l *lowering) copyRange(m memory, lay *layout, dst, src, count *smt.Term) memory {
	if count.IsConst() && count.Value().Sign() == 0 {
		return m
	}
	regions := map[string]bool{}
	for _, s := range lay.slots {
		regions[s.region] = true
	}
	names := make([]string, 0, len(regions))
	for r := range regions {
		names = append(names, r)
	}
	sort.Strings(names)
	out := m
	for _, r := range names {
		a := l.freshVar("addr", smt.BitVecSort(addrWidth))
		off := smt.BVSub(a, dst)
		in := smt.BVUlt(off, count)
		from := l.readSlot(m, r, smt.BVAdd(src, off))
		merged := smt.Lambda(a, smt.Ite(in, from, l.readSlot(m, r, a)))
		out = with(out, r, regionState{merged, merged})
	}
	return out
}
