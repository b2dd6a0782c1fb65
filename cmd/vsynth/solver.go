package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/cvc5"
	"github.com/vsynth/vsynth/smt/portfolio"
	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/smt/z3proc"
)

// newZ3Solver returns a Z3 solver on a context of its own, created when
// the solver is first used: a function whose obligations the proof cache
// answers never pays for a context.
func newZ3Solver() (smt.Solver, error) {
	return &lazyZ3{}, nil
}

// lazyZ3 creates its context and solver on first use and closes both.
type lazyZ3 struct {
	s smt.Solver
}

func (l *lazyZ3) start() error {
	if l.s != nil {
		return nil
	}
	s, err := z3.NewStandaloneSolver()
	if err != nil {
		return err
	}
	l.s = s
	return nil
}

func (l *lazyZ3) Assert(t *smt.Term) error {
	if err := l.start(); err != nil {
		return err
	}
	return l.s.Assert(t)
}

func (l *lazyZ3) Push() error {
	if err := l.start(); err != nil {
		return err
	}
	return l.s.Push()
}

func (l *lazyZ3) Pop() error {
	if err := l.start(); err != nil {
		return err
	}
	return l.s.Pop()
}

func (l *lazyZ3) Check(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	if err := l.start(); err != nil {
		return smt.Unknown, err
	}
	return l.s.Check(ctx, lim)
}

func (l *lazyZ3) Model() (smt.Model, error) {
	if err := l.start(); err != nil {
		return nil, err
	}
	return l.s.Model()
}

func (l *lazyZ3) ReasonUnknown() string {
	if l.s == nil {
		return ""
	}
	return l.s.ReasonUnknown()
}

// Name is the solver's name and version; it needs no context.
func (l *lazyZ3) Name() string { return "z3 " + z3.Version() }

func (l *lazyZ3) Close() error {
	if l.s == nil {
		return nil
	}
	err := l.s.Close()
	l.s = nil
	return err
}

// solverNames are the values of --solver.
const solverNames = "z3 (libz3 in-process when built with cgo, else a z3 process), z3-process, cvc5 (cvc5 decides, counterexamples from z3) or portfolio (z3 and cvc5 race on every obligation)"

// solverFor is the solver constructor --solver names.
func solverFor(name string) (func() (smt.Solver, error), error) {
	switch name {
	case "", "z3":
		return newZ3Solver, nil
	case "z3-process":
		return z3proc.NewSolver, nil
	case "cvc5", "portfolio":
		version, err := cvc5Name()
		if err != nil {
			return nil, fmt.Errorf("--solver %s needs cvc5 (apt-get install cvc5): %w", name, err)
		}
		mode := portfolio.Race
		if name == "cvc5" {
			mode = portfolio.Second
		}
		return func() (smt.Solver, error) {
			z, err := newZ3Solver()
			if err != nil {
				return nil, err
			}
			return portfolio.New(z, cvc5.Check, version, mode), nil
		}, nil
	}
	return nil, fmt.Errorf("--solver %q: want %s", name, solverNames)
}

// cvc5Name is "cvc5 VERSION" of the installed cvc5.
func cvc5Name() (string, error) {
	line, err := cvc5.Version()
	if err != nil {
		return "", err
	}
	// "This is cvc5 version 1.0.3 [...]"
	f := strings.Fields(line)
	for i, w := range f {
		if w == "version" && i+1 < len(f) {
			return "cvc5 " + f[i+1], nil
		}
	}
	return line, nil
}
