package z3

// #include "glue.h"
import "C"

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/vsynth/vsynth/smt"
)

var _ smt.Model = (*Model)(nil)

// Model is a model of a satisfiable check; it implements smt.Model. It is
// owned by its solver and valid until the solver changes.
type Model struct {
	sv *Solver
	m  C.Z3_model // nil once invalid
}

var errStaleModel = errors.New("z3: model of an outdated check")

func (m *Model) valid() error {
	if m.m == nil || m.sv.closed || m.sv.ctx.closed {
		return errStaleModel
	}
	return nil
}

// Eval evaluates t under the model with model completion, so every
// variable has a value, and returns a constant: smt.Bool or smt.BVBig.
// Terms may contain arrays (select, store, array variables), but t itself
// must be a formula or a bit vector: package smt has no array constants, so
// evaluating a term of array sort is an error. Read an array's contents by
// evaluating Select(a, i) at the indices of interest.
func (m *Model) Eval(t *smt.Term) (*smt.Term, error) {
	if err := m.valid(); err != nil {
		return nil, err
	}
	if t.Sort().IsArray() {
		return nil, fmt.Errorf("z3: eval: term of array sort %s has no constant value; evaluate selects of it", t.Sort())
	}
	scratch := m.sv.ctx.scratch
	defer scratch.release()
	a, err := scratch.translate(t)
	if err != nil {
		return nil, err
	}
	return m.value(a, t.Sort())
}

// EvalBool evaluates a formula of the typed layer with model completion.
func (m *Model) EvalBool(b Bool) (bool, error) {
	if err := m.check(b.expr); err != nil {
		return false, err
	}
	v, err := m.value(b.a, smt.BoolSort())
	if err != nil {
		return false, err
	}
	return v.BoolValue(), nil
}

// EvalBitVec evaluates a bit vector of the typed layer with model
// completion; the result is in [0, 2^w).
func (m *Model) EvalBitVec(x BitVec) (*big.Int, error) {
	if err := m.check(x.expr); err != nil {
		return nil, err
	}
	v, err := m.value(x.a, x.Sort())
	if err != nil {
		return nil, err
	}
	return v.Value(), nil
}

func (m *Model) check(e expr) error {
	if err := m.valid(); err != nil {
		return err
	}
	e.s.mustBeOpen()
	if e.s.ctx != m.sv.ctx {
		return errors.New("z3: eval: expression of another context")
	}
	return nil
}

// value evaluates a and converts the result to a constant of sort.
func (m *Model) value(a C.Z3_ast, sort smt.Sort) (*smt.Term, error) {
	c := m.sv.ctx.c
	var r C.Z3_ast
	if C.vs_eval(c, m.m, a, &r) == 0 {
		return nil, m.sv.ctx.failed("eval")
	}
	defer C.Z3_dec_ref(c, r)
	if sort.IsBool() {
		switch C.Z3_get_bool_value(c, r) {
		case C.Z3_L_TRUE:
			return smt.True(), nil
		case C.Z3_L_FALSE:
			return smt.False(), nil
		}
		return nil, fmt.Errorf("z3: eval: %s is not a Boolean value", C.GoString(C.Z3_ast_to_string(c, r)))
	}
	if !C.Z3_is_numeral_ast(c, r) {
		return nil, fmt.Errorf("z3: eval: %s is not a numeral", C.GoString(C.Z3_ast_to_string(c, r)))
	}
	digits := C.GoString(C.Z3_get_numeral_string(c, r))
	if err := m.sv.ctx.lastError("eval"); err != nil {
		return nil, err
	}
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("z3: eval: bad numeral %q", digits)
	}
	return smt.BVBig(sort.Width(), v), nil
}
