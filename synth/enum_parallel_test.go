package synth

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// enumGrammar is a uint32 grammar over x and y with the constants 0, 1
// and twelve operators: large enough levels to split across workers.
func enumGrammar() *Grammar {
	u32 := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u32}}}
	nt := g.NTs[0]
	nt.Prods = []*Prod{
		LeafProd(&Term{Op: OpParam, Type: u32, Param: 0}),
		LeafProd(&Term{Op: OpParam, Type: u32, Param: 1}),
		LeafProd(&Term{Op: OpConst, Type: u32, Value: 0}),
		LeafProd(&Term{Op: OpConst, Type: u32, Value: 1}),
	}
	for _, op := range []Op{OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpAndNot, OpShl, OpShr} {
		nt.Prods = append(nt.Prods, OpProd(op, u32, 0, 0))
	}
	for _, op := range []Op{OpNeg, OpCom} {
		nt.Prods = append(nt.Prods, OpProd(op, u32, 0))
	}
	return g
}

// enumPoints are n fixed pseudo-random (x, y) pairs.
func enumPoints(n int) [][]uint64 {
	rng := rand.New(rand.NewSource(7))
	pts := make([][]uint64, n)
	for i := range pts {
		pts[i] = []uint64{uint64(rng.Uint32()), uint64(rng.Uint32() >> uint(rng.Intn(32)))}
	}
	return pts
}

// enumTrace runs the enumerator and records every visited term with its
// values, in visiting order; it stops after stopAfter visits (0: never).
func enumTrace(workers, maxSize, stopAfter int) (string, Outcome, Counts) {
	return enumTraceSkip(workers, maxSize, stopAfter, nil)
}

// enumTraceSkip is enumTrace with a Skip hook.
func enumTraceSkip(workers, maxSize, stopAfter int, skip func(*Search, int, int, []int32) bool) (string, Outcome, Counts) {
	e := &Enumerator{Grammar: enumGrammar(), MaxSize: maxSize, Workers: workers, Skip: skip}
	var b strings.Builder
	visits := 0
	out, _, count := e.Run(context.Background(), enumPoints(16), func(s *Search, idx int32, vals []uint64) bool {
		fmt.Fprintf(&b, "%d %v %v\n", s.Size(idx), s.Term(idx), vals)
		visits++
		return stopAfter > 0 && visits >= stopAfter
	})
	return b.String(), out, count
}

// TestEnumeratorDeterministic checks that the number of workers changes
// nothing: the same terms are kept and visited in the same order, the
// same number of terms is built, and a visitor that stops at the k-th
// term stops at the same term.
func TestEnumeratorDeterministic(t *testing.T) {
	want, wantOut, wantCount := enumTrace(1, 3, 0)
	if wantOut != SizeLimit || strings.Count(want, "\n") < 1000 {
		t.Fatalf("one worker: outcome %v, %d terms visited; want SizeLimit and more than 1000", wantOut, strings.Count(want, "\n"))
	}
	for _, w := range []int{2, 3, 8} {
		got, out, count := enumTrace(w, 3, 0)
		if got != want || out != wantOut || count != wantCount {
			t.Errorf("%d workers: %d terms visited, %v built, outcome %v; one worker: %d, %v, %v",
				w, strings.Count(got, "\n"), count, out, strings.Count(want, "\n"), wantCount, wantOut)
		}
	}
	stopWant, _, stopCount := enumTrace(1, 3, 777)
	for _, w := range []int{2, 8} {
		got, out, count := enumTrace(w, 3, 777)
		if got != stopWant || out != Stopped || count != stopCount {
			t.Errorf("%d workers, stopped at the 777th term: differs from one worker (outcome %v, %v built, want %v)", w, out, count, stopCount)
		}
	}
}

// TestEnumeratorDeterministicWithRules: with rule pruning, which workers
// call while the main goroutine merges, the number of workers changes
// nothing either, and the merged blocks' skips are counted exactly.
func TestEnumeratorDeterministicWithRules(t *testing.T) {
	set, err := RuleSet("all")
	if err != nil {
		t.Fatal(err)
	}
	pr := NewRulePruner(set, &Problem{Grammar: enumGrammar()})
	if pr == nil {
		t.Fatal("no pruner for the grammar")
	}
	want, wantOut, wantCount := enumTraceSkip(1, 3, 0, pr.Skip)
	plain, _, plainCount := enumTrace(1, 3, 0)
	if wantCount.Skipped == 0 || wantCount.Built+wantCount.Skipped != plainCount.Built || strings.Count(want, "\n") != strings.Count(plain, "\n") {
		t.Fatalf("with rules %v and %d kept, without %v and %d kept: want some skipped, the same combinations and the same number kept",
			wantCount, strings.Count(want, "\n"), plainCount, strings.Count(plain, "\n"))
	}
	for _, w := range []int{2, 8} {
		got, out, count := enumTraceSkip(w, 3, 0, pr.Skip)
		if got != want || out != wantOut || count != wantCount {
			t.Errorf("%d workers: %v, outcome %v; one worker: %v, %v", w, count, out, wantCount, wantOut)
		}
		_, _, stopWant := enumTraceSkip(1, 3, 500, pr.Skip)
		if _, _, stopGot := enumTraceSkip(w, 3, 500, pr.Skip); stopGot != stopWant {
			t.Errorf("%d workers, stopped at the 500th term: %v; one worker: %v", w, stopGot, stopWant)
		}
	}
}

// BenchmarkEnumerate enumerates enumGrammar up to size 4 on 16 points,
// alternating in every iteration one worker, two workers, and, as a
// control for a shared machine, two one-worker enumerations side by side
// (as fast as one when two cores are free, twice as slow when only one
// is). It reports the median time of each and the ratios: speedup is
// one worker's time over two workers'; capacity is twice one worker's
// time over the control's (2 when two cores were free, 1 when one was).
func BenchmarkEnumerate(b *testing.B) {
	run := func(workers int) {
		e := &Enumerator{Grammar: enumGrammar(), MaxSize: 4, Workers: workers}
		e.Run(context.Background(), enumPoints(16), func(*Search, int32, []uint64) bool { return false })
	}
	timed := func(f func()) float64 {
		start := time.Now()
		f()
		return time.Since(start).Seconds()
	}
	var one, two, control []float64
	for range b.N {
		one = append(one, timed(func() { run(1) }))
		two = append(two, timed(func() { run(2) }))
		control = append(control, timed(func() {
			var wg sync.WaitGroup
			for range 2 {
				wg.Add(1)
				go func() { defer wg.Done(); run(1) }()
			}
			wg.Wait()
		}))
	}
	m1, m2, mc := median(one), median(two), median(control)
	b.ReportMetric(m1, "s/1-worker")
	b.ReportMetric(m2, "s/2-workers")
	b.ReportMetric(mc, "s/control")
	b.ReportMetric(m1/m2, "speedup")
	b.ReportMetric(2*m1/mc, "capacity")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
