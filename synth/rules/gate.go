package rules

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/ssa"
)

// Verdict is the gate's answer on a rule.
type Verdict string

const (
	Proved  Verdict = "proved"  // equivalent at every type of the domain
	Failed  Verdict = "failed"  // refuted at some type, or vacuous
	Unknown Verdict = "unknown" // not refuted, but not proved at some type
)

// TypeResult is the verdict on a rule at one type.
type TypeResult struct {
	Type    Type
	Verdict Verdict
	Reason  string        // for unknown: the solver's reason, or the unsupported construct
	Inputs  []ssa.Binding // counterexample: holes then constants
	Left    ssa.Outcome   // the left side on Inputs
	Right   ssa.Outcome   // the right side on Inputs
	// CondSat says whether the condition holds for some constants at
	// this type (always true without a condition).
	CondSat bool
	Time    time.Duration
}

// Result is the verdict on a rule: failed when it is refuted at some type
// or its condition holds at none (vacuous), else unknown when some type
// is not proved, else proved.
type Result struct {
	Rule    *Rule
	Verdict Verdict
	Vacuous bool
	Types   []*TypeResult // in the order of Rule.Types
	Time    time.Duration // summed over the types
}

// CheckOptions control Check.
type CheckOptions struct {
	Limits    smt.Limits                 // per query; a timeout makes the type unknown
	Jobs      int                        // solvers in parallel; 0 means GOMAXPROCS
	NewSolver func() (smt.Solver, error) // nil means Z3
}

// DefaultLimits bound one query of the gate.
var DefaultLimits = smt.Limits{Timeout: 30 * time.Second}

// Check proves every rule at every type of its domain through the ssa
// package's lowering: for all holes and all constants satisfying the
// condition, the left side panics exactly when the right side does, and
// otherwise both give the same value. The error is for tool failures.
func Check(ctx context.Context, rules []*Rule, opts CheckOptions) ([]*Result, error) {
	if opts.NewSolver == nil {
		opts.NewSolver = NewZ3Solver
	}
	if opts.Limits == (smt.Limits{}) {
		opts.Limits = DefaultLimits
	}
	prog, err := ssa.LoadFile("rules.go", Render(rules))
	if err != nil {
		return nil, fmt.Errorf("rules: rendering as Go: %w", err)
	}
	type job struct{ rule, typ int }
	var jobs []job
	results := make([]*Result, len(rules))
	for i, r := range rules {
		results[i] = &Result{Rule: r, Types: make([]*TypeResult, len(r.Types))}
		for j := range r.Types {
			jobs = append(jobs, job{i, j})
		}
	}
	n := opts.Jobs
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	n = max(1, min(n, len(jobs)))
	next := make(chan job)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := opts.NewSolver()
			if err != nil {
				errs <- fmt.Errorf("rules: starting solver: %w", err)
				for range next {
				}
				return
			}
			defer s.Close()
			failed := false
			for jb := range next {
				if failed {
					continue
				}
				r := rules[jb.rule]
				tr, err := checkType(ctx, prog, s, jb.rule, r, r.Types[jb.typ], opts.Limits)
				if err != nil {
					errs <- fmt.Errorf("rules: %s at %s: %w", r.Name, r.Types[jb.typ].Name, err)
					failed = true
					continue
				}
				results[jb.rule].Types[jb.typ] = tr
			}
		}()
	}
	for _, jb := range jobs {
		next <- jb
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		return nil, err
	}
	for _, res := range results {
		settle(res)
	}
	return results, nil
}

// checkType decides rule i at type t.
func checkType(ctx context.Context, prog *ssa.SourceProgram, s smt.Solver, i int, r *Rule, t Type, lim smt.Limits) (*TypeResult, error) {
	start := time.Now()
	l, rh, c := funcNames(i, t)
	tr := &TypeResult{Type: t, CondSat: true}
	if r.Cond == nil {
		c = ""
	} else {
		v, _, err := prog.Satisfiable(ctx, s, c, lim)
		if err != nil {
			return nil, err
		}
		switch v {
		case ssa.Failed:
			tr.CondSat = false
		case ssa.Unknown, ssa.Unsupported:
			// Not known to be satisfiable: vacuity is decided on the
			// other types; the equivalence query still runs.
		}
	}
	er, err := equivalent(ctx, prog, s, l, rh, c, r, t, lim)
	if err != nil {
		return nil, err
	}
	switch er.Verdict {
	case ssa.Proved:
		tr.Verdict = Proved
	case ssa.Failed:
		tr.Verdict, tr.Inputs, tr.Left, tr.Right = Failed, er.Inputs, er.Left, er.Right
	case ssa.Unknown:
		tr.Verdict, tr.Reason = Unknown, "solver: "+er.Reason
	default:
		tr.Verdict, tr.Reason = Unknown, "unsupported: "+er.Reason
	}
	tr.Time = time.Since(start)
	return tr, nil
}

// settle combines the per-type verdicts.
func settle(res *Result) {
	res.Verdict = Proved
	anySat := false
	for _, tr := range res.Types {
		res.Time += tr.Time
		if tr.CondSat {
			anySat = true
		}
		switch tr.Verdict {
		case Failed:
			res.Verdict = Failed
		case Unknown:
			if res.Verdict == Proved {
				res.Verdict = Unknown
			}
		}
	}
	if !anySat {
		res.Vacuous = true
		res.Verdict = Failed
	}
}

// NewZ3Solver starts a Z3 bit-vector solver on a context of its own.
func NewZ3Solver() (smt.Solver, error) { return z3.NewStandaloneSolver() }

// SolverVersion names the solver the gate uses by default.
func SolverVersion() string { return "z3 " + z3.Version() }

// equivalent decides one rule at one type. When the condition admits few
// values of the constants (isPow2(C) admits W), it splits the query into
// one per value (at most W+1 of them) — with the constants fixed Z3 sees x * 8 rather than a
// symbolic multiplication — provided the enumeration of the values is
// complete; otherwise it asks the single query.
func equivalent(ctx context.Context, prog *ssa.SourceProgram, s smt.Solver, l, rh, c string, r *Rule, t Type, lim smt.Limits) (*ssa.EquivResult, error) {
	consts := r.Consts()
	if c == "" || len(consts) == 0 {
		return prog.Equivalent(ctx, s, l, rh, c, lim)
	}
	cases, complete, err := prog.Models(ctx, s, c, consts, t.Width+1, lim)
	if err != nil || !complete {
		if err != nil {
			return nil, err
		}
		return prog.Equivalent(ctx, s, l, rh, c, lim)
	}
	start := time.Now()
	out := &ssa.EquivResult{Verdict: ssa.Proved}
	for _, at := range cases {
		er, err := prog.EquivalentAt(ctx, s, l, rh, c, at, lim)
		if err != nil {
			return nil, err
		}
		switch er.Verdict {
		case ssa.Failed:
			er.Time = time.Since(start)
			return er, nil
		case ssa.Unknown, ssa.Unsupported:
			if out.Verdict == ssa.Proved {
				out.Verdict, out.Reason = er.Verdict, er.Reason
			}
		}
	}
	out.Time = time.Since(start)
	return out, nil
}
