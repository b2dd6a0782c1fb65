package ssa

import "github.com/vsynth/vsynth/smt"

// maxAckermannReads bounds the reads of one array that the reduction to
// bit vectors takes on: it adds a constraint per pair.
const maxAckermannReads = 200

// reduce makes the array-free forms of o's prepared query: a
// quantifier-free formula that decides it (when it has no quantifiers)
// or proves it (its weakening, otherwise). It runs when o is decided,
// not when it is lowered, so that only the obligation being decided
// holds its reduction in memory, and its work is bounded by budget b:
// the error is a *smt.BudgetError when the reduction would exceed
// b.MaxTerms terms or b.Ctx ends, and o is then decided by nothing (its
// verdict is unknown, with the error as the reason).
func (o *Obligation) reduce(b smt.Budget) error {
	if o.reducedOnce {
		return nil
	}
	o.reducedOnce = true
	if b.Ctx != nil && b.Ctx.Err() != nil {
		return &smt.BudgetError{Pass: "eliminating arrays", Max: b.MaxTerms, Err: b.Ctx.Err()}
	}
	q := o.Query()
	if !o.quantified || !termHasQuantifier(q) {
		// Decided exactly on the reduction; counterexamples are read
		// through the reads it remembers.
		g, reads, ok, err := smt.EliminateArraysWithin(q, arrayReadPrefix, maxAckermannReads, b)
		if err != nil {
			return err
		}
		if ok && g != q {
			o.reduced, o.reads = g, reads
			if smt.HasLambda(q) {
				// Reads through range copies (copy, append) compare
				// addresses like (a - dst) + src: settled here when they
				// differ by a constant, rather than by the solver's adders.
				o.reduced = smt.NormalizeSums(g)
			}
		}
		return nil
	}
	ground := weaken(q)
	if termHasQuantifier(ground) {
		return nil
	}
	g, _, ok, err := smt.EliminateArraysWithin(ground, arrayReadPrefix, maxAckermannReads, b)
	if err != nil {
		return err
	}
	if ok {
		ground = g
	}
	o.weak = ground
	return nil
}

// release drops the reduction of a decided obligation.
func (o *Obligation) release() { o.reduced, o.weak, o.reads, o.reducedOnce = nil, nil, nil, false }
