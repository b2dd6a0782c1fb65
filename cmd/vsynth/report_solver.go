package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/smt/z3"
	"github.com/vsynth/vsynth/smt/z3proc"
)

// solverInfo is the solver a run's verdicts come from and every flag that
// decides them, recorded in each report format (text -v, JSON, SARIF,
// JUnit) so that a verdict can be reproduced: an unknown under one Z3 or
// one budget may be proved under another.
type solverInfo struct {
	// Name is the --solver value: z3 (libz3 in process) or z3-process.
	Name string `json:"name"`
	// Version is the solver's version, e.g. "4.8.12".
	Version string `json:"version"`
	// RLimit is Z3's resource limit per obligation (--rlimit; 0: none).
	RLimit uint64 `json:"rlimit"`
	// TimeoutMS is the time limit per obligation (--timeout).
	TimeoutMS int64 `json:"timeout_ms"`
	// CrossCheck names the solver that re-proved every proved obligation
	// (--cross-check), with its version.
	CrossCheck string `json:"cross_check,omitempty"`
}

// String is the one-line form of the text report and the JUnit and SARIF
// properties: "z3 4.8.12, rlimit 30000000, timeout 2m0s".
func (s *solverInfo) String() string {
	text := fmt.Sprintf("%s %s, rlimit %d, timeout %v", s.Name, s.Version, s.RLimit, time.Duration(s.TimeoutMS)*time.Millisecond)
	if s.CrossCheck != "" {
		text += ", cross-check " + s.CrossCheck
	}
	return text
}

// solverFromFlags is the solver info of prove's flags (before the run:
// the cross-check solver is added when it is found).
func solverFromFlags(c *cli.Context) *solverInfo {
	name := c.String("solver")
	if name == "" {
		name = "z3"
	}
	// The z3 executable, of --solver z3-process and of a build without
	// cgo (whose z3.Version asks it).
	z3proc.Command = c.String("z3")
	v := z3.Version()
	switch name {
	case "z3-process":
		v = z3proc.Version()
	case "cvc5", "portfolio":
		// Both solvers' versions: z3 gives the models (and races in the
		// portfolio).
		c5, err := cvc5Name()
		if err != nil {
			c5 = "cvc5 unavailable"
		}
		if name == "cvc5" {
			v = strings.TrimPrefix(c5, "cvc5 ") + ", models from z3 " + v
		} else {
			v = "z3 " + v + " and " + c5
		}
	}
	return &solverInfo{Name: name, Version: v, RLimit: c.Uint64("rlimit"), TimeoutMS: c.Duration("timeout").Milliseconds()}
}

// sameSolver reports whether two reports' solvers agree (a report
// without one, written before reports carried it, agrees with any).
func sameSolver(a, b *solverInfo) bool {
	return a == nil || b == nil || *a == *b
}
