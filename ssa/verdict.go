package ssa

import (
	"github.com/vsynth/vsynth/smt"
	"go/token"
	"time"
)

// Verdict is the outcome of verifying a function or one obligation.
type Verdict string

const (
	Proved      Verdict = "proved"      // Z3 proved every obligation
	Failed      Verdict = "failed"      // an obligation is refuted: see the counterexample
	Unknown     Verdict = "unknown"     // the solver gave up (timeout, resource limit, incomplete)
	Unsupported Verdict = "unsupported" // the function uses a construct vsynth does not model
)

// FuncResult is the verdict on one function and its obligations.
type FuncResult struct {
	Target      *Target
	Verdict     Verdict
	Reason      string    // why, for unknown and unsupported
	ReasonPos   token.Pos // the unsupported construct
	Obligations []*ObligationResult
	Relies      []*Target // functions whose contracts the proof used in place of their bodies
	// Assumptions are the //vsynth:assume lines the proof rests on: the
	// function's own and those of the contracts it relies on (ghost.go).
	Assumptions []Assumption
	// ClosedWorld says where the proof resolved interface values over the
	// dynamic types of the loaded packages (ifaces.go): a caller outside
	// them that passes another type is not covered.
	ClosedWorld []string
	// Total says the function is proved and terminates (termination.go);
	// Partial says why not, for a function that is not.
	Total    bool
	Partial  string
	partial  []string
	Inferred []InferredLoop // with Options.Infer: the invariants inferred for loops without any, when the proof used them
	Infer    time.Duration  // with Options.Infer: inferring invariants (included in Time)
	Vacuous  string         // with Options.CheckVacuity: why the proof holds only vacuously ("" when it does not)
	Lower    time.Duration  // lowering to SMT
	Solve    time.Duration  // in the solver
	Time     time.Duration  // everything for this function

	bounded time.Duration // of Lower and Solve: bounded model checking after a failed inductive proof (bmc.go)
}

// Counterexample returns the counterexample of the first refuted obligation.
func (r *FuncResult) Counterexample() (*ObligationResult, *Counterexample) {
	for _, o := range r.Obligations {
		if o.Verdict == Failed {
			return o, o.Counterexample
		}
	}
	return nil, nil
}

// ObligationResult is the verdict on one obligation.
type ObligationResult struct {
	Kind           ObligationKind
	Clause         string // the spec clause, for spec obligations
	Of             string // "requires" or "ensures": the kind of clause Clause is
	Pos            token.Pos
	Via            []token.Pos // call sites through which an inlined obligation arose
	Verdict        Verdict
	Reason         string // for unknown
	Counterexample *Counterexample
	// Confirmation says whether compiled Go reproduced the counterexample
	// (Confirm): Confirmed for a failed obligation, Refused for one made
	// unknown because Go did not reproduce it (Counterexample is then the
	// one that did not reproduce).
	Confirmation Confirmation
	CrossCheck   string // with --cross-check, for a proved obligation: the second solver's answer
	// DecidedBy, under a solver that combines others (smt.DecidedBy: a
	// portfolio), names the one that decided the obligation's query.
	DecidedBy string
	Cached    bool // answered from Options.Cache
	// Unrolled, for a counterexample found by bounded model checking
	// after the inductive proof of the check failed (bmc.go), is the
	// bound every loop was unrolled to.
	Unrolled int
	// Searched, for a check whose inductive proof failed and that
	// bounded model checking did not refute, says what was searched.
	Searched string
	Time     time.Duration

	beyond    *beyondSite // for an unconfirmed refutation: the loop its model runs past the bound (beyond.go)
	exhausted bool        // unknown because its reduction exceeded the budget of terms
	// fromInvariants: unknown because the query rests on a loop state the
	// invariants allow (bmc.go searches for a real counterexample).
	fromInvariants bool
}

// Counterexample is a concrete input on which the function violates its
// spec, with what the function does there.
type Counterexample struct {
	// msetOpen, when set, says why the model's multisets are not those of
	// its slices (spec_seq.go): the counterexample is not one.
	msetOpen  string
	msetSteer *smt.Term // what the codes would be for the model's multisets

	Inputs []Binding // one per parameter, receiver first
	// Globals are the package-level variables the function or its
	// contract reads, with their values on entry (globals.go).
	Globals []Binding
	Outputs []Binding // the results, when the function returns
	Panic   string    // the panic, when the violation is a panic
	// State, for an invariant that is not preserved, is the state at the
	// loop head (satisfying the invariants) from which one iteration
	// breaks it. The loop need not reach that state from Inputs.
	State []Binding
	// Aliases lists the pairs of inputs whose memory overlaps (parameters,
	// or what they point to: p.Next, s[1]): they must share memory.
	Aliases [][2]string
	// Unshown names the values that could not be written as Go
	// expressions, each with why (on a cycle, too deep, too many
	// elements, another package's unexported field not zero). A refuted
	// obligation never has them: such a counterexample makes the
	// obligation unknown, with Unshown in its reason (cexvalue.go).
	Unshown []string
	// MapOrder is set when the function ranges over a map: the run the
	// counterexample describes takes an order of iteration the solver
	// chose, which Go's runtime takes at random, so a replay runs the
	// function repeatedly until it does (confirm.go).
	MapOrder bool `json:",omitempty"`
	// FuncWrites is set when the run calls the unknown function of a
	// function-typed parameter (funcparam.go): the model chose what the
	// call writes, and the function literal the counterexample gives it
	// writes nothing, so a replay that does not reproduce the run may
	// differ there (the verdict is then unknown, with that reason).
	FuncWrites bool `json:",omitempty"`
}

// Binding is a named value written as a Go literal.
type Binding struct {
	Name  string
	Value string
}
