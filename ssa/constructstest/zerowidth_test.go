package constructstest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

// TestZeroWidthTestdata proves testdata/prove/zerowidth and
// testdata/prove/clear alone, checks their want comments and replays
// their counterexamples in compiled Go. TestProveTestdata and
// TestProveConstructs cover them with the shared corpus; VSYNTH_LONG=1
// runs this quicker check of the two directories.
func TestZeroWidthTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers these packages; VSYNTH_LONG=1 runs them alone")
	}
	for _, name := range []string{"zerowidth", "clear"} {
		t.Run(name, func(t *testing.T) {
			dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", name))
			prog, results := provetest.ProveDir(t, dir, "./...")
			provetest.CheckWants(t, dir, prog.Fset, results)
			n, exempt := provetest.ConfirmReplays(t, prog, results)
			for _, e := range exempt {
				t.Logf("not replayed: %s", e)
			}
			if n == 0 {
				t.Fatal("no counterexample replayed")
			}
			t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
		})
	}
}
