package ssa

import (
	"os"
	"path/filepath"
	"testing"
)

// TestClosuresDeferGlobalsTestdata proves testdata/prove/{closures,defer,
// globals} alone, checks their want comments and replays their
// counterexamples, for working on function values, defer/recover and
// package-level variables. TestProveTestdata proves them with the rest
// in the default run, so this one runs under VSYNTH_LONG=1 or by name.
func TestClosuresDeferGlobalsTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" && !testing.Verbose() {
		t.Skip("TestProveTestdata covers these packages; VSYNTH_LONG=1 (or -v) runs them alone")
	}
	for _, pkg := range []string{"closures", "defer", "globals"} {
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
