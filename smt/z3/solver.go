package z3

// #include <stdlib.h>
// #include "glue.h"
import "C"

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"
	"unsafe"

	"github.com/vsynth/vsynth/smt"
)

var _ smt.Solver = (*Solver)(nil)

// Solver is an incremental Z3 solver; it implements smt.Solver.
type Solver struct {
	ctx       *Context
	s         C.Z3_solver
	sat       bool   // the last check answered sat and nothing changed since
	model     *Model // the model of that answer, once asked for
	reason    string
	limits    smt.Limits // the limits the Z3 solver is set to
	limitsSet bool
	closed    bool

	// Z3's solvers keep some memory for each check even across push and
	// pop (about 2.5 kB per small QF_BV check with Z3 4.8.12), so a solver
	// that has checked recycleEvery times since its last recycling is reset
	// when it pops back to depth 0, and its base assertions, which it keeps
	// a reference to, are asserted again. A solver that never returns to
	// depth 0 is never recycled.
	base         []C.Z3_ast // the assertions made at depth 0
	depth        int        // number of open scopes
	checks       int        // checks since the last recycling
	recycleEvery int
	recycled     int // number of recyclings, for tests
}

// recycleEvery is the default number of checks after which a solver that
// pops back to depth 0 is recycled: it bounds the memory a long-running
// solver retains, for a negligible rebuilding cost.
const recycleEvery = 1000

// NewSolver creates a general-purpose solver (Z3_mk_solver), which picks
// its strategy from the assertions.
func (c *Context) NewSolver() (*Solver, error) {
	if c.closed {
		return nil, errClosed
	}
	return c.newSolver(C.Z3_mk_solver(c.c), "new solver")
}

// NewSolverForLogic creates a solver specialized to an SMT-LIB logic such
// as "QF_BV" (Z3_mk_solver_for_logic).
func (c *Context) NewSolverForLogic(logic string) (*Solver, error) {
	if c.closed {
		return nil, errClosed
	}
	cs := C.CString(logic)
	defer C.free(unsafe.Pointer(cs))
	return c.newSolver(C.Z3_mk_solver_for_logic(c.c, C.Z3_mk_string_symbol(c.c, cs)), "new solver for "+logic)
}

func (c *Context) newSolver(s C.Z3_solver, op string) (*Solver, error) {
	if err := c.lastError(op); err != nil || s == nil {
		return nil, c.failed(op)
	}
	C.Z3_solver_inc_ref(c.c, s)
	sv := &Solver{ctx: c, s: s, recycleEvery: recycleEvery}
	c.solvers[sv] = struct{}{}
	return sv, nil
}

var errSolverClosed = errors.New("z3: solver closed")

// change is called before anything that changes the solver's state: the
// model of the last answer, if any, becomes invalid.
func (s *Solver) change() error {
	if s.closed || s.ctx.closed {
		return errSolverClosed
	}
	s.sat = false
	if s.model != nil {
		C.Z3_model_dec_ref(s.ctx.c, s.model.m)
		s.model.m = nil
		s.model = nil
	}
	return nil
}

// Assert adds a formula to the current scope.
func (s *Solver) Assert(t *smt.Term) error {
	if err := s.change(); err != nil {
		return err
	}
	if !t.Sort().IsBool() {
		return errors.New("z3: assert: term of sort " + t.Sort().String())
	}
	scratch := s.ctx.scratch
	defer scratch.release()
	a, err := scratch.translate(t)
	if err != nil {
		return err
	}
	return s.assert(a)
}

func (s *Solver) assert(a C.Z3_ast) error {
	C.Z3_solver_assert(s.ctx.c, s.s, a)
	if err := s.ctx.lastError("assert"); err != nil {
		return err
	}
	if s.depth == 0 {
		C.Z3_inc_ref(s.ctx.c, a)
		s.base = append(s.base, a)
	}
	return nil
}

// AssertBool adds a formula of the typed layer to the current scope.
func (s *Solver) AssertBool(b Bool) error {
	if err := s.change(); err != nil {
		return err
	}
	b.s.mustBeOpen()
	if b.s.ctx != s.ctx {
		return errors.New("z3: assert: formula of another context")
	}
	return s.assert(b.a)
}

// Push opens a scope.
func (s *Solver) Push() error {
	if err := s.change(); err != nil {
		return err
	}
	C.Z3_solver_push(s.ctx.c, s.s)
	if err := s.ctx.lastError("push"); err != nil {
		return err
	}
	s.depth++
	return nil
}

// Pop discards the assertions of the innermost scope. Popping without a
// scope is an error.
func (s *Solver) Pop() error {
	if err := s.change(); err != nil {
		return err
	}
	C.Z3_solver_pop(s.ctx.c, s.s, 1)
	if err := s.ctx.lastError("pop"); err != nil {
		return err
	}
	s.depth--
	if s.depth == 0 && s.checks >= s.recycleEvery {
		return s.recycle()
	}
	return nil
}

// recycle replaces the Z3 solver's state by a fresh one holding the base
// assertions (Z3_solver_reset keeps the handle and its parameters).
func (s *Solver) recycle() error {
	s.checks = 0
	s.recycled++
	C.Z3_solver_reset(s.ctx.c, s.s)
	if err := s.ctx.lastError("reset"); err != nil {
		return err
	}
	for _, a := range s.base {
		C.Z3_solver_assert(s.ctx.c, s.s, a)
		if err := s.ctx.lastError("assert"); err != nil {
			return err
		}
	}
	return nil
}

// Check decides the conjunction of the assertions within the limits: a
// timeout or an exhausted resource limit answers smt.Unknown with the reason
// Z3 gives ("timeout", "max. resource limit exceeded", ...). When ctx is done
// the check is interrupted and answers smt.Unknown with reason "canceled"
// (and no error).
func (s *Solver) Check(ctx context.Context, lim smt.Limits) (smt.Result, error) {
	if err := s.change(); err != nil {
		return smt.Unknown, err
	}
	s.reason = ""
	if ctx.Err() != nil {
		s.reason = "canceled"
		return smt.Unknown, nil
	}
	if err := s.setLimits(lim); err != nil {
		return smt.Unknown, err
	}
	parent := ctx
	if lim.Timeout > 0 {
		// See watchdog.go.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, watchdogDelay(lim.Timeout))
		defer cancel()
	}
	var stop func() bool
	if done := ctx.Done(); done != nil {
		stop = s.ctx.interruptOn(done)
	}
	s.checks++
	start := time.Now()
	r := C.Z3_solver_check(s.ctx.c, s.s)
	interrupted := stop != nil && stop()
	if err := s.ctx.lastError("check"); err != nil {
		return smt.Unknown, err
	}
	switch r {
	case C.Z3_L_TRUE:
		s.sat = true
		return smt.Sat, nil
	case C.Z3_L_FALSE:
		return smt.Unsat, nil
	}
	switch {
	case parent.Err() != nil:
		s.reason = "canceled"
	case interrupted || ctx.Err() != nil:
		s.reason = "timeout" // the watchdog stopped it
	default:
		s.reason = ownLimitReason(C.GoString(C.Z3_solver_get_reason_unknown(s.ctx.c, s.s)), lim, time.Since(start))
	}
	return smt.Unknown, nil
}

// rlimitReason is Z3's reason when a check exhausts its rlimit.
const rlimitReason = "max. resource limit exceeded"

// ownLimitReason names the limit behind Z3's reason for an unknown answer
// that no interrupt of ours caused. A tactic stopped by Z3's own timeout
// or rlimit says "canceled" (the smt tactic on arrays does), which would
// read as the caller's cancellation: it was the timeout when the check
// ran that long, else the resource limit.
func ownLimitReason(reason string, lim smt.Limits, elapsed time.Duration) string {
	if reason != "canceled" {
		return reason
	}
	switch {
	case lim.Timeout > 0 && elapsed >= lim.Timeout:
		return "timeout"
	case lim.RLimit > 0:
		return rlimitReason
	}
	return reason
}

// setLimits sets the solver's timeout and rlimit parameters, unless they
// already have these values.
func (s *Solver) setLimits(lim smt.Limits) error {
	if s.limitsSet && lim == s.limits {
		return nil
	}
	timeout := uint64(math.MaxUint32) // none
	if lim.Timeout > 0 {
		timeout = uint64((lim.Timeout + time.Millisecond - 1) / time.Millisecond)
		timeout = min(timeout, math.MaxUint32-1)
	}
	rlimit := min(lim.RLimit, math.MaxUint32) // 0 is none
	if code := C.vs_set_limits(s.ctx.c, s.s, C.uint(timeout), C.uint(rlimit)); code != C.Z3_OK {
		return &Error{Op: "set limits", Code: int(code), Msg: C.GoString(C.Z3_get_error_msg(s.ctx.c, C.Z3_error_code(code)))}
	}
	s.limits, s.limitsSet = lim, true
	return nil
}

// interruptOn interrupts the context when done is closed, until stop is
// called; stop reports whether an interrupt was sent. Z3 ignores an
// interrupt that arrives before a check has registered its handler, so the
// interrupt is repeated until stop.
func (c *Context) interruptOn(done <-chan struct{}) (stop func() bool) {
	var (
		mu          sync.Mutex
		running     = true
		interrupted = false
	)
	quit := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-quit:
			return
		}
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			mu.Lock()
			if running {
				C.Z3_interrupt(c.c)
				interrupted = true
			}
			mu.Unlock()
			select {
			case <-tick.C:
			case <-quit:
				return
			}
		}
	}()
	return func() bool {
		mu.Lock()
		running = false
		r := interrupted
		mu.Unlock()
		close(quit)
		return r
	}
}

// Model returns the model of the last check, which must have answered
// smt.Sat with no change to the solver since. The model is a *Model; it
// stays valid until the solver next changes (Assert, Push, Pop, Check,
// Close).
func (s *Solver) Model() (smt.Model, error) {
	if s.closed || s.ctx.closed {
		return nil, errSolverClosed
	}
	if !s.sat {
		return nil, errors.New("z3: model: the last check did not answer sat")
	}
	if s.model == nil {
		m := C.Z3_solver_get_model(s.ctx.c, s.s)
		if err := s.ctx.lastError("model"); err != nil || m == nil {
			return nil, s.ctx.failed("model")
		}
		C.Z3_model_inc_ref(s.ctx.c, m)
		s.model = &Model{sv: s, m: m}
	}
	return s.model, nil
}

// ReasonUnknown explains the last smt.Unknown answer.
func (s *Solver) ReasonUnknown() string { return s.reason }

// Name is "z3 " followed by the library's version.
func (s *Solver) Name() string { return "z3 " + Version() }

// Close releases the solver. Closing a closed solver does nothing.
func (s *Solver) Close() error {
	if s.closed {
		return nil
	}
	if !s.ctx.closed {
		s.change()
		for _, a := range s.base {
			C.Z3_dec_ref(s.ctx.c, a)
		}
		C.Z3_solver_dec_ref(s.ctx.c, s.s)
	}
	s.base = nil
	delete(s.ctx.solvers, s)
	s.closed = true
	return nil
}
