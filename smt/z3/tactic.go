package z3

// #include <stdlib.h>
// #include <z3.h>
import "C"

import "unsafe"

// NewBitVecSolver creates a solver that runs Z3's qfbv tactic
// (simplification, bit-blasting, SAT) on every check of a quantifier-free
// bit-vector query, and the general smt tactic on anything else.
//
// A general solver (NewSolver) switches to Z3's incremental core after the
// first Push; for vsynth's queries that core is often orders of magnitude
// slower than the qfbv tactic (docs/performance.md). A tactic solver keeps
// the assertion stack and runs the tactic afresh on each check, so Push and
// Pop stay cheap and every check gets the fast path.
func (c *Context) NewBitVecSolver() (*Solver, error) {
	if c.closed {
		return nil, errClosed
	}
	qfbv, err := c.tactic("qfbv")
	if err != nil {
		return nil, err
	}
	defer C.Z3_tactic_dec_ref(c.c, qfbv)
	general, err := c.tactic("smt")
	if err != nil {
		return nil, err
	}
	defer C.Z3_tactic_dec_ref(c.c, general)
	name := C.CString("is-qfbv")
	defer C.free(unsafe.Pointer(name))
	probe := C.Z3_mk_probe(c.c, name)
	if err := c.lastError("probe is-qfbv"); err != nil || probe == nil {
		return nil, c.failed("probe is-qfbv")
	}
	C.Z3_probe_inc_ref(c.c, probe)
	defer C.Z3_probe_dec_ref(c.c, probe)
	t := C.Z3_tactic_cond(c.c, probe, qfbv, general)
	if err := c.lastError("tactic cond"); err != nil || t == nil {
		return nil, c.failed("tactic cond")
	}
	C.Z3_tactic_inc_ref(c.c, t)
	defer C.Z3_tactic_dec_ref(c.c, t)
	return c.newSolver(C.Z3_mk_solver_from_tactic(c.c, t), "solver from tactic")
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
