//go:build cgo

package z3

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// testLimits bound the checks of tests that expect a verdict: a
// deterministic limit, so that the verdict does not depend on the
// machine's load, and a wall-clock limit only as a safety net. The
// costliest such check, the frame query of TestArrayQueries, spends
// 2.2 million units (about 1.5 s on an idle core); the limit is 23 times
// that.
var testLimits = smt.Limits{RLimit: 50_000_000, Timeout: 10 * time.Minute}

// solverKinds are the ways vsynth makes Z3 solvers: the general solver,
// the tactic solver of the prover (qfbv for QF_BV, the smt tactic for
// anything else) and a logic-specific one.
var solverKinds = []struct {
	name string
	new  func(*Context) (*Solver, error)
}{
	{"general", (*Context).NewSolver},
	{"bitvec", (*Context).NewBitVecSolver},
	{"QF_BV", func(c *Context) (*Solver, error) { return c.NewSolverForLogic("QF_BV") }},
}

// hardArrayQuery asks, through an array so that the bit-vector tactic
// solver sends it to its smt branch rather than to qfbv, for two factors
// below 2^32 of the prime 2^61-1: unsat, and far beyond small limits.
func hardArrayQuery(t testing.TB, s *Solver) {
	a := smt.Var("a", smt.ArraySort(bv(8), bv(64)))
	x, y := smt.Select(a, smt.BVInt(8, 0)), smt.Select(a, smt.BVInt(8, 1))
	n := smt.BVUint(64, 1<<61-1)
	one, lim := smt.BVInt(64, 1), smt.BVInt(64, 1<<32)
	mustAssert(t, s, smt.Eq(smt.BVMul(x, y), n), smt.BVUlt(one, x), smt.BVUlt(one, y), smt.BVUlt(x, lim), smt.BVUlt(y, lim))
}

// TestRLimitEveryKind checks that the deterministic resource limit bounds
// every kind of solver on every branch of its tactic: a check that needs
// more than the limit ends in unknown with Z3's resource reason (not
// "canceled", not "timeout"), having spent about the limit and no more,
// and the limit is relative to each check.
func TestRLimitEveryKind(t *testing.T) {
	const limit = 200_000
	queries := []struct {
		name   string
		assert func(testing.TB, *Solver)
	}{{"bv", hardQuery}, {"array", hardArrayQuery}}
	for _, k := range solverKinds {
		for _, q := range queries {
			t.Run(k.name+"/"+q.name, func(t *testing.T) {
				c := newContext(t)
				s, err := k.new(c)
				if err != nil {
					t.Fatal(err)
				}
				q.assert(t, s)
				for i := range 2 {
					before, err := c.ResourceCount()
					if err != nil {
						t.Fatal(err)
					}
					start := time.Now()
					r, err := s.Check(context.Background(), smt.Limits{RLimit: limit})
					if err != nil || r != smt.Unknown || !strings.Contains(s.ReasonUnknown(), "resource") {
						t.Fatalf("check %d = %v, %v, reason %q", i, r, err, s.ReasonUnknown())
					}
					after, err := c.ResourceCount()
					if err != nil {
						t.Fatal(err)
					}
					// Z3 tests the limit between steps, so a check can
					// overshoot it by a step; a check that ignored the limit
					// would have run until the go test deadline.
					if used := after - before; used < limit || used > 2*limit {
						t.Errorf("check %d spent %d units under a limit of %d", i, used, limit)
					}
					t.Logf("check %d: %q after %d units, %v", i, s.ReasonUnknown(), after-before, time.Since(start))
				}
			})
		}
	}
}

// TestResourceCountDeterministic checks what makes the rlimit a test's
// limit of choice: the same check on a fresh context spends the same
// number of units every time, whatever the machine's load.
func TestResourceCountDeterministic(t *testing.T) {
	for _, k := range solverKinds {
		var first uint64
		for i := range 3 {
			c := newContext(t)
			s, err := k.new(c)
			if err != nil {
				t.Fatal(err)
			}
			// 1021 is prime: no factors below 2^10, whose product
			// cannot wrap around in 20 bits.
			x, y := smt.Var("x", bv(20)), smt.Var("y", bv(20))
			one, lim := smt.BVInt(20, 1), smt.BVInt(20, 1<<10)
			mustAssert(t, s, smt.Eq(smt.BVMul(x, y), smt.BVUint(20, 1021)), smt.BVUlt(one, x), smt.BVUlt(one, y), smt.BVUlt(x, lim), smt.BVUlt(y, lim))
			check(t, s, smt.Limits{}, smt.Unsat)
			n, err := c.ResourceCount()
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Fatalf("%s: a check that decided spent no units", k.name)
			}
			if i == 0 {
				first = n
				t.Logf("%s: %d units", k.name, n)
			} else if n != first {
				t.Errorf("%s: run %d spent %d units, run 0 %d", k.name, i, n, first)
			}
		}
	}
}

// TestTacticTimeoutReason checks that the smt tactic of the bit-vector
// solver, which says "canceled" when Z3's own timer stops it, reports a
// timeout: "canceled" is kept for the caller's cancellation (vsynth prove
// reads it as --total-timeout).
func TestTacticTimeoutReason(t *testing.T) {
	c := newContext(t)
	s, err := c.NewBitVecSolver()
	if err != nil {
		t.Fatal(err)
	}
	hardArrayQuery(t, s)
	r, err := s.Check(context.Background(), smt.Limits{Timeout: 200 * time.Millisecond})
	if err != nil || r != smt.Unknown || s.ReasonUnknown() != "timeout" {
		t.Fatalf("check = %v, %v, reason %q; want unknown (timeout)", r, err, s.ReasonUnknown())
	}
}

func TestOwnLimitReason(t *testing.T) {
	for _, tt := range []struct {
		reason  string
		lim     smt.Limits
		elapsed time.Duration
		want    string
	}{
		{"canceled", smt.Limits{RLimit: 10}, time.Second, rlimitReason},
		{"canceled", smt.Limits{Timeout: time.Second}, time.Second, "timeout"},
		{"canceled", smt.Limits{Timeout: time.Second, RLimit: 10}, 2 * time.Second, "timeout"},
		{"canceled", smt.Limits{Timeout: time.Second, RLimit: 10}, time.Millisecond, rlimitReason},
		{"canceled", smt.Limits{}, time.Second, "canceled"},
		{"incomplete quantifiers", smt.Limits{RLimit: 10}, time.Second, "incomplete quantifiers"},
	} {
		if got := ownLimitReason(tt.reason, tt.lim, tt.elapsed); got != tt.want {
			t.Errorf("ownLimitReason(%q, %+v, %v) = %q, want %q", tt.reason, tt.lim, tt.elapsed, got, tt.want)
		}
	}
}
