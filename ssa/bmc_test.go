package ssa

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBoundedAfterInductive proves testdata/prove/bmc, whose functions'
// inductive proofs fail, checks the verdicts, and replays every
// counterexample found by unrolling in Go.
func TestBoundedAfterInductive(t *testing.T) {
	// The shared corpus proof (TestProveTestdata checks its verdicts and
	// replays them): here only what it does not check, on the bmc
	// directory's results.
	prog, all := testdataCorpus.proved(t)
	root := testdataCorpus.dir()
	var results []*FuncResult
	for _, r := range all {
		if strings.HasPrefix(prog.Fset.Position(r.Target.Pos).Filename, filepath.Join(root, "bmc")+string(filepath.Separator)) {
			results = append(results, r)
		}
	}
	checkWants(t, filepath.Join(root, "bmc"), prog.Fset, results, testdataCorpus.long...)
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

// TestBoundedCost measures what bounded model checking adds to proving
// the examples and the testdata (VSYNTH_LONG=1): it runs only for the
// functions whose inductive proof fails.
func TestBoundedCost(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("VSYNTH_LONG=1 measures the cost of bounded model checking")
	}
	root, _ := filepath.Abs("..")
	for _, dir := range []string{"examples", filepath.Join("testdata", "prove")} {
		prog, err := Load(LoadConfig{Dir: filepath.Join(root, dir)}, []string{"./..."})
		if err != nil {
			t.Fatal(err)
		}
		results, err := prog.Prove(context.Background(), prog.Targets, Options{Limits: testLimits, NewSolver: newTestSolver, Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		var all, bounded time.Duration
		ran := 0
		for _, r := range results {
			all += r.Time
			if r.bounded > 0 {
				ran++
				bounded += r.bounded
				t.Logf("%s: %s, bounded model checking %v of %v", r.Target.Name, r.Verdict, r.bounded.Round(time.Millisecond), r.Time.Round(time.Millisecond))
			}
		}
		t.Logf("%s: %d functions in %v; bounded model checking ran for %d of them, %v (%.1f%%)", dir, len(results), all.Round(time.Millisecond), ran, bounded.Round(time.Millisecond), 100*bounded.Seconds()/all.Seconds())
	}
}
