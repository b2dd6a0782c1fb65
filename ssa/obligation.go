package ssa

import (
	"go/token"

	"github.com/vsynth/vsynth/smt"
)

// ObligationKind names what an obligation asks Z3 to prove.
type ObligationKind string

const (
	Ensures        ObligationKind = "ensures"         // a postcondition clause holds on every normal return
	DivideByZero   ObligationKind = "divide-by-zero"  // no reachable / or % by zero
	NegativeShift  ObligationKind = "negative-shift"  // no reachable shift by a negative count
	DivideOverflow ObligationKind = "divide-overflow" // math/bits.Div's quotient fits (y > hi)
	CarryDomain    ObligationKind = "carry-domain"    // math/bits.Add's carry and Sub's borrow are 0 or 1 (otherwise undefined)
	Panic          ObligationKind = "panic"           // no reachable explicit panic(...)
	WellDefined    ObligationKind = "well-defined"    // evaluating a spec clause does not panic
	CallRequires   ObligationKind = "call-requires"   // a called function's requires clause holds at the call
	Overflow       ObligationKind = "overflow"        // with --overflow or //vsynth:nooverflow: no integer operation wraps (overflow.go)
	PanicsWhen     ObligationKind = "panics"          // with //vsynth:panics: the function panics when its condition holds (panics.go)

	InvariantEntry     ObligationKind = "invariant-entry"     // a loop invariant holds when the loop is entered
	InvariantPreserved ObligationKind = "invariant-preserved" // one iteration from a state satisfying the invariants restores them
	Unwinding          ObligationKind = "unwinding"           // a loop without invariants runs no more iterations than it was unrolled for
)

// Obligation is one verification condition of a function: under Assume
// (the preconditions), whenever Guard holds, Goal must hold. It is proved
// when Assume ∧ Guard ∧ ¬Goal is unsatisfiable.
type Obligation struct {
	Kind   ObligationKind
	Pos    token.Pos // where the obligation arises: the clause or the operation
	Clause string    // the clause text for spec obligations
	Of     string    // "requires" or "ensures": the kind of clause Clause is
	Assume *smt.Term // what the obligation may assume: the requires clauses and valid lemmas
	Guard  *smt.Term // the path condition under which Goal is required
	Goal   *smt.Term
	Via    []token.Pos // call sites, outermost first, when the obligation comes from an inlined callee
	Bound  int         // for unwinding: the number of iterations unrolled
	Panic  string      // for an implicit panic: the start of Go's message

	// unknownWhy, for a dynamic-call obligation, is why the call cannot
	// be lowered: when the call is reachable the verdict is unknown with
	// this reason (ifaces_call.go).
	unknownWhy string

	// beyond lists the loops in functions called from clauses whose paths
	// past the unrolling bound the query may rest on (beyond.go).
	beyond []*beyondSite

	prepared *smt.Term
	weak     *smt.Term // a quantifier-free, array-free formula whose unsatisfiability proves the obligation
	reduced  *smt.Term // the quantifier-free query without arrays (equisatisfiable), decided in its place
	reads    *smt.ArrayReads
	// reducedOnce records that weak, reduced and reads were made (when
	// the obligation was decided: reduce.go).
	reducedOnce bool
	quantified  bool // the query had quantifiers before it was prepared
}

// Query is the formula whose unsatisfiability proves the obligation: with
// its quantifiers prepared for the solver (instantiate.go) once the
// obligation is complete.
func (o *Obligation) Query() *smt.Term {
	if o.prepared != nil {
		return o.prepared
	}
	return smt.And(o.Assume, o.Guard, smt.Not(o.Goal))
}
