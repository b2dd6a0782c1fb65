package z3

// #include <stdlib.h>
// #include <string.h>
// #include <z3.h>
import "C"

import "unsafe"

// ResourceCount is the number of resource units (the unit of
// smt.Limits.RLimit, Z3's rlimit) the context has spent since it was
// created, over all its solvers: the "rlimit count" of Z3's statistics.
// The difference of two counts around a check is what the check spent,
// which is how tests size their deterministic limits: unlike a time, the
// count does not depend on the machine's load (rlimit_test.go).
//
// A tactic solver reports the count only once it has checked, so the
// count is read from a simple solver made for the purpose.
func (c *Context) ResourceCount() (uint64, error) {
	if c.closed {
		return 0, errClosed
	}
	s := C.Z3_mk_simple_solver(c.c)
	if err := c.lastError("statistics"); err != nil || s == nil {
		return 0, c.failed("statistics")
	}
	C.Z3_solver_inc_ref(c.c, s)
	defer C.Z3_solver_dec_ref(c.c, s)
	st := C.Z3_solver_get_statistics(c.c, s)
	if err := c.lastError("statistics"); err != nil || st == nil {
		return 0, c.failed("statistics")
	}
	C.Z3_stats_inc_ref(c.c, st)
	defer C.Z3_stats_dec_ref(c.c, st)
	key := C.CString("rlimit count")
	defer C.free(unsafe.Pointer(key))
	n := C.Z3_stats_size(c.c, st)
	for i := C.uint(0); i < n; i++ {
		if C.strcmp(C.Z3_stats_get_key(c.c, st, i), key) != 0 {
			continue
		}
		if C.Z3_stats_is_uint(c.c, st, i) {
			return uint64(C.Z3_stats_get_uint_value(c.c, st, i)), nil
		}
		return uint64(C.Z3_stats_get_double_value(c.c, st, i)), nil
	}
	return 0, nil // nothing spent yet
}
