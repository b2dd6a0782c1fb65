package ssa

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPureSeqTestdata proves testdata/prove/pure and testdata/prove/seq
// alone, checks their want comments and replays their counterexamples.
func TestPureSeqTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers these packages; VSYNTH_LONG=1 runs them alone")
	}
	for _, pkg := range []string{"pure", "seq"} {
		t.Run(pkg, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove", pkg))
			prog, results := proveDir(t, dir, "./...")
			checkWants(t, dir, prog.Fset, results)
			n, exempt := confirmReplays(t, prog, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			if n == 0 {
				t.Fatal("no counterexample confirmed in Go: expected the seeded bugs to be")
			}
			t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}
