// Package sygus reads SyGuS-IF v2 problems in the BV logic and turns them
// into synthesis problems: the grammar becomes the enumerator's grammar,
// and the constraints become a Go function (SMT-LIB operators rendered
// with exactly their semantics) that candidates are proved against
// through package ssa, like any Go contract. Constraints that are all
// ground input/output examples are also handed to the search as
// examples (programming by example, see synth.Problem.Examples), and
// are proved in parts of at most 100 examples (chunks.go).
//
// Besides the core syntax the reader takes bit vectors of 1 to 64 bits
// mixed in one problem, (_ bvN w) literals, extract, concat,
// zero_extend and sign_extend (width.go); let in constraints,
// definitions and grammar rules (let.go); (Constant (_ BitVec n)) rules,
// which stand for the problem's own constants (harvest.go); synth-inv
// with inv-constraint, read as a Boolean synth-fun with the three
// constraints of an inductive invariant (inv.go); and a nullary
// synth-fun used as a bare symbol; several synth-funs in one problem,
// searched jointly as one function that selects among their bodies
// (multi.go).
package sygus
