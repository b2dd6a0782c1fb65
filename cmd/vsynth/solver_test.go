package main

import (
	"strings"
	"testing"

	"github.com/vsynth/vsynth/smt/cvc5"
)

// TestSolverNeedsCVC5: --solver cvc5 and portfolio without a cvc5 to run
// are a usage error that says what is missing, before anything runs.
func TestSolverNeedsCVC5(t *testing.T) {
	saved := cvc5.Command
	defer func() { cvc5.Command = saved }()
	cvc5.Command = "/nonexistent/cvc5"
	for _, name := range []string{"cvc5", "portfolio"} {
		if _, err := solverFor(name); err == nil || !strings.Contains(err.Error(), "needs cvc5") {
			t.Errorf("--solver %s without cvc5: %v", name, err)
		}
	}
	cvc5.Command = saved
	for _, name := range []string{"z3", "z3-process", "cvc5", "portfolio"} {
		if _, err := solverFor(name); err != nil {
			t.Errorf("--solver %s: %v", name, err)
		}
	}
	if _, err := solverFor("yices"); err == nil {
		t.Error("--solver yices: no error")
	}
}
