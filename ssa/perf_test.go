package ssa

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// BenchmarkProveGenerated proves the generated package of 200 loop-free
// functions in testdata/perf (regenerate with `go run ./gen -n 200 >
// funcs/funcs.go` there) end to end — load, SSA, specs, lowering, solving —
// and reports per run:
//
//	ms/func-median  the median time per function (lowering and solving)
//	outside-%       load + SSA + specs + lowering as a share of load +
//	                SSA + specs + lowering + solving (summed over workers)
//	wall-ms         the wall-clock time of the whole run
//
// go test ./ssa -run NONE -bench ProveGenerated -benchtime 5x
func BenchmarkProveGenerated(b *testing.B) {
	dir, _ := filepath.Abs(filepath.Join("..", "testdata", "perf"))
	var medians, outside, walls []float64
	for range b.N {
		start := time.Now()
		prog, err := Load(LoadConfig{Dir: dir}, []string{"./funcs"})
		if err != nil {
			b.Fatal(err)
		}
		opts := Options{Limits: smt.Limits{Timeout: 10 * time.Second}, NewSolver: newTestSolver}
		results, err := prog.Prove(context.Background(), prog.Targets, opts)
		if err != nil {
			b.Fatal(err)
		}
		wall := time.Since(start)
		if len(results) != 200 {
			b.Fatalf("%d functions, want 200", len(results))
		}
		var per []float64
		var lower, solve time.Duration
		for _, r := range results {
			if r.Verdict != Proved {
				b.Fatalf("%s: %s: the generated package must prove", r.Target.Name, r.Verdict)
			}
			per = append(per, float64(r.Time)/1e6)
			lower += r.Lower
			solve += r.Solve
		}
		sort.Float64s(per)
		medians = append(medians, per[len(per)/2])
		out := prog.Timing.Load + prog.Timing.Build + prog.Timing.Specs + lower
		outside = append(outside, 100*float64(out)/float64(out+solve))
		walls = append(walls, float64(wall)/1e6)
	}
	b.ReportMetric(median(medians), "ms/func-median")
	b.ReportMetric(median(outside), "outside-%")
	b.ReportMetric(median(walls), "wall-ms")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// BenchmarkSolverKinds proves ./examples/... once with Z3's general
// solver, which turns incremental after the first push, and once with the
// qfbv tactic solver that vsynth uses, each obligation limited to 2 s, and
// reports the wall time and the number of functions not proved within the
// limit for each.
//
// go test ./ssa -run NONE -bench SolverKinds -benchtime 1x
func BenchmarkSolverKinds(b *testing.B) {
	root, _ := filepath.Abs("..")
	prog, err := Load(LoadConfig{Dir: root}, []string{"./examples/..."})
	if err != nil {
		b.Fatal(err)
	}
	kinds := []struct {
		name string
		new  func() (smt.Solver, error)
	}{
		{"general", func() (smt.Solver, error) { return newSolverOfKind(false) }},
		{"qfbv", func() (smt.Solver, error) { return newSolverOfKind(true) }},
	}
	for range b.N {
		for _, k := range kinds {
			start := time.Now()
			opts := Options{Limits: smt.Limits{Timeout: 2 * time.Second}, NewSolver: k.new, Jobs: 1}
			results, err := prog.Prove(context.Background(), prog.Targets, opts)
			if err != nil {
				b.Fatal(err)
			}
			unknown := 0
			for _, r := range results {
				if r.Verdict == Unknown {
					unknown++
				}
			}
			b.ReportMetric(float64(time.Since(start))/1e6, k.name+"-wall-ms")
			b.ReportMetric(float64(unknown), k.name+"-unknown")
		}
	}
}
