package z3

// #include "glue.h"
import "C"

import (
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// Expr is a Z3 expression of a sort this package supports: Bool, BitVec or
// Array.
type Expr interface {
	// Sort is the expression's sort.
	Sort() smt.Sort
	// Scope is the scope that owns the expression.
	Scope() *Scope
	// String renders the expression in Z3's SMT-LIB syntax.
	String() string

	base() expr
	with(s *Scope, a C.Z3_ast) Expr // the expression of the same sort with AST a, owned by s
}

// expr is an AST owned by a scope.
type expr struct {
	s *Scope
	a C.Z3_ast
}

func (e expr) Scope() *Scope { return e.s }

func (e expr) String() string {
	e.s.mustBeOpen()
	return C.GoString(C.Z3_ast_to_string(e.s.ctx.c, e.a))
}

func (e expr) base() expr { return e }

// check panics unless e is usable with the receiver-side expression r.
func (r expr) check(e expr) {
	e.s.mustBeOpen()
	if e.s.ctx != r.s.ctx {
		panic("z3: operands of different contexts")
	}
}

func (r expr) app1(op C.int, i, j int) C.Z3_ast {
	r.s.mustBeOpen()
	return r.s.own(C.vs_app1(r.s.ctx.c, op, r.a, C.uint(i), C.uint(j)), "apply")
}

func (r expr) app2(op C.int, e expr) C.Z3_ast {
	r.s.mustBeOpen()
	r.check(e)
	return r.s.own(C.vs_app2(r.s.ctx.c, op, r.a, e.a), "apply")
}

func (r expr) appN(op C.int, es []expr) C.Z3_ast {
	r.s.mustBeOpen()
	args := make([]C.Z3_ast, len(es))
	for i, e := range es {
		r.check(e)
		args[i] = e.a
	}
	return r.s.own(C.vs_app(r.s.ctx.c, op, C.uint(len(args)), &args[0], 0, 0), "apply")
}

// Ite is if c then a else b, in c's scope.
func Ite[T Expr](c Bool, a, b T) T {
	if a.Sort() != b.Sort() {
		panic(fmt.Sprintf("z3: ite: branches of sorts %s and %s", a.Sort(), b.Sort()))
	}
	r := c.appN(C.VS_ITE, []expr{c.expr, a.base(), b.base()})
	return a.with(c.s, r).(T)
}
