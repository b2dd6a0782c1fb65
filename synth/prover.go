package synth

import (
	"context"
	"fmt"
	"go/token"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/ssa"
)

// Prover proves candidates through package ssa's in-memory load path: the
// same go/ssa lowering and Z3 queries as vsynth prove.
type Prover struct {
	Limits smt.Limits // per obligation

	once sync.Once
	fset *token.FileSet
	imp  *ssa.SourceImporter
}

func (p *Prover) init() {
	p.once.Do(func() {
		p.fset = token.NewFileSet()
		p.imp = ssa.NewSourceImporter(p.fset)
	})
}

// Load type-checks a package given as source and builds its SSA form.
func (p *Prover) Load(pkgPath string, files []ssa.SourceFile) (*ssa.Program, error) {
	p.init()
	return ssa.LoadSource(p.fset, p.imp, pkgPath, files)
}

// ProveFunc loads files and proves the function called name against its
// //vsynth: contract. For a refuted contract, it returns the
// counterexample's inputs read as bit patterns of types.
func (p *Prover) ProveFunc(ctx context.Context, pkgPath string, files []ssa.SourceFile, name string, types []Type) (*Check, error) {
	prog, err := p.Load(pkgPath, files)
	if err != nil {
		return nil, err
	}
	t := findTarget(prog, name)
	if t == nil {
		return nil, fmt.Errorf("no function %s with a contract in the generated code", name)
	}
	results, err := prog.Prove(ctx, []*ssa.Target{t}, ssa.Options{Limits: p.Limits, Jobs: 1, NewSolver: NewZ3Solver})
	if err != nil {
		return nil, err
	}
	r := results[0]
	switch r.Verdict {
	case ssa.Proved:
		return &Check{Verdict: CheckProved}, nil
	case ssa.Failed:
		ob, cex := r.Counterexample()
		if cex == nil || len(cex.Inputs) != len(types) {
			return &Check{Verdict: CheckFailed}, nil
		}
		vals, err := parseBindings(cex.Inputs, types)
		if err != nil {
			return nil, err
		}
		c := &Check{Verdict: CheckFailed, Cex: vals, Violated: violated(ob)}
		switch {
		case cex.Panic != "":
			c.Returned = "panic: " + cex.Panic
		case len(cex.Outputs) == 1:
			c.Returned = cex.Outputs[0].Value
		}
		return c, nil
	case ssa.Unsupported:
		return &Check{Verdict: CheckUnsupported, Reason: r.Reason}, nil
	}
	return &Check{Verdict: CheckUnknown, Reason: r.Reason}, nil
}

// violated says which clause or implicit check an obligation is.
func violated(ob *ssa.ObligationResult) string {
	switch {
	case ob == nil:
		return ""
	case ob.Clause != "":
		return ob.Of + " " + ob.Clause
	}
	return fmt.Sprint(ob.Kind)
}

func findTarget(prog *ssa.Program, name string) *ssa.Target {
	for _, t := range prog.Targets {
		if t.Func != nil && t.Func.Name() == name {
			return t
		}
	}
	return nil
}

// parseBindings reads counterexample values (Go literals) as bit patterns.
func parseBindings(bs []ssa.Binding, types []Type) ([]uint64, error) {
	out := make([]uint64, len(bs))
	for i, b := range bs {
		switch b.Value {
		case "true":
			out[i] = 1
			continue
		case "false":
			continue
		}
		v, ok := new(big.Int).SetString(b.Value, 0)
		if !ok {
			return nil, fmt.Errorf("counterexample value %s = %q is not an integer", b.Name, b.Value)
		}
		m := new(big.Int).SetUint64(types[i].mask())
		out[i] = new(big.Int).And(v, m).Uint64() // two's complement of negatives
	}
	return out, nil
}

// NewZ3Solver starts a bit-vector Z3 solver on a context of its own.
func NewZ3Solver() (smt.Solver, error) { return z3.NewStandaloneSolver() }

// SpecTerm lowers the contract of the harness function name (whose last
// parameter stands for the synthesized function's result and which
// returns it) and returns the spec as a Bool term over the parameters:
// requires ==> ensures, with the parameter variables in order.
func (p *Prover) SpecTerm(pkgPath string, files []ssa.SourceFile, name string) (*smt.Term, []*smt.Term, error) {
	prog, err := p.Load(pkgPath, files)
	if err != nil {
		return nil, nil, err
	}
	t := findTarget(prog, name)
	if t == nil {
		return nil, nil, fmt.Errorf("no harness %s", name)
	}
	vc, err := prog.Lower(t)
	if err != nil {
		return nil, nil, err
	}
	var goals []*smt.Term
	for _, o := range vc.Obligations {
		if o.Kind == ssa.Ensures {
			goals = append(goals, o.Goal)
		}
	}
	return smt.Implies(vc.Pre, smt.And(goals...)), vc.Params, nil
}

// termSpec screens with a compiled spec term over (vars..., outs...) for
// a single invocation at the variables themselves.
type termSpec struct {
	eval compiled
}

func (s *termSpec) Points(env []uint64) [][]uint64 { return [][]uint64{env} }

func (s *termSpec) Holds(env []uint64, outs []uint64) bool {
	full := append(append(make([]uint64, 0, len(env)+len(outs)), env...), outs...)
	return s.eval(full) == 1
}

// acceptAll is the screen when the spec cannot be evaluated concretely:
// every candidate goes to the verifier.
type acceptAll struct{}

func (acceptAll) Points(env []uint64) [][]uint64      { return [][]uint64{env} }
func (acceptAll) Holds(env []uint64, _ []uint64) bool { return true }

// unrealizable asks Z3 for an input x such that no output r meets
// spec(x, r): the witness that no function can meet the spec.
func unrealizable(ctx context.Context, spec *smt.Term, inputs []*smt.Term, out *smt.Term, types []Type, timeout time.Duration) ([]uint64, error) {
	s, err := NewZ3Solver()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := s.Assert(smt.Forall([]*smt.Term{out}, smt.Not(spec))); err != nil {
		return nil, err
	}
	res, err := s.Check(ctx, smt.Limits{Timeout: timeout})
	if err != nil || res != smt.Sat {
		return nil, err
	}
	m, err := s.Model()
	if err != nil {
		return nil, err
	}
	w := make([]uint64, len(inputs))
	for i, in := range inputs {
		v, err := m.Eval(in)
		if err != nil {
			return nil, err
		}
		if v.Sort().IsBool() {
			w[i] = b2u(v.BoolValue())
		} else {
			w[i] = v.Value().Uint64() & types[i].mask()
		}
	}
	return w, nil
}

// FormatValue writes a bit pattern of type t as a Go literal.
func FormatValue(v uint64, t Type) string {
	if t.Bool {
		return fmt.Sprint(v != 0)
	}
	if t.Signed {
		return fmt.Sprint(t.sext(v))
	}
	return fmt.Sprint(v)
}

// FormatInputs writes an input as name=value pairs.
func FormatInputs(vars []Param, vals []uint64) string {
	var parts []string
	for i, v := range vars {
		if i < len(vals) {
			parts = append(parts, v.Name+" = "+FormatValue(vals[i], v.Type))
		}
	}
	return strings.Join(parts, ", ")
}
