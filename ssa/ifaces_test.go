package ssa

import (
	"path/filepath"
	"testing"
)

// TestProveInterfaces proves testdata/prove/interfaces alone (the whole
// corpus, TestProveTestdata, proves it too), checks its want comments
// and replays every counterexample in compiled Go.
func TestProveInterfaces(t *testing.T) {
	dir, _ := filepath.Abs("../testdata/prove")
	prog, results, err := proveCorpus(dir, "./interfaces")
	if err != nil {
		t.Fatal(err)
	}
	checkWants(t, filepath.Join(dir, "interfaces"), prog.Fset, results)
	n, exempt := confirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	if n == 0 {
		t.Fatal("no counterexample replayed: expected the refuted functions to be confirmed")
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}
