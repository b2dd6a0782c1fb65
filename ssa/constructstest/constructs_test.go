package constructstest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/ssa"
)

// TestProveConstructs checks each construct's directory of testdata/prove
// (provetest.ConstructDirs) on its own: its want comments against the
// shared proof of the construct directories, every counterexample
// replayed in Go, and that the directory has both proved and refuted
// functions, so that the construct is exercised both ways. With
// VSYNTH_LONG=1 each directory is also proved alone, and its
// counterexamples are replayed: the verdicts must not depend on what else
// is loaded. `go test -run 'TestProveConstructs/interfaces'` checks one
// construct (after the shared proof of all of them).
func TestProveConstructs(t *testing.T) {
	prog, results := constructsCorpus.Proved(t)
	provetest.LogCrossChecks(t, prog, results)
	n, exempt := provetest.ConfirmReplays(t, prog, provetest.CloneResults(results))
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
	root := constructsCorpus.Dir()
	for _, dir := range provetest.ConstructDirs {
		t.Run(dir, func(t *testing.T) {
			d := filepath.Join(root, dir)
			var mine []*ssa.FuncResult
			verdicts := map[ssa.Verdict]int{}
			for _, r := range results {
				if strings.HasPrefix(prog.Fset.Position(r.Target.Pos).Filename, d+string(filepath.Separator)) {
					mine = append(mine, r)
					verdicts[r.Verdict]++
				}
			}
			provetest.CheckWants(t, d, prog.Fset, mine, constructsCorpus.Long()...)
			if verdicts[ssa.Proved] == 0 || verdicts[ssa.Failed] == 0 {
				t.Errorf("%s: %v: want proved and failed functions", dir, verdicts)
			}
			if !testlimits.Long() {
				return
			}
			alone, results, _, err := provetest.ProveCorpus(root, "./"+dir+"/...")
			if err != nil {
				t.Fatal(err)
			}
			provetest.CheckWants(t, d, alone.Fset, results)
			n, exempt := provetest.ConfirmReplays(t, alone, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			if n == 0 {
				t.Fatal("no counterexample replayed: expected the refuted functions to be confirmed")
			}
			t.Logf("alone: %d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}
