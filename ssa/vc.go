package ssa

import (
	"context"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// VC is the verification condition of one target function: its inputs and
// outputs as terms and the obligations that together mean the function
// meets its spec.
type VC struct {
	Target      *Target
	Params      []*smt.Term // one variable per parameter (receiver first)
	Results     []*smt.Term // the results, as terms over Params
	Normal      *smt.Term   // the function returns without panicking
	Pre         *smt.Term   // the conjunction of the requires clauses
	Obligations []*Obligation
	// Abstract names the result variables of calls lowered by their
	// callee's contract, with the callee they stand for.
	Abstract map[string]string
	// Relies lists the functions whose contracts stand in for their
	// bodies at calls.
	Relies []*Target
	// Alloc0 is the first address free on entry: the objects reachable
	// from the parameters lie below it.
	Alloc0 *smt.Term
	// Final is the memory when the function returns normally.
	Final memory

	lowering *lowering

	// Havoc names the variables that stand for an arbitrary state of a
	// loop satisfying its invariants, with the loop they belong to.
	Havoc map[string]*LoopState
}

// Lower lowers t's function and spec to a VC. The error is *UnsupportedError
// when t uses a construct vsynth does not model.
func (p *Program) Lower(t *Target) (*VC, error) { return p.LowerUnrolled(t, 0) }

// LowerUnrolled is Lower with loops without invariants unrolled unroll
// times (0 means DefaultUnroll).
func (p *Program) LowerUnrolled(t *Target, unroll int) (*VC, error) {
	return p.lowerWithin(context.Background(), t, unroll, 0)
}

// lowerWithin is LowerUnrolled under a budget (budget.go): the lowering
// stops with a *budgetError when the terms of its state exceed maxTerms
// (when maxTerms > 0) or ctx ends.
func (p *Program) lowerWithin(ctx context.Context, t *Target, unroll, maxTerms int) (*VC, error) {
	return p.lowerWith(ctx, t, unroll, maxTerms, p.loopSpec, false)
}

// lowerWith is lowerWithin with the invariants of each loop given by
// loopSpec (infer.go lowers with inferred ones); with bounded set, loops
// with invariants are unrolled too, their invariants checked at every
// head reached (bmc.go).
func (p *Program) lowerWith(ctx context.Context, t *Target, unroll, maxTerms int, loopSpec func(*loop) *specs.Loop, bounded bool) (*VC, error) {
	if t.Unsupported != nil {
		return nil, t.Unsupported
	}
	if why, ok := p.platform.modelled(); !ok {
		return nil, unsupported(t.Pos, "%s", why)
	}
	if unroll <= 0 {
		unroll = DefaultUnroll
	}
	l := newLowering(p.SSA, p.inlinable, p.contract, loopSpec, unroll)
	l.ghosts, l.term.measures = p.ghostsOf, p.loopMeasure
	l.bounded = bounded
	l.overflow = p.checksOverflow
	if t.Func.Pkg != nil {
		l.homePkg = t.Func.Pkg.Pkg
	}
	if maxTerms > 0 || ctx.Done() != nil {
		l.meter = &lowerMeter{ctx: ctx, max: maxTerms, seen: map[*smt.Term]struct{}{}}
		defer func() { l.meter = nil }() // the VC keeps l
	}
	if err := l.checkPure(t); err != nil {
		return nil, err
	}
	fn := t.Func
	vc := &VC{Target: t, Alloc0: l.alloc0}
	pre := smt.True()
	for i, param := range fn.Params {
		if isFunc(param.Type()) { // funcparam.go
			if err := funcParamSignature(param.Type()); err != nil {
				return nil, unsupported(param.Pos(), "parameter %s: %v", param.Name(), err)
			}
			v := paramVar(param, i, funcSort)
			vc.Params = append(vc.Params, v)
			if l.funcParams == nil {
				l.funcParams, l.funcParamNames = map[string]int{}, map[int]string{}
			}
			l.funcParams[v.String()], l.funcParamNames[i] = i, param.Name()
			pre = smt.And(pre, funcParamWellFormed(v, i))
			continue
		}
		s, ok := sortOf(param.Type())
		if !ok {
			return nil, unsupported(param.Pos(), "parameter %s of type %s", param.Name(), param.Type())
		}
		v := paramVar(param, i, s)
		vc.Params = append(vc.Params, v)
		wf, err := l.wellFormed(v, param.Type())
		if err != nil {
			return nil, unsupported(param.Pos(), "parameter %s: %v", param.Name(), err)
		}
		pre = smt.And(pre, wf)
	}
	entry := memory{}
	sl := &specLowering{l: l, prog: p.SSA, spec: t.Spec, params: vc.Params, mem: entry, pre: entry}

	// Requires clauses are assumed in order, like Go's &&: each must be
	// well-defined where the earlier ones hold.
	for _, c := range t.Spec.Func.Requires() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		if !d.IsTrue() {
			vc.Obligations = append(vc.Obligations, &Obligation{
				Kind: WellDefined, Pos: c.Pos, Clause: c.Text, Of: "requires",
				Assume: pre, Guard: smt.True(), Goal: d,
				beyond: l.beyond,
			})
		}
		pre = smt.And(pre, v)
	}
	vc.Pre = pre
	if err := l.ownFrame(sl); err != nil { // frame.go
		return nil, err
	}
	if err := l.entryMeasure(t, sl); err != nil {
		return nil, err
	}

	results, normal, final, err := l.call(fn, vc.Params, smt.True(), entry, true)
	if err != nil {
		return nil, err
	}
	for i := 0; i < fn.Signature.Results().Len(); i++ {
		if rt := fn.Signature.Results().At(i).Type(); !modelled(rt) { // a function value
			return nil, unsupported(fn.Pos(), "result of type %s", rt)
		}
	}
	vc.Results, vc.Normal, vc.Final = results, normal, final
	vc.lowering = l
	// What a loop in a function called from a clause did past its bound
	// may reach every obligation lowered after it: through the requires
	// clauses each assumes, the guards, the invariants (beyond.go).
	sofar := l.beyond
	for _, o := range l.obligations {
		o.Assume = pre
		o.beyond = sofar
	}
	body := len(vc.Obligations) // the body's obligations start here
	vc.Obligations = append(vc.Obligations, l.obligations...)

	if err := vc.panicsClause(sl, body, normal); err != nil { // panics.go
		return nil, err
	}
	sl.results, sl.mem = results, final
	for _, c := range t.Spec.Func.Ensures() {
		own := len(l.beyond)
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		vc.Obligations = append(vc.Obligations, &Obligation{
			Kind: Ensures, Pos: c.Pos, Clause: c.Text, Of: "ensures",
			Assume: pre, Guard: normal, Goal: smt.And(d, v),
			beyond: append(sofar[:len(sofar):len(sofar)], l.beyond[own:]...),
		})
	}
	vc.Abstract, vc.Relies, vc.Havoc = l.abstract, l.relies, l.havoc

	// Every obligation may assume the valid lemmas. A loop's invariants,
	// as a fact about its arbitrary state, may be assumed only by the
	// obligations lowered after the fact was stated: its own entry checks
	// come before it, so no entry check rests on its own invariants or on
	// those of a later loop (which would be circular).
	l.lemmas = append(l.lemmas, l.mapLemmas()...) // over every key used (maps.go)
	lemmas := smt.And(l.lemmas...)
	// The obligations share most of their terms: each question is
	// answered once per subterm for all of them.
	usesAlloc0 := newTermScan(func(t *smt.Term) bool { return t.Op() == smt.OpVar && t.Name() == l.alloc0.Name() })
	quantified := newTermScan(func(t *smt.Term) bool { return t.Op() == smt.OpForall || t.Op() == smt.OpExists })
	for i, o := range vc.Obligations {
		if err := ctx.Err(); err != nil {
			return nil, &budgetError{o.Pos, &smt.BudgetError{Pass: "lowering", Max: maxTerms, Err: err}}
		}
		assumed := []*smt.Term{o.Assume, lemmas}
		for _, f := range l.facts {
			switch {
			case i < body: // requires clauses: before every loop
			case i < body+len(l.obligations) && f.at > i-body:
			default:
				assumed = append(assumed, f.fact)
			}
		}
		o.Assume = smt.And(assumed...)
		// Clauses with mathint: the meaning of the bit-vector
		// comparisons for the integers (spec_mathint.go).
		if l.ints {
			o.Assume = smt.And(o.Assume, bridgeLemmas(o.Query()))
		}
		// The objects reachable from the parameters lie below alloc0,
		// which leaves room for every allocation above it; none is at
		// nil, so alloc0 >= 1 and no fresh address is nil (memory.go).
		// Stated only where memory is involved, and kept out of Pre,
		// which mentions only the parameters.
		if usesAlloc0.in(o.Query()) {
			o.Assume = smt.And(o.Assume, allocBounds(l.alloc0))
		}
		l.prepare(o, quantified)
	}
	return vc, nil
}

// maxAlloc0 bounds alloc0: the objects a function can reach on entry
// take at most 2^48 bytes (the address space Go's heap may use on amd64),
// each at least one byte per slot, far below 2^62 slots; above alloc0,
// maxFreshSlots more leave room for every allocation without wrapping.
const maxAlloc0 = 1 << 62

// allocBounds is what the model assumes of alloc0: 1 <= alloc0 <= maxAlloc0.
func allocBounds(alloc0 *smt.Term) *smt.Term {
	return smt.And(smt.BVUle(smt.BVUint(addrWidth, 1), alloc0), smt.BVUle(alloc0, smt.BVUint(addrWidth, maxAlloc0)))
}

// withAllocBase is q with allocBounds when q involves memory.
func (l *lowering) withAllocBase(q *smt.Term) *smt.Term {
	if mentions(q, l.alloc0) {
		return smt.And(q, allocBounds(l.alloc0))
	}
	return q
}

// maxSmallLen bounds the slices of a preferred counterexample.
const maxSmallLen = 8

// small lists, from most to least preferred, conditions on the slices
// the function sees from its inputs (small.go) that make a counterexample
// easy to read and replay: short slices with no spare capacity, short
// slices, then any length with no spare capacity; each first with the
// slices the function makes or grows small too.
func (vc *VC) small() []*smt.Term {
	var short, tight []*smt.Term
	prefer := func(v *smt.Term) {
		_, length, capacity := sliceParts(v)
		short = append(short, smt.BVUle(capacity, smt.BVUint(addrWidth, maxSmallLen)))
		tight = append(tight, smt.Eq(length, capacity))
	}
	for i, v := range vc.Params {
		for _, s := range sliceTerms(v, vc.Target.Func.Params[i].Type()) {
			prefer(s)
		}
		if mt, err := mapTypeOf(vc.Target.Func.Params[i].Type()); err == nil { // few entries (maps.go)
			n := vc.lowering.readSlot(memory{}, mapLenRegion, v)
			short = append(short, smt.BVUle(n, smt.BVUint(addrWidth, maxSmallLen)))
			tight = append(tight, smt.Eq(n, vc.lowering.usedPresent(mt, v)))
			for j := range i { // distinct maps, unless they must be one
				if isMap(vc.Target.Func.Params[j].Type()) {
					short = append(short, smt.Or(isNilMap(v), smt.Not(smt.Eq(v, vc.Params[j]))))
				}
			}
		}
		if pt := vc.Target.Func.Params[i].Type(); isInterface(pt) { // writable dynamic types (ifaces_cex.go)
			short = append(short, vc.lowering.writableTag(v, pt, vc.Target.Package.Types))
			tight = append(tight, smt.True())
		}
		if isString(vc.Target.Func.Params[i].Type()) { // short strings (strings.go)
			_, n := strParts(v)
			short = append(short, smt.BVUle(n, smt.BVUint(addrWidth, maxSmallLen)))
			tight = append(tight, smt.True())
		}
	}
	for _, v := range vc.lowering.loadedSlices {
		prefer(v) // slices the parameters lead to: a [][]T's rows
	}
	for _, v := range vc.lowering.loadedIfaces { // interfaces in memory (ifaces_memory.go)
		short = append(short, vc.lowering.writableTag(v.v, v.t, vc.Target.Package.Types))
		tight = append(tight, smt.True())
	}
	var allocs []*smt.Term
	for _, n := range vc.lowering.sizes {
		allocs = append(allocs, smt.BVUle(n, smt.BVUint(addrWidth, maxSmallAlloc)))
	}
	var tiers []*smt.Term
	if len(tight) > 0 {
		tiers = []*smt.Term{smt.And(append(short, tight...)...), smt.And(short...), smt.And(tight...)}
	}
	if len(allocs) == 0 {
		return tiers
	}
	small := smt.And(allocs...)
	withAllocs := make([]*smt.Term, 0, 2*len(tiers)+1)
	for _, t := range tiers {
		withAllocs = append(withAllocs, smt.And(t, small))
	}
	return append(append(withAllocs, small), tiers...)
}

// prepare makes the form of o's query the solver gets (instantiate.go):
// its quantifiers skolemized and instantiated. The array-free forms that
// decide or prove it are made when it is decided (reduce.go).
func (l *lowering) prepare(o *Obligation, quantified *termScan) {
	if q := o.Query(); !quantified.in(q) {
		o.prepared = q // nothing to instantiate
		return
	}
	o.quantified = true
	var cands []*smt.Term
	for _, v := range smt.Vars(o.Query()) {
		if _, ok := l.havoc[v.Name()]; ok && v.Sort().IsBitVec() {
			cands = append(cands, v)
		}
	}
	o.prepared = l.instantiate(o.Query(), cands)
}

// mentions reports whether variable v occurs in t.
func mentions(t, v *smt.Term) bool {
	for _, w := range smt.Vars(t) {
		if w.Name() == v.Name() {
			return true
		}
	}
	return false
}
