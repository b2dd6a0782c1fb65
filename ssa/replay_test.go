package ssa

import (
	"bytes"
	"context"
	"go/ast"
	"go/printer"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/specs"
)

// Every counterexample is real: the tests run the core confirmation
// (Confirm, confirm.go), which replays each counterexample in compiled Go,
// and fail on every counterexample it does not confirm, except those that
// cannot be run as inputs at all (replayExempt).

// confirmReplays confirms the counterexamples of results in compiled Go
// and fails the test for each that Go does not reproduce. It returns the
// number confirmed and the refused ones that are exempt, described.
func confirmReplays(t *testing.T, prog *Program, results []*FuncResult) (int, []string) {
	t.Helper()
	st, err := prog.Confirm(context.Background(), results, ConfirmOptions{})
	if err != nil {
		t.Fatalf("confirm: %v", err)
	}
	for _, e := range st.ToolErrors {
		t.Errorf("confirm: %s", e)
	}
	var exempt []string
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Confirmation != Refused {
				continue
			}
			where := r.Target.Name + ": " + string(o.Kind) + " " + o.Clause + " at " + prog.Fset.Position(o.Pos).String()
			if why := replayExempt(o); why != "" {
				exempt = append(exempt, where+": "+why)
				continue
			}
			t.Errorf("%s: %s (inputs %v)", where, o.Reason, o.Counterexample.Inputs)
		}
	}
	return st.Confirmed, exempt
}

// cloneResults copies results and their obligations, for a confirmation
// that must not change the originals' verdicts.
func cloneResults(results []*FuncResult) []*FuncResult {
	out := make([]*FuncResult, len(results))
	for i, r := range results {
		c := *r
		c.Obligations = make([]*ObligationResult, len(r.Obligations))
		for j, o := range r.Obligations {
			oc := *o
			c.Obligations[j] = &oc
		}
		out[i] = &c
	}
	return out
}

// replayExempt says why a refused counterexample is not a test failure —
// it is no input of the function (a loop state), needs parameters that
// share memory or values written as addresses, or needs more memory than
// a replay gets — or returns "".
func replayExempt(o *ObligationResult) string {
	cex := o.Counterexample
	switch {
	case o.Kind == InvariantPreserved && cex != nil && len(cex.State) > 0:
		return "a loop state, not an input"
	case o.Kind == Modifies && strings.Contains(o.Reason, "Go changed no memory outside the frame"):
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

func hasQuantifier(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Name == specs.ForallName || id.Name == specs.ExistsName) {
			found = true
		}
		return !found
	})
	return found
}

func exprString(t *testing.T, prog *Program, e ast.Expr) string {
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

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// quantifierHelpers evaluate, in the mutation driver (mutation_driver_test.go), a spec's quantifiers in Go (the spec parser
// writes forall k T :: E as __vsynth_forall(func(k T) bool { return E }))
// over -zzvQuantRange..zzvQuantRange, converted to T, which the file that
// includes them defines. Bounded, the evaluation is exact for quantifiers
// over the indices of shorter slices — every quantifier of this project's
// contracts and invariants, whose guards are 0 <= k && k < len(a) or
// narrower, on the slices of the driver and of counterexamples.
const quantifierHelpers = `func __vsynth_forall[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if !body(T(i)) {
			return false
		}
	}
	return true
}

func __vsynth_exists[T zzvInteger](body func(T) bool) bool {
	for i := -zzvQuantRange; i <= zzvQuantRange; i++ {
		if body(T(i)) {
			return true
		}
	}
	return false
}

func __vsynth_range_entry[T any](x T, check func(int)) T {
	// A range over an integer reaches its head only when it runs at
	// least once (go/ssa rotates the loop); one over a sequence always.
	v := reflect.ValueOf(x)
	if v.CanInt() && v.Int() <= 0 || v.CanUint() && v.Uint() == 0 {
		return x
	}
	check(0)
	return x
}

type zzvInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}
`
