package ssa

import (
	"go/token"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// for range over a map. Go does not fix the order of iteration (the
// runtime randomizes it), so the model lets the solver choose it: a
// proof holds for every order, and a counterexample names one. go/ssa
// lowers `for k, v := range m` to an iterator, `it = range m`, made
// before the loop, and `next it` at the loop's head, a tuple (ok, k, v).
// The iterator is the map's address and a slot of its own, allocated by
// `range`, which holds in memory what the iteration has done so far: the
// number of keys produced (in the region strPosRegion, as the position
// of an iterator over a string) and the set of keys produced (a set map
// at the slot's address, in the region of sets with the key's width,
// map.KW.0, where no map of the program lies: the slot is a fresh
// address). Each `next` is
//
//	ok = produced < len(m)
//	k  = a fresh key, present in m and not produced yet (when ok)
//	v  = m[k]
//
// and then adds k to the produced set and counts it. Every order Go may
// take is such a sequence, since a map of length n holds n distinct
// keys; and every such sequence is an order Go may take. Merges,
// unrolling (with an unwinding obligation past --unroll keys) and the
// arbitrary state of an enclosing loop with invariants treat the
// iterator as they treat every other memory. Invariants on a range loop
// over a map stay unsupported (loop_lower.go).
//
// The model holds while the map is not written during the iteration:
// Go then produces each of its entries exactly once. A write to a map
// (m[k] = v, delete, clear) in the loop's body is checked not to be to
// the map being ranged over: when it may be, a map-range-write
// obligation leaves the function unknown with the reason (Go's rules for
// an entry added during the iteration — it may or may not be produced —
// are not modelled). A call in the body that may write maps of the
// ranged map's key and value widths is unsupported: what it writes is
// not checked against the iterator.
//
// The keys produced are recorded (mapState.ranged), in the order the
// lowering met them, which is the order of the iteration on every path:
// a counterexample writes a map ranged over with those keys first, in
// that order (maps_cex.go), so that a map literal fills its slots in the
// order the counterexample needs, and its replay runs the function
// repeatedly until Go takes that order (confirm.go).

// MapRangeWrite obligations hold when no write during a for range over
// a map is to that map; when one may be, the verdict is unknown with the
// reason (prove.go), never proved or failed.
const MapRangeWrite ObligationKind = "map-range-write"

// rangedKey is a key a `next` over a map produces when cond holds.
type rangedKey struct {
	mt        *mapType
	addr, key *smt.Term
	cond      *smt.Term
}

// mapSeenRegion is the region of the sets of keys an iterator over maps
// of mt has produced.
func mapSeenRegion(mt *mapType) string { return mapRegion(mt.key.width, 0) }

// mapRangeWrites adds to out the regions instr writes as part of a range
// over a map: the iterator's count and its set of produced keys.
func mapRangeWrites(instr gossa.Instruction, out map[string]bool) {
	var x gossa.Value
	switch in := instr.(type) {
	case *gossa.Range:
		x = in.X
	case *gossa.Next:
		if in.IsString {
			return
		}
		if r, ok := in.Iter.(*gossa.Range); ok {
			x = r.X
		}
	}
	if x == nil || !isMap(x.Type()) {
		return
	}
	if mt, err := mapTypeOf(x.Type()); err == nil {
		out[strPosRegion], out[mapSeenRegion(mt)] = true, true
	}
}

// execMapRange lowers `range m` and `next it` over a map; ok is false for
// other instructions.
func (f *frame) execMapRange(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.Range:
		if !isMap(in.X.Type()) {
			return false, nil
		}
		return true, f.mapRange(in)
	case *gossa.Next:
		if in.IsString {
			return false, nil
		}
		return true, f.mapNext(in)
	}
	return false, nil
}

// mapRange lowers `it = range m`: a fresh iterator that has produced
// nothing, after checking that the loop's body writes m only where a
// map-range-write obligation can catch it.
func (f *frame) mapRange(in *gossa.Range) error {
	mt, a, err := f.mapOperand(in.X, in.Pos())
	if err != nil {
		return err
	}
	if err := f.watchRangeWrites(in, mt); err != nil {
		return err
	}
	slot, err := f.l.allocate(in.Pos(), 1)
	if err != nil {
		return err
	}
	f.mem = f.l.writeSlot(f.mem, strPosRegion, slot, smt.BVUint(addrWidth, 0))
	seen := mapSeenRegion(mt)
	if st, ok := f.mem[seen]; ok && havocked(st.fresh) {
		// A range in the body of a loop with invariants, whose arbitrary
		// state made the sets arbitrary too: this one starts empty.
		f.mem = f.l.clearMap(f.mem, &mapType{key: mt.key, val: &layout{}, region: seen}, slot)
	}
	f.cur.vals[in] = concat([]*smt.Term{a, slot})
	return nil
}

// mapNext lowers `next it` over a map: whether a key is left, a key
// present and not produced yet, and its value.
func (f *frame) mapNext(in *gossa.Next) error {
	r, ok := in.Iter.(*gossa.Range)
	if !ok {
		return unsupported(in.Pos(), "next over an iterator that is not a range (%T)", in.Iter)
	}
	mt, err := mapTypeOf(r.X.Type())
	if err != nil {
		return unsupported(r.Pos(), "%v", err)
	}
	it, err := f.value(in.Iter)
	if err != nil {
		return err
	}
	a, slot := extract(it, 0, addrWidth), extract(it, addrWidth, addrWidth)
	sort, ok := valueSort(mt.keyT)
	if !ok {
		return unsupported(r.Pos(), "for range over a map with keys of type %s", mt.keyT)
	}
	seenT := &mapType{key: mt.key, val: &layout{}, region: mapSeenRegion(mt)}
	done := f.l.readSlot(f.mem, strPosRegion, slot)
	more := smt.BVUlt(done, f.l.mapLen(f.mem, a))
	k := f.l.freshVar("mapkey", sort)
	present := smt.And(smt.Not(isNilMap(a)), mt.entryPresent(f.l.mapEntry(f.mem, mt, a, k)))
	fresh := smt.Not(seenT.entryPresent(f.l.mapEntry(f.mem, seenT, slot, k)))
	cond := smt.And(f.guard, more)
	// Go produces a key present in the map that it has not produced yet;
	// one exists while fewer than len(m) were produced (a map of length
	// n holds n distinct keys), so this rules out no run of Go.
	f.l.lemmas = append(f.l.lemmas, smt.Implies(cond, smt.And(present, fresh)))
	v, _ := f.l.mapLookup(f.mem, mt, a, k)
	st := f.l.mapsState()
	st.ranged = append(st.ranged, rangedKey{mt: mt, addr: a, key: k, cond: cond})
	f.mem = f.l.setMapEntry(f.mem, seenT, slot, k, smt.Ite(more, seenT.presentSlot(nil), f.l.mapEntry(f.mem, seenT, slot, k)))
	f.mem = f.l.writeSlot(f.mem, strPosRegion, slot, smt.Ite(more, smt.BVAdd(done, smt.BVUint(addrWidth, 1)), done))
	f.cur.tuples[in] = []*smt.Term{more, k, v}
	f.cur.vals[in] = smt.True() // placeholder: tuples are read through Extract
	return nil
}

// watchRangeWrites finds the writes to maps in the body of the loop that
// r's `next` heads: those of its own instructions to maps of mt's region
// are recorded, to be checked against the iterator where they are
// lowered (checkRangeWrite); a call that may write such maps is
// unsupported.
func (f *frame) watchRangeWrites(r *gossa.Range, mt *mapType) error {
	var next *gossa.Next
	for _, ref := range *r.Referrers() {
		if n, ok := ref.(*gossa.Next); ok {
			next = n
		}
	}
	if next == nil || f.loops == nil {
		return nil // no iteration: nothing is produced
	}
	lp := f.loops.innermost[next.Block()]
	if lp == nil || lp.header != next.Block() {
		// A body that never goes back to the next key (it returns or
		// breaks): the one key is produced before any write of it.
		return nil
	}
	if f.l.rangeWatch == nil {
		f.l.rangeWatch = map[gossa.Instruction][]*gossa.Range{}
	}
	for _, b := range f.loops.blocksOf(lp) {
		for _, instr := range b.Instrs {
			direct := map[string]bool{}
			mapWrites(instr, direct)
			if _, isMake := instr.(*gossa.MakeMap); !isMake && direct[mt.region] {
				f.l.rangeWatch[instr] = append(f.l.rangeWatch[instr], r)
				continue
			}
			call, ok := instr.(gossa.CallInstruction)
			if !ok {
				continue
			}
			if _, builtin := call.Common().Value.(*gossa.Builtin); builtin {
				continue
			}
			w, err := f.l.writes([]*gossa.BasicBlock{{Instrs: []gossa.Instruction{instr}}}, map[*gossa.Function]bool{})
			if err != nil {
				return unsupported(instr.Pos(), "a call in the body of a for range over a map at %s whose writes are not known (it might write the map being ranged over)", f.fn.Prog.Fset.Position(r.Pos()))
			}
			if w[mt.region] {
				return unsupported(instr.Pos(), "a call that may write maps of type %s in the body of a for range over a map at %s (writes to the map being ranged over are not modelled)", mt.t, f.fn.Prog.Fset.Position(r.Pos()))
			}
		}
	}
	return nil
}

// checkRangeWrite records, for a write at instr to the map at addr, a
// map-range-write obligation per range over a map whose body instr is
// in: the write is not to the map being ranged over. The paths where it
// is are cut.
func (f *frame) checkRangeWrite(instr gossa.Instruction, addr *smt.Term) error {
	for _, r := range f.l.rangeWatch[instr] {
		it, err := f.value(r)
		if err != nil {
			return err
		}
		same := smt.And(f.guard, smt.Not(isNilMap(addr)), smt.Eq(addr, extract(it, 0, addrWidth)))
		if same.IsFalse() {
			continue
		}
		pos := instr.Pos()
		if !pos.IsValid() {
			pos = r.Pos()
		}
		if !f.emit {
			return unsupported(pos, "a write that may be to the map being ranged over at %s, in a function called from a spec", f.fn.Prog.Fset.Position(r.Pos()))
		}
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: MapRangeWrite, Pos: pos, Guard: same, Goal: smt.False(),
			Via:        append([]token.Pos(nil), f.l.via...),
			unknownWhy: "the map being ranged over at " + f.fn.Prog.Fset.Position(r.Pos()).String() + " may be written during the iteration, which vsynth does not model (Go may or may not produce an entry added during it)",
		})
		f.guard = smt.And(f.guard, smt.Not(same))
	}
	return nil
}
