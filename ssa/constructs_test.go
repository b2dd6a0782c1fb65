package ssa

import (
	"path/filepath"
	"testing"
)

// TestProveConstructs proves single directories of testdata/prove alone
// (the whole corpus, TestProveTestdata, proves them too, in minutes),
// checks their want comments and replays every counterexample in
// compiled Go: `go test -run 'TestProveConstructs/interfaces'` for a
// quick check of one construct.
func TestProveConstructs(t *testing.T) {
	for _, dir := range []string{"interfaces", "generics"} {
		t.Run(dir, func(t *testing.T) {
			root, _ := filepath.Abs("../testdata/prove")
			prog, results, err := proveCorpus(root, "./"+dir)
			if err != nil {
				t.Fatal(err)
			}
			checkWants(t, filepath.Join(root, dir), prog.Fset, results)
			n, exempt := confirmReplays(t, prog, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			if n == 0 {
				t.Fatal("no counterexample replayed: expected the refuted functions to be confirmed")
			}
			t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}
