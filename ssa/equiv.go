package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/types"
	"time"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Outcome is what one function did on a counterexample: it panicked, or
// it returned Value (a Go literal).
type Outcome struct {
	Panics bool
	Value  string
}

// EquivResult is the verdict on the equivalence of two functions.
type EquivResult struct {
	Verdict Verdict // proved: equivalent; failed: see Inputs, Left, Right
	Reason  string  // why, for unknown and unsupported
	Inputs  []Binding
	Left    Outcome // the first function on Inputs
	Right   Outcome // the second function on Inputs
	Time    time.Duration
}

// lowered is a function applied to shared parameter terms.
type lowered struct {
	result *smt.Term // the single result
	normal *smt.Term // it returns without panicking
}

// Equivalent asks whether functions f and g of p, which have the same
// parameters and one result, behave the same wherever pre holds: f panics
// exactly when g panics, and when neither panics they return the same
// value. pre names a function with the same parameters returning bool,
// which holds where it returns true without panicking; "" means always.
// Both functions go through the lowering prove uses, panics included
// (division by zero, negative shift counts, explicit panics).
func (p *SourceProgram) Equivalent(ctx context.Context, s smt.Solver, f, g, pre string, lim smt.Limits) (*EquivResult, error) {
	return p.EquivalentAt(ctx, s, f, g, pre, nil, lim)
}

// Assignment fixes parameters, by name, to constant terms.
type Assignment map[string]*smt.Term

// EquivalentAt is Equivalent with the parameters of at fixed to its
// values: the question for one case of a case split.
func (p *SourceProgram) EquivalentAt(ctx context.Context, s smt.Solver, f, g, pre string, at Assignment, lim smt.Limits) (*EquivResult, error) {
	start := time.Now()
	r := &EquivResult{}
	l := p.lowering()
	params, fns, err := p.signatures(f, g, pre)
	if err != nil {
		return nil, err
	}
	var outs []lowered
	for _, fn := range fns {
		o, err := lowerApplied(l, fn, params)
		var u *UnsupportedError
		if errors.As(err, &u) {
			r.Verdict, r.Reason = Unsupported, fmt.Sprintf("%s: %s", p.Fset.Position(u.Pos), u.What)
			r.Time = time.Since(start)
			return r, nil
		}
		if err != nil {
			return nil, err
		}
		outs = append(outs, o)
	}
	lf, lg := outs[0], outs[1]
	holds := smt.True()
	if len(outs) == 3 {
		holds = smt.And(outs[2].normal, outs[2].result)
	}
	// The same value is the same by Go's ==, which skips blank fields.
	same := goEqual(lf.result, lg.result, fns[0].Signature.Results().At(0).Type())
	differ := smt.Or(
		smt.Not(smt.Eq(lf.normal, lg.normal)),
		smt.And(lf.normal, lg.normal, smt.Not(same)),
	)
	query := l.withAllocBase(smt.And(smt.And(l.lemmas...), holds, fix(params, at), differ))
	res, err := check(ctx, s, query, lim)
	defer s.Pop()
	if err != nil {
		return nil, err
	}
	switch res {
	case smt.Unsat:
		r.Verdict = Proved
	case smt.Unknown:
		r.Verdict, r.Reason = Unknown, s.ReasonUnknown()
	case smt.Sat:
		r.Verdict = Failed
		m, err := s.Model()
		if err != nil {
			return nil, err
		}
		if r.Inputs, err = bindings(m, params, fns[0]); err != nil {
			return nil, err
		}
		rt := fns[0].Signature.Results().At(0).Type()
		if r.Left, err = outcome(m, lf, rt); err != nil {
			return nil, err
		}
		if r.Right, err = outcome(m, lg, rt); err != nil {
			return nil, err
		}
	}
	r.Time = time.Since(start)
	return r, nil
}

// Satisfiable asks whether function pre of p returns true without
// panicking for some arguments; when it does, it returns them.
func (p *SourceProgram) Satisfiable(ctx context.Context, s smt.Solver, pre string, lim smt.Limits) (Verdict, []Binding, error) {
	l := p.lowering()
	params, fns, err := p.signatures(pre)
	if err != nil {
		return "", nil, err
	}
	o, err := lowerApplied(l, fns[0], params)
	var u *UnsupportedError
	if errors.As(err, &u) {
		return Unsupported, nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	res, err := check(ctx, s, l.withAllocBase(smt.And(smt.And(l.lemmas...), o.normal, o.result)), lim)
	defer s.Pop()
	if err != nil {
		return "", nil, err
	}
	switch res {
	case smt.Unsat:
		return Failed, nil, nil
	case smt.Unknown:
		return Unknown, nil, nil
	}
	m, err := s.Model()
	if err != nil {
		return "", nil, err
	}
	b, err := bindings(m, params, fns[0])
	return Proved, b, err
}

// signatures looks the named functions up ("" names are skipped), checks
// that they share the first one's parameters and have one result, and
// makes one variable per parameter.
func (p *SourceProgram) signatures(names ...string) ([]*smt.Term, []*gossa.Function, error) {
	var fns []*gossa.Function
	for _, n := range names {
		if n == "" {
			continue
		}
		fn, err := p.function(n)
		if err != nil {
			return nil, nil, err
		}
		if fn.Signature.Results().Len() != 1 {
			return nil, nil, fmt.Errorf("equivalence: %s must have one result", n)
		}
		for _, v := range append(tupleVars(fn.Signature.Params()), tupleVars(fn.Signature.Results())...) {
			if isMap(v.Type()) {
				// A map is memory: equal results or equal writes would
				// need its contents compared, which this check does not.
				return nil, nil, fmt.Errorf("equivalence: %s has a map %s", n, v.Type())
			}
		}
		if len(fns) > 0 && !types.Identical(fn.Signature.Params(), fns[0].Signature.Params()) {
			return nil, nil, fmt.Errorf("equivalence: %s and %s have different parameters", fns[0].Name(), n)
		}
		fns = append(fns, fn)
	}
	var params []*smt.Term
	for i, param := range fns[0].Params {
		s, ok := sortOf(param.Type())
		if !ok {
			return nil, nil, fmt.Errorf("equivalence: parameter %s of type %s", param.Name(), param.Type())
		}
		params = append(params, paramVar(param, i, s))
	}
	return params, fns, nil
}

// lowerApplied lowers fn on params with the lowering of prove; hazards
// narrow the condition under which it returns normally.
func lowerApplied(l *lowering, fn *gossa.Function, params []*smt.Term) (lowered, error) {
	res, normal, _, err := l.call(fn, params, smt.True(), memory{}, false)
	if err != nil {
		return lowered{}, err
	}
	return lowered{result: res[0], normal: normal}, nil
}

// check asserts query in a new scope of s, which the caller pops after
// reading the model, and decides it.
func check(ctx context.Context, s smt.Solver, query *smt.Term, lim smt.Limits) (smt.Result, error) {
	if err := s.Push(); err != nil {
		return smt.Unknown, err
	}
	if err := s.Assert(query); err != nil {
		return smt.Unknown, err
	}
	return s.Check(ctx, lim)
}

// bindings reads the parameters off a model as Go literals.
func bindings(m smt.Model, params []*smt.Term, fn *gossa.Function) ([]Binding, error) {
	var out []Binding
	for i, v := range params {
		val, err := m.Eval(v)
		if err != nil {
			return nil, err
		}
		out = append(out, Binding{Name: paramDisplayName(fn.Params[i]), Value: literal(val, fn.Params[i].Type())})
	}
	return out, nil
}

// outcome reads what a lowered function did off a model.
func outcome(m smt.Model, o lowered, t types.Type) (Outcome, error) {
	n, err := m.Eval(o.normal)
	if err != nil {
		return Outcome{}, err
	}
	if !n.BoolValue() {
		return Outcome{Panics: true}, nil
	}
	v, err := m.Eval(o.result)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Value: literal(v, t)}, nil
}

// fix is the conjunction param == value for the parameters at names.
func fix(params []*smt.Term, at Assignment) *smt.Term {
	eqs := []*smt.Term{smt.True()}
	for _, v := range params {
		if c, ok := at[v.Name()]; ok {
			eqs = append(eqs, smt.Eq(v, c))
		}
	}
	return smt.And(eqs...)
}

// Models enumerates the assignments to the named parameters under which
// function pre returns true without panicking (for some values of the
// other parameters), up to limit of them. complete says that there are
// no others: a case split over them covers every case.
func (p *SourceProgram) Models(ctx context.Context, s smt.Solver, pre string, names []string, limit int, lim smt.Limits) (models []Assignment, complete bool, err error) {
	l := p.lowering()
	params, fns, err := p.signatures(pre)
	if err != nil {
		return nil, false, err
	}
	o, err := lowerApplied(l, fns[0], params)
	var u *UnsupportedError
	if errors.As(err, &u) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var vars []*smt.Term
	for _, v := range params {
		for _, n := range names {
			if v.Name() == n {
				vars = append(vars, v)
			}
		}
	}
	if err := s.Push(); err != nil {
		return nil, false, err
	}
	defer s.Pop()
	if err := s.Assert(l.withAllocBase(smt.And(smt.And(l.lemmas...), o.normal, o.result))); err != nil {
		return nil, false, err
	}
	for len(models) <= limit {
		res, err := s.Check(ctx, lim)
		if err != nil {
			return nil, false, err
		}
		switch res {
		case smt.Unsat:
			return models, true, nil
		case smt.Unknown:
			return models, false, nil
		}
		m, err := s.Model()
		if err != nil {
			return nil, false, err
		}
		at := Assignment{}
		var same []*smt.Term
		for _, v := range vars {
			c, err := m.Eval(v)
			if err != nil {
				return nil, false, err
			}
			at[v.Name()] = c
			same = append(same, smt.Eq(v, c))
		}
		models = append(models, at)
		if err := s.Assert(smt.Not(smt.And(same...))); err != nil {
			return nil, false, err
		}
	}
	return models, false, nil
}

// tupleVars lists the variables of a tuple.
func tupleVars(t *types.Tuple) []*types.Var {
	vs := make([]*types.Var, t.Len())
	for i := range vs {
		vs[i] = t.At(i)
	}
	return vs
}
