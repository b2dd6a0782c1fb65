// Package cvc5 decides queries with the cvc5 solver, run as a separate
// process that reads an SMT-LIB2 script over a pipe.
//
// vsynth proves with Z3 through its own binding (package smt/z3); cvc5 is
// the second opinion: `vsynth prove --cross-check` re-proves every proved
// obligation with cvc5, so that a bug in Z3, in the binding or in the
// translation shows up as a disagreement between two independent solvers.
// The query crosses the pipe in the same SMT-LIB2 text that --emit-smt
// writes.
package cvc5
