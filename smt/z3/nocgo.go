//go:build !cgo

package z3

import (
	"github.com/vsynth/vsynth/smt"
	"github.com/vsynth/vsynth/smt/z3proc"
)

// Without cgo there is no libz3: the solver is a Z3 process
// (package smt/z3proc), with the same queries and the same answers.

// Linked reports whether this build calls libz3 in-process.
const Linked = false

// Version is the version of the z3 executable.
func Version() string { return z3proc.Version() }

// NewStandaloneSolver returns a solver backed by a z3 process.
func NewStandaloneSolver() (smt.Solver, error) { return z3proc.NewSolver() }
