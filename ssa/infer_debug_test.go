package ssa

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// TestInferTrace proves the functions VSYNTH_INFER_RUN names in package
// VSYNTH_INFER_DIR with inference, tracing the candidates and the filter.
func TestInferTrace(t *testing.T) {
	dir, run := os.Getenv("VSYNTH_INFER_DIR"), os.Getenv("VSYNTH_INFER_RUN")
	if dir == "" {
		t.Skip("VSYNTH_INFER_DIR=dir VSYNTH_INFER_RUN=name traces inference")
	}
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var targets []*Target
	for _, tg := range prog.Targets {
		if run == "" || tg.Short == run {
			targets = append(targets, tg)
		}
	}
	inferTrace = t.Logf
	defer func() { inferTrace = nil }()
	results, err := prog.Prove(context.Background(), targets, Options{Limits: smt.Limits{Timeout: 10 * time.Second}, NewSolver: testsolver.New, Jobs: 1, Infer: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		t.Logf("%s: %s %s (%.1fs, inference %.1fs) %v", r.Target.Short, r.Verdict, r.Reason, r.Time.Seconds(), r.Infer.Seconds(), r.Inferred)
	}
}
