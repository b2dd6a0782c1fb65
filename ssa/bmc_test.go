package ssa

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBoundedAfterInductive proves testdata/prove/bmc, whose functions'
// inductive proofs fail, checks the verdicts, and replays every
// counterexample found by unrolling in Go.
func TestBoundedAfterInductive(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, results := proveDir(t, root, "./bmc")
	checkWants(t, filepath.Join(root, "bmc"), prog.Fset, results)
	byName := map[string]*FuncResult{}
	for _, r := range results {
		byName[r.Target.Short] = r
	}
	for _, name := range []string{"bmc.Search", "bmc.Capped", "bmc.Steps", "bmc.Second"} {
		ob, cex := byName[name].Counterexample()
		if ob == nil || cex == nil {
			t.Fatalf("%s: no counterexample", name)
		}
		if ob.Unrolled != DefaultUnroll || len(cex.State) > 0 {
			t.Errorf("%s: %s counterexample not found by unrolling from the entry (unrolled %d, state %v)", name, ob.Kind, ob.Unrolled, cex.State)
		}
	}
	tri, _ := byName["bmc.Triangle"].Counterexample()
	if tri == nil || !strings.Contains(tri.Searched, "no counterexample by unrolling every loop up to 16 iterations") {
		t.Errorf("bmc.Triangle: the bounded search is not reported: %+v", tri)
	}
	n, exempt := confirmReplays(t, prog, results)
	if n < 4 {
		t.Errorf("%d counterexamples confirmed in Go, want at least 4", n)
	}
	if r := byName["bmc.Triangle"]; r.Verdict != Unknown || !strings.Contains(r.Reason, "up to 16 iterations") {
		t.Errorf("bmc.Triangle after confirmation: %s: %s", r.Verdict, r.Reason)
	}
	t.Logf("%d confirmed; not replayed: %v", n, exempt)
}

// TestLoopsTestdataBounded proves testdata/prove/loops alone (the
// package whose verdicts bounded model checking may change).
func TestLoopsTestdataBounded(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, results := proveDir(t, root, "./loops")
	checkWants(t, filepath.Join(root, "loops"), prog.Fset, results)
	n, exempt := confirmReplays(t, prog, results)
	t.Logf("%d confirmed; not replayed: %v", n, exempt)
}
