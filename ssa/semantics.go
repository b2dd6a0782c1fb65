package ssa

import (
	"fmt"
	"go/token"
	"go/types"

	"github.com/vsynth/vsynth/smt"
)

// This file gives Go's meaning to the integer and boolean operators, on SMT
// terms. Both the lowering of function bodies and the lowering of specs use
// it, so the two can never disagree about what an operator means.

// intType describes a Go integer type: its width in bits and signedness.
type intType struct {
	width  int
	signed bool
}

// wordSize is the width of int, uint and uintptr. vsynth models the 64-bit
// platforms Go runs on (amd64, arm64, ...), where the counterexamples replay.
const wordSize = 64

// intTypeOf reports the integer type underlying t.
func intTypeOf(t types.Type) (intType, bool) {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return intType{}, false
	}
	switch b.Kind() {
	case types.Int, types.UntypedInt, types.UntypedRune:
		return intType{wordSize, true}, true
	case types.Int8:
		return intType{8, true}, true
	case types.Int16:
		return intType{16, true}, true
	case types.Int32:
		return intType{32, true}, true
	case types.Int64:
		return intType{64, true}, true
	case types.Uint, types.Uintptr:
		return intType{wordSize, false}, true
	case types.Uint8:
		return intType{8, false}, true
	case types.Uint16:
		return intType{16, false}, true
	case types.Uint32:
		return intType{32, false}, true
	case types.Uint64:
		return intType{64, false}, true
	}
	return intType{}, false
}

// isBool reports whether t's underlying type is bool.
func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// modelled reports whether values of type t are modelled: integers and
// booleans.
func modelled(t types.Type) bool {
	_, ok := sortOf(t)
	return ok
}

// sortOf maps a Go type to the sort of its values, or reports it unmodelled.
func sortOf(t types.Type) (smt.Sort, bool) {
	if isBool(t) {
		return smt.BoolSort(), true
	}
	if it, ok := intTypeOf(t); ok {
		return smt.BitVecSort(it.width), true
	}
	if isString(t) {
		return stringSort, true
	}
	if isMap(t) { // an address: what of it is modelled, maps.go says
		return smt.BitVecSort(addrWidth), true
	}
	if isInterface(t) {
		return ifaceSort, true
	}
	lay, err := layoutOf(t)
	if err != nil {
		return smt.Sort{}, false
	}
	return lay.sort(), true
}

// A hazard is a condition under which an operation panics.
type hazard struct {
	kind ObligationKind
	when *smt.Term // the operation panics exactly when this holds
	msg  string    // the start of Go's panic message, if not the kind's
}

// unary applies a Go unary operator.
func unary(op token.Token, x *smt.Term) (*smt.Term, error) {
	switch op {
	case token.SUB:
		return smt.BVNeg(x), nil
	case token.XOR:
		return smt.BVNot(x), nil
	case token.NOT:
		return smt.Not(x), nil
	case token.ADD:
		return x, nil
	}
	return nil, fmt.Errorf("unary operator %s", op)
}

// binary applies a Go binary operator to x of type xt and y. For shifts yt
// is the count's type; otherwise x and y have the same type. It returns
// the value and the hazards under which Go panics instead.
func binary(op token.Token, x, y *smt.Term, xt, yt types.Type) (*smt.Term, []hazard, error) {
	if (op == token.EQL || op == token.NEQ) && !x.IsConst() && !y.IsConst() && pointsToZeroSize(xt) {
		// "Pointers to distinct zero-size variables may or may not be
		// equal": their addresses are not modelled (memory.go).
		return nil, nil, fmt.Errorf("comparison of pointers to zero-size values (%s), which Go leaves unspecified", xt)
	}
	switch xt.Underlying().(type) {
	case *types.Slice: // only comparable with nil: compare the pointers
		if op == token.EQL || op == token.NEQ {
			px, _, _ := sliceParts(x)
			py, _, _ := sliceParts(y)
			eq := smt.Eq(px, py)
			if op == token.NEQ {
				eq = smt.Not(eq)
			}
			return eq, nil, nil
		}
	case *types.Map: // only comparable with nil: compare the addresses
		if op == token.EQL || op == token.NEQ {
			eq := smt.Eq(x, y)
			if op == token.NEQ {
				eq = smt.Not(eq)
			}
			return eq, nil, nil
		}
	case *types.Pointer, *types.Struct, *types.Array:
		// Equal exactly when the bits of their non-blank fields are:
		// integers, bools and pointers compare by value (equality.go).
		if op == token.EQL || op == token.NEQ {
			if holdsIface(xt) {
				return nil, nil, ifaceAggregate(xt)
			}
			eq := goEqual(x, y, xt)
			if op == token.NEQ {
				eq = smt.Not(eq)
			}
			return eq, nil, nil
		}
	}
	if isBool(xt) {
		switch op {
		case token.EQL:
			return smt.Eq(x, y), nil, nil
		case token.NEQ:
			return smt.Not(smt.Eq(x, y)), nil, nil
		case token.LAND:
			return smt.And(x, y), nil, nil
		case token.LOR:
			return smt.Or(x, y), nil, nil
		}
		return nil, nil, fmt.Errorf("operator %s on booleans", op)
	}
	it, ok := intTypeOf(xt)
	if !ok {
		return nil, nil, fmt.Errorf("operator %s on values of type %s", op, xt)
	}
	switch op {
	case token.ADD:
		return smt.BVAdd(x, y), nil, nil
	case token.SUB:
		return smt.BVSub(x, y), nil, nil
	case token.MUL:
		return smt.BVMul(x, y), nil, nil
	case token.AND:
		return smt.BVAnd(x, y), nil, nil
	case token.OR:
		return smt.BVOr(x, y), nil, nil
	case token.XOR:
		return smt.BVXor(x, y), nil, nil
	case token.AND_NOT:
		return smt.BVAnd(x, smt.BVNot(y)), nil, nil
	case token.QUO, token.REM:
		return divide(op, x, y, it)
	case token.SHL, token.SHR:
		ct, ok := intTypeOf(yt)
		if !ok {
			return nil, nil, fmt.Errorf("shift count of type %s", yt)
		}
		v, hz := shift(op, x, y, it, ct)
		return v, hz, nil
	case token.EQL:
		return smt.Eq(x, y), nil, nil
	case token.NEQ:
		return smt.Not(smt.Eq(x, y)), nil, nil
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		return compare(op, x, y, it.signed), nil, nil
	}
	return nil, nil, fmt.Errorf("operator %s on integers", op)
}

func compare(op token.Token, x, y *smt.Term, signed bool) *smt.Term {
	lt, le := smt.BVUlt, smt.BVUle
	if signed {
		lt, le = smt.BVSlt, smt.BVSle
	}
	switch op {
	case token.LSS:
		return lt(x, y)
	case token.LEQ:
		return le(x, y)
	case token.GTR:
		return lt(y, x)
	default: // GEQ
		return le(y, x)
	}
}

// divide is Go's / and %: truncated toward zero, so that x == (x/y)*y + x%y;
// MinInt / -1 wraps to MinInt and MinInt % -1 is 0, which SMT-LIB's bvsdiv
// and bvsrem compute as well. Division by zero panics.
func divide(op token.Token, x, y *smt.Term, it intType) (*smt.Term, []hazard, error) {
	var v *smt.Term
	switch {
	case op == token.QUO && it.signed:
		v = smt.BVSDiv(x, y)
	case op == token.QUO:
		v = smt.BVUDiv(x, y)
	case it.signed:
		v = smt.BVSRem(x, y)
	default:
		v = smt.BVURem(x, y)
	}
	zero := smt.Eq(y, smt.BVInt(it.width, 0))
	return v, hazardsIf(DivideByZero, zero), nil
}

// shift is Go's << and >>: the count may have any integer type; a count at
// or beyond the width shifts every bit out (>> of a negative signed value
// fills with ones); a negative count panics.
func shift(op token.Token, x, count *smt.Term, it, ct intType) (*smt.Term, []hazard) {
	var hz []hazard
	if ct.signed {
		hz = hazardsIf(NegativeShift, smt.BVSlt(count, smt.BVInt(ct.width, 0)))
	}
	w := it.width
	var amount, tooBig *smt.Term
	switch {
	case ct.width < w:
		amount = smt.ZeroExt(w-ct.width, count)
	case ct.width == w:
		amount = count
	default:
		// Compare in the count's width before truncating it.
		tooBig = smt.BVUle(smt.BVInt(ct.width, int64(w)), count)
		amount = smt.Extract(w-1, 0, count)
	}
	var v, saturated *smt.Term
	switch {
	case op == token.SHL:
		v, saturated = smt.BVShl(x, amount), smt.BVInt(w, 0)
	case it.signed:
		v, saturated = smt.BVAShr(x, amount), smt.BVAShr(x, smt.BVInt(w, int64(w-1)))
	default:
		v, saturated = smt.BVLShr(x, amount), smt.BVInt(w, 0)
	}
	if tooBig != nil {
		v = smt.Ite(tooBig, saturated, v)
	}
	return v, hz
}

// hazardsIf returns a hazard unless its condition is constant false.
func hazardsIf(kind ObligationKind, when *smt.Term) []hazard {
	if when.IsFalse() {
		return nil
	}
	return []hazard{{kind, when, ""}}
}

// convert is a Go conversion between integer types: truncation, or sign or
// zero extension by the source's signedness.
func convert(x *smt.Term, from, to intType) *smt.Term {
	switch {
	case to.width < from.width:
		return smt.Extract(to.width-1, 0, x)
	case to.width == from.width:
		return x
	case from.signed:
		return smt.SignExt(to.width-from.width, x)
	default:
		return smt.ZeroExt(to.width-from.width, x)
	}
}

// pointsToZeroSize reports whether values of t hold a pointer to a
// zero-size type.
func pointsToZeroSize(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return sourceSizes.Sizeof(u.Elem()) == 0
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if pointsToZeroSize(u.Field(i).Type()) {
				return true
			}
		}
	case *types.Array:
		return pointsToZeroSize(u.Elem())
	}
	return false
}
