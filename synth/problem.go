package synth

import (
	"context"
	"time"
)

// Param is a named, typed parameter or spec variable.
type Param struct {
	Name string
	Type Type
}

// Problem is one function to synthesize.
type Problem struct {
	Name    string  // for reports: package.Func or the SyGuS function
	Params  []Param // the function's parameters
	Result  Type
	Grammar *Grammar
	// ConstExprs allows subterms without parameters (see Enumerator).
	ConstExprs bool
	// Vars are the variables the spec quantifies over; Spec evaluates it.
	// Spec may be nil: then every candidate goes to the verifier.
	Vars []Param
	Spec Spec
	// Verify proves a candidate through the trusted path (Go rendering,
	// go/ssa lowering, Z3).
	Verify func(ctx context.Context, t *Term) (*Check, error)
	// Realizable, when set, asks the solver for an input at which no
	// output meets the spec; it returns that input, or nil.
	Realizable func(ctx context.Context) (witness []uint64, err error)
	// Reference, when set, is a term of the grammar that the spec itself
	// suggests (f(x) = ref(x)): a candidate to prove before searching.
	Reference *Term
	// SpecTerms are the terms the spec is written with (SyGuS: the
	// constraint, define-funs expanded), when known: a component library
	// may derive the operators they use that the grammar lacks.
	SpecTerms []*Term
	// Examples, when set, says the spec is exactly these input/output
	// examples (programming by example): with a conditional in the
	// grammar, the search learns decision trees over them (see
	// solvePBE). Spec and Verify still judge every candidate.
	Examples []Example
	// GoName and Contract describe the problem to a language model (see
	// package synth/llm): the Go function's name and the spec's clauses
	// as //vsynth: directives. Problems without them (SyGuS) cannot be
	// given to one.
	GoName   string
	Contract []string
}

// Spec evaluates a specification concretely: the screen that candidates
// pass before they are proved.
type Spec interface {
	// Points are the argument tuples at which the spec invokes the
	// function when its variables are env.
	Points(env []uint64) [][]uint64
	// Holds reports whether the spec holds at env when the invocations
	// return outs (one per point, in order).
	Holds(env []uint64, outs []uint64) bool
}

// CheckVerdict is what the verifier says about one candidate.
type CheckVerdict string

const (
	CheckProved      CheckVerdict = "proved"
	CheckFailed      CheckVerdict = "failed"
	CheckUnknown     CheckVerdict = "unknown"
	CheckUnsupported CheckVerdict = "unsupported"
)

// Check is the verifier's answer on one candidate.
type Check struct {
	Verdict CheckVerdict
	Cex     []uint64 // for failed: the spec variables of a counterexample
	Reason  string
	// For failed, when the verifier says: the clause (or implicit check)
	// violated and what the candidate did there (its result as a Go
	// literal, or its panic).
	Violated string
	Returned string
}

// Verdict is the outcome of synthesizing one function.
type Verdict string

const (
	Solved     Verdict = "solved"     // a program proved by Z3
	Unsolved   Verdict = "unsolved"   // none found in the budget
	Unknown    Verdict = "unknown"    // the verifier could not decide the candidates found
	Infeasible Verdict = "infeasible" // no program of the grammar meets the spec
	Unsat      Verdict = "unsat"      // no function at all meets the spec (see Witness)
)

// Result is the outcome of one strategy on one problem.
type Result struct {
	Verdict    Verdict
	Term       *Term // for solved
	Size       int
	Strategy   string
	Minimal    bool     // every smaller program of the grammar was ruled out
	Witness    []uint64 // for unsat: an input no output can satisfy
	Reason     string
	Candidates int64 // terms built and evaluated by the enumerator
	Pruned     int64 // terms skipped by rule pruning (not in Candidates)
	Proofs     int   // candidates sent to the verifier
	Inputs     int   // inputs at the end (seeds and counterexamples)
	Time       time.Duration
	// LLMCalls and LLMRejected are set by strategies that ask a language
	// model (package synth/llm): requests sent (retries included) and the
	// model's candidates rejected, by reason (parse, signature, grammar,
	// type, refuted, unknown). LLMError is the model's failure when the
	// search carried on without it.
	LLMCalls    int
	LLMRejected map[string]int
	LLMError    string
}

// Budget bounds one strategy run.
type Budget struct {
	Timeout  time.Duration // whole run
	MaxSize  int           // largest program size
	MaxTerms int           // terms kept by the enumerator
	// MaxMemory bounds the memory of the enumerator's kept terms, in
	// bytes, as estimated by TermBytes (0: DefaultMaxMemory). Past it the
	// search ends with "memory budget reached"; it never grows.
	MaxMemory int
	// Improve bounds the search for a smaller program once one is proved
	// (0: until Timeout).
	Improve time.Duration
	Workers int
}

// DefaultMaxMemory is the enumerator's memory budget when
// Budget.MaxMemory is 0. The process's peak resident memory when a
// search reaches it was measured at 1.04 to 1.23 times the budget (the
// garbage collector's headroom, the runtime, the proofs), under 1.3 GB
// (docs/benchmarks.md, "Memory of the plain search").
const DefaultMaxMemory = 1 << 30

// memory is the budget's memory bound for the enumerator's terms.
func (b Budget) memory(def int) int {
	if b.MaxMemory > 0 {
		return b.MaxMemory
	}
	return def
}

// Strategy is one way to search for a program: the seam for more
// strategies (LLM-guided, rule-based) besides the enumerator.
type Strategy interface {
	Name() string
	Solve(ctx context.Context, p *Problem, b Budget) (*Result, error)
}
