package z3

// #include <stdlib.h>
// #include <z3.h>
import "C"

import "unsafe"

// NewBitVecSolver creates a solver that runs Z3's qfbv tactic
// (simplification, bit-blasting, SAT) on every check of a quantifier-free
// bit-vector query, and the general smt tactic on anything else: queries
// with quantifiers, arrays, or both.
//
// A general solver (NewSolver) switches to Z3's incremental core after the
// first Push; for vsynth's queries that core is often orders of magnitude
// slower than the qfbv tactic (docs/performance.md). A tactic solver keeps
// the assertion stack and runs the tactic afresh on each check, so Push and
// Pop stay cheap and every check gets the fast path.
//
// Arrays: BenchmarkArrays (array_test.go) compares this solver ("bitvec",
// whose smt tactic handles QF_ABV and ABV) with one that sends QF_AUFBV
// goals (probe is-qfaufbv) to Z3's qfaufbv tactic ("qfaufbv") and with the
// general solver, on one solver per configuration with Push/Check/Pop per
// iteration. Medians of 3 runs of
// `go test ./smt/z3 -run '^$' -bench Arrays -count 3` (Z3 4.8.12, 2 shared
// and busy cores, so ±30%; general on the last three queries: one run with
// -benchtime 1x), per check:
//
//	query                      bitvec    qfaufbv   general
//	alias-valid   QF_ABV unsat  140 ms     116 ms    104 ms
//	alias-invalid QF_ABV sat    2.5 ms     2.3 ms    1.3 ms
//	frame         ABV unsat     638 ms     625 ms    593 ms
//	frame-bug     ABV sat        54 ms      44 ms     29 ms
//	max-slice     ABV unsat     227 ms     225 ms    466 ms
//	max-slice-bug ABV sat       0.2-1.2 s  0.9-1.4 s unknown (10 s timeout)
//
// The qfaufbv branch buys nothing measurable, and the general solver gives
// up on max-slice-bug, so arrays go to the smt tactic. On a reused context
// max-slice-bug sometimes ends in unknown ("incomplete quantifiers") with
// either tactic (2 of 3 bitvec runs had some unknown iterations); on a
// fresh context it is sat. Quantified bit-vector queries are Z3's weak
// spot: stating a loop invariant at i+1 as ∀ j < i+1 instead of ∀ j < i
// plus the element at i is not proved within 20 s (see maxSliceQuery).
func (c *Context) NewBitVecSolver() (*Solver, error) {
	return c.newCondSolver([]tacticBranch{{"is-qfbv", "qfbv"}}, "smt")
}

// tacticBranch sends the goals a probe accepts to a tactic.
type tacticBranch struct{ probe, tactic string }

// newCondSolver creates a solver from the tactic that tries the branches in
// order and runs fallback on goals that no probe accepts.
func (c *Context) newCondSolver(branches []tacticBranch, fallback string) (*Solver, error) {
	if c.closed {
		return nil, errClosed
	}
	t, err := c.tactic(fallback)
	if err != nil {
		return nil, err
	}
	for i := len(branches) - 1; i >= 0; i-- {
		b := branches[i]
		cond, err := c.cond(b.probe, b.tactic, t)
		C.Z3_tactic_dec_ref(c.c, t)
		if err != nil {
			return nil, err
		}
		t = cond
	}
	defer C.Z3_tactic_dec_ref(c.c, t)
	return c.newSolver(C.Z3_mk_solver_from_tactic(c.c, t), "solver from tactic")
}

// cond makes cond(probe, tactic, otherwise), with a reference taken.
func (c *Context) cond(probe, tactic string, otherwise C.Z3_tactic) (C.Z3_tactic, error) {
	then, err := c.tactic(tactic)
	if err != nil {
		return nil, err
	}
	defer C.Z3_tactic_dec_ref(c.c, then)
	name := C.CString(probe)
	defer C.free(unsafe.Pointer(name))
	p := C.Z3_mk_probe(c.c, name)
	if err := c.lastError("probe " + probe); err != nil || p == nil {
		return nil, c.failed("probe " + probe)
	}
	C.Z3_probe_inc_ref(c.c, p)
	defer C.Z3_probe_dec_ref(c.c, p)
	t := C.Z3_tactic_cond(c.c, p, then, otherwise)
	if err := c.lastError("tactic cond"); err != nil || t == nil {
		return nil, c.failed("tactic cond")
	}
	C.Z3_tactic_inc_ref(c.c, t)
	return t, nil
}

// tactic makes the named Z3 tactic, with a reference taken.
func (c *Context) tactic(name string) (C.Z3_tactic, error) {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	t := C.Z3_mk_tactic(c.c, cs)
	if err := c.lastError("tactic " + name); err != nil || t == nil {
		return nil, c.failed("tactic " + name)
	}
	C.Z3_tactic_inc_ref(c.c, t)
	return t, nil
}
