package constructstest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

// TestMapRangeTestdata proves testdata/prove/maprange alone (for range
// over a map, in every order), checks its // want lines and replays its
// counterexamples in compiled Go, each of which names an order of
// iteration that the replay waits for (confirm_order.go).
// TestProveTestdata proves and replays it with the rest in the default
// run, so this one runs under VSYNTH_LONG=1.
func TestMapRangeTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers this package; VSYNTH_LONG=1 runs it alone")
	}
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "maprange"))
	prog, results := provetest.ProveDir(t, dir, "./...")
	provetest.CheckWants(t, dir, prog.Fset, results)
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}
