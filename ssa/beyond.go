package ssa

import (
	"context"
	"fmt"
	"go/token"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Loops in functions called from clauses. Such a function is inlined into
// the clause with no obligations of its own (a clause has no place to
// report them), so a loop without invariants in it is unrolled and its
// paths past the bound are cut: the call does not return there, and the
// clause counts as undefined. That keeps such a clause from being proved
// when the loop may run longer, but a counterexample on a cut path is
// not one Go reproduces: Go would merely loop longer and could return a
// value that satisfies the clause.
//
// So the lowering records each cut (beyondSite: the loop and the condition
// under which control goes past its bound), and every obligation lowered
// after it carries it. A satisfiable query with cuts is decided again
// with the cuts ruled out (the goal widened by "some cut is reached"): a
// model of that runs every such loop within the bound, and is a real
// counterexample; if there is none, the obligation is unknown, naming the
// loop. An unsatisfiable query is proved as before: then no input reaches
// a cut where the clause matters. A cut inside a quantifier's body
// depends on the bound variable and cannot be ruled out outside it: its
// condition is true, so such an obligation is proved or unknown, never
// failed.

// beyondSite is a loop of a function called from a clause whose unrolled
// copies may not cover every iteration.
type beyondSite struct {
	pos   token.Pos
	fn    *gossa.Function
	bound int
	when  *smt.Term // control goes on into the body past the bound
	// recursion: the site is a call of a pure function past pureUnfold
	// nested calls of itself (pure.go), not a loop.
	recursion bool
}

// reached is the condition that some loop of o runs past its bound.
func (o *Obligation) reached() *smt.Term {
	var ws []*smt.Term
	for _, b := range o.beyond {
		ws = append(ws, b.when)
	}
	return smt.Or(ws...)
}

// decide checks one obligation, making sure that a counterexample does not
// rest on a loop in a function called from a clause running past its bound.
func (p *Program) decide(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options) (*ObligationResult, error) {
	or, err := p.decideQuery(ctx, s, vc, o, opts)
	if err != nil || len(o.beyond) == 0 || or.Verdict != Failed {
		return or, err
	}
	within := *o
	within.Goal = smt.Or(o.Goal, o.reached())
	within.beyond, within.prepared, within.quantified = nil, nil, false
	within.release()
	vc.lowering.prepare(&within, newTermScan(func(t *smt.Term) bool { return t.Op() == smt.OpForall || t.Op() == smt.OpExists }))
	again, err := p.decideQuery(ctx, s, vc, &within, opts)
	if err != nil {
		return nil, err
	}
	again.Time += or.Time
	if again.Verdict == Failed {
		return again, nil // a counterexample on which every such loop ends within the bound
	}
	b := or.beyond
	if b == nil {
		b = o.beyond[0]
	}
	again.Verdict, again.CrossCheck = Unknown, ""
	again.Reason = fmt.Sprintf("loop at %s in %s, called from a clause, may run more than %d iterations (raise --unroll)",
		p.Fset.Position(b.pos), b.fn.Name(), b.bound)
	if b.recursion {
		again.Reason = fmt.Sprintf("pure function %s, called from a clause, may recurse deeper than %d calls at %s (give it ensures clauses)",
			b.fn.Name(), b.bound, p.Fset.Position(b.pos))
	}
	return again, nil
}

// beyondHit is the first loop of o that the model of its satisfiable
// query on s runs past the bound, or nil.
func beyondHit(s smt.Solver, o *Obligation) (*beyondSite, error) {
	m, err := s.Model()
	if err != nil {
		return nil, err
	}
	if o.reads != nil {
		m = o.reads.Model(m)
	}
	for _, b := range o.beyond {
		v, err := m.Eval(b.when)
		if err != nil {
			return nil, fmt.Errorf("reading whether a loop runs past its bound: %w", err)
		}
		if v.IsTrue() {
			return b, nil
		}
	}
	return nil, nil
}
