package ssa

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Frames (//vsynth:modifies, specs/frame.go). A frame is a set of slot
// addresses, evaluated on entry: each location is a range [start,
// start+size) of slots, present when evaluating it does not panic (a
// location whose evaluation would panic — a nil pointer, an index out of
// range — denotes nothing). Ranges are about addresses, whatever region
// a slot is in: aliases of a location are in the frame too.
//
// Checked on the function's body: every store, copy and in-place append
// must write slots that are in the frame, or above alloc0 (memory the
// function allocated), or write the value the slot already holds — a
// write that changes nothing outside the frame. By induction, memory
// below alloc0 and outside the frame holds its entry value at every
// point of the function, also when it panics. A call known by its
// contract must have a frame inside this one (or in fresh memory); a
// call to a function with a contract but no frame is unknown when it may
// write memory. Map entries are not part of frames: a function with a
// frame may write them, and a call forgets the ones its callee may write,
// as without a frame.
//
// Used at calls: after a call to a function with a frame, a region the
// callee may write reads, at a slot outside the frame and outside a
// window reserved for what the callee allocates, what it read before the
// call; elsewhere a fresh array (what the callee wrote).

// Modifies is the obligation that a write lies in the function's frame.
const Modifies ObligationKind = "modifies"

// frameRange is one location of a frame: the slots [start, start+size)
// when defined holds, none otherwise.
type frameRange struct {
	start, size, defined *smt.Term
}

// writeFrame is a frame as ranges of slots.
type writeFrame struct {
	ranges []frameRange
}

// contains is the condition that slot address a is in the frame.
func (fr *writeFrame) contains(a *smt.Term) *smt.Term {
	conds := make([]*smt.Term, 0, len(fr.ranges))
	for _, r := range fr.ranges {
		conds = append(conds, smt.And(r.defined, smt.BVUlt(smt.BVSub(a, r.start), r.size)))
	}
	return smt.Or(conds...)
}

// calleeWindow is the slots reserved, at a call known by its contract,
// for the objects the callee allocates: Go's heap holds at most maxAlloc
// bytes, and a slot takes at least a byte.
const calleeWindow = maxSliceBytes

// frameOf lowers the frame of spec, on the parameters and memory of sl;
// nil when the spec has no modifies clause.
func (sl *specLowering) frameOf(spec *specs.Checked) (*writeFrame, error) {
	locs, has := spec.Func.Frame()
	if !has {
		return nil, nil
	}
	fr := &writeFrame{}
	for _, c := range locs {
		r, err := sl.frameRange(c.Expr)
		if err != nil {
			return nil, err
		}
		fr.ranges = append(fr.ranges, r)
	}
	return fr, nil
}

// frameRange lowers one location.
func (sl *specLowering) frameRange(e ast.Expr) (frameRange, error) {
	shape, ok := sl.spec.FrameShapeOf(e)
	if !ok {
		return frameRange{}, unsupported(e.Pos(), "modifies location %T", e)
	}
	t := sl.info().TypeOf(e)
	switch shape {
	case specs.FrameVariable:
		addr, d, err := sl.locAddr(e)
		if err != nil {
			return frameRange{}, err
		}
		n, err := ptrSlots(t)
		if err != nil {
			return frameRange{}, unsupported(e.Pos(), "%v", err)
		}
		return frameRange{addr, smt.BVUint(addrWidth, uint64(n)), d}, nil
	case specs.FramePointee:
		p, d, err := sl.expr(e)
		if err != nil {
			return frameRange{}, err
		}
		n, err := ptrSlots(t.Underlying().(*types.Pointer).Elem())
		if err != nil {
			return frameRange{}, unsupported(e.Pos(), "%v", err)
		}
		return frameRange{p, smt.BVUint(addrWidth, uint64(n)), smt.And(d, notNil(p))}, nil
	}
	k, err := nslots(t.Underlying().(*types.Slice).Elem())
	if err != nil {
		return frameRange{}, unsupported(e.Pos(), "%v", err)
	}
	if se, ok := ast.Unparen(e).(*ast.SliceExpr); ok {
		return sl.frameSlice(se, uint64(k))
	}
	s, d, err := sl.expr(e)
	if err != nil {
		return frameRange{}, err
	}
	ptr, length, _ := sliceParts(s)
	return frameRange{ptr, smt.BVMul(length, smt.BVUint(addrWidth, uint64(k))), d}, nil
}

// frameSlice lowers a[lo:hi] (or a[lo:hi:max]) of a slice or an array
// pointer: its elements, present when the slice expression is in range.
func (sl *specLowering) frameSlice(e *ast.SliceExpr, k uint64) (frameRange, error) {
	x, d, err := sl.expr(e.X)
	if err != nil {
		return frameRange{}, err
	}
	var ptr, length, capacity *smt.Term
	switch u := sl.info().TypeOf(e.X).Underlying().(type) {
	case *types.Slice:
		ptr, length, capacity = sliceParts(x)
	case *types.Pointer:
		arr, ok := u.Elem().Underlying().(*types.Array)
		if !ok {
			return frameRange{}, unsupported(e.Pos(), "slicing %s in a modifies clause", u)
		}
		ptr, length, capacity = x, smt.BVUint(addrWidth, uint64(arr.Len())), smt.BVUint(addrWidth, uint64(arr.Len()))
		d = smt.And(d, notNil(x))
	default:
		return frameRange{}, unsupported(e.Pos(), "slicing %s in a modifies clause", u)
	}
	bound := func(b ast.Expr, def *smt.Term) (*smt.Term, *smt.Term, error) {
		if b == nil {
			return def, smt.True(), nil
		}
		i, di, err := sl.index64(b)
		if err != nil {
			return nil, nil, err
		}
		if it, _ := intTypeOf(specType(sl.info().TypeOf(b))); it.signed {
			di = smt.And(di, smt.Not(smt.BVSlt(i, smt.BVUint(addrWidth, 0))))
		}
		return i, di, nil
	}
	lo, dlo, err := bound(e.Low, smt.BVUint(addrWidth, 0))
	if err != nil {
		return frameRange{}, err
	}
	hi, dhi, err := bound(e.High, length)
	if err != nil {
		return frameRange{}, err
	}
	mx, dmx, err := bound(e.Max, capacity)
	if err != nil {
		return frameRange{}, err
	}
	inRange := smt.And(smt.BVUle(lo, hi), smt.BVUle(hi, mx), smt.BVUle(mx, capacity))
	kk := smt.BVUint(addrWidth, k)
	return frameRange{
		start:   smt.BVAdd(ptr, smt.BVMul(lo, kk)),
		size:    smt.BVMul(smt.BVSub(hi, lo), kk),
		defined: smt.And(d, dlo, dhi, dmx, inRange),
	}, nil
}

// locAddr is the address of e, a variable in memory (specs.inMemory),
// and the condition under which computing it does not panic.
func (sl *specLowering) locAddr(e ast.Expr) (*smt.Term, *smt.Term, error) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return sl.locAddr(e.X)
	case *ast.Ident:
		v, _ := sl.info().Uses[e].(*types.Var)
		if v == nil {
			return nil, nil, unsupported(e.Pos(), "modifies location %s", e.Name)
		}
		g := globalOf(sl.prog, v)
		if g == nil {
			return nil, nil, unsupported(e.Pos(), "modifies location %s", e.Name)
		}
		addr, err := sl.l.globalAddr(g, e.Pos(), sl.l.homePkg)
		return addr, smt.True(), err
	case *ast.StarExpr:
		p, d, err := sl.expr(e.X)
		if err != nil {
			return nil, nil, err
		}
		return p, smt.And(d, notNil(p)), nil
	case *ast.SelectorExpr:
		return sl.fieldAddr(e)
	case *ast.IndexExpr:
		return sl.elemAddr(e)
	}
	return nil, nil, unsupported(e.Pos(), "modifies location %T", e)
}

// fieldAddr is the address of X.f, through the pointers on its path.
func (sl *specLowering) fieldAddr(e *ast.SelectorExpr) (*smt.Term, *smt.Term, error) {
	sel := sl.info().Selections[e]
	t := sl.info().TypeOf(e.X)
	var (
		addr, val, d *smt.Term
		err          error
	)
	if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
		val, d, err = sl.expr(e.X)
	} else {
		addr, d, err = sl.locAddr(e.X)
	}
	if err != nil {
		return nil, nil, err
	}
	for _, idx := range sel.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			if val == nil { // a pointer held in memory: read it
				lay, err := layoutOf(t)
				if err != nil {
					return nil, nil, unsupported(e.Pos(), "%v", err)
				}
				if val, err = sl.l.loadValue(sl.mem, lay, addr, t); err != nil {
					return nil, nil, unsupported(e.Pos(), "%v", err)
				}
			}
			addr, val, d = val, nil, smt.And(d, notNil(val))
			t = p.Elem()
		}
		slotIdx, _, _, err := fieldRange(t, idx)
		if err != nil {
			return nil, nil, unsupported(e.Pos(), "%v", err)
		}
		addr = slotAddr(addr, slotIdx)
		t = t.Underlying().(*types.Struct).Field(idx).Type()
	}
	return addr, d, nil
}

// elemAddr is the address of X[i] of a slice, an array pointer or an
// array in memory, with the index in range.
func (sl *specLowering) elemAddr(e *ast.IndexExpr) (*smt.Term, *smt.Term, error) {
	i, di, err := sl.index64(e.Index)
	if err != nil {
		return nil, nil, err
	}
	var base, length, d *smt.Term
	var elem types.Type
	switch u := sl.info().TypeOf(e.X).Underlying().(type) {
	case *types.Slice:
		x, dx, err := sl.expr(e.X)
		if err != nil {
			return nil, nil, err
		}
		base, length, _ = sliceParts(x)
		d, elem = dx, u.Elem()
	case *types.Pointer:
		arr := u.Elem().Underlying().(*types.Array)
		x, dx, err := sl.expr(e.X)
		if err != nil {
			return nil, nil, err
		}
		base, length, d, elem = x, smt.BVUint(addrWidth, uint64(arr.Len())), smt.And(dx, notNil(x)), arr.Elem()
	case *types.Array:
		x, dx, err := sl.locAddr(e.X)
		if err != nil {
			return nil, nil, err
		}
		base, length, d, elem = x, smt.BVUint(addrWidth, uint64(u.Len())), dx, u.Elem()
	default:
		return nil, nil, unsupported(e.Pos(), "modifies location indexing %s", u)
	}
	k, err := nslots(elem)
	if err != nil {
		return nil, nil, unsupported(e.Pos(), "%v", err)
	}
	return smt.BVAdd(base, smt.BVMul(i, smt.BVUint(addrWidth, uint64(k)))), smt.And(d, di, inRange(i, length)), nil
}

// ownFrame lowers the frame of the function being verified, on entry.
func (l *lowering) ownFrame(sl *specLowering) error {
	fr, err := sl.frameOf(sl.spec)
	if err != nil {
		return err
	}
	l.frame = fr
	var texts []string
	for _, c := range sl.spec.Func.Clauses {
		if c.Kind == specs.Modifies {
			texts = append(texts, c.FrameText())
		}
	}
	l.frameText = strings.Join(texts, ", ")
	return nil
}

// writable is the condition that slot a may be written: in the frame or
// fresh.
func (f *frame) writable(a *smt.Term) *smt.Term {
	return smt.Or(f.l.frame.contains(a), smt.BVUle(f.l.alloc0, a))
}

// checksFrame reports whether the writes lowered now are checked against
// the verified function's frame.
func (f *frame) checksFrame() bool { return f.emit && f.l.frame != nil }

// maxSlotChecks bounds the slots of a store checked one by one; a bigger
// store is checked as a range.
const maxSlotChecks = 8

// frameStore checks a store of v, of layout lay, at addr in memory m
// (before the store).
func (f *frame) frameStore(pos token.Pos, lay *layout, addr, v *smt.Term, m memory) {
	if !f.checksFrame() {
		return
	}
	b := bits(v)
	var goal *smt.Term
	if len(lay.slots) <= maxSlotChecks {
		conds := make([]*smt.Term, 0, len(lay.slots))
		for i, s := range lay.slots {
			a := slotAddr(addr, i)
			same := smt.Eq(f.l.readSlot(m, s.region, a), extract(b, s.off, s.width))
			conds = append(conds, smt.Or(f.writable(a), same))
		}
		goal = smt.And(conds...)
	} else {
		after := f.l.storeValue(m, lay, addr, v)
		goal = f.frameRangeGoal(lay, addr, smt.BVUint(addrWidth, uint64(len(lay.slots))), m, after, nil)
	}
	f.emitFrame(pos, goal, "")
}

// frameRangeGoal is the condition that writing the count slots from dst
// on, in the regions of lay, turning memory before into after, changed
// nothing outside the frame. mark, if set, records the slot variable.
func (f *frame) frameRangeGoal(lay *layout, dst, count *smt.Term, before, after memory, mark func(*smt.Term)) *smt.Term {
	w := f.l.freshVar("frame.slot", smt.BitVecSort(addrWidth))
	if mark != nil {
		mark(w)
	}
	same := []*smt.Term{}
	seen := map[string]bool{}
	for _, s := range lay.slots {
		if !seen[s.region] {
			seen[s.region] = true
			same = append(same, smt.Eq(f.l.readSlot(before, s.region, w), f.l.readSlot(after, s.region, w)))
		}
	}
	return smt.Implies(smt.BVUlt(smt.BVSub(w, dst), count), smt.Or(f.writable(w), smt.And(same...)))
}

// frameCopy checks a range copy of count slots to dst (after it, memory
// after), unless skip holds.
func (f *frame) frameCopy(pos token.Pos, lay *layout, dst, count *smt.Term, before, after memory, skip *smt.Term) {
	if !f.checksFrame() || count.IsConst() && count.Value().Sign() == 0 {
		return
	}
	f.emitFrame(pos, smt.Or(skip, f.frameRangeGoal(lay, dst, count, before, after, nil)), "")
}

// emitFrame records a modifies obligation.
func (f *frame) emitFrame(pos token.Pos, goal *smt.Term, why string) {
	f.l.obligations = append(f.l.obligations, &Obligation{
		Kind: Modifies, Pos: pos, Clause: f.l.frameText, Of: "modifies",
		Guard: f.guard, Goal: goal,
		Via:        append([]token.Pos(nil), f.l.via...),
		unknownWhy: why,
	})
}

// frameCall checks, at a call known by t's contract (whose frame, on
// the arguments, is callee, nil without one), that what the callee may
// write lies in the verified function's frame.
func (f *frame) frameCall(t *Target, callee *writeFrame, written map[string]bool, pos token.Pos) {
	if !f.checksFrame() {
		return
	}
	if callee == nil {
		for r := range written {
			if framed(r) {
				f.emitFrame(pos, smt.False(), "call to "+t.Short+", which has no modifies clause: it may write any memory it reaches")
				return
			}
		}
		return
	}
	w := f.l.freshVar("frame.slot", smt.BitVecSort(addrWidth))
	f.l.abstracted(w, t.Short) // the callee need not write all its frame
	f.emitFrame(pos, smt.Implies(callee.contains(w), f.writable(w)), "")
}

// framed reports whether frames speak of region r: every region but the
// maps' (and strings', which are never written in place).
func framed(r string) bool {
	if r == mapLenRegion || r == strRegion {
		return false
	}
	_, _, isMap := mapRegionWidths(r)
	return !isMap
}

// havocFramed is m after a call to a function with frame fr that may
// write the regions written: a map region is replaced by fresh arrays
// (havocMemory); a framed region by arrays that read the fresh ones in
// the frame and in the window from win on, and m elsewhere. mark records
// the fresh arrays.
func (l *lowering) havocFramed(m memory, written map[string]bool, fr *writeFrame, win *smt.Term, mark func(*smt.Term)) memory {
	whole := map[string]bool{}
	names := []string{}
	for r := range written {
		if framed(r) {
			names = append(names, r)
		} else {
			whole[r] = true
		}
	}
	m = l.havocMemory(m, whole, mark)
	sort.Strings(names)
	for _, r := range names {
		a := l.freshVar("addr", smt.BitVecSort(addrWidth))
		changed := smt.Or(fr.contains(a), smt.BVUlt(smt.BVSub(a, win), smt.BVUint(addrWidth, calleeWindow)))
		st := l.get(m, r)
		h := l.freshVar(memHavocPrefix+r+havocSuffix, regionSort(r))
		mark(h)
		if st.old == st.fresh {
			merged := smt.Lambda(a, smt.Ite(changed, smt.Select(h, a), smt.Select(st.old, a)))
			m = with(m, r, regionState{merged, merged})
			continue
		}
		hf := l.freshVar(freshMemPrefix+r+havocSuffix, regionSort(r))
		mark(hf)
		m = with(m, r, regionState{
			old:   smt.Lambda(a, smt.Ite(changed, smt.Select(h, a), smt.Select(st.old, a))),
			fresh: smt.Lambda(a, smt.Ite(changed, smt.Select(hf, a), smt.Select(st.fresh, a))),
		})
	}
	return m
}
