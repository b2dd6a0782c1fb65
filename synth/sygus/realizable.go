package sygus

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vsynth/vsynth/ssa"
	"github.com/vsynth/vsynth/synth"
)

// Unrealizability: a SyGuS problem has no solution at all (whatever the
// grammar) when, for some values of the declared variables, no outputs
// of the function's invocations meet the constraints — outputs of
// invocations whose arguments are equal there being equal, as they are
// for any function. vsynth asks Z3 for such values through the same
// go/ssa lowering as the proofs: the harness below returns whether the
// outputs it is given meet the constraints, and Z3 looks for variables at
// which it is false for every output (synth.Prover.Unrealizable).
//
// The check is sound, not complete: a contradiction that needs two
// different values of the variables (f(x) = 0 and f(x + 1) = 1 for every
// x) is not found, and the search then runs to its time limit.

const (
	realizableHarness = "vsynth_realizable"
	// realizablePairs bounds the invocation pairs whose equal arguments
	// force equal outputs in the harness; beyond it, pairs are left out,
	// which only weakens the check (any witness found stays valid).
	realizablePairs   = 256
	realizableTimeout = 10 * time.Second
)

// realizable returns the problem's Realizable function.
func (p *Problem) realizable(prover *synth.Prover) func(ctx context.Context) ([]uint64, error) {
	types := make([]synth.Type, len(p.Vars))
	for i, v := range p.Vars {
		types[i] = v.Type
	}
	return func(ctx context.Context) ([]uint64, error) {
		files := []ssa.SourceFile{{Name: "/vsynth-sygus/sygus/realizable.go", Src: []byte(p.RealizableSource())}}
		return prover.Unrealizable(ctx, "vsynth.sygus/sygus", files, realizableHarness, len(p.Invocations), types, realizableTimeout)
	}
}

// RealizableSource is the Go package whose function vsynth_realizable,
// given the declared variables and one output per invocation, returns
// whether those outputs can be a function's (equal arguments, equal
// outputs; narrow bit vectors in range) and meet the constraints.
func (p *Problem) RealizableSource() string {
	var b strings.Builder
	outs, all := p.harnessHeader(&b)
	b.WriteString("func " + realizableHarness + "(")
	for i, v := range all {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", v.Name, v.Type.GoName())
	}
	b.WriteString(") bool {\n")
	var conds []string
	if !p.Result.Bool && !p.Result.Native() {
		for _, o := range outs {
			conds = append(conds, fmt.Sprintf("%s <= %#x", o.Name, p.Result.Mask()))
		}
	}
	terms := []*synth.Term{p.Constraint}
	var argFuncs []string
	written := map[string]bool{}
	argCall := func(k, j int) string {
		name := fmt.Sprintf("vsynth_arg%d_%d", k, j)
		if !written[name] {
			written[name] = true
			argFuncs = append(argFuncs, synth.GoFunc(name, p.Vars, p.Params[j].Type, p.Invocations[k][j]))
			terms = append(terms, p.Invocations[k][j])
		}
		return name + "(" + varNames(p.Vars) + ")"
	}
	conds = append(conds, p.functional(argCall)...)
	args := varNames(all)
	conds = append(conds, "vsynth_spec("+args+")")
	fmt.Fprintf(&b, "\treturn %s\n}\n\n", strings.Join(conds, " &&\n\t\t"))
	b.WriteString(synth.GoFunc("vsynth_spec", all, synth.BoolType, p.Constraint))
	for _, f := range argFuncs {
		b.WriteString("\n" + f)
	}
	b.WriteString("\n" + synth.GoHelpers(terms...))
	return b.String()
}

// functional lists the conditions that make the outputs a function's:
// o_i == o_j for invocations whose arguments are the same constants, and
// (arguments differ || o_i == o_j) for pairs whose arguments depend on
// the variables (at most realizablePairs of them). Invocations with
// different constant arguments are independent.
func (p *Problem) functional(argCall func(k, j int) string) []string {
	ground := make([]bool, len(p.Invocations))
	keys := make([]string, len(p.Invocations))
	for k, args := range p.Invocations {
		ground[k] = true
		var vals []string
		for _, a := range args {
			if !isGround(a) {
				ground[k] = false
				break
			}
			v, _ := synth.EvalTerm(a, nil) // SMT-LIB operators are total
			vals = append(vals, fmt.Sprint(v))
		}
		keys[k] = strings.Join(vals, ",")
	}
	var conds []string
	first := map[string]int{}
	for k := range p.Invocations {
		if !ground[k] {
			continue
		}
		if j, ok := first[keys[k]]; ok {
			conds = append(conds, fmt.Sprintf("o%d == o%d", j, k))
			continue
		}
		first[keys[k]] = k
	}
	pairs := 0
	for i := range p.Invocations {
		for j := i + 1; j < len(p.Invocations); j++ {
			if ground[i] && ground[j] {
				continue
			}
			if pairs++; pairs > realizablePairs {
				return conds
			}
			var differ []string
			for a := range p.Invocations[i] {
				differ = append(differ, argCall(i, a)+" != "+argCall(j, a))
			}
			differ = append(differ, fmt.Sprintf("o%d == o%d", i, j))
			conds = append(conds, "("+strings.Join(differ, " || ")+")")
		}
	}
	return conds
}

// isGround reports whether t mentions no variable.
func isGround(t *synth.Term) bool {
	if t.Op == synth.OpParam {
		return false
	}
	for _, a := range t.Args {
		if !isGround(a) {
			return false
		}
	}
	return true
}
