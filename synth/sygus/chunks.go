package sygus

import (
	"context"
	"fmt"

	"github.com/vsynth/vsynth/ssa"
	"github.com/vsynth/vsynth/synth"
)

// checkChunk is how many examples one harness checks. The verifier
// inlines the candidate at every invocation, within a budget of
// instructions (a thousand examples of a tree of size 30 exceed it), so
// a programming-by-example problem with more examples is proved in
// parts: the conjunction of the examples holds when every part does.
const checkChunk = 100

// chunks splits a problem whose constraints are examples (one
// invocation each) into problems of at most checkChunk invocations, or
// returns nil when it has no more than that or its constraints are not
// examples.
func (p *Problem) chunks() []*Problem {
	if len(p.Invocations) <= checkChunk || p.examples() == nil {
		return nil
	}
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
	out := len(p.Vars)
	var parts []*Problem
	for lo := 0; lo < len(conjuncts); lo += checkChunk {
		hi := min(len(conjuncts), lo+checkChunk)
		q := &Problem{File: p.File, Logic: p.Logic, Name: p.Name, Params: p.Params, Result: p.Result,
			ParamNames: p.ParamNames, Vars: p.Vars, VarNames: p.VarNames, Grammar: p.Grammar, Default: p.Default, Symbols: p.Symbols, funs: p.funs}
		index := map[int]int{} // invocation in p -> in q
		var c *synth.Term
		for _, conj := range conjuncts[lo:hi] {
			r := renumberOutputs(conj, out, func(k int) int {
				j, ok := index[k]
				if !ok {
					j = len(q.Invocations)
					index[k] = j
					q.Invocations = append(q.Invocations, p.Invocations[k])
				}
				return j
			})
			if c == nil {
				c = r
			} else {
				c = &synth.Term{Op: synth.OpLAnd, Type: synth.BoolType, Args: []*synth.Term{c, r}}
			}
		}
		q.Constraint = c
		parts = append(parts, q)
	}
	return parts
}

// renumberOutputs maps the invocation outputs of t (parameters from
// out on) through to.
func renumberOutputs(t *synth.Term, out int, to func(int) int) *synth.Term {
	if t.Op == synth.OpParam && t.Param >= out {
		u := *t
		u.Param = out + to(t.Param-out)
		return &u
	}
	if len(t.Args) == 0 {
		return t
	}
	u := *t
	u.Args = make([]*synth.Term, len(t.Args))
	for i, a := range t.Args {
		u.Args[i] = renumberOutputs(a, out, to)
	}
	return &u
}

// verifyChunks proves cand against every part; the first part that is
// not proved gives the verdict.
func verifyChunks(ctx context.Context, prover *synth.Prover, parts []*Problem, types []synth.Type, cand *synth.Term) (*synth.Check, error) {
	for i, q := range parts {
		src := q.GoSource(cand)
		files := []ssa.SourceFile{{Name: "/vsynth-sygus/sygus/check.go", Src: []byte(src)}}
		c, err := prover.ProveFunc(ctx, "vsynth.sygus/sygus", files, "vsynth_check", types)
		if err != nil {
			return nil, fmt.Errorf("examples part %d of %d: %w", i+1, len(parts), err)
		}
		if c.Verdict != synth.CheckProved {
			return c, nil
		}
	}
	return &synth.Check{Verdict: synth.CheckProved}, nil
}
