package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/token"

	"github.com/vsynth/vsynth/smt"
)

// DefaultMaxTerms bounds the terms the lowering of one function, and the
// array reduction of each of its obligations, may create (Options.MaxTerms):
// about 2 GB of memory at the most, far more than a query the solver
// decides within its time limit. A function whose lowering goes past it
// is unknown, with the reason, rather than the end of the process.
const DefaultMaxTerms = 4_000_000

// budgetCheckEvery is how many instructions the lowering lowers between
// looks at its budget.
const budgetCheckEvery = 64

// lowerMeter bounds the lowering of one function: the distinct terms of
// its state (path conditions, memories, obligations), counted once each
// as the DAG they form, and the run's context.
type lowerMeter struct {
	ctx         context.Context
	max         int
	seen        map[*smt.Term]struct{}
	obligations int       // the obligations counted so far
	instrs      int       // instructions lowered since the last look
	pos         token.Pos // the last position lowered, for the message
	stack       []*smt.Term
}

// budgetError reports a lowering stopped by its budget at pos.
type budgetError struct {
	pos token.Pos
	err *smt.BudgetError
}

func (e *budgetError) Error() string { return e.err.Error() }
func (e *budgetError) Unwrap() error { return e.err }

// add counts the terms of t not counted before.
func (m *lowerMeter) add(t *smt.Term) {
	if t == nil {
		return
	}
	m.stack = append(m.stack[:0], t)
	for len(m.stack) > 0 {
		u := m.stack[len(m.stack)-1]
		m.stack = m.stack[:len(m.stack)-1]
		if _, ok := m.seen[u]; ok {
			continue
		}
		m.seen[u] = struct{}{}
		m.stack = append(m.stack, u.Args()...)
	}
}

// check charges the instruction at pos, about to be lowered in frame f,
// against the lowering's budget: every budgetCheckEvery instructions,
// and at the end of each block (force), it counts the terms of f's state
// and of the obligations recorded since, and looks at the context.
func (l *lowering) check(f *frame, pos token.Pos, force bool) error {
	m := l.meter
	if m == nil {
		return nil
	}
	if pos.IsValid() {
		m.pos = pos
	}
	if m.instrs++; m.instrs < budgetCheckEvery && !force {
		return nil
	}
	pos = m.pos
	m.instrs = 0
	if m.ctx != nil {
		if err := m.ctx.Err(); err != nil {
			return &budgetError{pos, &smt.BudgetError{Pass: "lowering", Terms: len(m.seen), Max: m.max, Err: err}}
		}
	}
	m.add(f.guard)
	for _, st := range f.mem {
		m.add(st.old)
		m.add(st.fresh)
	}
	for _, o := range l.obligations[m.obligations:] {
		m.add(o.Guard)
		m.add(o.Goal)
	}
	m.obligations = len(l.obligations)
	if m.max > 0 && len(m.seen) > m.max {
		return &budgetError{pos, &smt.BudgetError{Pass: "lowering", Terms: len(m.seen), Max: m.max}}
	}
	return nil
}

// maxTerms is the budget of terms of opts.
func (opts *Options) maxTerms() int {
	if opts.MaxTerms > 0 {
		return opts.MaxTerms
	}
	return DefaultMaxTerms
}

// reduceBudget is the budget of the array reduction of one obligation:
// the terms of opts, and the run's context limited to the obligation's
// time limit (the reduction is part of deciding it). cancel releases it.
func reduceBudget(ctx context.Context, opts Options) (b smt.Budget, cancel context.CancelFunc) {
	cancel = func() {}
	if opts.Limits.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, opts.Limits.Timeout)
	}
	return smt.Budget{MaxTerms: opts.maxTerms(), Ctx: ctx}, cancel
}

// budgetReason is the reason a function or obligation whose lowering or
// reduction err stopped is unknown, or "" when err is not a budget's.
// run is the run's context: when it ended, the reason is "canceled", as
// the solver says; when only the obligation's time limit did, "timeout".
func (p *Program) budgetReason(run context.Context, err error) string {
	var be *smt.BudgetError
	if !errors.As(err, &be) {
		return ""
	}
	where := ""
	var le *budgetError
	if errors.As(err, &le) && le.pos.IsValid() {
		where = " at " + p.Fset.Position(le.pos).String()
	}
	switch {
	case be.Err != nil && run.Err() != nil:
		return "canceled"
	case be.Err != nil:
		return fmt.Sprintf("timeout while %s%s", be.Pass, where)
	}
	return fmt.Sprintf("%s exceeded %d terms%s (raise --max-terms, lower --unroll, or give the loops invariants)", be.Pass, be.Max, where)
}

// exhausted reports whether err is a budget of terms exceeded (not a
// context ended).
func exhausted(err error) bool {
	var be *smt.BudgetError
	return errors.As(err, &be) && be.Err == nil
}
