package ssa

import (
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// This file lowers the instructions that touch memory: allocation, loads
// and stores, field and element addresses, slicing, and the implicit
// obligations they raise (nil dereference, index and slice bounds).

// Implicit obligations of memory operations.
const (
	Nil    ObligationKind = "nil"    // no dereference of a nil pointer
	Bounds ObligationKind = "bounds" // every index and slice expression is in range
)

// addrOf returns the address term of pointer value v, requiring it to be
// non-nil unless it is an address vsynth computed itself.
func (f *frame) addrOf(v gossa.Value, pos token.Pos) (*smt.Term, error) {
	a, err := f.value(v)
	if err != nil {
		return nil, err
	}
	switch v.(type) {
	case *gossa.Alloc, *gossa.FieldAddr, *gossa.IndexAddr, *gossa.Global:
		return a, nil // never nil: making them would have panicked; a global's address
	case *gossa.FreeVar:
		if f.fn.Parent() != nil {
			return a, nil // a captured variable's address (closures.go)
		}
	}
	f.require(pos, []hazard{{Nil, smt.Eq(a, smt.BVUint(addrWidth, 0)), "runtime error: invalid memory address or nil pointer dereference"}})
	return a, nil
}

// heapValue lowers a pure memory-related value instruction.
func (f *frame) heapValue(v gossa.Value) (*smt.Term, bool, error) {
	switch v := v.(type) {
	case *gossa.Field:
		x, err := f.value(v.X)
		if err != nil {
			return nil, true, err
		}
		_, off, fl, err := fieldRange(v.X.Type(), v.Field)
		if err != nil {
			return nil, true, unsupported(v.Pos(), "%v", err)
		}
		return fromBits(extract(bits(x), off, fl.width), fl), true, nil
	}
	return nil, false, nil
}

// execHeap lowers an instruction that reads or writes memory or may
// panic on a bad address; ok is false for other instructions.
func (f *frame) execHeap(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.Alloc:
		elem := in.Type().(*types.Pointer).Elem()
		n := 0 // a zero-size object ([]T{}, make([]T, 0)) has no slots
		if sourceSizes.Sizeof(elem) != 0 {
			lay, err := layoutOf(elem)
			if err != nil {
				return true, unsupported(in.Pos(), "allocation of %v", err)
			}
			n = len(lay.slots)
		}
		if n > maxAllocSlots {
			return true, unsupported(in.Pos(), "allocation of %d slots", n)
		}
		addr, err := f.l.allocate(in.Pos(), uint64(n))
		if err != nil {
			return true, err
		}
		// Fresh memory reads as zero: nothing to write.
		f.cur.vals[in] = addr
		return true, nil
	case *gossa.Store:
		lay, err := layoutOf(in.Val.Type())
		if err != nil {
			return true, unsupported(in.Pos(), "store of %v", err)
		}
		addr, err := f.addrOf(in.Addr, in.Pos())
		if err != nil {
			return true, err
		}
		v, err := f.value(in.Val)
		if err != nil {
			return true, err
		}
		f.frameStore(in.Pos(), lay, addr, v, f.mem) // frame.go
		f.mem = f.l.storeValue(f.mem, lay, addr, v)
		return true, nil
	case *gossa.UnOp:
		if in.Op != token.MUL {
			return false, nil
		}
		lay, err := layoutOf(in.Type())
		if err != nil {
			return true, unsupported(in.Pos(), "load of %v", err)
		}
		addr, err := f.addrOf(in.X, loadPos(in))
		if err != nil {
			return true, err
		}
		v, err := f.l.loadValue(f.mem, lay, addr, in.Type())
		if err != nil {
			return true, unsupported(in.Pos(), "load of %v", err)
		}
		f.cur.vals[in] = v
		return true, nil
	case *gossa.FieldAddr:
		addr, err := f.addrOf(in.X, in.Pos())
		if err != nil {
			return true, err
		}
		idx, _, _, err := fieldRange(in.X.Type().Underlying().(*types.Pointer).Elem(), in.Field)
		if err != nil {
			return true, unsupported(in.Pos(), "%v", err)
		}
		f.cur.vals[in] = slotAddr(addr, idx)
		return true, nil
	case *gossa.IndexAddr:
		return true, f.indexAddr(in)
	case *gossa.Index:
		return true, f.index(in)
	case *gossa.Slice:
		return true, f.slice(in)
	case *gossa.MakeSlice:
		return true, f.makeSlice(in)
	}
	return false, nil
}

// index64 converts an index value to a 64-bit term and the hazard that it
// is negative (for signed types).
func (f *frame) index64(v gossa.Value) (*smt.Term, error) {
	x, err := f.value(v)
	if err != nil {
		return nil, err
	}
	it, ok := intTypeOf(v.Type())
	if !ok {
		return nil, unsupported(v.Pos(), "index of type %s", v.Type())
	}
	return convert(x, it, intType{addrWidth, it.signed}), nil
}

// inRange is the condition 0 <= i < n for a 64-bit index i (negative
// signed indices are huge unsigned ones) and a length n <= MaxInt64.
func inRange(i, n *smt.Term) *smt.Term { return smt.BVUlt(i, n) }

// sequence returns the elements' address, the length and the capacity of
// x, a slice or a pointer to an array (required non-nil), and the element
// type; what names the operation for messages.
func (f *frame) sequence(x gossa.Value, pos token.Pos, what string) (ptr, length, capacity *smt.Term, elem types.Type, err error) {
	switch t := x.Type().Underlying().(type) {
	case *types.Slice:
		s, err := f.value(x)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		ptr, length, capacity = sliceParts(s)
		return ptr, length, capacity, t.Elem(), nil
	case *types.Pointer:
		if arr, ok := t.Elem().Underlying().(*types.Array); ok {
			if ptr, err = f.addrOf(x, pos); err != nil {
				return nil, nil, nil, nil, err
			}
			length = smt.BVUint(addrWidth, uint64(arr.Len()))
			return ptr, length, length, arr.Elem(), nil
		}
	}
	return nil, nil, nil, nil, unsupported(pos, "%s %s", what, x.Type())
}

func (f *frame) indexAddr(in *gossa.IndexAddr) error {
	i, err := f.index64(in.Index)
	if err != nil {
		return err
	}
	base, length, _, elem, err := f.sequence(in.X, in.Pos(), "indexing")
	if err != nil {
		return err
	}
	k, err := nslots(elem)
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	f.require(in.Pos(), []hazard{{Bounds, smt.Not(inRange(i, length)), "runtime error: index out of range"}})
	f.cur.vals[in] = smt.BVAdd(base, smt.BVMul(i, smt.BVUint(addrWidth, uint64(k))))
	return nil
}

// index reads element i of an array value.
func (f *frame) index(in *gossa.Index) error {
	arr, ok := in.X.Type().Underlying().(*types.Array)
	if !ok {
		return unsupported(in.Pos(), "indexing %s", in.X.Type())
	}
	i, err := f.index64(in.Index)
	if err != nil {
		return err
	}
	x, err := f.value(in.X)
	if err != nil {
		return err
	}
	el, err := layoutOf(arr.Elem())
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	f.require(in.Pos(), []hazard{{Bounds, smt.Not(inRange(i, smt.BVUint(addrWidth, uint64(arr.Len())))), "runtime error: index out of range"}})
	f.cur.vals[in] = fromBits(elementAt(bits(x), i, el.width), el)
	return nil
}

// elementAt extracts the width-bit element at index i (a 64-bit term) of
// the bit vector x.
func elementAt(x, i *smt.Term, width int) *smt.Term {
	if width == 0 {
		return standIn()
	}
	w := x.Sort().Width()
	if i.IsConst() {
		n := i.Value().Uint64()
		if n < uint64(w/width) {
			return extract(x, int(n)*width, width)
		}
	}
	var amount *smt.Term
	switch {
	case w > addrWidth:
		amount = smt.ZeroExt(w-addrWidth, i)
	case w < addrWidth:
		amount = smt.Extract(w-1, 0, i)
	default:
		amount = i
	}
	amount = smt.BVMul(amount, smt.BVUint(w, uint64(width)))
	return extract(smt.BVLShr(x, amount), 0, width)
}

// slice lowers x[lo:hi:max] of a slice or a pointer to an array.
func (f *frame) slice(in *gossa.Slice) error {
	ptr, length, capacity, elem, err := f.sequence(in.X, in.Pos(), "slicing")
	if err != nil {
		return err
	}
	lo, negLo, err := f.sliceBound(in.Low, smt.BVUint(addrWidth, 0))
	if err != nil {
		return err
	}
	hi, negHi, err := f.sliceBound(in.High, length)
	if err != nil {
		return err
	}
	mx, negMax, err := f.sliceBound(in.Max, capacity)
	if err != nil {
		return err
	}
	bad := smt.Or(negLo, negHi, negMax, smt.BVUlt(capacity, mx), smt.BVUlt(mx, hi), smt.BVUlt(hi, lo))
	f.require(in.Pos(), []hazard{{Bounds, bad, "runtime error: slice bounds out of range"}})
	k, err := nslots(elem)
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	newPtr := smt.BVAdd(ptr, smt.BVMul(lo, smt.BVUint(addrWidth, uint64(k))))
	if _, isSlice := in.X.Type().Underlying().(*types.Slice); isSlice {
		// Slicing a nil slice gives nil.
		newPtr = smt.Ite(smt.Eq(ptr, smt.BVUint(addrWidth, 0)), ptr, newPtr)
	}
	f.cur.vals[in] = makeSlice(newPtr, smt.BVSub(hi, lo), smt.BVSub(mx, lo))
	return nil
}

// maxSliceBytes is the largest backing array Go allocates: the runtime's
// maxAlloc, 1<<heapAddrBits on 64-bit platforms with heapAddrBits 48 on
// amd64 (runtime/malloc.go). makeslice and growslice panic beyond it.
const maxSliceBytes = 1 << 48

// makeSlice lowers make([]T, len, cap).
func (f *frame) makeSlice(in *gossa.MakeSlice) error {
	elem := in.Type().Underlying().(*types.Slice).Elem()
	k, err := nslots(elem)
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	length, err := f.index64(in.Len)
	if err != nil {
		return err
	}
	capacity, err := f.index64(in.Cap)
	if err != nil {
		return err
	}
	limit := smt.BVUint(addrWidth, maxElems(elem))
	// Negative lengths are huge unsigned numbers.
	f.require(in.Pos(), []hazard{{Bounds, smt.Or(smt.BVUlt(limit, length), smt.BVUlt(limit, capacity), smt.BVUlt(capacity, length)), "runtime error: makeslice"}})
	ptr, err := f.l.allocate(in.Pos(), window(capacity, elem, k))
	if err != nil {
		return err
	}
	f.l.allocated(capacity)
	f.cur.vals[in] = makeSlice(ptr, length, capacity)
	return nil
}

// writes returns the memory regions the blocks (and the functions they
// call, transitively) may write.
func (l *lowering) writes(blocks []*gossa.BasicBlock, seen map[*gossa.Function]bool) (map[string]bool, error) {
	out := map[string]bool{}
	addType := func(t types.Type) {
		if lay, err := layoutOf(t); err == nil {
			for _, s := range lay.slots {
				out[s.region] = true
			}
		}
	}
	for _, b := range blocks {
		for _, instr := range b.Instrs {
			stringWrites(instr, out)
			mapWrites(instr, out)
			switch in := instr.(type) {
			case *gossa.Store:
				addType(in.Val.Type())
			case gossa.CallInstruction: // calls, deferred calls
				common := in.Common()
				if common.IsInvoke() {
					if err := l.invokeWrites(common, seen, out); err != nil {
						return nil, err
					}
					continue
				}
				if b, ok := common.Value.(*gossa.Builtin); ok {
					if b.Name() == "append" || b.Name() == "copy" || b.Name() == "clear" && isSliceType(common.Args[0].Type()) {
						addType(common.Args[0].Type().Underlying().(*types.Slice).Elem())
					}
					continue
				}
				callee := common.StaticCallee()
				if _, isParam := common.Value.(*gossa.Parameter); callee == nil && isParam {
					// A function-typed parameter: when it holds an unknown
					// function, that writes every region but the strings
					// (funcparam.go); a closure passed to an inlined callee
					// writes no more than the strings besides.
					for r := range l.allRegions(in.Parent().Prog, nil) {
						out[r] = true
					}
					out[strRegion], out[strPosRegion] = true, true
					continue
				}
				if callee == nil {
					// A function value: its callee is not known here, and
					// "every region" cannot be named — map entries live in
					// regions per key and value width, which a region
					// first touched after the call would read from the
					// entry state. Fail closed rather than summarise.
					pos := in.Pos()
					if !pos.IsValid() {
						pos = common.Pos()
					}
					return nil, unsupported(pos, "call of a function value inside a loop with invariants or a function used by its contract (what it may write is not summarised)")
				}
				if o := callee.Origin(); o != nil && o.Pkg != nil && o.Pkg.Pkg.Path() == "slices" && o.Name() == "Grow" && len(common.Args) > 0 && isSliceType(common.Args[0].Type()) {
					// Modelled (stdlib_generic.go): it copies the
					// elements into a new array, a write of their kind.
					addType(common.Args[0].Type().Underlying().(*types.Slice).Elem())
					continue
				}
				if seen[callee] {
					continue
				}
				seen[callee] = true
				if len(callee.Blocks) == 0 && l.contract != nil {
					if t := l.contract(callee); t != nil && t.foreign != nil {
						for r := range foreignWrites(t) {
							out[r] = true
						}
						continue
					}
				}
				w, err := l.writes(callee.Blocks, seen)
				if err != nil {
					return nil, err
				}
				for r := range w {
					out[r] = true
				}
			}
		}
	}
	return out, nil
}

// sliceBound is an index of a slice expression as an address-width value
// (def when the index is omitted) and the condition that it is negative.
func (f *frame) sliceBound(v gossa.Value, def *smt.Term) (*smt.Term, *smt.Term, error) {
	if v == nil {
		return def, smt.False(), nil
	}
	i, err := f.index64(v)
	if err != nil {
		return nil, nil, err
	}
	neg := smt.False()
	if it, _ := intTypeOf(v.Type()); it.signed {
		neg = smt.BVSlt(i, smt.BVUint(addrWidth, 0))
	}
	return i, neg, nil
}

// loadPos is where a load is in the source: its own position, or, for a
// load go/ssa made without one (the receiver of a method value, p.M, read
// when the method value is made), the first position of its uses.
func loadPos(in *gossa.UnOp) token.Pos {
	if in.Pos().IsValid() || in.Referrers() == nil {
		return in.Pos()
	}
	for _, r := range *in.Referrers() {
		if r.Pos().IsValid() {
			return r.Pos()
		}
	}
	return in.Pos()
}

// isSliceType reports whether t's underlying type is a slice.
func isSliceType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}
