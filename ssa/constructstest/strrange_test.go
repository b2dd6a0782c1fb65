package constructstest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
)

// TestStringRangeTestdata proves testdata/prove/strrange alone (for
// range over a string, []rune(s), string(runes)), checks its // want
// lines and replays its counterexamples in compiled Go. TestProveTestdata
// proves and replays it with the rest in the default run, so this one
// runs under VSYNTH_LONG=1.
func TestStringRangeTestdata(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("TestProveTestdata covers this package; VSYNTH_LONG=1 runs it alone")
	}
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove", "strrange"))
	prog, results := provetest.ProveDir(t, dir, "./...")
	provetest.CheckWants(t, dir, prog.Fset, results)
	n, exempt := provetest.ConfirmReplays(t, prog, results)
	for _, e := range exempt {
		t.Logf("not replayed: %s", e)
	}
	t.Logf("%d functions, %d counterexamples confirmed in Go", len(results), n)
}
