package ssa

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestNamedSliceChangeType proves the functions of testdata/prove/calls
// that convert between a named slice type and its []T (go/ssa's
// ChangeType between types of one underlying type, which used to be
// unsupported), against their want comments, and replays the
// counterexample. TestProveTestdata checks them with the rest.
func TestNamedSliceChangeType(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "prove"))
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./calls"})
	if err != nil {
		t.Fatal(err)
	}
	var mine []*Target
	for _, tg := range prog.Targets {
		if strings.HasSuffix(tg.Name, ".FirstOr") || strings.HasSuffix(tg.Name, ".FirstOrBad") {
			mine = append(mine, tg)
		}
	}
	if len(mine) != 2 {
		t.Fatalf("found %d of the 2 functions", len(mine))
	}
	results, err := prog.Prove(context.Background(), mine, Options{Limits: testLimits, NewSolver: newTestSolver})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		t.Logf("%s: %s %s", r.Target.Name, r.Verdict, r.Reason)
		if r.Verdict == Unsupported {
			t.Errorf("%s: unsupported: %s", r.Target.Name, r.Reason)
		}
	}
	diags := diagnostics(prog.Fset, results)
	want := wants(t, filepath.Join(dir, "calls"))
	for k, ds := range diags {
		for _, d := range ds {
			ok := false
			for _, re := range want[k] {
				ok = ok || re.MatchString(d)
			}
			if !ok {
				t.Errorf("%s:%d: unexpected %q (want %v)", k.file, k.line, d, want[k])
			}
		}
	}
	if n, _ := confirmReplays(t, prog, results); n != 1 {
		t.Errorf("%d counterexamples confirmed in Go, want 1", n)
	}
}
