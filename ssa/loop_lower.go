package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// DefaultUnroll is how many iterations a loop without invariants is
// unrolled by default.
const DefaultUnroll = 16

// lowerLoop lowers loop lp, entered from scope s's region: with its
// invariants when it has some, by bounded unrolling otherwise.
func (f *frame) lowerLoop(lp *loop, s *scope) error {
	entries := f.incomings(s, lp.header, lp)
	if spec := f.l.loopSpec(lp); spec != nil {
		if _, isRange := lp.stmt.(*ast.RangeStmt); isRange {
			if phi, _ := rangeCounter(lp); phi == nil && stringNext(lp) == nil {
				return unsupported(lp.pos, "invariants on a range loop over a map, a channel or a function (write it as a three-clause for loop)")
			}
		}
		if !f.emit {
			// Inside a spec no obligation is recorded, so nothing would
			// check the invariants that the lowering assumes.
			return unsupported(lp.pos, "a loop with invariants in a function called from a spec")
		}
		if f.l.bounded {
			return f.unroll(lp, s, entries, spec)
		}
		return f.byInvariants(lp, s, entries, spec)
	}
	return f.unroll(lp, s, entries, nil)
}

// enter is the condition under which control enters b along one of ins,
// and the memory then.
func (f *frame) enter(ins []incoming, b *gossa.BasicBlock) (*smt.Term, memory, error) {
	var conds []*smt.Term
	var mems []memory
	for _, in := range ins {
		e, err := f.edge(in, b)
		if err != nil {
			return nil, nil, err
		}
		conds = append(conds, e)
		mems = append(mems, in.from.mems[in.pred])
	}
	if len(mems) == 0 {
		return smt.False(), memory{}, nil
	}
	return smt.Or(conds...), f.l.mergeMemory(conds, mems), nil
}

// iteration makes the scope of one iteration of lp whose header phis take
// their values from ins.
func (f *frame) iteration(lp *loop, s *scope, ins []incoming) (*scope, error) {
	c := newScope(s, lp)
	for _, instr := range lp.header.Instrs {
		phi, ok := instr.(*gossa.Phi)
		if !ok {
			break
		}
		v, err := f.merge(phi, ins)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, fmt.Errorf("internal error: loop header phi %s without edges", phi.Name())
		}
		c.vals[phi] = v
	}
	return c, nil
}

// backEdges lists the edges from iteration c back to its loop's header.
func (f *frame) backEdges(c *scope) []incoming {
	h := c.loop.header
	var in []incoming
	for k, p := range h.Preds {
		if !c.loop.contains(p) {
			continue
		}
		for _, src := range f.sources(c, p) {
			in = append(in, incoming{src, p, k})
		}
	}
	return in
}

// unroll lowers lp by copying its body for up to f.l.unroll iterations.
// If the header can be reached once more and continue into the body, the
// loop may run longer than the copies cover: that is the unwinding
// obligation, and the paths beyond it are cut. With spec (bounded model
// checking, bmc.go), the invariants are checked at every head the
// replay program checks them and assumed after it.
func (f *frame) unroll(lp *loop, s *scope, ins []incoming, spec *specs.Loop) error {
	for k := 0; len(ins) > 0; k++ {
		head, mem, err := f.enter(ins, lp.header)
		if err != nil {
			return err
		}
		if head.IsFalse() {
			break // the loop never gets this far
		}
		c, err := f.iteration(lp, s, ins)
		if err != nil {
			return err
		}
		s.copies[lp] = append(s.copies[lp], c)
		var reached *reachedCheck
		if spec != nil {
			if reached, err = f.checkReached(lp, c, spec, k, head, mem); err != nil {
				return err
			}
		}
		if k == f.l.unroll {
			if err := f.unwinding(lp, c, head, mem); err != nil {
				return err
			}
			return f.settleReached(lp, c, reached)
		}
		if err := f.region(f.loops.blocksOf(lp), c, head, mem); err != nil {
			return err
		}
		if err := f.settleReached(lp, c, reached); err != nil {
			return err
		}
		if err := f.loopTermination(lp, c, mem, false); err != nil {
			return err
		}
		ins = f.backEdges(c)
	}
	return nil
}

// unwinding lowers the header of lp once more, in iteration c beyond the
// bound, and requires that control cannot go on into the body.
func (f *frame) unwinding(lp *loop, c *scope, head *smt.Term, mem memory) error {
	h := lp.header
	if err := f.block(c, h, head, mem); err != nil {
		return err
	}
	for _, succ := range h.Succs {
		if !lp.contains(succ) {
			continue
		}
		for k, p := range succ.Preds {
			if p != h {
				continue
			}
			e, err := f.edge(incoming{c, h, k}, succ)
			if err != nil {
				return err
			}
			if e.IsFalse() {
				continue
			}
			if f.emit {
				f.l.obligations = append(f.l.obligations, &Obligation{
					Kind: Unwinding, Pos: lp.pos, Bound: f.l.unroll,
					Guard: e, Goal: smt.False(),
					Via: append([]token.Pos(nil), f.l.via...),
				})
			} else {
				// In a function called from a clause: the call does not
				// return on this path, which makes the clause undefined
				// there; the obligations that rest on it are settled by
				// beyond.go.
				f.l.beyond = append(f.l.beyond, &beyondSite{pos: lp.pos, fn: f.fn, bound: f.l.unroll, when: e})
			}
		}
	}
	return nil
}

// byInvariants lowers lp with its invariants: they must hold on entry;
// the body is lowered once from an arbitrary state at the header that
// satisfies them (the header phis are fresh variables); every way back to
// the header must restore them; and after the loop they are assumed.
func (f *frame) byInvariants(lp *loop, s *scope, ins []incoming, spec *specs.Loop) error {
	head0, mem0, err := f.enter(ins, lp.header)
	if err != nil {
		return err
	}
	at0, err := f.iteration(lp, s, ins)
	if err != nil {
		return err
	}
	if err := f.checkInvariants(lp, at0, spec, InvariantEntry, head0, mem0); err != nil {
		return err
	}
	written, err := f.l.writes(f.loops.blocksOf(lp), map[*gossa.Function]bool{})
	if err != nil {
		return err
	}
	mem := f.l.havocMemory(mem0, written, func(v *smt.Term) { f.l.havocked(v, nil, lp, f.fn) })

	c := newScope(s, lp)
	s.copies[lp] = []*scope{c}
	for _, instr := range lp.header.Instrs {
		phi, ok := instr.(*gossa.Phi)
		if !ok {
			break
		}
		sort, ok := sortOf(phi.Type())
		if !ok {
			return unsupported(lp.pos, "loop variable %s of type %s", phi.Comment, phi.Type())
		}
		name := phi.Comment
		if name == "" {
			name = phi.Name()
		}
		v := standIn() // a zero-width value: its one value, nothing to havoc
		if !zeroWidthType(phi.Type()) {
			v = f.l.freshVar(name+loopStateSuffix, sort)
			f.l.havocked(v, phi.Type(), lp, f.fn)
		}
		c.vals[phi] = v
	}
	holds, err := f.invariants(lp, c, spec, mem)
	if err != nil {
		return err
	}
	if within, ok, err := f.stringRangeWithin(lp, c, mem); ok {
		if err != nil {
			return err
		}
		holds = append(holds, within)
	}
	// The invariants hold in the arbitrary state whenever the loop is
	// reached. They are stated once, as a fact the obligations lowered
	// after it may assume (vc.go), rather than in the guard: guards become
	// conditions of ites where quantified invariants would be hard on the
	// solver. The fact only constrains the fresh state variables once
	// invariant-entry, lowered before it, is proved.
	f.l.facts = append(f.l.facts, loopFact{smt.Implies(head0, smt.And(holds...)), len(f.l.obligations)})
	head := head0
	if err := f.region(f.loops.blocksOf(lp), c, head, mem); err != nil {
		return err
	}
	if err := f.loopTermination(lp, c, mem, true); err != nil {
		return err
	}
	for _, back := range f.backEdges(c) {
		e, err := f.edge(back, lp.header)
		if err != nil {
			return err
		}
		after, err := f.iteration(lp, s, []incoming{back})
		if err != nil {
			return err
		}
		if err := f.checkInvariants(lp, after, spec, InvariantPreserved, e, back.from.mems[back.pred]); err != nil {
			return err
		}
	}
	return nil
}

// checkInvariants records an obligation per invariant: evaluated in scope
// at (whose header phis hold the state), it is well-defined and holds
// whenever guard does.
func (f *frame) checkInvariants(lp *loop, at *scope, spec *specs.Loop, kind ObligationKind, guard *smt.Term, mem memory) error {
	holds, err := f.invariants(lp, at, spec, mem)
	if err != nil {
		return err
	}
	if !f.emit {
		return nil
	}
	for i, c := range spec.Clauses {
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: kind, Pos: c.Pos, Clause: c.Text, Of: "invariant",
			Guard: guard, Goal: holds[i],
			Via: append([]token.Pos(nil), f.l.via...),
		})
	}
	return nil
}

// invariants returns, per clause of spec, the condition that it is
// well-defined and holds in the state of scope at at lp's header.
func (f *frame) invariants(lp *loop, at *scope, spec *specs.Loop, mem memory) ([]*smt.Term, error) {
	locals := make([]*smt.Term, len(spec.Locals))
	for i, use := range usedLocals(spec) {
		if use == nil {
			continue
		}
		if rs, ok := lp.stmt.(*ast.RangeStmt); ok {
			switch pos := spec.Locals[i].Pos(); {
			case rs.Key != nil && pos == rs.Key.Pos():
				// Over a string: the byte offset of the rune the
				// iteration about to start reads.
				if p, ok, err := f.stringRangePos(lp, at, mem); ok {
					if err != nil {
						return nil, err
					}
					locals[i] = p
					continue
				}
				// The index of the iteration about to start: the number
				// of iterations done.
				phi, next := rangeCounter(lp)
				t, err := f.valueIn(at, phi)
				if err != nil {
					return nil, err
				}
				locals[i] = smt.BVAdd(t, smt.BVUint(t.Sort().Width(), next))
				continue
			case rs.Value != nil && pos == rs.Value.Pos():
				return nil, unsupported(use.Pos(), "the value variable %s of a range loop in an invariant (write the element, a[i])", use.Name)
			}
		}
		if addr := localAddr(f.fn, spec.Locals[i]); addr != nil {
			// A variable that lives in memory: its value at the head
			// is what its object holds in the head's memory.
			t, err := f.loadLocal(at, addr, use, mem)
			if err != nil {
				return nil, err
			}
			locals[i] = t
			continue
		}
		if addressTaken(f.fn, spec.Locals[i]) {
			// Its value lives in memory, which DebugRefs do not follow,
			// and localAddr cannot name its one object: a write through a
			// pointer would go unseen.
			return nil, unsupported(use.Pos(), "the address-taken variable %s in an invariant", use.Name)
		}
		val, ok := f.localAt(lp.header, spec.Locals[i])
		if !ok {
			return nil, unsupported(use.Pos(), "cannot tell the value of %s at the head of the loop", use.Name)
		}
		t, err := f.valueIn(at, val)
		if err != nil {
			return nil, placeUnsupported(err, use.Pos(), lp.pos)
		}
		locals[i] = t
	}
	sl := &specLowering{l: f.l, prog: f.l.prog, spec: f.l.instanceLoopSpec(spec.Checked, f.fn), params: locals, mem: mem, pre: f.entryMem}
	if err := f.oldValues(sl, spec, locals); err != nil {
		return nil, err
	}
	var holds []*smt.Term
	for _, c := range spec.Checked.Func.Clauses {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		holds = append(holds, smt.And(d, v))
	}
	return holds, nil
}

// usedLocals returns, per local of spec, an identifier of a clause that
// uses it, or nil.
func usedLocals(spec *specs.Loop) []*ast.Ident {
	used := make([]*ast.Ident, len(spec.Locals))
	for _, c := range spec.Checked.Func.Clauses {
		ast.Inspect(c.Expr, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			if v, ok := spec.Checked.Info.Uses[id].(*types.Var); ok {
				if i, ok := spec.Checked.ParamIndex(v); ok && used[i] == nil {
					used[i] = id
				}
			}
			return true
		})
	}
	return used
}

// rangeCounter is the hidden counter of a range loop over a slice, an
// array, a pointer to an array or an integer: the header's phi, and what
// to add to it to get the index of the iteration about to start. go/ssa
// names it "rangeindex" for sequences, where it is one less than that
// index (the header increments it before the test), and "rangeint.iter"
// for integers, whose loop it rotates: the header is the body, entered
// with the index of the iteration. It is nil for other loops.
func rangeCounter(lp *loop) (*gossa.Phi, uint64) {
	for _, instr := range lp.header.Instrs {
		phi, ok := instr.(*gossa.Phi)
		if !ok {
			break
		}
		switch phi.Comment {
		case "rangeindex":
			return phi, 1
		case "rangeint.iter":
			return phi, 0
		}
	}
	return nil, 0
}

// loadLocal reads the value of the variable that lives at addr (an
// Alloc) from mem, in scope at.
func (f *frame) loadLocal(at *scope, addr gossa.Value, use *ast.Ident, mem memory) (*smt.Term, error) {
	a, err := f.valueIn(at, addr)
	if err != nil {
		return nil, err
	}
	elem := addr.Type().(*types.Pointer).Elem()
	lay, err := layoutOf(elem)
	if err != nil {
		return nil, unsupported(use.Pos(), "variable %s: %v", use.Name, err)
	}
	return f.l.loadValue(mem, lay, a, elem)
}
