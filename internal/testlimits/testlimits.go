// Package testlimits gives vsynth's tests deterministic solver limits.
//
// A test that expects a verdict (proved, failed, a rule proved, a
// synthesized term verified) must get the same verdict on an idle machine
// and on a loaded one. A wall-clock limit does not: at a load of 12 on 2
// cores a check gets a sixth of a core, and a proof that takes 3 s idle
// turns into unknown under a 10 s limit. Z3's rlimit counts the solver's
// work instead, so Limits bounds each check by resource units, with a
// wall-clock limit only as a safety net far beyond what the units take.
//
// Counter measures what the checks of a test spend, which is how Limits
// was sized (docs/soundness.md, "The suite under load").
package testlimits

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// RLimit is the resource limit of each check in the tests: 12 times the
// costliest check of the default runs measured on 2026-12-07 with Z3
// 4.8.12 (16.5 million units in ssa, 11.4 million in synth/rules; about
// 10 s of an idle core), so that every expected verdict holds with
// margin, and low enough that a check which cannot decide gives up in a
// few minutes of CPU.
const RLimit = 200_000_000

// Limits bound each check of a test that expects a verdict.
var Limits = smt.Limits{RLimit: RLimit, Timeout: 5 * time.Minute}

// resourceCounter is a solver that reports the resource units its
// context has spent (z3.Context.ResourceCount, through the solvers of
// z3.NewStandaloneSolver and of the tests).
type resourceCounter interface {
	ResourceCount() (uint64, error)
}

// Counter sums the resource units of the checks of the solvers it wraps.
type Counter struct {
	mu              sync.Mutex
	checks, unknown int
	total, max      uint64
	byDecade        [12]int // checks by the power of ten of their units
}

// Wrap returns a solver constructor whose solvers record every check in
// c (see Watch).
func (c *Counter) Wrap(newSolver func() (smt.Solver, error)) func() (smt.Solver, error) {
	return func() (smt.Solver, error) {
		s, err := newSolver()
		if err != nil {
			return nil, err
		}
		return c.Watch(s)
	}
}

// Watch returns s recording every check in c. A solver that cannot
// report its units is an error (and is closed).
func (c *Counter) Watch(s smt.Solver) (smt.Solver, error) {
	rc, ok := s.(resourceCounter)
	if !ok {
		s.Close()
		return nil, fmt.Errorf("testlimits: %T does not count resources", s)
	}
	return &counting{Solver: s, rc: rc, c: c}, nil
}

type counting struct {
	smt.Solver
	rc resourceCounter
	c  *Counter
}

func (s *counting) Check(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	before, err := s.rc.ResourceCount()
	if err != nil {
		return smt.Unknown, err
	}
	r, err := s.Solver.Check(ctx, lim)
	after, cerr := s.rc.ResourceCount()
	if err == nil {
		err = cerr
	}
	s.c.add(after-before, r)
	return r, err
}

func (c *Counter) add(used uint64, r smt.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checks++
	c.total += used
	if r == smt.Unknown {
		c.unknown++
	}
	c.max = max(c.max, used)
	d := 0
	for u := used; u >= 10 && d < len(c.byDecade)-1; u /= 10 {
		d++
	}
	c.byDecade[d]++
}

// Total is the units spent by all the checks so far.
func (c *Counter) Total() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// Max is the units of the costliest check so far.
func (c *Counter) Max() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.max
}

// String summarizes the checks.
func (c *Counter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return fmt.Sprintf("%d checks (%d unknown), %d units in all, the costliest %d units (%.1f%% of the limit); checks by 10^k units, k = 0..: %v",
		c.checks, c.unknown, c.total, c.max, 100*float64(c.max)/RLimit, c.byDecade)
}

// ResourceCount passes the count on, so that counters nest.
func (s *counting) ResourceCount() (uint64, error) { return s.rc.ResourceCount() }

// Long reports whether VSYNTH_LONG asks for the long versions of the
// tests (documented in docs/soundness.md and README).
func Long() bool { return os.Getenv("VSYNTH_LONG") != "" }
