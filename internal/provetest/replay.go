package provetest

import (
	"bytes"
	"context"
	"go/ast"
	"go/printer"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/specs"
)

// Every counterexample is real: the tests run the core confirmation
// (Confirm, confirm.go), which replays each counterexample in compiled Go,
// and fail on every counterexample it does not confirm, except those that
// cannot be run as inputs at all (ReplayExempt).

// ConfirmReplays confirms the counterexamples of results in compiled Go
// and fails the test for each that Go does not reproduce. It returns the
// number confirmed and the refused ones that are exempt, described.
func ConfirmReplays(t *testing.T, prog *ssa.Program, results []*ssa.FuncResult) (int, []string) {
	t.Helper()
	st, err := prog.Confirm(context.Background(), results, ssa.ConfirmOptions{})
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	for _, e := range st.ToolErrors {
		t.Errorf("confirm: %s", e)
	}
	var exempt []string
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Confirmation != ssa.Refused {
				continue
			}
			where := r.Target.Name + ": " + string(o.Kind) + " " + o.Clause + " at " + prog.Fset.Position(o.Pos).String()
			if why := ReplayExempt(o); why != "" {
				exempt = append(exempt, where+": "+why)
				continue
			}
			t.Errorf("%s: %s (inputs %v)", where, o.Reason, o.Counterexample.Inputs)
		}
	}
	return st.Confirmed, exempt
}

// CloneResults copies results and their obligations, for a confirmation
// that must not change the originals' verdicts.
func CloneResults(results []*ssa.FuncResult) []*ssa.FuncResult {
	out := make([]*ssa.FuncResult, len(results))
	for i, r := range results {
		c := *r
		c.Obligations = make([]*ssa.ObligationResult, len(r.Obligations))
		for j, o := range r.Obligations {
			oc := *o
			c.Obligations[j] = &oc
		}
		out[i] = &c
	}
	return out
}

// ReplayExempt says why a refused counterexample is not a test failure —
// it is no input of the function (a loop state), needs parameters that
// share memory or values written as addresses, or needs more memory than
// a replay gets — or returns "".
func ReplayExempt(o *ssa.ObligationResult) string {
	cex := o.Counterexample
	switch {
	case o.Kind == ssa.InvariantPreserved && cex != nil && len(cex.State) > 0:
		return "a loop state, not an input"
	case o.Kind == ssa.Modifies && strings.Contains(o.Reason, "Go changed no memory outside the frame"):
		// The write outside the frame is undone by a later one: the
		// replay compares memory after the call (confirm_frame.go).
		return "a write outside the frame that a later write undid"
	case cex != nil && len(cex.Aliases) > 0:
		return "parameters that share memory"
	case cex != nil && len(cex.Unshown) > 0:
		return "inputs written as addresses"
	case cex != nil && cex.FuncWrites:
		return "a run resting on what a function-typed parameter writes (funcparam.go)"
	case strings.Contains(o.Reason, "memory limit"):
		return "more memory than a replay gets"
	case strings.Contains(o.Reason, "computes with mathint"):
		return "the replay cannot evaluate mathint in Go yet (docs/contracts.md)"
	}
	return ""
}

// HasQuantifier reports whether e has a forall or exists of the spec
// language.
func HasQuantifier(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Name == specs.ForallName || id.Name == specs.ExistsName) {
			found = true
		}
		return !found
	})
	return found
}

// ExprString prints e as Go source; a nil e fails the test.
func ExprString(t *testing.T, prog *ssa.Program, e ast.Expr) string {
	t.Helper()
	if e == nil {
		t.Fatal("replay: clause not found")
	}
	var b bytes.Buffer
	if err := printer.Fprint(&b, prog.Fset, e); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
