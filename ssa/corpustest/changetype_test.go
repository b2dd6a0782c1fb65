package corpustest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"
)

// TestNamedSliceChangeType proves the functions of testdata/prove/calls
// that convert between a named slice type and its []T (go/ssa's
// ChangeType between types of one underlying type, which used to be
// unsupported), against their want comments, and replays the
// counterexample. TestProveTestdata checks them with the rest.
func TestNamedSliceChangeType(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "prove"))
	prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, []string{"./calls"})
	if err != nil {
		t.Fatal(err)
	}
	var mine []*ssa.Target
	for _, tg := range prog.Targets {
		if strings.HasSuffix(tg.Name, ".FirstOr") || strings.HasSuffix(tg.Name, ".FirstOrBad") {
			mine = append(mine, tg)
		}
	}
	if len(mine) != 2 {
		t.Fatalf("found %d of the 2 functions", len(mine))
	}
	results, err := prog.Prove(context.Background(), mine, ssa.Options{Limits: testlimits.Limits, NewSolver: testsolver.New})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		t.Logf("%s: %s %s", r.Target.Name, r.Verdict, r.Reason)
		if r.Verdict == ssa.Unsupported {
			t.Errorf("%s: unsupported: %s", r.Target.Name, r.Reason)
		}
	}
	diags := provetest.Diagnostics(prog.Fset, results)
	want := provetest.Wants(t, filepath.Join(dir, "calls"))
	for k, ds := range diags {
		for _, d := range ds {
			ok := false
			for _, re := range want[k] {
				ok = ok || re.MatchString(d)
			}
			if !ok {
				t.Errorf("%s:%d: unexpected %q (want %v)", k.File, k.Line, d, want[k])
			}
		}
	}
	if n, _ := provetest.ConfirmReplays(t, prog, results); n != 1 {
		t.Errorf("%d counterexamples confirmed in Go, want 1", n)
	}
}
