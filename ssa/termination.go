package ssa

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Termination. A measure is a tuple of integers, written
// //vsynth:decreases a, b above a for statement or in the doc comment of
// a function. It decreases when, at the first component that changes,
// the new value is smaller than the old one and the old one is at least
// 0 (for unsigned components always): a lexicographic order on tuples
// that admits no infinite descent.
//
//   - On every back edge of a loop with a measure, the measure at the
//     head the iteration started from and at the head it goes back to
//     must decrease (a termination obligation). Unrolled loops check it
//     on the back edges of every copy; their unwinding obligation already
//     bounds them.
//   - At a call of the function being verified to itself (by its
//     contract, which is how recursion is lowered), the callee's measure
//     on the call's arguments must be below the measure on entry.
//
// A function is total when it is proved (all of its obligations, the
// termination ones included), every loop it runs with invariants has a
// measure, every recursive call it makes is measured, and every function
// whose contract it relies on is total and does not call it back
// (mutual recursion is never total: its measures are not compared across
// functions). Loops without invariants are bounded by their proved
// unwinding obligations. Totality is settled once every function has a
// verdict (settleTotality).

// Termination is the obligation that a measure decreases: on a loop's
// back edge or at a recursive call.
const Termination ObligationKind = "termination"

// termination is what a lowering knows about termination.
type termination struct {
	measures func(*loop) *specs.LoopMeasure // the measure of a loop, if any
	target   *Target                        // the function verified
	entry    []*smt.Term                    // its measure on entry
	defined  *smt.Term                      // evaluating it on entry does not panic
	partial  []string                       // why the function is not known to terminate
}

// loopMeasure returns the measure written above lp's statement, if any.
func (p *Program) loopMeasure(lp *loop) *specs.LoopMeasure {
	if lp.stmt == nil {
		return nil
	}
	return p.measures[lp.stmt]
}

// notTotal records why the function may not terminate, once per reason.
func (l *lowering) notTotal(format string, args ...any) {
	why := fmt.Sprintf(format, args...)
	for _, w := range l.term.partial {
		if w == why {
			return
		}
	}
	l.term.partial = append(l.term.partial, why)
}

// entryMeasure evaluates the measure of t (if it has one) on entry, with
// sl, the lowering of its requires clauses.
func (l *lowering) entryMeasure(t *Target, sl *specLowering) error {
	l.term.target = t
	comps := t.Spec.Func.Decreases()
	if len(comps) == 0 {
		return nil
	}
	defined := smt.True()
	for _, c := range comps {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return err
		}
		l.term.entry = append(l.term.entry, v)
		defined = smt.And(defined, d)
	}
	l.term.defined = defined
	return nil
}

// recursiveCall records, for a call at pos of the function verified to
// itself on args, that its measure decreases; sl lowers the callee's
// clauses at the call.
func (f *frame) recursiveCall(t *Target, sl *specLowering, pos token.Pos) error {
	if !f.emit || f.l.term.target != t {
		return nil
	}
	comps := t.Spec.Func.Decreases()
	if len(comps) == 0 {
		f.l.notTotal("recursive call at %s without vsynth:decreases", f.l.prog.Fset.Position(pos))
		return nil
	}
	var at []*smt.Term
	defined := f.l.term.defined
	for _, c := range comps {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return err
		}
		at = append(at, v)
		defined = smt.And(defined, d)
	}
	f.l.obligations = append(f.l.obligations, &Obligation{
		Kind: Termination, Pos: pos, Clause: measureText(comps), Of: "decreases",
		Guard: f.guard, Goal: smt.And(defined, decreases(f.l.term.entry, at, measureSigned(t.Spec.Info, comps))),
		Via: append([]token.Pos(nil), f.l.via...),
	})
	return nil
}

// loopTermination records, for loop lp whose iteration c started at its
// header with memory mem, that its measure decreases on every back edge,
// or that the loop may not terminate when it has invariants and no
// measure.
func (f *frame) loopTermination(lp *loop, c *scope, mem memory, invariants bool) error {
	if !f.emit || f.l.term.measures == nil {
		return nil
	}
	m := f.l.term.measures(lp)
	if m == nil {
		if invariants {
			f.l.notTotal("the loop at %s has invariants but no vsynth:decreases", f.l.prog.Fset.Position(lp.pos))
		}
		return nil
	}
	before, d0, err := f.measureAt(lp, c, m, mem)
	if err != nil {
		return err
	}
	signed := measureSigned(f.l.instanceLoopSpec(m.Checked, f.fn).Info, m.Checked.Func.Clauses)
	for _, back := range f.backEdges(c) {
		e, err := f.edge(back, lp.header)
		if err != nil {
			return err
		}
		after, err := f.iteration(lp, c.parent, []incoming{back})
		if err != nil {
			return err
		}
		now, d1, err := f.measureAt(lp, after, m, back.from.mems[back.pred])
		if err != nil {
			return err
		}
		f.l.obligations = append(f.l.obligations, &Obligation{
			Kind: Termination, Pos: m.Components[0].Pos, Clause: measureText(m.Components), Of: "decreases",
			Guard: e, Goal: smt.And(d0, d1, decreases(before, now, signed)),
			Via: append([]token.Pos(nil), f.l.via...),
		})
	}
	return nil
}

// measureAt evaluates measure m in the state of scope at at lp's header,
// as invariants does the invariants.
func (f *frame) measureAt(lp *loop, at *scope, m *specs.LoopMeasure, mem memory) ([]*smt.Term, *smt.Term, error) {
	locals := make([]*smt.Term, len(m.Locals))
	for i, use := range usedVars(m.Checked, len(m.Locals)) {
		if use == nil {
			continue
		}
		if rs, ok := lp.stmt.(*ast.RangeStmt); ok {
			switch pos := m.Locals[i].Pos(); {
			case rs.Key != nil && pos == rs.Key.Pos():
				if p, ok, err := f.stringRangePos(lp, at, mem); ok {
					if err != nil {
						return nil, nil, err
					}
					locals[i] = p
					continue
				}
				phi, next := rangeCounter(lp)
				if phi == nil {
					return nil, nil, unsupported(use.Pos(), "the key %s of this range loop in a measure", use.Name)
				}
				t, err := f.valueIn(at, phi)
				if err != nil {
					return nil, nil, err
				}
				locals[i] = smt.BVAdd(t, smt.BVUint(t.Sort().Width(), next))
				continue
			case rs.Value != nil && pos == rs.Value.Pos():
				return nil, nil, unsupported(use.Pos(), "the value variable %s of a range loop in a measure", use.Name)
			}
		}
		if addressTaken(f.fn, m.Locals[i]) {
			return nil, nil, unsupported(use.Pos(), "the address-taken variable %s in a measure", use.Name)
		}
		val, ok := f.localAt(lp.header, m.Locals[i])
		if !ok {
			return nil, nil, unsupported(use.Pos(), "cannot tell the value of %s at the head of the loop", use.Name)
		}
		t, err := f.valueIn(at, val)
		if err != nil {
			return nil, nil, err
		}
		locals[i] = t
	}
	sl := &specLowering{l: f.l, prog: f.l.prog, spec: f.l.instanceLoopSpec(m.Checked, f.fn), params: locals, mem: mem, pre: mem}
	var vals []*smt.Term
	defined := smt.True()
	for _, c := range m.Checked.Func.Clauses {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, nil, err
		}
		vals = append(vals, v)
		defined = smt.And(defined, d)
	}
	return vals, defined, nil
}

// decreases is the condition that measure now is below measure before in
// the lexicographic order whose components are bounded below by 0.
func decreases(before, now []*smt.Term, signed []bool) *smt.Term {
	out := smt.False()
	for k := len(before) - 1; k >= 0; k-- {
		b, n := before[k], now[k]
		var down *smt.Term
		if signed[k] {
			down = smt.And(smt.BVSle(smt.BVInt(b.Sort().Width(), 0), b), smt.BVSlt(n, b))
		} else {
			down = smt.BVUlt(n, b)
		}
		out = smt.Or(down, smt.And(smt.Eq(n, b), out))
	}
	return out
}

// measureSigned says, per component, whether its type is signed.
func measureSigned(info *types.Info, comps []*specs.Clause) []bool {
	out := make([]bool, len(comps))
	for i, c := range comps {
		if b, ok := info.TypeOf(c.Expr).Underlying().(*types.Basic); ok {
			out[i] = b.Info()&types.IsUnsigned == 0
		}
	}
	return out
}

// measureText writes a measure as its directive does.
func measureText(comps []*specs.Clause) string {
	var parts []string
	for _, c := range comps {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, ", ")
}

// settleTotality marks the proved functions that are total (termination.go's
// definition), and gives each the assumptions of the contracts it relies
// on, since its proof rests on them too.
func settleTotality(results []*FuncResult) {
	byTarget := map[*Target]*FuncResult{}
	for _, r := range results {
		if r != nil {
			byTarget[r.Target] = r
		}
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[*FuncResult]int{}
	var settle func(r *FuncResult)
	settle = func(r *FuncResult) {
		if state[r] != 0 {
			return
		}
		state[r] = visiting
		defer func() { state[r] = done }()
		why := ""
		switch {
		case r.Verdict != Proved:
			why = "not proved"
		case len(r.partial) > 0:
			why = r.partial[0]
		}
		for _, callee := range r.Relies {
			if callee == r.Target {
				continue // measured by its termination obligations
			}
			cr := byTarget[callee]
			switch {
			case cr == nil && callee.foreign != nil:
				// Proved in its own package's load (contract_fact.go).
				for _, a := range callee.foreign.Assumptions {
					r.Assumptions = append(r.Assumptions, Assumption{Clause: a, In: callee.Short})
				}
				if why == "" && !callee.foreign.Total {
					why = "calls " + callee.Short + ", which is not known to terminate"
				}
				continue
			case cr == nil:
				if why == "" {
					why = "calls " + callee.Short + ", which is not verified in this run"
				}
				continue
			case state[cr] == visiting || reaches(byTarget, callee, r.Target, map[*Target]bool{}):
				if why == "" {
					why = "mutually recursive with " + callee.Short
				}
				continue
			}
			settle(cr)
			for _, a := range cr.Assumptions {
				if !hasAssumption(r.Assumptions, a.Pos) {
					r.Assumptions = append(r.Assumptions, a)
				}
			}
			if why == "" && !cr.Total {
				why = "calls " + callee.Short + ", which is not known to terminate"
			}
		}
		r.Total = why == ""
		r.Partial = why
	}
	for _, r := range results {
		if r != nil {
			settle(r)
		}
	}
	// A cycle settled from its first member leaves the later members
	// total when they are reached first: mutual recursion is never, nor
	// is a caller of a function that is not.
	for _, r := range results {
		if r == nil || !r.Total {
			continue
		}
		for _, callee := range r.Relies {
			if callee != r.Target && reaches(byTarget, callee, r.Target, map[*Target]bool{}) {
				r.Total, r.Partial = false, "mutually recursive with "+callee.Short
				break
			}
		}
	}
	for changed := true; changed; { // assumptions, through cycles too
		changed = false
		for _, r := range results {
			if r == nil {
				continue
			}
			for _, callee := range r.Relies {
				cr := byTarget[callee]
				if cr == nil {
					continue
				}
				for _, a := range cr.Assumptions {
					if !hasAssumption(r.Assumptions, a.Pos) {
						r.Assumptions = append(r.Assumptions, a)
						changed = true
					}
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range results {
			if r == nil || !r.Total {
				continue
			}
			for _, callee := range r.Relies {
				if cr := byTarget[callee]; callee != r.Target && cr != nil && !cr.Total {
					r.Total, r.Partial = false, "calls "+callee.Short+", which is not known to terminate"
					changed = true
					break
				}
			}
		}
	}
}

// reaches reports whether from relies, directly or not, on to.
func reaches(by map[*Target]*FuncResult, from, to *Target, seen map[*Target]bool) bool {
	if from == to {
		return true
	}
	if seen[from] || by[from] == nil {
		return false
	}
	seen[from] = true
	for _, c := range by[from].Relies {
		if c != from && reaches(by, c, to, seen) {
			return true
		}
	}
	return false
}

func hasAssumption(as []Assumption, pos token.Pos) bool {
	for _, a := range as {
		if a.Pos == pos {
			return true
		}
	}
	return false
}
