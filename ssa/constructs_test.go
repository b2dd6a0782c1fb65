package ssa

import (
	"path/filepath"
	"strings"
	"testing"
)

// constructDirs are the directories of testdata/prove that hold one
// construct each of issues 17 (real Go, with the shipped standard-library
// contracts) and 18 (pure functions, multisets, frames).
var constructDirs = []string{"interfaces", "generics", "closures", "defer", "globals", "maps", "pure", "seq", "stdlib", "strrange", "frames", "ifacemem"}

// TestProveConstructs checks each construct's directory of testdata/prove
// on its own: its want comments against the shared corpus proof (which
// TestProveTestdata confirms in Go), and that the directory has both
// proved and refuted functions, so that the construct is exercised both
// ways. With VSYNTH_LONG=1 each directory is also proved alone, and its
// counterexamples are replayed: the verdicts must not depend on what else
// is loaded. `go test -run 'TestProveConstructs/interfaces'` is a quick
// check of one construct (it proves the shared corpus first).
func TestProveConstructs(t *testing.T) {
	prog, results := testdataCorpus.proved(t)
	root := testdataCorpus.dir()
	for _, dir := range constructDirs {
		t.Run(dir, func(t *testing.T) {
			d := filepath.Join(root, dir)
			var mine []*FuncResult
			verdicts := map[Verdict]int{}
			for _, r := range results {
				if strings.HasPrefix(prog.Fset.Position(r.Target.Pos).Filename, d+string(filepath.Separator)) {
					mine = append(mine, r)
					verdicts[r.Verdict]++
				}
			}
			checkWants(t, d, prog.Fset, mine, testdataCorpus.long...)
			if verdicts[Proved] == 0 || verdicts[Failed] == 0 {
				t.Errorf("%s: %v: want proved and failed functions", dir, verdicts)
			}
			if !longRun() {
				return
			}
			alone, results, _, err := proveCorpus(root, "./"+dir+"/...")
			if err != nil {
				t.Fatal(err)
			}
			checkWants(t, d, alone.Fset, results)
			n, exempt := confirmReplays(t, alone, results)
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
