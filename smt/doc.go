// Package smt is vsynth's solver-neutral language of formulas: sorts, terms
// and SMT-LIB2 printing.
//
// The verifier lowers Go functions and their specs to terms of this package;
// solver bindings such as smt/z3 translate them. Terms are immutable values
// built by the constructors in build.go and array.go, which check sorts (a
// mismatch is a programming error and panics) and fold constants so that the
// solver sees small queries. Bit-vector operators follow SMT-LIB's QF_BV
// semantics exactly; arrays (ArraySort, Select, Store) follow SMT-LIB's
// ArraysEx, with bit-vector indices, and are meant for modelling memory. The
// Go semantics of an operation (panics, shifts by large counts) is the
// lowering's business, not this package's.
//
// A solver that combines others (smt/portfolio) implements DecidedBy, so
// that the prover can record which one decided each query.
//
// smt imports no other package of vsynth.
package smt
