package ssa

import (
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Defer, panic and recover. A defer statement records the deferred call
// — the function value and the arguments, evaluated where the statement
// runs — with the guard under which it ran. go/ssa puts a RunDefers
// before every return of a function with defers: there the deferred
// calls are inlined in LIFO order, each under the condition that its
// defer statement ran.
//
// A function with defers (go/ssa gives it a Recover block) is the
// router of the panics raised while its body runs, in it or in the
// functions it inlines: instead of an obligation, a panic becomes an
// edge into the panicking path, with the guard and the memory where it
// happened and the number of defers registered then. After the body,
// the edges are merged and the panicking path runs the deferred calls in
// LIFO order with a panic in progress; a recover() called directly by a
// deferred function (at the depth of its frame) returns non-nil while
// the panic is in progress and stops it. Where it stopped, the function
// returns through the Recover block, which reads the named results from
// their cells (go/ssa keeps them in memory in such functions); where it
// did not, each edge's panic is raised again — to the next router out, or
// as the obligation it would have been. A panic raised while a function
// runs its deferred calls is an obligation on the spot (a barrier in the
// routers): it is reported even when a deferred call further down would
// recover it, which may fail a function Go would not panic in (the
// replay then makes it unknown), never prove one that panics.
//
// recover()'s value is modelled only as compared with nil: a Bool, true
// when non-nil. Any other use of it is unsupported. Not modelled: defer
// in a loop, defer in a range-over-func body (DeferStack), deferred
// builtins and interface methods, defers in functions called from
// clauses.

// deferred is a call a defer statement registered.
type deferred struct {
	at     *smt.Term       // the guard when the defer statement ran
	static *gossa.Function // the function, when the call is static
	fnv    *smt.Term       // else the function value (closures.go)
	res    *types.Tuple    // the callee's results
	args   []*smt.Term     // evaluated at the defer statement
	pos    token.Pos
}

// panicEdge is a panic raised while a router's body ran.
type panicEdge struct {
	guard   *smt.Term // the panic happens: the guard there and its condition
	mem     memory
	h       hazard
	pos     token.Pos
	via     []token.Pos
	ndefers int // the router's defers registered when it happened
}

// router collects the panics raised in the body of frame f.
type router struct {
	f     *frame
	edges []panicEdge
}

// recovery is the state recover() reads in a deferred call: the frame
// depth at which a call of recover is direct, and whether a panic is in
// progress.
type recovery struct {
	depth     int
	panicking *smt.Term
}

// routesPanic reports whether kind is a panic (some obligations are not).
func routesPanic(kind ObligationKind) bool {
	switch kind {
	case Nil, Bounds, DivideByZero, NegativeShift, DivideOverflow, Panic:
		return true
	}
	return false
}

// raise records that the operation at pos panics as h describes while
// guard holds: an edge of the innermost router when there is one, an
// obligation otherwise.
func (l *lowering) raise(pos token.Pos, via []token.Pos, h hazard, guard *smt.Term, mem memory) {
	if n := len(l.routers); n > 0 && l.routers[n-1] != nil && routesPanic(h.kind) {
		r := l.routers[n-1]
		r.edges = append(r.edges, panicEdge{
			guard: smt.And(guard, h.when), mem: mem, h: h, pos: pos,
			via: append([]token.Pos(nil), via...), ndefers: len(r.f.defers),
		})
		return
	}
	o := &Obligation{
		Kind:  h.kind,
		Pos:   pos,
		Guard: guard,
		Goal:  smt.Not(h.when),
		Via:   append([]token.Pos(nil), via...),
		Panic: h.msg,
	}
	if h.kind == Overflow { // no panic: the operation it checks
		o.Clause, o.Panic = h.msg, ""
	}
	l.obligations = append(l.obligations, o)
}

// execDefer lowers Defer and RunDefers; ok is false for other
// instructions.
func (f *frame) execDefer(instr gossa.Instruction) (bool, error) {
	switch in := instr.(type) {
	case *gossa.Defer:
		return true, f.deferStmt(in)
	case *gossa.RunDefers:
		_, err := f.runDefers(smt.False(), len(f.defers), func(int) *smt.Term { return smt.True() })
		return true, err
	}
	return false, nil
}

// deferStmt registers a deferred call.
func (f *frame) deferStmt(in *gossa.Defer) error {
	if in.DeferStack != nil {
		return unsupported(in.Pos(), "defer in the body of a range-over-func loop")
	}
	if inLoop(in.Block()) {
		return unsupported(in.Pos(), "defer in a loop")
	}
	common := in.Common()
	if common.IsInvoke() {
		return unsupported(in.Pos(), "deferred interface method call %s", common.Method.Name())
	}
	if b, ok := common.Value.(*gossa.Builtin); ok {
		return unsupported(in.Pos(), "deferred call of builtin %s", b.Name())
	}
	d := deferred{at: f.guard, res: common.Signature().Results(), pos: in.Pos()}
	for _, a := range common.Args {
		t, err := f.value(a)
		if err != nil {
			return err
		}
		d.args = append(d.args, t)
	}
	if fn, ok := common.Value.(*gossa.Function); ok {
		d.static = fn
	} else {
		t, err := f.value(common.Value)
		if err != nil {
			return err
		}
		d.fnv = t
	}
	f.defers = append(f.defers, d)
	return nil
}

// runDefers runs the first n registered deferred calls in LIFO order,
// call j only where when(j) holds and its defer statement ran, with a
// panic in progress where panicking holds. It returns where the panic is
// still in progress after them.
func (f *frame) runDefers(panicking *smt.Term, n int, when func(int) *smt.Term) (*smt.Term, error) {
	f.l.routers = append(f.l.routers, nil) // a barrier: panics here are obligations
	defer func() { f.l.routers = f.l.routers[:len(f.l.routers)-1] }()
	for j := n - 1; j >= 0; j-- {
		d := f.defers[j]
		cond := smt.And(d.at, when(j))
		g0, m0 := f.guard, f.mem
		run := smt.And(g0, cond)
		if run.IsFalse() {
			continue
		}
		f.guard = run
		rec := &recovery{depth: len(f.l.stack) + 1, panicking: panicking}
		f.l.recovery = append(f.l.recovery, rec)
		var err error
		if d.static != nil {
			_, err = f.callFunction(d.static, nil, d.args, d.pos)
		} else {
			_, err = f.callValue(d.pos, d.fnv, d.args, d.res)
		}
		f.l.recovery = f.l.recovery[:len(f.l.recovery)-1]
		if err != nil {
			return nil, err
		}
		skip := smt.And(g0, smt.Not(cond))
		f.mem = f.l.mergeMemory([]*smt.Term{f.guard, skip}, []memory{f.mem, m0})
		f.guard = smt.Or(f.guard, skip)
		panicking = rec.panicking
	}
	return panicking, nil
}

// recoverCall is the value of a call of recover in frame f: whether a
// panic was in progress, which the call stops, when f is a deferred call
// run by the frame below it; false (nil) otherwise.
func (f *frame) recoverCall() *smt.Term {
	n := len(f.l.recovery)
	if n == 0 || f.l.recovery[n-1].depth != len(f.l.stack) {
		return smt.False()
	}
	rec := f.l.recovery[n-1]
	v := rec.panicking
	rec.panicking = smt.And(rec.panicking, smt.Not(f.guard))
	return v
}

// isRecoverCall reports whether v is a call of the builtin recover.
func isRecoverCall(v gossa.Value) bool {
	c, ok := v.(*gossa.Call)
	if !ok {
		return false
	}
	b, ok := c.Call.Value.(*gossa.Builtin)
	return ok && b.Name() == "recover"
}

// isRecoverCompare reports whether b compares recover()'s value with nil.
func isRecoverCompare(b *gossa.BinOp) bool {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return false
	}
	return isRecoverCall(b.X) && isNilConst(b.Y) || isNilConst(b.X) && isRecoverCall(b.Y)
}

// recoverUsesModelled checks that recover()'s value is only compared
// with nil: the lowering gives the call a Boolean (whether a panic was
// stopped), not the panic's value, which is an interface whose dynamic
// type may be one of the runtime's errors. Any other use (a type
// assertion, a conversion, a call) is unsupported at its position.
func recoverUsesModelled(c *gossa.Call) error {
	refs := c.Referrers()
	if refs == nil {
		return nil
	}
	for _, r := range *refs {
		if b, ok := r.(*gossa.BinOp); ok && isRecoverCompare(b) {
			continue
		}
		if _, ok := r.(*gossa.DebugRef); ok {
			continue
		}
		pos := r.Pos()
		if !pos.IsValid() {
			pos = c.Pos()
		}
		return unsupported(pos, "use of recover()'s value other than comparing it with nil")
	}
	return nil
}

// recoverValue lowers recover() != nil and recover() == nil; ok is false
// for other values.
func (f *frame) recoverValue(v gossa.Value) (*smt.Term, bool, error) {
	b, ok := v.(*gossa.BinOp)
	if !ok || !isRecoverCompare(b) {
		if isRecoverCall(v) {
			return nil, true, unsupported(v.Pos(), "use of recover()'s value other than comparing it with nil")
		}
		return nil, false, nil
	}
	call := b.X
	if !isRecoverCall(call) {
		call = b.Y
	}
	nonNil, err := f.value(call)
	if err != nil {
		return nil, true, err
	}
	if b.Op == token.EQL {
		return smt.Not(nonNil), true, nil
	}
	return nonNil, true, nil
}

// recoverPanics runs the panicking path of a router's frame: the edges
// merged, the deferred calls, then the Recover block where a recover
// stopped the panic, and the panic raised again where none did.
func (f *frame) recoverPanics(r *router) error {
	if len(r.edges) == 0 {
		return nil // the Recover block is unreachable
	}
	conds := make([]*smt.Term, len(r.edges))
	mems := make([]memory, len(r.edges))
	for i, e := range r.edges {
		conds[i], mems[i] = e.guard, e.mem
	}
	f.guard, f.mem = smt.Or(conds...), f.l.mergeMemory(conds, mems)
	registered := func(j int) *smt.Term {
		var on []*smt.Term
		for _, e := range r.edges {
			if e.ndefers > j {
				on = append(on, e.guard)
			}
		}
		return smt.Or(on...)
	}
	still, err := f.runDefers(smt.True(), len(f.defers), registered)
	if err != nil {
		return err
	}
	end, mem := f.guard, f.mem
	for _, e := range r.edges {
		h := e.h
		h.when = smt.And(end, still)
		f.l.raise(e.pos, e.via, h, e.guard, mem)
	}
	recovered := smt.And(end, smt.Not(still))
	if recovered.IsFalse() {
		return nil
	}
	return f.block(f.root, f.fn.Recover, recovered, mem)
}
