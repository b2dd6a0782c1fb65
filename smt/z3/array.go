package z3

// #include "glue.h"
import "C"

import (
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// Array is an array expression (SMT-LIB ArraysEx): a total map from
// bit-vector indices to elements of its element sort.
type Array struct {
	expr
	sort smt.Sort
}

// Sort is the array sort, e.g. (Array (_ BitVec 64) (_ BitVec 8)).
func (a Array) Sort() smt.Sort { return a.sort }

func (a Array) with(s *Scope, x C.Z3_ast) Expr { return Array{expr{s, x}, a.sort} }

// Select is the element of a at index i: a Bool, BitVec or Array according
// to the element sort (type-assert the result).
func (a Array) Select(i BitVec) Expr {
	if i.Sort() != a.sort.Index() {
		panic(fmt.Sprintf("z3: select: array of sort %s at index of sort %s", a.sort, i.Sort()))
	}
	return a.s.wrap(a.app2(C.VS_SELECT, i.expr), a.sort.Elem())
}

// Store is a with index i mapped to v.
func (a Array) Store(i BitVec, v Expr) Array {
	if i.Sort() != a.sort.Index() || v.Sort() != a.sort.Elem() {
		panic(fmt.Sprintf("z3: store: array of sort %s, index of sort %s, value of sort %s", a.sort, i.Sort(), v.Sort()))
	}
	return Array{expr{a.s, a.appN(C.VS_STORE, []expr{a.expr, i.expr, v.base()})}, a.sort}
}

// Eq is a = b (extensional equality).
func (a Array) Eq(b Array) Bool {
	if a.sort != b.sort {
		panic(fmt.Sprintf("z3: =: arrays of sorts %s and %s", a.sort, b.sort))
	}
	return Bool{expr{a.s, a.app2(C.VS_EQ, b.expr)}}
}
