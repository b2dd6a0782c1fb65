package constructstest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

// TestFramesTestdata proves testdata/prove/frames alone (//vsynth:modifies,
// frame.go), checks its // want lines and replays its counterexamples in
// compiled Go. TestProveTestdata proves and replays it with the rest in
// the default run, so this one runs under VSYNTH_LONG=1.
func TestFramesTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers this package; VSYNTH_LONG=1 runs it alone")
	}
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "frames"))
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
}
