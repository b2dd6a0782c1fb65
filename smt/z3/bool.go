package z3

// #include "glue.h"
import "C"

import "github.com/vsynth/vsynth/smt"

// Bool is a Boolean expression.
type Bool struct{ expr }

func (Bool) Sort() smt.Sort { return smt.BoolSort() }

func (Bool) with(s *Scope, x C.Z3_ast) Expr { return Bool{expr{s, x}} }

func (a Bool) bool(x C.Z3_ast) Bool { return Bool{expr{a.s, x}} }

// Not is ¬a.
func (a Bool) Not() Bool { return a.bool(a.app1(C.VS_NOT, 0, 0)) }

// And is a ∧ bs[0] ∧ ...
func (a Bool) And(bs ...Bool) Bool { return a.bool(a.appN(C.VS_AND, bools(a, bs))) }

// Or is a ∨ bs[0] ∨ ...
func (a Bool) Or(bs ...Bool) Bool { return a.bool(a.appN(C.VS_OR, bools(a, bs))) }

func bools(a Bool, bs []Bool) []expr {
	es := make([]expr, 1+len(bs))
	es[0] = a.expr
	for i, b := range bs {
		es[i+1] = b.expr
	}
	return es
}

// Implies is a ⇒ b.
func (a Bool) Implies(b Bool) Bool { return a.bool(a.app2(C.VS_IMPLIES, b.expr)) }

// Xor is a ⊕ b.
func (a Bool) Xor(b Bool) Bool { return a.bool(a.app2(C.VS_XOR, b.expr)) }

// Eq is a ⇔ b.
func (a Bool) Eq(b Bool) Bool { return a.bool(a.app2(C.VS_EQ, b.expr)) }
