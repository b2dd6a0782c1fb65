// Package sygus reads SyGuS-IF v2 problems in the BV logic and turns them
// into synthesis problems: the grammar becomes the enumerator's grammar,
// and the constraints become a Go function (SMT-LIB operators rendered
// with exactly their semantics) that candidates are proved against
// through package ssa, like any Go contract.
package sygus
