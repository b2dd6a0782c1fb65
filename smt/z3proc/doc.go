// Package z3proc decides queries of package smt with a Z3 executable
// (`z3 -in`), driven over pipes in SMT-LIB2: the solver of a build
// without cgo (CGO_ENABLED=0), where package smt/z3's libz3 binding is
// not available, and a second, independent way to run the same queries.
//
// A Solver keeps its assertion stack on the Go side. Each Check sends the
// whole query to one long-lived Z3 process, after a (reset): so push and
// pop cost nothing in the process, a restarted process (after a
// cancellation kills it) loses no state, and every check is a fresh,
// non-incremental Z3 run, as `z3 FILE` on an --emit-smt file would be.
// The query is printed by smt.WriteScript with the term DAG's sharing.
//
// A Model evaluates terms with Z3's (eval), with model completion; a
// variable of the term that the query does not mention takes the zero
// value of its sort, as model completion would give it.
//
// Limits: the time limit is Z3's :timeout, with a watchdog that kills
// the process two seconds after it; the resource limit is Z3's :rlimit
// (the same units as libz3's, counted from the (reset)).
package z3proc
