package portfolio

import (
	"context"
	"errors"
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// CheckFunc decides the conjunction of assertions under lim, with the
// reason of an unknown answer: the shape of cvc5.Check.
type CheckFunc func(ctx context.Context, assertions []*smt.Term, lim smt.Limits) (smt.Result, string, error)

// Mode says how the two solvers share a check.
type Mode int

const (
	// Race runs both on every check; the first definite answer wins.
	Race Mode = iota
	// Second lets the second solver decide; the primary only gives
	// models.
	Second
)

var _ smt.Solver = (*Solver)(nil)
var _ smt.DecidedBy = (*Solver)(nil)

// Solver is a portfolio of a primary solver and a second decision
// procedure. It is used by one goroutine at a time.
type Solver struct {
	primary    smt.Solver
	second     CheckFunc
	secondName string
	mode       Mode
	scopes     [][]*smt.Term // the assertions, for the second solver
	decided    string
	reason     string
	primarySat bool // the primary answered sat to the last check: its model is valid
	closed     bool
}

// New returns a portfolio of primary and second (named secondName, e.g.
// "cvc5 1.0.3") in mode.
func New(primary smt.Solver, second CheckFunc, secondName string, mode Mode) *Solver {
	return &Solver{primary: primary, second: second, secondName: secondName, mode: mode, scopes: [][]*smt.Term{nil}}
}

var errClosed = errors.New("portfolio: solver is closed")

// Assert adds t to the innermost scope of both solvers.
func (s *Solver) Assert(t *smt.Term) error {
	if s.closed {
		return errClosed
	}
	if err := s.primary.Assert(t); err != nil {
		return err
	}
	last := len(s.scopes) - 1
	s.scopes[last] = append(s.scopes[last], t)
	s.primarySat = false
	return nil
}

// Push opens a scope.
func (s *Solver) Push() error {
	if s.closed {
		return errClosed
	}
	if err := s.primary.Push(); err != nil {
		return err
	}
	s.scopes = append(s.scopes, nil)
	s.primarySat = false
	return nil
}

// Pop discards the innermost scope.
func (s *Solver) Pop() error {
	if s.closed {
		return errClosed
	}
	if len(s.scopes) == 1 {
		return errors.New("portfolio: pop without push")
	}
	if err := s.primary.Pop(); err != nil {
		return err
	}
	s.scopes = s.scopes[:len(s.scopes)-1]
	s.primarySat = false
	return nil
}

func (s *Solver) assertions() []*smt.Term {
	var all []*smt.Term
	for _, sc := range s.scopes {
		all = append(all, sc...)
	}
	return all
}

// answer is one solver's answer to a check.
type answer struct {
	res    smt.Result
	reason string
	err    error
}

// Check decides the assertions (see the package documentation).
func (s *Solver) Check(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	if s.closed {
		return smt.Unknown, errClosed
	}
	s.decided, s.reason, s.primarySat = "", "", false
	if s.mode == Second {
		return s.checkSecond(ctx, lim)
	}
	return s.race(ctx, lim)
}

// checkPrimary runs the primary solver's check.
func (s *Solver) checkPrimary(ctx context.Context, lim smt.Limits) answer {
	res, err := s.primary.Check(ctx, lim)
	a := answer{res: res, err: err}
	if err == nil && res == smt.Unknown {
		a.reason = s.primary.ReasonUnknown()
	}
	return a
}

// checkSecond lets the second solver decide and asks the primary for a
// model of a sat answer.
func (s *Solver) checkSecond(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	res, reason, err := s.second(ctx, s.assertions(), lim)
	if err != nil {
		// A query the second solver cannot take is not decided: unknown,
		// with why.
		s.reason = s.secondName + ": " + err.Error()
		return smt.Unknown, nil
	}
	switch res {
	case smt.Unsat:
		s.decided = s.secondName
		return smt.Unsat, nil
	case smt.Unknown:
		s.reason = s.secondName + ": " + reason
		return smt.Unknown, nil
	}
	return s.modelFromPrimary(ctx, lim, s.checkPrimary(ctx, lim))
}

// modelFromPrimary settles a sat answer of the second solver on the
// primary's answer p to the same check.
func (s *Solver) modelFromPrimary(ctx context.Context, lim smt.Limits, p answer) (smt.Result, error) {
	if p.err != nil {
		return smt.Unknown, p.err
	}
	switch p.res {
	case smt.Sat:
		s.decided, s.primarySat = s.primary.Name(), true
		return smt.Sat, nil
	case smt.Unsat:
		// Two solvers disagree on one query: one of them is wrong.
		return smt.Unknown, fmt.Errorf("portfolio: %s says sat and %s unsat on the same query", s.secondName, s.primary.Name())
	}
	s.reason = fmt.Sprintf("%s found the query satisfiable, but %s gave no model to read a counterexample from (%s)", s.secondName, s.primary.Name(), p.reason)
	return smt.Unknown, nil
}

// race runs both solvers; the first definite answer wins and cancels the
// other, which is waited for before Check returns.
func (s *Solver) race(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	pctx, cancelPrimary := context.WithCancel(ctx)
	defer cancelPrimary()
	sctx, cancelSecond := context.WithCancel(ctx)
	defer cancelSecond()
	primaryDone := make(chan answer, 1)
	secondDone := make(chan answer, 1)
	go func() { primaryDone <- s.checkPrimary(pctx, lim) }()
	assertions := s.assertions()
	go func() {
		res, reason, err := s.second(sctx, assertions, lim)
		secondDone <- answer{res, reason, err}
	}()
	var p, q *answer
	// waitPrimary and waitSecond are each solver's answer, waiting for it
	// when it has not come yet.
	waitPrimary := func() answer {
		if p == nil {
			a := <-primaryDone
			p = &a
		}
		return *p
	}
	waitSecond := func() {
		if q == nil {
			a := <-secondDone
			q = &a
		}
	}
	for p == nil || q == nil {
		select {
		case a := <-primaryDone:
			p = &a
			if a.err == nil && a.res != smt.Unknown {
				cancelSecond()
				waitSecond()
				s.primarySat = a.res == smt.Sat
				s.decided = s.primary.Name()
				return a.res, nil
			}
		case a := <-secondDone:
			q = &a
			if a.err == nil && a.res == smt.Unsat {
				cancelPrimary()
				waitPrimary()
				s.decided = s.secondName
				return smt.Unsat, nil
			}
			if a.err == nil && a.res == smt.Sat {
				// The primary is still needed, for the model.
				return s.modelFromPrimary(ctx, lim, waitPrimary())
			}
		}
	}
	// Neither decided.
	if p.err != nil {
		return smt.Unknown, p.err
	}
	s.reason = p.reason
	if q.err != nil {
		s.reason += "; " + s.secondName + ": " + q.err.Error()
	} else if q.reason != "" {
		s.reason += "; " + s.secondName + ": " + q.reason
	}
	return smt.Unknown, nil
}

// Model is the primary solver's model of the last check, which must have
// answered sat.
func (s *Solver) Model() (smt.Model, error) {
	if !s.primarySat {
		return nil, errors.New("portfolio: no model: the last check did not answer sat with a model")
	}
	return s.primary.Model()
}

// ReasonUnknown explains the last unknown answer.
func (s *Solver) ReasonUnknown() string {
	if s.reason != "" {
		return s.reason
	}
	return s.primary.ReasonUnknown()
}

// DecidedBy names the solver that decided the last check ("" when none
// did).
func (s *Solver) DecidedBy() string { return s.decided }

// Name names both solvers and the mode, for the reports and the proof
// cache key.
func (s *Solver) Name() string {
	if s.mode == Second {
		return s.secondName + " (models from " + s.primary.Name() + ")"
	}
	return "portfolio of " + s.primary.Name() + " and " + s.secondName
}

// Close closes the primary solver.
func (s *Solver) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.primary.Close()
}
