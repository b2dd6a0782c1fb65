package ssa

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
)

// TestBoundedCost measures what bounded model checking adds to proving
// the examples and the testdata (VSYNTH_LONG=1): it runs only for the
// functions whose inductive proof fails.
func TestBoundedCost(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("VSYNTH_LONG=1 measures the cost of bounded model checking")
	}
	root, _ := filepath.Abs("..")
	for _, dir := range []string{"examples", filepath.Join("testdata", "prove")} {
		prog, err := Load(LoadConfig{Dir: filepath.Join(root, dir)}, []string{"./..."})
		if err != nil {
			t.Fatal(err)
		}
		results, err := prog.Prove(context.Background(), prog.Targets, Options{Limits: testlimits.Limits, NewSolver: testsolver.New, Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		var all, bounded time.Duration
		ran := 0
		for _, r := range results {
			all += r.Time
			if r.bounded > 0 {
				ran++
				bounded += r.bounded
				t.Logf("%s: %s, bounded model checking %v of %v", r.Target.Name, r.Verdict, r.bounded.Round(time.Millisecond), r.Time.Round(time.Millisecond))
			}
		}
		t.Logf("%s: %d functions in %v; bounded model checking ran for %d of them, %v (%.1f%%)", dir, len(results), all.Round(time.Millisecond), ran, bounded.Round(time.Millisecond), 100*bounded.Seconds()/all.Seconds())
	}
}
