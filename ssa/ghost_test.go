package ssa

import (
	"path/filepath"
	"testing"
)

// TestGhostTestdata proves the ghost and termination packages of
// testdata/prove alone (TestProveTestdata proves them with the rest) and
// replays their counterexamples.
func TestGhostTestdata(t *testing.T) {
	for _, pkg := range []string{"ghost", "termination"} {
		t.Run(pkg, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove", pkg))
			prog, results := proveDir(t, dir, "./...")
			checkWants(t, dir, prog.Fset, results)
			n, exempt := confirmReplays(t, prog, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}
