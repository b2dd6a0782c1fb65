package corpustest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/ssa"
)

// TestBoundedAfterInductive proves testdata/prove/bmc, whose functions'
// inductive proofs fail, checks the verdicts, and replays every
// counterexample found by unrolling in Go.
func TestBoundedAfterInductive(t *testing.T) {
	// The shared corpus proof (TestProveTestdata checks its verdicts and
	// replays them): here only what it does not check, on the bmc
	// directory's results.
	prog, all := testdataCorpus.Proved(t)
	root := testdataCorpus.Dir()
	var results []*ssa.FuncResult
	for _, r := range all {
		if strings.HasPrefix(prog.Fset.Position(r.Target.Pos).Filename, filepath.Join(root, "bmc")+string(filepath.Separator)) {
			results = append(results, r)
		}
	}
	provetest.CheckWants(t, filepath.Join(root, "bmc"), prog.Fset, results, testdataCorpus.Long()...)
	byName := map[string]*ssa.FuncResult{}
	for _, r := range results {
		byName[r.Target.Short] = r
	}
	for _, name := range []string{"bmc.Search", "bmc.Capped", "bmc.Steps", "bmc.Second"} {
		ob, cex := byName[name].Counterexample()
		if ob == nil || cex == nil {
			t.Fatalf("%s: no counterexample", name)
		}
		if ob.Unrolled != ssa.DefaultUnroll || len(cex.State) > 0 {
			t.Errorf("%s: %s counterexample not found by unrolling from the entry (unrolled %d, state %v)", name, ob.Kind, ob.Unrolled, cex.State)
		}
	}
	tri, _ := byName["bmc.Triangle"].Counterexample()
	if tri == nil || !strings.Contains(tri.Searched, "no counterexample by unrolling every loop up to 16 iterations") {
		t.Errorf("bmc.Triangle: the bounded search is not reported: %+v", tri)
	}
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	if n < 4 {
		t.Errorf("%d counterexamples confirmed in Go, want at least 4", n)
	}
	if r := byName["bmc.Triangle"]; r.Verdict != ssa.Unknown || !strings.Contains(r.Reason, "up to 16 iterations") {
		t.Errorf("bmc.Triangle after confirmation: %s: %s", r.Verdict, r.Reason)
	}
	t.Logf("%d confirmed; not replayed: %v", n, exempt)
}
