package ssa

import (
	"go/token"
	"go/types"
	"sort"

	"github.com/vsynth/vsynth/smt"
)

// Memory is a set of regions, one per scalar kind, each an array from
// 64-bit slot addresses to slot bits. Addresses below alloc0 hold the
// objects that existed when the function was called (reachable from its
// parameters; their contents are the variables mem0.REGION); addresses
// from alloc0 up are handed out by allocations in the order they are
// lowered, and read as zero until written. A region is therefore a pair:
// old, read below alloc0, and fresh, read above, which starts as the
// all-zero array. Stores go to both, so either is right where it is read.
// A range copy (copy, append) makes the two one array, the merged view:
// old below alloc0 and fresh above, which it is right to read everywhere.

// maxAllocSlots bounds the slots an allocation may zero explicitly.
const maxAllocSlots = 1 << 12

// regionState is the contents of one region.
type regionState struct {
	old, fresh *smt.Term
}

// memory maps regions to their contents; a region missing from the map
// holds its initial contents. Memories are never modified in place.
type memory map[string]regionState

// regionWidth is the width of the slots of region r.
func regionWidth(r string) int {
	switch r {
	case "bool":
		return 1
	case "ptr", "len", "cap", "int", "uint", "uintptr", mapLenRegion, strPosRegion:
		return 64
	case "int8", "uint8", strRegion:
		return 8
	case "int16", "uint16":
		return 16
	case "int32", "uint32", ifaceTagRegion:
		return 32
	case ifacePayloadRegion:
		return ifacePayloadWidth
	case "int64", "uint64":
		return 64
	}
	if _, vw, ok := mapRegionWidths(r); ok {
		return vw + 1 // the presence bit and the value (maps.go)
	}
	panic("ssa: unknown memory region " + r)
}

// regionSort is the sort of region r's arrays.
func regionSort(r string) smt.Sort {
	if kw, _, ok := mapRegionWidths(r); ok { // indexed by address and key (maps.go)
		return smt.ArraySort(smt.BitVecSort(addrWidth+kw), smt.BitVecSort(regionWidth(r)))
	}
	return smt.ArraySort(smt.BitVecSort(addrWidth), smt.BitVecSort(regionWidth(r)))
}

// initialRegion is the contents of region r on entry.
func (l *lowering) initialRegion(r string) regionState {
	return regionState{
		old:   entryMemory(r),
		fresh: smt.ConstArray(regionSort(r), smt.BVUint(regionWidth(r), 0)),
	}
}

// get returns the contents of region r in m.
func (l *lowering) get(m memory, r string) regionState {
	if st, ok := m[r]; ok {
		return st
	}
	return l.initialRegion(r)
}

// with returns m with region r replaced.
func with(m memory, r string, st regionState) memory {
	n := make(memory, len(m)+1)
	for k, v := range m {
		n[k] = v
	}
	n[r] = st
	return n
}

// readSlot reads the slot at addr of region r.
func (l *lowering) readSlot(m memory, r string, addr *smt.Term) *smt.Term {
	st := l.get(m, r)
	if st.old == st.fresh {
		return smt.Select(st.old, addr) // one array since a range copy
	}
	return smt.Ite(smt.BVUlt(addr, l.alloc0), smt.Select(st.old, addr), smt.Select(st.fresh, addr))
}

// writeSlot writes bits to the slot at addr of region r.
func (l *lowering) writeSlot(m memory, r string, addr, bits *smt.Term) memory {
	st := l.get(m, r)
	if st.old == st.fresh {
		a := smt.Store(st.old, addr, bits)
		return with(m, r, regionState{a, a})
	}
	return with(m, r, regionState{smt.Store(st.old, addr, bits), smt.Store(st.fresh, addr, bits)})
}

// load reads a value of layout lay at addr.
func (l *lowering) load(m memory, lay *layout, addr *smt.Term) *smt.Term {
	if lay.zeroWidth() {
		return standIn() // nothing in memory
	}
	parts := make([]*smt.Term, len(lay.slots))
	for i, s := range lay.slots {
		parts[i] = l.readSlot(m, s.region, slotAddr(addr, i))
	}
	return fromBits(concat(parts), lay)
}

// loadValue reads a value of Go type t, of layout lay, at addr. A value
// that holds pointers or slices comes with what Go guarantees of the
// memory the function started with, stated as a lemma at this address:
// what lay there on entry was well formed (wellFormed: below alloc0 the
// caller's objects point to older objects only), and memory above alloc0
// read as zero, which is well formed too.
func (l *lowering) loadValue(m memory, lay *layout, addr *smt.Term, t types.Type) (*smt.Term, error) {
	if hasPointers(t) {
		initial := l.load(memory{}, lay, addr)
		wf, err := l.wellFormed(initial, t)
		if err != nil {
			return nil, err
		}
		l.lemmas = append(l.lemmas, wf)
		// Slices, and those in structs and arrays, kept short (small.go).
		l.loadedSlices = append(l.loadedSlices, sliceTerms(initial, t)...)
		l.loadedIfaces = append(l.loadedIfaces, ifaceTerms(initial, t)...)
	}
	return l.load(m, lay, addr), nil
}

// storeValue writes v, of layout lay, at addr.
func (l *lowering) storeValue(m memory, lay *layout, addr, v *smt.Term) memory {
	b := bits(v)
	for i, s := range lay.slots {
		m = l.writeSlot(m, s.region, slotAddr(addr, i), extract(b, s.off, s.width))
	}
	return m
}

// slotAddr is addr + i.
func slotAddr(addr *smt.Term, i int) *smt.Term {
	if i == 0 {
		return addr
	}
	return smt.BVAdd(addr, smt.BVUint(addrWidth, uint64(i)))
}

// mergeMemory is the memory on entry to a block reached along one of the
// edges conds[i] with memories ms[i].
func (l *lowering) mergeMemory(conds []*smt.Term, ms []memory) memory {
	if len(ms) == 1 {
		return ms[0]
	}
	regions := map[string]bool{}
	for _, m := range ms {
		for r := range m {
			regions[r] = true
		}
	}
	names := make([]string, 0, len(regions))
	for r := range regions {
		names = append(names, r)
	}
	sort.Strings(names)
	out := memory{}
	for _, r := range names {
		st := l.get(ms[len(ms)-1], r)
		for i := len(ms) - 2; i >= 0; i-- {
			o := l.get(ms[i], r)
			if o.old == o.fresh && st.old == st.fresh {
				if o.old != st.old {
					a := smt.Ite(conds[i], o.old, st.old)
					st = regionState{a, a}
				}
				continue
			}
			if o.old != st.old {
				st.old = smt.Ite(conds[i], o.old, st.old)
			}
			if o.fresh != st.fresh {
				st.fresh = smt.Ite(conds[i], o.fresh, st.fresh)
			}
		}
		out[r] = st
	}
	return out
}

// havocMemory returns m with the regions in written replaced by fresh
// arrays: their contents in an arbitrary iteration of a loop, or after a
// call known by its contract. mark records each fresh array, so that a
// counterexample resting on its contents is not reported as real.
func (l *lowering) havocMemory(m memory, written map[string]bool, mark func(*smt.Term)) memory {
	names := make([]string, 0, len(written))
	for r := range written {
		names = append(names, r)
	}
	sort.Strings(names)
	for _, r := range names {
		st := regionState{
			old:   l.freshVar(memHavocPrefix+r+havocSuffix, regionSort(r)),
			fresh: l.freshVar(freshMemPrefix+r+havocSuffix, regionSort(r)),
		}
		if r == strRegion {
			st.old = l.get(m, r).old // strings on entry are never written
		} else {
			mark(st.old)
		}
		mark(st.fresh)
		m = with(m, r, st)
	}
	return m
}

// Fresh objects. Allocation i gets the address alloc0 + off_i, where the
// offsets are constants: each allocation reserves a window of as many
// slots as the object can have without its allocation panicking (its
// exact size when that is a constant; maxAlloc's worth of elements for a
// make or an append of symbolic capacity). So a fresh address is never
// nil (1 <= alloc0, stated with the bound on alloc0 in vc.go), lies above
// every object reachable on entry, and is disjoint from every other
// allocation, whatever path the other allocations are on and whatever
// sizes they take there; no address wraps, since alloc0 <= 2^62 and the
// windows add up to at most maxFreshSlots. Go's allocations are all that
// too (distinct live objects do not overlap, none is at nil), except
// that zero-size objects may share an address: comparing pointers to
// zero-size values is unsupported (semantics.go), so no proof rests on
// their being distinct.

// maxFreshSlots bounds the windows of one lowering's allocations:
// alloc0 + maxFreshSlots < 2^64.
const maxFreshSlots = 1 << 63

// allocate hands out a window of slots (at least one) for an allocation
// at pos and returns its address.
func (l *lowering) allocate(pos token.Pos, window uint64) (*smt.Term, error) {
	window = max(window, 1)
	if window > maxFreshSlots-l.allocOff {
		return nil, unsupported(pos, "allocations of more than %d slots in one function", uint64(maxFreshSlots))
	}
	addr := l.alloc0
	if l.allocOff > 0 {
		addr = smt.BVAdd(l.alloc0, smt.BVUint(addrWidth, l.allocOff))
	}
	l.allocOff += window
	return addr, nil
}

// maxElems is the largest capacity a slice of elem can have: its backing
// array is at most maxAlloc bytes (makeslice and growslice panic beyond,
// and no other object is bigger). It is at least 1 for a supported elem
// (nslots accepts no zero-size type).
func maxElems(elem types.Type) uint64 {
	return uint64(maxSliceBytes / max(sourceSizes.Sizeof(elem), 1))
}

// window is the slots the array of a slice of elem of capacity
// capacity can take: exact when capacity is a constant, else the largest
// array of elem.
func window(capacity *smt.Term, elem types.Type, k int) uint64 {
	n := maxElems(elem)
	if capacity.IsConst() && capacity.Value().IsUint64() {
		n = min(n, capacity.Value().Uint64())
	}
	return n * uint64(k) // at most maxSliceBytes: a slot takes at least a byte
}

// wellFormed is what holds of a parameter value v of type t: its pointers
// are nil or point to objects that lie below alloc0, and its slices have
// 0 <= len <= cap <= maxElems (an array of at most maxAlloc bytes), and a
// nil pointer only with capacity 0.
func (l *lowering) wellFormed(v *smt.Term, t types.Type) (*smt.Term, error) {
	if isString(t) {
		return l.stringWellFormed(v), nil
	}
	if isMap(t) {
		return l.mapWellFormed(v, t)
	}
	if isInterface(t) {
		return l.ifaceWellFormed(v, t)
	}
	if lay, err := layoutOf(t); err == nil && lay.zeroWidth() {
		return smt.Eq(v, standIn()), nil // the one value
	}
	zero := smt.BVUint(addrWidth, 0)
	inOld := func(p, size *smt.Term) *smt.Term {
		// p != 0 ==> 1 <= p && size <= alloc0 - p
		return smt.Implies(smt.Not(smt.Eq(p, zero)),
			smt.And(smt.BVUle(smt.BVUint(addrWidth, 1), p), smt.BVUle(p, l.alloc0), smt.BVUle(size, smt.BVSub(l.alloc0, p))))
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		n, err := ptrSlots(u.Elem())
		if err != nil {
			return nil, err
		}
		return inOld(v, smt.BVUint(addrWidth, uint64(n))), nil
	case *types.Slice:
		k, err := nslots(u.Elem())
		if err != nil {
			return nil, err
		}
		ptr, length, capacity := sliceParts(v)
		// The backing array has at most maxAlloc bytes (maxElems).
		maxCap := smt.BVUint(addrWidth, maxElems(u.Elem()))
		return smt.And(
			smt.BVSle(zero, length), smt.BVSle(length, capacity), smt.BVUle(capacity, maxCap),
			smt.Implies(smt.Eq(ptr, zero), smt.Eq(capacity, zero)),
			inOld(ptr, smt.BVMul(capacity, smt.BVUint(addrWidth, uint64(k)))),
		), nil
	case *types.Struct:
		conds := []*smt.Term{}
		b := bits(v)
		for i := 0; i < u.NumFields(); i++ {
			_, off, fl, err := fieldRange(t, i)
			if err != nil {
				return nil, err
			}
			c, err := l.wellFormed(fromBits(extract(b, off, fl.width), fl), u.Field(i).Type())
			if err != nil {
				return nil, err
			}
			conds = append(conds, c)
		}
		return smt.And(conds...), nil
	case *types.Array:
		el, err := layoutOf(u.Elem())
		if err != nil {
			return nil, err
		}
		if !hasPointers(u.Elem()) {
			return smt.True(), nil
		}
		conds := []*smt.Term{}
		for i := int64(0); i < u.Len(); i++ {
			c, err := l.wellFormed(fromBits(extract(v, int(i)*el.width, el.width), el), u.Elem())
			if err != nil {
				return nil, err
			}
			conds = append(conds, c)
		}
		return smt.And(conds...), nil
	}
	if _, err := layoutOf(t); err != nil {
		return nil, err
	}
	return smt.True(), nil
}

// hasPointers reports whether values of t contain pointers or slices
// (or interfaces, which may hold them).
func hasPointers(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map:
		return true
	case *types.Interface: // the payload may be a pointer
		return isInterface(t) // not a type parameter
	case *types.Basic:
		return isString(u)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointers(u.Field(i).Type()) {
				return true
			}
		}
	case *types.Array:
		return hasPointers(u.Elem())
	}
	return false
}
