package ssa

import (
	"fmt"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
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
	if t.Unsupported != nil {
		return nil, t.Unsupported
	}
	if unroll <= 0 {
		unroll = DefaultUnroll
	}
	l := &lowering{inlinable: p.inlinable, contract: p.contract, prog: p.SSA, unroll: unroll, loopSpec: p.loopSpec}
	fn := t.Func
	vc := &VC{Target: t}
	for i, param := range fn.Params {
		s, ok := sortOf(param.Type())
		if !ok {
			return nil, unsupported(param.Pos(), "parameter %s of type %s", param.Name(), param.Type())
		}
		vc.Params = append(vc.Params, smt.Var(paramName(param, i), s))
	}
	sl := &specLowering{l: l, prog: p.SSA, spec: t.Spec, params: vc.Params}

	// Requires clauses are assumed in order, like Go's &&: each must be
	// well-defined where the earlier ones hold.
	pre := smt.True()
	for _, c := range t.Spec.Func.Requires() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		if !d.IsTrue() {
			vc.Obligations = append(vc.Obligations, &Obligation{
				Kind: WellDefined, Pos: c.Pos, Clause: c.Text, Of: "requires",
				Assume: pre, Guard: smt.True(), Goal: d,
			})
		}
		pre = smt.And(pre, v)
	}
	vc.Pre = pre

	results, normal, err := l.call(fn, vc.Params, smt.True(), true)
	if err != nil {
		return nil, err
	}
	vc.Results, vc.Normal = results, normal
	for _, o := range l.obligations {
		o.Assume = pre
	}
	vc.Obligations = append(vc.Obligations, l.obligations...)

	sl.results = results
	for _, c := range t.Spec.Func.Ensures() {
		v, d, err := sl.clause(c.Expr)
		if err != nil {
			return nil, err
		}
		vc.Obligations = append(vc.Obligations, &Obligation{
			Kind: Ensures, Pos: c.Pos, Clause: c.Text, Of: "ensures",
			Assume: pre, Guard: normal, Goal: smt.And(d, v),
		})
	}
	vc.Abstract, vc.Relies, vc.Havoc = l.abstract, l.relies, l.havoc
	if len(l.lemmas) > 0 {
		lemmas := smt.And(l.lemmas...)
		for _, o := range vc.Obligations {
			o.Assume = smt.And(o.Assume, lemmas)
		}
	}
	return vc, nil
}

// paramName names the variable of the i-th parameter.
func paramName(p *gossa.Parameter, i int) string {
	if p.Name() == "" || p.Name() == "_" {
		return fmt.Sprintf("_p%d", i)
	}
	return p.Name()
}
