package sygus

import (
	"context"
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/ssa"
	"github.com/vsynth/vsynth/synth"
)

// spec screens candidates by evaluating the constraints.
type spec struct {
	p *Problem
	// byInv holds, when every constraint mentions at most one invocation,
	// the constraints of each invocation (see synth.PointSpec).
	byInv [][]*synth.Term
}

func newSpec(p *Problem) *spec {
	s := &spec{p: p}
	var conjuncts []*synth.Term
	var flatten func(t *synth.Term)
	flatten = func(t *synth.Term) {
		if t.Op == synth.OpLAnd {
			for _, a := range t.Args {
				flatten(a)
			}
			return
		}
		conjuncts = append(conjuncts, t)
	}
	flatten(p.Constraint)
	byInv := make([][]*synth.Term, len(p.Invocations))
	for _, c := range conjuncts {
		outs := map[int]bool{}
		mentions(c, len(p.Vars), outs)
		if len(outs) > 1 {
			return s
		}
		for k := range outs {
			byInv[k] = append(byInv[k], c)
		}
	}
	s.byInv = byInv
	return s
}

// mentions records the invocations whose results t uses.
func mentions(t *synth.Term, vars int, outs map[int]bool) {
	if t.Op == synth.OpParam && t.Param >= vars {
		outs[t.Param-vars] = true
	}
	for _, a := range t.Args {
		mentions(a, vars, outs)
	}
}

func (s *spec) Decomposable() bool { return s.byInv != nil }

func (s *spec) HoldsAt(env []uint64, k int, out uint64) bool {
	full := make([]uint64, len(env)+len(s.p.Invocations))
	copy(full, env)
	full[len(env)+k] = out
	for _, c := range s.byInv[k] {
		if v, ok := synth.EvalTerm(c, full); !ok || v != 1 {
			return false
		}
	}
	return true
}

func (s *spec) Points(env []uint64) [][]uint64 {
	out := make([][]uint64, len(s.p.Invocations))
	for k, args := range s.p.Invocations {
		pt := make([]uint64, len(args))
		for i, a := range args {
			pt[i], _ = synth.EvalTerm(a, env) // SMT-LIB operators are total
		}
		out[k] = pt
	}
	return out
}

func (s *spec) Holds(env []uint64, outs []uint64) bool {
	full := append(append(make([]uint64, 0, len(env)+len(outs)), env...), outs...)
	v, ok := synth.EvalTerm(s.p.Constraint, full)
	return ok && v == 1
}

// Synth makes the synthesis problem: candidates are screened on the
// constraints and proved by prover against their Go rendering.
func (p *Problem) Synth(prover *synth.Prover) *synth.Problem {
	sp := &synth.Problem{
		Name:       p.Name,
		Params:     p.Params,
		Result:     p.Result,
		Grammar:    p.Grammar,
		ConstExprs: true,
		Vars:       p.Vars,
		Spec:       newSpec(p),
		Reference:  p.reference(),
		SpecTerms:  []*synth.Term{p.Constraint},
	}
	ex := p.examples()
	if len(ex) > 0 {
		sp.Examples = ex
	}
	if p.explicit() == nil && (len(ex) == 0 || !consistent(ex)) {
		// f = E is realizable by construction, and so are consistent
		// examples; anything else is checked.
		sp.Realizable = p.realizable(prover)
	}
	types := make([]synth.Type, len(p.Vars))
	for i, v := range p.Vars {
		types[i] = v.Type
	}
	parts := p.chunks()
	sp.Verify = func(ctx context.Context, cand *synth.Term) (*synth.Check, error) {
		if parts != nil {
			return verifyChunks(ctx, prover, parts, types, cand)
		}
		src := p.GoSource(cand)
		files := []ssa.SourceFile{{Name: "/vsynth-sygus/sygus/check.go", Src: []byte(src)}}
		return prover.ProveFunc(ctx, "vsynth.sygus/sygus", files, "vsynth_check", types)
	}
	return sp
}

// GoSource is the Go package that proves cand meets the constraints:
// vsynth_check's contract says the constraints hold for every value of
// the declared variables when the function is cand.
func (p *Problem) GoSource(cand *synth.Term) string {
	return p.checkHarness().source(p, cand)
}

// harness is the part of GoSource that does not depend on the
// candidate, rendered once per problem (with a thousand examples it is
// most of the text).
type harness struct {
	text  string        // package clause, vsynth_check, vsynth_spec, argument functions
	terms []*synth.Term // the constraint and the arguments, for GoHelpers
}

func (h *harness) source(p *Problem, cand *synth.Term) string {
	var b strings.Builder
	b.WriteString(h.text)
	b.WriteString("\n" + synth.GoFunc("f", p.Params, p.Result, cand))
	b.WriteString("\n" + synth.GoHelpers(append([]*synth.Term{cand}, h.terms...)...))
	return b.String()
}

// checkHarness renders the candidate-independent part of GoSource, once.
func (p *Problem) checkHarness() *harness {
	p.harnessOnce.Do(func() { p.harness = p.renderHarness() })
	return p.harness
}

func (p *Problem) renderHarness() *harness {
	var b strings.Builder
	_, all := p.harnessHeader(&b)
	fmt.Fprintf(&b, "func vsynth_check(")
	for i, v := range p.Vars {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", v.Name, v.Type.GoName())
	}
	b.WriteString(") bool {\n")
	var calls, argFuncs []string
	terms := []*synth.Term{p.Constraint}
	for k, args := range p.Invocations {
		var as []string
		for j, a := range args {
			name := fmt.Sprintf("vsynth_arg%d_%d", k, j)
			as = append(as, name+"("+varNames(p.Vars)+")")
			argFuncs = append(argFuncs, synth.GoFunc(name, p.Vars, p.Params[j].Type, a))
			terms = append(terms, a)
		}
		calls = append(calls, "f("+strings.Join(as, ", ")+")")
	}
	args := varNames(p.Vars)
	if len(calls) > 0 {
		if args != "" {
			args += ", "
		}
		args += strings.Join(calls, ", ")
	}
	fmt.Fprintf(&b, "\treturn vsynth_spec(%s)\n}\n\n", args)
	b.WriteString(synth.GoFunc("vsynth_spec", all, synth.BoolType, p.Constraint))
	for _, f := range argFuncs {
		b.WriteString("\n" + f)
	}
	return &harness{text: b.String(), terms: terms}
}

// harnessHeader starts a harness package: its package clause and the
// contract of its function (narrow bit vectors in range; the result
// true). It returns one output parameter per invocation, and the
// declared variables followed by them.
func (p *Problem) harnessHeader(b *strings.Builder) (outs, all []synth.Param) {
	b.WriteString("package sygus\n\n")
	for k := range p.Invocations {
		outs = append(outs, synth.Param{Name: fmt.Sprintf("o%d", k), Type: p.Result})
	}
	all = append(append([]synth.Param(nil), p.Vars...), outs...)
	for _, v := range p.Vars {
		if !v.Type.Bool && !v.Type.Native() {
			fmt.Fprintf(b, "//vsynth:requires %s <= %#x\n", v.Name, v.Type.Mask())
		}
	}
	b.WriteString("//vsynth:ensures result\n")
	return outs, all
}

func varNames(vs []synth.Param) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.Name
	}
	return strings.Join(names, ", ")
}

// reference is the candidate the constraints suggest when they are
// (= (f v...) E) with distinct variables v and E a term of the grammar
// over them: the answer single-invocation solvers give.
func (p *Problem) reference() *synth.Term {
	ref := p.explicit()
	if ref == nil {
		return nil
	}
	return derive(ref, p.Grammar)
}

// explicit returns E, over the function's parameters, when the
// constraints are (= (f v...) E) with distinct variables v and E a term
// over them (grammar or not): the function E meets them.
func (p *Problem) explicit() *synth.Term {
	c := p.Constraint
	if c.Op != synth.OpEq || len(p.Invocations) != 1 {
		return nil
	}
	args := p.Invocations[0]
	varToParam := map[int]int{}
	for i, a := range args {
		if a.Op != synth.OpParam || a.Param >= len(p.Vars) {
			return nil
		}
		if _, dup := varToParam[a.Param]; dup {
			return nil
		}
		varToParam[a.Param] = i
	}
	out := len(p.Vars)
	var body *synth.Term
	switch {
	case c.Args[0].Op == synth.OpParam && c.Args[0].Param == out:
		body = c.Args[1]
	case c.Args[1].Op == synth.OpParam && c.Args[1].Param == out:
		body = c.Args[0]
	default:
		return nil
	}
	ref, ok := rename(body, varToParam, out)
	if !ok {
		return nil
	}
	return ref
}

// rename maps a term over the variables to one over the parameters.
func rename(t *synth.Term, varToParam map[int]int, out int) (*synth.Term, bool) {
	if t.Op == synth.OpParam {
		if t.Param >= out {
			return nil, false
		}
		j, ok := varToParam[t.Param]
		if !ok {
			return nil, false
		}
		return &synth.Term{Op: synth.OpParam, Type: t.Type, Param: j}, true
	}
	u := *t
	u.Args = nil
	for _, a := range t.Args {
		b, ok := rename(a, varToParam, out)
		if !ok {
			return nil, false
		}
		u.Args = append(u.Args, b)
	}
	return &u, true
}
