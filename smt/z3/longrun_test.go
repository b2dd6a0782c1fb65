//go:build cgo

package z3

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// rssKB is the resident set size of the process, from /proc/self/status.
func rssKB(t testing.TB) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}

// obligation is a small QF_BV query, different for each i, over variables
// from a bounded set of names, like a worker's obligations.
func obligation(i int) []*smt.Term {
	w := 32
	x := smt.Var(fmt.Sprintf("x%d", i%7), bv(w))
	y := smt.Var("result", bv(w))
	k := smt.BVInt(w, int64(i))
	sum := smt.BVAdd(smt.BVMul(x, smt.BVInt(w, 3)), k)
	return []*smt.Term{
		smt.Eq(y, smt.Ite(smt.BVSlt(x, k), sum, smt.BVSub(x, k))),
		smt.BVUlt(smt.BVLShr(y, smt.BVInt(w, 2)), smt.BVInt(w, int64(i%1000+1))),
		smt.Not(smt.Eq(smt.Extract(7, 0, y), smt.Extract(15, 8, sum))),
	}
}

// TestLongRun proves 20,000 obligations on one context with push/pop,
// evaluating a model for the satisfiable ones, and checks that memory
// stays bounded.
func TestLongRun(t *testing.T) {
	c := newContext(t)
	s := newSolver(t, c)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	run := func(from, to int) (sat, unsat int) {
		for i := from; i < to; i++ {
			if err := s.Push(); err != nil {
				t.Fatal(err)
			}
			as := obligation(i)
			mustAssert(t, s, as...)
			r, err := s.Check(ctx, testLimits)
			if err != nil {
				t.Fatal(err)
			}
			switch r {
			case smt.Sat:
				sat++
				m, err := s.Model()
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range smt.Vars(as...) {
					if _, err := m.Eval(v); err != nil {
						t.Fatal(err)
					}
				}
			case smt.Unsat:
				unsat++
			default:
				t.Fatalf("obligation %d: unknown (%s)", i, s.ReasonUnknown())
			}
			if err := s.Pop(); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	run(0, 1000) // warm up the allocators
	runtime.GC()
	before, z3Before := rssKB(t), z3Allocated()
	sat, unsat := run(1000, 21000)
	runtime.GC()
	after, z3After := rssKB(t), z3Allocated()
	growth := after - before
	z3Growth := (int64(z3After) - int64(z3Before)) / 1024
	t.Logf("20000 checks (%d sat, %d unsat, %d recyclings): VmRSS %d kB -> %d kB (%+d kB); Z3 allocations %d kB -> %d kB (%+d kB)",
		sat, unsat, s.recycled, before, after, growth, z3Before/1024, z3After/1024, z3Growth)
	if growth > 100<<10 {
		t.Errorf("VmRSS grew by %d kB over 20000 checks", growth)
	}
	if z3Growth > 10<<10 {
		t.Errorf("Z3's allocations grew by %d kB over 20000 checks", z3Growth)
	}
	if len(c.scratch.owned) != 0 || len(c.root.owned) != 0 {
		t.Errorf("references left: scratch %d, root %d", len(c.scratch.owned), len(c.root.owned))
	}
}

// TestRecycle checks that recycling a solver keeps its base assertions
// and its limits.
func TestRecycle(t *testing.T) {
	c := newContext(t)
	s := newSolver(t, c)
	s.recycleEvery = 3
	x := smt.Var("x", bv(8))
	mustAssert(t, s, smt.Eq(x, smt.BVInt(8, 5)))
	for i := 0; i < 10; i++ {
		if err := s.Push(); err != nil {
			t.Fatal(err)
		}
		mustAssert(t, s, smt.Eq(x, smt.BVInt(8, int64(i))))
		want := smt.Unsat
		if i == 5 {
			want = smt.Sat
		}
		check(t, s, testLimits, want)
		if err := s.Pop(); err != nil {
			t.Fatal(err)
		}
	}
	if s.recycled != 3 {
		t.Errorf("%d recyclings, want 3", s.recycled)
	}
	mustAssert(t, s, smt.Not(smt.Eq(x, smt.BVInt(8, 5))))
	check(t, s, smt.Limits{}, smt.Unsat)

	// The limits survive a recycling: the solver does not set them again
	// when they do not change.
	s2 := newSolver(t, c)
	s2.recycleEvery = 1
	hardQuery(t, s2)
	lim := smt.Limits{RLimit: 300_000, Timeout: 10 * time.Minute}
	for i := 0; i < 2; i++ {
		if err := s2.Push(); err != nil {
			t.Fatal(err)
		}
		mustAssert(t, s2, smt.Eq(smt.Var("x", bv(64)), smt.BVInt(64, 0)))
		check(t, s2, lim, smt.Unsat)
		if err := s2.Pop(); err != nil {
			t.Fatal(err)
		}
	}
	if s2.recycled != 2 {
		t.Errorf("%d recyclings, want 2", s2.recycled)
	}
	before, err := c.ResourceCount()
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := s2.Check(context.Background(), lim); r != smt.Unknown || s2.ReasonUnknown() != rlimitReason {
		t.Errorf("after recycling: %v (%s), want the resource limit", r, s2.ReasonUnknown())
	}
	if after, err := c.ResourceCount(); err != nil || after-before > 2*lim.RLimit {
		t.Errorf("after recycling: the check spent %d units under a limit of %d (%v)", after-before, lim.RLimit, err)
	}
}

// BenchmarkCheckSmall translates, asserts and checks a small QF_BV
// obligation per iteration, in a push/pop scope of one solver.
func BenchmarkCheckSmall(b *testing.B) {
	c := newContext(b)
	s := newSolver(b, c)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if err := s.Push(); err != nil {
			b.Fatal(err)
		}
		mustAssert(b, s, obligation(i)...)
		if _, err := s.Check(ctx, smt.Limits{}); err != nil {
			b.Fatal(err)
		}
		if err := s.Pop(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCheckTrivial measures the binding's own cost: translating,
// asserting and checking x = i.
func BenchmarkCheckTrivial(b *testing.B) {
	c := newContext(b)
	s := newSolver(b, c)
	ctx := context.Background()
	x := smt.Var("x", bv(32))
	i := 0
	for b.Loop() {
		if err := s.Push(); err != nil {
			b.Fatal(err)
		}
		mustAssert(b, s, smt.Eq(x, smt.BVInt(32, int64(i))))
		if _, err := s.Check(ctx, smt.Limits{}); err != nil {
			b.Fatal(err)
		}
		if err := s.Pop(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
