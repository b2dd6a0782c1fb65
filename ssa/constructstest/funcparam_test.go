package constructstest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

// TestFuncParamTestdata proves testdata/prove/funcparam alone
// (function-typed parameters: unknown callees with arbitrary results and
// writes, assumed to return), checks its // want lines and replays its
// counterexamples, whose functions are literals returning the model's
// results. TestProveTestdata proves and replays it with the rest in the
// default run, so this one runs under VSYNTH_LONG=1.
func TestFuncParamTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers this package; VSYNTH_LONG=1 runs it alone")
	}
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "funcparam"))
	prog, results := provetest.ProveDir(t, dir, "./...")
	provetest.CheckWants(t, dir, prog.Fset, results)
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}
