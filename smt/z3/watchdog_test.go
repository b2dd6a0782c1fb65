//go:build cgo

package z3

import (
	"context"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// TestWatchdogStopsACheck checks the watchdog alone: with Z3's own timer
// set far away (ten minutes) and the watchdog at 200 ms, a hard check comes
// back Unknown with reason "timeout" soon after 200 ms, and the solver
// answers the next check normally.
func TestWatchdogStopsACheck(t *testing.T) {
	saved := watchdogDelay
	watchdogDelay = func(time.Duration) time.Duration { return 200 * time.Millisecond }
	defer func() { watchdogDelay = saved }()
	c := newContext(t)
	s := newSolver(t, c)
	if err := s.Push(); err != nil {
		t.Fatal(err)
	}
	veryHardQuery(t, s)
	start := time.Now()
	r, err := s.Check(context.Background(), smt.Limits{Timeout: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	// A wide bound, for loaded machines: without the watchdog the check
	// runs until Z3's own timer, minutes away.
	if d := time.Since(start); r != smt.Unknown || s.ReasonUnknown() != "timeout" || d > 60*time.Second {
		t.Fatalf("check = %v (%q) after %v, want unknown (timeout) after about 200ms", r, s.ReasonUnknown(), d)
	}
	if err := s.Pop(); err != nil {
		t.Fatal(err)
	}
	mustAssert(t, s, smt.Eq(smt.Var("x", bv(64)), smt.BVInt(64, 0)))
	check(t, s, testLimits, smt.Sat)
}

// TestWatchdogLeavesCancelAlone checks that a cancelled context still
// reads "canceled", not "timeout".
func TestWatchdogLeavesCancelAlone(t *testing.T) {
	c := newContext(t)
	s := newSolver(t, c)
	veryHardQuery(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	r, err := s.Check(ctx, smt.Limits{Timeout: 10 * time.Minute})
	if err != nil || r != smt.Unknown || s.ReasonUnknown() != "canceled" {
		t.Fatalf("check = %v (%q), %v; want unknown (canceled)", r, s.ReasonUnknown(), err)
	}
}

// veryHardQuery asserts the factoring of 1000000016000000063 =
// 1000000007 * 1000000009 into two factors below 2^32 (what the
// prove_timeout script uses): minutes for z3.
func veryHardQuery(t testing.TB, s *Solver) {
	x, y := smt.Var("x", bv(64)), smt.Var("y", bv(64))
	one, lim := smt.BVInt(64, 1), smt.BVInt(64, 1<<32)
	mustAssert(t, s, smt.Eq(smt.BVMul(x, y), smt.BVUint(64, 1000000016000000063)),
		smt.BVUlt(one, x), smt.BVUlt(one, y), smt.BVUlt(x, lim), smt.BVUlt(y, lim))
}
