package smt

import (
	"context"
	"time"
)

// Result is the answer of a satisfiability check.
type Result int

const (
	Unknown Result = iota
	Sat
	Unsat
)

func (r Result) String() string {
	switch r {
	case Sat:
		return "sat"
	case Unsat:
		return "unsat"
	}
	return "unknown"
}

// Limits bound one check. Zero values mean no limit.
type Limits struct {
	Timeout time.Duration // wall-clock time per check
	RLimit  uint64        // deterministic resource limit per check (solver-specific units)
}

// Solver is an incremental satisfiability checker over terms of this
// package. A Solver is used by one goroutine at a time.
type Solver interface {
	// Assert adds a Bool term to the current scope.
	Assert(t *Term) error
	// Push opens a scope; Pop discards the assertions of the innermost one.
	Push() error
	Pop() error
	// Check decides the conjunction of the assertions. When ctx is done the
	// check is interrupted and reports Unknown.
	Check(ctx context.Context, lim Limits) (Result, error)
	// Model returns a model after Check answered Sat.
	Model() (Model, error)
	// ReasonUnknown explains the last Unknown answer ("timeout", "canceled", ...).
	ReasonUnknown() string
	// Name identifies the solver and its version, e.g. "z3 4.8.12".
	Name() string
	// Close releases the solver's resources.
	Close() error
}

// DecidedBy is implemented by a solver that combines others (package
// smt/portfolio): it names the solver that decided its last Check, ""
// when none did.
type DecidedBy interface {
	DecidedBy() string
}

// Model assigns values to the free variables of a satisfiable query.
type Model interface {
	// Eval evaluates t under the model, with model completion: every
	// variable the model leaves open takes a default value. The result is a
	// constant term.
	Eval(t *Term) (*Term, error)
}
