// Package z3 is vsynth's binding to the Z3 SMT solver, through its C API
// (libz3, 4.8.12 or later).
//
// It offers two layers. The typed layer builds Z3 expressions directly:
// a Context makes constants (BoolConst, BitVecConst, ArrayConst, ...) of the
// types Bool, BitVec and Array, whose methods are the Boolean, bit-vector and
// array (select, store) operations. The
// smt layer translates terms of package smt (Translate) and implements
// smt.Solver and smt.Model (Solver, Model), which is what the verifier uses.
//
// # Memory
//
// The Context is created by NewContext and must be closed with Close.
// Z3 expressions are reference-counted (Z3_mk_context_rc); every expression
// the package hands out is owned by a Scope, which holds one reference to it
// and drops them all when it is closed. The Context has a root scope, used by
// its own constructors and released by Context.Close; NewScope opens shorter
// ones. A Solver translates the terms it is given into a scratch scope that it
// empties after each call, so that a long-running worker proving thousands of
// obligations on one Context keeps a bounded memory: only what the live
// solvers' assertions need stays allocated. Because Z3's own solvers retain
// some memory per check even across push and pop, a Solver also resets its
// Z3 solver every thousand checks when it pops back to depth 0, asserting its
// base assertions again. Using an expression after its scope was closed
// panics.
//
// Programming errors in the typed layer (operands of different widths or
// contexts, extraction out of range) panic, as in package smt. Errors
// reported by Z3 never abort the process: the package installs an error
// handler that returns, reads the error code after each call that can fail,
// and returns an *Error.
//
// # Concurrency
//
// A Context and everything made from it (scopes, expressions, solvers,
// models) must be used by one goroutine at a time; use one Context per
// worker. Z3 contexts are not tied to OS threads, so goroutines need not be
// locked to one. The one exception is Interrupt, which any goroutine may call
// while the context is open; Solver.Check uses it to stop when its
// context.Context is done.
package z3
