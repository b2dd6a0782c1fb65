package ssa

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Maps. A map value is a 64-bit address, 0 for nil, and the map — its
// entries and its length — lives in memory: a map is a reference, as in
// Go, so two parameters may be one map (their addresses equal) and a
// write through one is read through the other. The entries of the maps
// of one key and value width are the region "map.KW.VW", indexed by the
// map's address and the key's bits (the address in the high bits); a
// slot holds a presence bit (the top bit) and the value's bits, all zero
// for an absent key. The lengths of all maps are the region "maplen",
// indexed by address. Like every region (memory.go), both are old below
// alloc0, where the maps that exist on entry lie, and fresh above, where
// make and map literals put theirs: a fresh map's entries read absent
// and its length 0 until written.
//
// Keys are compared by their bits, which is Go's == for integers, bools
// and structs and arrays of them without blank fields; keys with
// strings, pointers, interfaces or floats, and values with strings,
// pointers or slices, stay unsupported; string values are their 128
// bits, with their bytes in the string region. A set's values, struct{}, take
// no bits: its slot is the presence bit, and struct{}{} a stand-in bit
// where a value is needed (mapType.zero). The length of a map on entry is
// a variable of its own: what ties it to the entries is stated as lemmas
// over the keys the function and its spec use (mapLemmas), which is what
// a counterexample needs to be built (maps_cex.go). for range over a
// map lets the solver choose the order (maps_range.go).

// NilMap: no assignment to an entry of a nil map.
const NilMap ObligationKind = "nil-map"

// nilMapMsg is Go's panic on an assignment to an entry of a nil map.
const nilMapMsg = "assignment to entry in nil map"

// mapLenRegion is the region of the lengths of maps.
const mapLenRegion = "maplen"

// mapRegionPrefix starts the name of a region of map entries.
const mapRegionPrefix = "map."

// maxMapLen bounds the length of a map that exists on entry: each entry
// takes at least a byte, and Go's heap on the 64-bit platforms vsynth
// models is at most 2^48 bytes (maxSliceBytes).
const maxMapLen = maxSliceBytes

// maxMapLemmaAccesses bounds the accesses of one region that the length
// lemmas relate pairwise.
const maxMapLemmaAccesses = 24

// mapType is a modelled map type.
type mapType struct {
	t          types.Type
	keyT, valT types.Type
	key, val   *layout
	region     string
}

// mapRegion names the region of the entries of maps with keys of kw bits
// and values of vw bits.
func mapRegion(kw, vw int) string { return fmt.Sprintf("%s%d.%d", mapRegionPrefix, kw, vw) }

// mapRegionWidths parses a region name made by mapRegion.
func mapRegionWidths(r string) (kw, vw int, ok bool) {
	rest, found := strings.CutPrefix(r, mapRegionPrefix)
	if !found {
		return 0, 0, false
	}
	a, b, found := strings.Cut(rest, ".")
	if !found {
		return 0, 0, false
	}
	kw, err1 := strconv.Atoi(a)
	vw, err2 := strconv.Atoi(b)
	return kw, vw, err1 == nil && err2 == nil && kw > 0 && vw >= 0
}

// mapTypeOf returns the model of map type t, or an error naming what of
// it is not modelled.
func mapTypeOf(t types.Type) (*mapType, error) {
	u, ok := t.Underlying().(*types.Map)
	if !ok {
		return nil, fmt.Errorf("values of type %s", t)
	}
	badKey := fmt.Errorf("map with keys of type %s (keys of integers, bools, and structs and arrays of them are modelled)", u.Key())
	badVal := fmt.Errorf("map with values of type %s (values of integers, bools, strings, and structs and arrays of integers and bools are modelled)", u.Elem())
	if hasPointers(u.Key()) || hasBlankField(u.Key()) {
		return nil, badKey
	}
	if hasPointers(u.Elem()) && !isString(u.Elem()) {
		return nil, badVal
	}
	key, err := layoutOf(u.Key())
	if err != nil || key.zeroWidth() {
		return nil, badKey
	}
	val, err := layoutOf(u.Elem())
	if isString(u.Elem()) {
		// A string value's bits (strings.go): its bytes stay where
		// they are, in the string region.
		val, err = &layout{t: u.Elem(), width: stringSort.Width()}, nil
	}
	if err != nil && emptyValue(u.Elem()) {
		// struct{} (a set): a slot of the presence bit only, and
		// struct{}{} a stand-in bit wherever a value is needed.
		val, err = &layout{t: u.Elem()}, nil
	}
	if err != nil {
		return nil, badVal
	}
	return &mapType{t: t, keyT: u.Key(), valT: u.Elem(), key: key, val: val, region: mapRegion(key.width, val.width)}, nil
}

// emptyValue reports whether t is a struct or array type of size 0
// (struct{}, [0]int), whose one value holds nothing.
func emptyValue(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Struct, *types.Array:
		return sourceSizes.Sizeof(t) == 0 && !hasPointers(t)
	}
	return false
}

// hasBlankField reports whether values of t have a blank field, which
// Go's == skips and bits would not.
func hasBlankField(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if u.Field(i).Name() == "_" || hasBlankField(u.Field(i).Type()) {
				return true
			}
		}
	case *types.Array:
		return hasBlankField(u.Elem())
	}
	return false
}

// mapAccess is a use of the entry of key in the map at addr.
type mapAccess struct {
	mt        *mapType
	addr, key *smt.Term
}

// mapState is what a lowering records of maps: every access, for the
// length lemmas and for reading counterexamples.
type mapState struct {
	accesses []mapAccess
	// ranged are the keys produced by ranges over maps, in the order
	// of the lowering (maps_range.go).
	ranged []rangedKey
}

func (l *lowering) mapsState() *mapState {
	if l.maps == nil {
		l.maps = &mapState{}
	}
	return l.maps
}

// accessed records a use of the entry of key in the map at addr.
func (l *lowering) accessed(mt *mapType, addr, key *smt.Term) {
	st := l.mapsState()
	st.accesses = append(st.accesses, mapAccess{mt, addr, key})
}

// mapIndex is the index of key's entry in the map at addr.
func mapIndex(addr, key *smt.Term) *smt.Term { return smt.Concat(addr, bits(key)) }

// mapEntry is the slot of key in the map at addr (a non-nil map) in m.
func (l *lowering) mapEntry(m memory, mt *mapType, addr, key *smt.Term) *smt.Term {
	idx := mapIndex(addr, key)
	st := l.get(m, mt.region)
	if st.old == st.fresh {
		return smt.Select(st.old, idx)
	}
	return smt.Ite(smt.BVUlt(addr, l.alloc0), smt.Select(st.old, idx), smt.Select(st.fresh, idx))
}

// setMapEntry returns m with the slot of key in the map at addr set.
func (l *lowering) setMapEntry(m memory, mt *mapType, addr, key, slot *smt.Term) memory {
	idx := mapIndex(addr, key)
	st := l.get(m, mt.region)
	if st.old == st.fresh {
		a := smt.Store(st.old, idx, slot)
		return with(m, mt.region, regionState{a, a})
	}
	return with(m, mt.region, regionState{smt.Store(st.old, idx, slot), smt.Store(st.fresh, idx, slot)})
}

// entryPresent is the presence bit of a slot as a Bool.
func (mt *mapType) entryPresent(slot *smt.Term) *smt.Term {
	return smt.Eq(smt.Extract(mt.val.width, mt.val.width, slot), smt.BVUint(1, 1))
}

// entryValue is the value of a slot.
func (mt *mapType) entryValue(slot *smt.Term) *smt.Term {
	if mt.val.width == 0 {
		return mt.zero()
	}
	return fromBits(extract(slot, 0, mt.val.width), mt.val)
}

// zero is the zero value of the map's values.
func (mt *mapType) zero() *smt.Term {
	if mt.val.width == 0 {
		return smt.BVUint(1, 0) // the value of a zero-size type: one stand-in bit
	}
	return zeroValue(mt.val)
}

// presentSlot is the slot of a present entry holding v.
func (mt *mapType) presentSlot(v *smt.Term) *smt.Term {
	if mt.val.width == 0 {
		return smt.BVUint(1, 1)
	}
	return smt.Concat(smt.BVUint(1, 1), bits(v))
}

// isNilMap is the condition that the map value a is nil.
func isNilMap(a *smt.Term) *smt.Term { return smt.Eq(a, smt.BVUint(addrWidth, 0)) }

// mapLookup is m[key] of the map value a in memory mem: the value, the
// zero value when the key is absent or the map nil, and whether it is
// present.
func (l *lowering) mapLookup(mem memory, mt *mapType, a, key *smt.Term) (v, ok *smt.Term) {
	l.accessed(mt, a, key)
	if isString(mt.valT) {
		// A string held on entry is well formed (strings.go), like one
		// loaded from memory (loadValue): a lemma at this entry.
		l.lemmas = append(l.lemmas, l.stringWellFormed(mt.entryValue(smt.Select(entryMemory(mt.region), mapIndex(a, key)))))
	}
	slot := l.mapEntry(mem, mt, a, key)
	ok = smt.And(smt.Not(isNilMap(a)), mt.entryPresent(slot))
	return smt.Ite(ok, mt.entryValue(slot), mt.zero()), ok
}

// mapLen is len of the map value a in memory mem.
func (l *lowering) mapLen(mem memory, a *smt.Term) *smt.Term {
	return smt.Ite(isNilMap(a), smt.BVUint(addrWidth, 0), l.readSlot(mem, mapLenRegion, a))
}

// mapWellFormed is what holds of a map that existed on entry: nil, or at
// an address below alloc0 with a length of at most maxMapLen and the
// number of keys of its key type.
func (l *lowering) mapWellFormed(v *smt.Term, t types.Type) (*smt.Term, error) {
	mt, err := mapTypeOf(t)
	if err != nil {
		return nil, err
	}
	n := l.readSlot(memory{}, mapLenRegion, v)
	return smt.Or(isNilMap(v), smt.And(
		smt.BVUlt(v, l.alloc0),
		smt.BVUle(n, smt.BVUint(addrWidth, maxKeys(mt))),
	)), nil
}

// maxKeys is the most entries a map of mt on entry can have.
func maxKeys(mt *mapType) uint64 {
	if mt.key.width < 48 {
		return min(uint64(1)<<mt.key.width, maxMapLen)
	}
	return maxMapLen
}

// mapValue lowers a pure map value: the nil constant.
func (f *frame) mapValue(v gossa.Value) (*smt.Term, bool, error) {
	c, ok := v.(*gossa.Const)
	if !ok || !isMap(c.Type()) {
		return nil, false, nil
	}
	if _, err := mapTypeOf(c.Type()); err != nil {
		return nil, true, unsupported(c.Pos(), "%v", err)
	}
	return smt.BVUint(addrWidth, 0), true, nil
}

// execMap lowers an instruction on maps, in program order (maps are
// memory); ok is false for other instructions.
func (f *frame) execMap(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.MakeMap:
		return true, f.makeMap(in)
	case *gossa.MapUpdate:
		return true, f.mapUpdate(in)
	case *gossa.Lookup:
		if !isMap(in.X.Type()) {
			return false, nil
		}
		return true, f.lookup(in)
	case *gossa.ChangeType:
		if !isMap(in.X.Type()) {
			return false, nil
		}
		if _, err := mapTypeOf(in.Type()); err != nil {
			return true, unsupported(in.Pos(), "%v", err)
		}
		v, err := f.value(in.X)
		if err != nil {
			return true, err
		}
		f.cur.vals[in] = v
		return true, nil
	case *gossa.Range, *gossa.Next:
		return f.execMapRange(instr) // maps_range.go
	case *gossa.Call:
		b, ok := in.Call.Value.(*gossa.Builtin)
		if !ok || len(in.Call.Args) == 0 || !isMap(in.Call.Args[0].Type()) {
			return false, nil
		}
		return true, f.mapBuiltin(in, b.Name())
	}
	return false, nil
}

// mapOperand is the model of map value x's type and its value.
func (f *frame) mapOperand(x gossa.Value, pos token.Pos) (*mapType, *smt.Term, error) {
	mt, err := mapTypeOf(x.Type())
	if err != nil {
		return nil, nil, unsupported(pos, "%v", err)
	}
	a, err := f.value(x)
	if err != nil {
		return nil, nil, err
	}
	return mt, a, nil
}

// makeMap lowers make(map[K]V) and make(map[K]V, hint), and the start of
// a map literal: a fresh map, empty. The hint never panics (makemap
// takes a negative or too large hint as 0).
func (f *frame) makeMap(in *gossa.MakeMap) error {
	mt, err := mapTypeOf(in.Type())
	if err != nil {
		return unsupported(in.Pos(), "%v", err)
	}
	a, err := f.l.allocate(in.Pos(), 1)
	if err != nil {
		return err
	}
	// Fresh memory reads as empty (no write so far was at this new
	// address), unless a loop's arbitrary state made the region
	// arbitrary here too (a make in a loop body lowered once for every
	// iteration): then the map is emptied.
	if st, ok := f.mem[mt.region]; ok && havocked(st.fresh) {
		f.mem = f.l.clearMap(f.mem, mt, a)
	}
	if _, ok := f.mem[mapLenRegion]; ok {
		f.mem = f.l.writeSlot(f.mem, mapLenRegion, a, smt.BVUint(addrWidth, 0))
	}
	f.cur.vals[in] = a
	return nil
}

// clearMap returns m with every entry of the map at a absent (its
// length is not changed).
func (l *lowering) clearMap(m memory, mt *mapType, a *smt.Term) memory {
	st := l.get(m, mt.region)
	idx := l.freshVar("mapidx", smt.BitVecSort(addrWidth+mt.key.width))
	empty := smt.BVUint(mt.val.width+1, 0)
	clear := func(arr *smt.Term) *smt.Term {
		at := smt.Eq(smt.Extract(addrWidth+mt.key.width-1, mt.key.width, idx), a)
		return smt.Lambda(idx, smt.Ite(at, empty, smt.Select(arr, idx)))
	}
	if st.old == st.fresh {
		c := clear(st.old)
		return with(m, mt.region, regionState{c, c})
	}
	return with(m, mt.region, regionState{clear(st.old), clear(st.fresh)})
}

// mapUpdate lowers m[k] = v: a nil-map obligation, then the entry is
// present with v, and the length grows when it was absent.
func (f *frame) mapUpdate(in *gossa.MapUpdate) error {
	mt, a, err := f.mapOperand(in.Map, in.Pos())
	if err != nil {
		return err
	}
	k, err := f.value(in.Key)
	if err != nil {
		return err
	}
	v := mt.zero() // struct{}{}: nothing to lower
	if mt.val.width > 0 {
		if v, err = f.value(in.Value); err != nil {
			return err
		}
	}
	f.require(in.Pos(), []hazard{{NilMap, isNilMap(a), nilMapMsg}})
	if err := f.checkRangeWrite(in, a); err != nil {
		return err
	}
	f.l.accessed(mt, a, k)
	was := mt.entryPresent(f.l.mapEntry(f.mem, mt, a, k))
	n := f.l.readSlot(f.mem, mapLenRegion, a)
	f.mem = f.l.setMapEntry(f.mem, mt, a, k, mt.presentSlot(v))
	f.mem = f.l.writeSlot(f.mem, mapLenRegion, a, smt.Ite(was, n, smt.BVAdd(n, smt.BVUint(addrWidth, 1))))
	return nil
}

// lookup lowers m[k] and v, ok := m[k].
func (f *frame) lookup(in *gossa.Lookup) error {
	mt, a, err := f.mapOperand(in.X, in.Pos())
	if err != nil {
		return err
	}
	k, err := f.value(in.Index)
	if err != nil {
		return err
	}
	v, ok := f.l.mapLookup(f.mem, mt, a, k)
	if in.CommaOk {
		f.cur.tuples[in] = []*smt.Term{v, ok}
		f.cur.vals[in] = smt.True() // placeholder: tuples are read through Extract
		return nil
	}
	f.cur.vals[in] = v
	return nil
}

// mapBuiltin lowers len(m), delete(m, k) and clear(m). On a nil map
// delete and clear do nothing: they write only at address 0, where no
// map is and which reads of a nil map do not look at.
func (f *frame) mapBuiltin(c *gossa.Call, name string) error {
	mt, a, err := f.mapOperand(c.Call.Args[0], c.Pos())
	if err != nil {
		return err
	}
	switch name {
	case "len":
		f.cur.vals[c] = f.l.mapLen(f.mem, a)
		return nil
	case "delete":
		k, err := f.value(c.Call.Args[1])
		if err != nil {
			return err
		}
		if err := f.checkRangeWrite(c, a); err != nil {
			return err
		}
		f.l.accessed(mt, a, k)
		was := smt.And(smt.Not(isNilMap(a)), mt.entryPresent(f.l.mapEntry(f.mem, mt, a, k)))
		n := f.l.readSlot(f.mem, mapLenRegion, a)
		f.mem = f.l.setMapEntry(f.mem, mt, a, k, smt.BVUint(mt.val.width+1, 0))
		f.mem = f.l.writeSlot(f.mem, mapLenRegion, a, smt.Ite(was, smt.BVSub(n, smt.BVUint(addrWidth, 1)), n))
		return nil
	case "clear":
		if err := f.checkRangeWrite(c, a); err != nil {
			return err
		}
		f.mem = f.l.clearMap(f.mem, mt, a)
		f.mem = f.l.writeSlot(f.mem, mapLenRegion, a, smt.BVUint(addrWidth, 0))
		return nil
	}
	return unsupported(c.Pos(), "builtin %s on a map", name)
}

// mapWrites adds to out the regions instr writes in maps.
func mapWrites(instr gossa.Instruction, out map[string]bool) {
	mapRangeWrites(instr, out) // maps_range.go
	switch in := instr.(type) {
	case *gossa.MapUpdate:
		if mt, err := mapTypeOf(in.Map.Type()); err == nil {
			out[mt.region], out[mapLenRegion] = true, true
		}
	case *gossa.MakeMap:
		if mt, err := mapTypeOf(in.Type()); err == nil {
			out[mt.region], out[mapLenRegion] = true, true
		}
	case *gossa.Call:
		b, ok := in.Call.Value.(*gossa.Builtin)
		if !ok || len(in.Call.Args) == 0 || (b.Name() != "delete" && b.Name() != "clear") {
			return
		}
		if mt, err := mapTypeOf(in.Call.Args[0].Type()); err == nil {
			out[mt.region], out[mapLenRegion] = true, true
		}
	}
}

// mapLemmas relates the lengths of the maps on entry to their entries at
// the keys the lowering used: a map with p distinct keys present among
// them has at least p entries, and one with q distinct keys absent among
// them at most maxKeys - q. Both hold of every Go map; they are what
// makes a model's maps buildable (maps_cex.go).
func (l *lowering) mapLemmas() []*smt.Term {
	if l.maps == nil {
		return nil
	}
	byRegion := map[string][]mapAccess{}
	var order []string
	for _, acc := range l.maps.accesses {
		if _, ok := byRegion[acc.mt.region]; !ok {
			order = append(order, acc.mt.region)
		}
		if len(byRegion[acc.mt.region]) < maxMapLemmaAccesses {
			byRegion[acc.mt.region] = append(byRegion[acc.mt.region], acc)
		}
	}
	var out []*smt.Term
	one, zero := smt.BVUint(addrWidth, 1), smt.BVUint(addrWidth, 0)
	for _, r := range order {
		accs := byRegion[r]
		entry := entryMemory(r)
		lens := entryMemory(mapLenRegion)
		first := make([]*smt.Term, len(accs))   // the first access of its entry
		present := make([]*smt.Term, len(accs)) // present on entry
		for i, a := range accs {
			idx := mapIndex(a.addr, a.key)
			present[i] = a.mt.entryPresent(smt.Select(entry, idx))
			var same []*smt.Term
			for _, b := range accs[:i] {
				same = append(same, smt.Eq(mapIndex(b.addr, b.key), idx))
			}
			first[i] = smt.Not(smt.Or(same...))
		}
		for _, a := range accs {
			var in, out2 []*smt.Term
			for j, b := range accs {
				here := smt.And(smt.Eq(b.addr, a.addr), first[j])
				in = append(in, smt.Ite(smt.And(here, present[j]), one, zero))
				out2 = append(out2, smt.Ite(smt.And(here, smt.Not(present[j])), one, zero))
			}
			n := smt.Select(lens, a.addr)
			out = append(out,
				smt.BVUle(sum(in), n),
				smt.BVUle(n, smt.BVSub(smt.BVUint(addrWidth, maxKeys(a.mt)), sum(out2))),
			)
		}
	}
	return out
}

// sum adds 64-bit terms.
func sum(ts []*smt.Term) *smt.Term {
	s := smt.BVUint(addrWidth, 0)
	for _, t := range ts {
		s = smt.BVAdd(s, t)
	}
	return s
}

// usedPresent counts the distinct keys, among those the lowering used in
// maps of mt's region, that the map at a holds on entry: a map on entry
// whose length is this count has no entries but those (VC.small prefers
// such counterexamples, which need no filler keys).
func (l *lowering) usedPresent(mt *mapType, a *smt.Term) *smt.Term {
	if l.maps == nil {
		return smt.BVUint(addrWidth, 0)
	}
	var accs []mapAccess
	for _, acc := range l.maps.accesses {
		if acc.mt.region == mt.region && len(accs) < maxMapLemmaAccesses {
			accs = append(accs, acc)
		}
	}
	entry := entryMemory(mt.region)
	one, zero := smt.BVUint(addrWidth, 1), smt.BVUint(addrWidth, 0)
	var counts []*smt.Term
	for i, acc := range accs {
		idx := mapIndex(acc.addr, acc.key)
		var same []*smt.Term
		for _, b := range accs[:i] {
			same = append(same, smt.Eq(mapIndex(b.addr, b.key), idx))
		}
		here := smt.And(smt.Eq(acc.addr, a), smt.Not(smt.Or(same...)), mt.entryPresent(smt.Select(entry, idx)))
		counts = append(counts, smt.Ite(here, one, zero))
	}
	return sum(counts)
}

// havocked reports whether array term a rests on a loop's arbitrary
// state or a call's effects (havocMemory).
func havocked(a *smt.Term) bool {
	for _, v := range smt.Vars(a) {
		if strings.Contains(v.Name(), havocSuffix) {
			return true
		}
	}
	return false
}
