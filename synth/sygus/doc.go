// Package sygus reads SyGuS-IF v2 problems in the BV logic and turns them
// into synthesis problems: the grammar becomes the enumerator's grammar,
// and the constraints become a Go function (SMT-LIB operators rendered
// with exactly their semantics) that candidates are proved against
// through package ssa, like any Go contract. Constraints that are all
// ground input/output examples are also handed to the search as
// examples (programming by example, see synth.Problem.Examples), and
// are proved in parts of at most 100 examples (chunks.go).
package sygus
