package ssa

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
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
		opts := Options{Limits: smt.Limits{Timeout: 10 * time.Second}, NewSolver: testsolver.New}
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
		{"general", func() (smt.Solver, error) { return testsolver.OfKind(false) }},
		{"qfbv", func() (smt.Solver, error) { return testsolver.OfKind(true) }},
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

// BenchmarkProveExamples proves ./examples/... (one function at a time)
// and reports the median and the largest time per function (lowering and
// solving) and how many functions took over 100 ms.
//
// go test ./ssa -run NONE -bench ProveExamples -benchtime 3x
func BenchmarkProveExamples(b *testing.B) {
	root, _ := filepath.Abs("..")
	prog, err := Load(LoadConfig{Dir: root}, []string{"./examples/..."})
	if err != nil {
		b.Fatal(err)
	}
	var medians, maxes, slow []float64
	for range b.N {
		opts := Options{Limits: smt.Limits{Timeout: 10 * time.Second}, NewSolver: testsolver.New, Jobs: 1}
		results, err := prog.Prove(context.Background(), prog.Targets, opts)
		if err != nil {
			b.Fatal(err)
		}
		var per []float64
		n := 0
		for _, r := range results {
			ms := float64(r.Lower+r.Solve) / 1e6
			per = append(per, ms)
			if ms > 100 {
				n++
			}
		}
		sort.Float64s(per)
		medians = append(medians, per[len(per)/2])
		maxes = append(maxes, per[len(per)-1])
		slow = append(slow, float64(n))
	}
	b.ReportMetric(median(medians), "ms/func-median")
	b.ReportMetric(median(maxes), "ms/func-max")
	b.ReportMetric(median(slow), "funcs-over-100ms")
}

// BenchmarkUnroll proves Kernighan's bit count over uint32 (at most 32
// iterations) with the loop unrolled N times: below 32 the unwinding
// obligation is refuted (unknown), from 32 on the function is proved.
//
// go test ./ssa -run NONE -bench Unroll -benchtime 3x
func BenchmarkUnroll(b *testing.B) {
	root, _ := filepath.Abs("..")
	prog, err := Load(LoadConfig{Dir: root}, []string{"./examples/popcount"})
	if err != nil {
		b.Fatal(err)
	}
	var target []*Target
	for _, t := range prog.Targets {
		if t.Short == "popcount.Count32" {
			target = append(target, t)
		}
	}
	for _, n := range []int{8, 16, 32, 64} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			var verdict Verdict
			for range b.N {
				opts := Options{Limits: smt.Limits{Timeout: 60 * time.Second}, NewSolver: testsolver.New, Unroll: n}
				results, err := prog.Prove(context.Background(), target, opts)
				if err != nil {
					b.Fatal(err)
				}
				verdict = results[0].Verdict
			}
			want := Unknown
			if n >= 32 {
				want = Proved
			}
			if verdict != want {
				b.Fatalf("unroll %d: %s, want %s", n, verdict, want)
			}
		})
	}
}
