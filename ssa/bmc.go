package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"time"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/specs"
)

// Counterexamples after a failed inductive proof. A loop with invariants
// is lowered from an arbitrary state its invariants allow (loop_lower.go),
// so an obligation refuted there may rest on a state no input reaches:
// such an obligation is unknown ("not provable from the invariants"), and
// a broken invariant-preserved shows only a loop state. The bug may be
// real all the same. Before giving up, the function is lowered again with
// every loop unrolled from the entry — loops with invariants included,
// up to the same bound as loops without (Options.Unroll) — and the checks
// whose inductive proof failed are decided there (bounded model
// checking). The invariants are checked at every head the unrolled
// function reaches (invariant-entry at the first, invariant-preserved at
// the later ones) and assumed after it, as in the replay program, whose
// instrumented loops panic when an invariant is false: a model is a run
// of the function from its inputs on which every invariant held until
// the refuted check, and its counterexample is confirmed in compiled Go
// like any other. Paths past the bound are cut, so finding nothing proves
// nothing: the obligation stays unknown, with the bound searched.

// checkKey identifies a source-level check across lowerings: the copies
// of a check made by unrolling and inlining share it.
type checkKey struct {
	kind   ObligationKind
	pos    token.Pos
	clause string
}

func keyOf(o *Obligation) checkKey { return checkKey{o.Kind, o.Pos, o.Clause} }

// unrolledOutcome is what bounded model checking found for one check.
type unrolledOutcome struct {
	// Refuted is the first copy refuted, with its counterexample (nil
	// when none was).
	Refuted *ObligationResult
	// Inconclusive says why the search stopped before deciding every
	// copy ("" when every copy was decided, or one was refuted).
	Inconclusive string
}

// unrolledRun is the result of refuteByUnrolling.
type unrolledRun struct {
	Bound    int
	Outcomes map[checkKey]*unrolledOutcome // one per check asked for that the unrolled function has
	Lower    time.Duration
	Solve    time.Duration
	// Unsupported, when set, is why the function could not be lowered
	// with its loops unrolled: nothing was decided.
	Unsupported string
}

// refuteByUnrolling lowers t with every loop unrolled up to the bound
// (opts.Unroll, or DefaultUnroll) and decides, on solver s, the copies of
// the checks for which want holds, in lowering order (the earliest
// iterations first), until one copy of each is refuted or one cannot be
// decided. want nil asks for every check but the unwinding ones, which
// bounded model checking has no use for.
func (p *Program) refuteByUnrolling(ctx context.Context, s smt.Solver, t *Target, opts Options, want func(checkKey) bool) (*unrolledRun, error) {
	bound := opts.Unroll
	if bound <= 0 {
		bound = DefaultUnroll
	}
	run := &unrolledRun{Bound: bound, Outcomes: map[checkKey]*unrolledOutcome{}}
	start := time.Now()
	vc, err := p.lowerWith(ctx, t, bound, opts.maxTerms(), p.loopSpec, true)
	run.Lower = time.Since(start)
	var u *UnsupportedError
	switch {
	case errors.As(err, &u):
		run.Unsupported = u.What
		return run, nil
	case p.budgetReason(ctx, err) != "":
		run.Unsupported = p.budgetReason(ctx, err)
		return run, nil
	case err != nil:
		return nil, fmt.Errorf("bounded model checking: %w", err)
	}
	for k, why := range vc.lowering.unchecked {
		if want == nil || want(k) {
			run.Outcomes[k] = &unrolledOutcome{Inconclusive: why}
		}
	}
	for _, o := range vc.Obligations {
		k := keyOf(o)
		if o.Kind == Unwinding || want != nil && !want(k) {
			continue
		}
		out := run.Outcomes[k]
		if out == nil {
			out = &unrolledOutcome{}
			run.Outcomes[k] = out
		}
		if out.Refuted != nil || out.Inconclusive != "" {
			continue
		}
		or, err := p.decideCached(ctx, s, vc, o, opts)
		o.release()
		if err != nil {
			return nil, fmt.Errorf("bounded model checking: %s obligation at %s: %w", o.Kind, p.Fset.Position(o.Pos), err)
		}
		run.Solve += or.Time
		switch or.Verdict {
		case Failed:
			or.Unrolled = bound
			out.Refuted = or
		case Unknown:
			out.Inconclusive = or.Reason
		}
		if or.exhausted {
			break
		}
	}
	return run, nil
}

// afterInductiveFailure runs bounded model checking for the checks of r
// whose inductive proof failed: an unknown obligation whose query rests
// on a loop's arbitrary state, and an invariant-preserved obligation
// refuted only by a loop state. A check refuted from the entry takes the
// unrolled counterexample; one that is not says what was searched.
func (p *Program) afterInductiveFailure(ctx context.Context, s smt.Solver, t *Target, r *FuncResult, opts Options) error {
	want := map[checkKey]bool{}
	for _, or := range r.Obligations {
		if inductiveFailure(or) {
			want[checkKey{or.Kind, or.Pos, or.Clause}] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	run, err := p.refuteByUnrolling(ctx, s, t, opts, func(k checkKey) bool { return want[k] })
	if err != nil {
		return err
	}
	r.Lower += run.Lower
	r.Solve += run.Solve
	r.bounded = run.Lower + run.Solve
	replaced := map[checkKey]bool{}
	for i, or := range r.Obligations {
		k := checkKey{or.Kind, or.Pos, or.Clause}
		if !inductiveFailure(or) || replaced[k] {
			continue
		}
		out := run.Outcomes[k]
		switch {
		case out != nil && out.Refuted != nil:
			ref := out.Refuted
			ref.Time += or.Time
			r.Obligations[i] = ref
			replaced[k] = true
			continue
		case run.Unsupported != "":
			or.Searched = "no bounded search from the entry: " + run.Unsupported
		case out == nil:
			// The unrolled function has no copy of the check: the bound
			// cuts every path to it.
			or.Searched = fmt.Sprintf("no counterexample by unrolling every loop up to %d iterations (no path within the bound reaches this check)", run.Bound)
		case out.Inconclusive != "":
			or.Searched = fmt.Sprintf("bounded search from the entry (every loop unrolled up to %d iterations) inconclusive: %s", run.Bound, out.Inconclusive)
		default:
			or.Searched = fmt.Sprintf("no counterexample by unrolling every loop up to %d iterations", run.Bound)
		}
		if or.Verdict == Unknown {
			or.Reason += "; " + or.Searched
		}
	}
	return nil
}

// inductiveFailure reports whether or is a check whose inductive proof
// failed: unknown because its query rests on a loop's arbitrary state,
// or invariant-preserved refuted from a loop state.
func inductiveFailure(or *ObligationResult) bool {
	switch or.Verdict {
	case Unknown:
		return or.fromInvariants
	case Failed:
		return or.Kind == InvariantPreserved && or.Counterexample != nil && len(or.Counterexample.State) > 0
	}
	return false
}

// reachedCheck is the check of a loop's invariants at one head of the
// unrolled loop, completed once the head is lowered (settleReached).
type reachedCheck struct {
	obligations []*Obligation
	fact        int       // index in lowering.facts of head => invariants
	head        *smt.Term // the head is reached
	holds       *smt.Term // the invariants hold there
	k           int       // the iteration
}

// checkReached records, in bounded model checking, that the invariants
// of lp hold at its head in iteration k (reached under head, with memory
// mem, the state in c): invariant-entry for the first head, and
// invariant-preserved for the later ones; and, as a fact the obligations
// lowered after it assume, that they hold whenever the head is reached.
// That is what the replay program does, which panics where an invariant
// is false: a model is then a run the replay follows to the refuted
// check. Only the heads the replay checks are checked (replayChecks).
func (f *frame) checkReached(lp *loop, c *scope, spec *specs.Loop, k int, head *smt.Term, mem memory) (*reachedCheck, error) {
	if why := replayChecks(lp); why != "" {
		if f.l.unchecked == nil {
			f.l.unchecked = map[checkKey]string{}
		}
		for _, cl := range spec.Clauses {
			for _, kind := range []ObligationKind{InvariantEntry, InvariantPreserved} {
				f.l.unchecked[checkKey{kind, cl.Pos, cl.Text}] = why
			}
		}
		return nil, nil
	}
	holds, err := f.invariants(lp, c, spec, mem)
	if err != nil {
		return nil, err
	}
	kind := InvariantEntry
	if k > 0 {
		kind = InvariantPreserved
	}
	rc := &reachedCheck{head: head, holds: smt.And(holds...), k: k}
	for i, cl := range spec.Clauses {
		o := &Obligation{
			Kind: kind, Pos: cl.Pos, Clause: cl.Text, Of: "invariant",
			Guard: head, Goal: holds[i],
			Via: append([]token.Pos(nil), f.l.via...),
		}
		rc.obligations = append(rc.obligations, o)
		f.l.obligations = append(f.l.obligations, o)
	}
	rc.fact = len(f.l.facts)
	f.l.facts = append(f.l.facts, loopFact{smt.Implies(head, rc.holds), len(f.l.obligations)})
	return rc, nil
}

// settleReached completes rc once the head of its iteration c is
// lowered. The replay checks a range loop over a sequence before it and
// at the start of each iteration, not at the head that ends the loop
// (confirm_instrument.go): after the first head, the check and the fact
// are limited to the heads from which control goes on into the body.
func (f *frame) settleReached(lp *loop, c *scope, rc *reachedCheck) error {
	if rc == nil || rc.k == 0 {
		return nil
	}
	if phi, next := rangeCounter(lp); (phi == nil || next != 1) && stringNext(lp) == nil {
		return nil
	}
	cont, err := f.intoBody(lp, c)
	if err != nil {
		return err
	}
	for _, o := range rc.obligations {
		o.Guard = smt.And(o.Guard, cont)
	}
	f.l.facts[rc.fact].fact = smt.Implies(smt.And(rc.head, cont), rc.holds)
	return nil
}

// intoBody is the condition under which control goes from the head of
// lp, lowered in iteration c, into the body.
func (f *frame) intoBody(lp *loop, c *scope) (*smt.Term, error) {
	h := lp.header
	var es []*smt.Term
	for _, succ := range h.Succs {
		if !lp.contains(succ) {
			continue
		}
		for k, p := range succ.Preds {
			if p != h {
				continue
			}
			e, err := f.edge(incoming{c, h, k}, succ)
			if err != nil {
				return nil, err
			}
			es = append(es, e)
		}
	}
	return smt.Or(es...), nil
}

// replayChecks says why the replay program does not check the invariants
// of lp, or returns "" when it checks them at every head: it checks a
// for loop before its condition (at the start of the body without one),
// and a range loop whose key is declared with := (instrumentInvariants).
func replayChecks(lp *loop) string {
	switch s := lp.stmt.(type) {
	case *ast.RangeStmt:
		if key, ok := s.Key.(*ast.Ident); !ok || s.Tok != token.DEFINE || key.Name == "_" {
			return "the replay checks the invariants of a range loop only when its key is declared with :="
		}
	}
	return ""
}
