package smt

import (
	"context"
	"fmt"
)

// Budget bounds the work of a pass over terms, so that a formula whose
// reduction would grow beyond what a solver could take (or what memory
// holds) ends the pass with an error rather than the process.
type Budget struct {
	// MaxTerms bounds the terms the pass creates; 0 means no bound.
	MaxTerms int
	// Ctx, if set, stops the pass once it is done.
	Ctx context.Context
}

// BudgetError reports a pass stopped by its budget: by its bound on
// terms, or by the end of its context (Err).
type BudgetError struct {
	Pass  string // what was stopped, e.g. "eliminating arrays"
	Terms int    // the terms it had created
	Max   int    // its bound on terms
	Err   error  // the context's error, when the context stopped it
}

func (e *BudgetError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v (after %d terms)", e.Pass, e.Err, e.Terms)
	}
	return fmt.Sprintf("%s exceeded %d terms", e.Pass, e.Max)
}

func (e *BudgetError) Unwrap() error { return e.Err }

// checkEvery is how many steps a pass takes between looks at its
// context.
const checkEvery = 1 << 10

// meter charges a pass's steps and terms against a budget.
type meter struct {
	b     Budget
	pass  string
	steps int
	err   *BudgetError
}

// charge records one step of a pass that has created terms terms so far,
// and reports whether the pass may go on.
func (m *meter) charge(terms int) bool {
	if m.err != nil {
		return false
	}
	if m.b.MaxTerms > 0 && terms > m.b.MaxTerms {
		m.err = &BudgetError{Pass: m.pass, Terms: terms, Max: m.b.MaxTerms}
		return false
	}
	if m.steps++; m.steps%checkEvery == 0 && m.b.Ctx != nil {
		if err := m.b.Ctx.Err(); err != nil {
			m.err = &BudgetError{Pass: m.pass, Terms: terms, Max: m.b.MaxTerms, Err: err}
			return false
		}
	}
	return true
}
