package smt

import (
	"fmt"
	"math/big"
)

// Mathematical integers: the sort Int of SMT-LIB's Ints theory, its
// arithmetic, and bv2nat, the bridge from bit vectors. The spec language's
// unbounded integers (mathint) are lowered to them; code never is.
// Constants fold; div and mod are SMT-LIB's (Euclidean: the remainder is
// never negative), and a division by zero is left to the solver (the
// lowering raises its own obligation first).

// IntSort is the sort of mathematical integers.
func IntSort() Sort { return Sort{kind: KindInt} }

// IsInt reports whether s is the Int sort.
func (s Sort) IsInt() bool { return s.kind == KindInt }

// Int is the integer constant v.
func Int(v *big.Int) *Term {
	return &Term{op: OpConst, sort: IntSort(), value: new(big.Int).Set(v)}
}

// IntInt64 is the integer constant v.
func IntInt64(v int64) *Term { return Int(big.NewInt(v)) }

func mustInt(op Op, ts ...*Term) {
	for _, t := range ts {
		if !t.sort.IsInt() {
			panic(fmt.Sprintf("smt: %s: operand of sort %s, want Int", op, t.sort))
		}
	}
}

func intConsts(ts ...*Term) bool {
	for _, t := range ts {
		if !t.IsConst() {
			return false
		}
	}
	return true
}

// IntAdd is a + b.
func IntAdd(a, b *Term) *Term {
	mustInt(OpIntAdd, a, b)
	switch {
	case intConsts(a, b):
		return Int(new(big.Int).Add(a.value, b.value))
	case a.IsConst() && a.value.Sign() == 0:
		return b
	case b.IsConst() && b.value.Sign() == 0:
		return a
	}
	return &Term{op: OpIntAdd, sort: IntSort(), args: []*Term{a, b}}
}

// IntSub is a - b.
func IntSub(a, b *Term) *Term {
	mustInt(OpIntSub, a, b)
	switch {
	case intConsts(a, b):
		return Int(new(big.Int).Sub(a.value, b.value))
	case b.IsConst() && b.value.Sign() == 0:
		return a
	}
	return &Term{op: OpIntSub, sort: IntSort(), args: []*Term{a, b}}
}

// IntMul is a * b.
func IntMul(a, b *Term) *Term {
	mustInt(OpIntMul, a, b)
	if intConsts(a, b) {
		return Int(new(big.Int).Mul(a.value, b.value))
	}
	return &Term{op: OpIntMul, sort: IntSort(), args: []*Term{a, b}}
}

// IntNeg is -a.
func IntNeg(a *Term) *Term {
	mustInt(OpIntNeg, a)
	if a.IsConst() {
		return Int(new(big.Int).Neg(a.value))
	}
	return &Term{op: OpIntNeg, sort: IntSort(), args: []*Term{a}}
}

// IntDiv is SMT-LIB's a div b: the Euclidean quotient, so that
// a = b*q + r with 0 <= r < |b|.
func IntDiv(a, b *Term) *Term {
	mustInt(OpIntDiv, a, b)
	if intConsts(a, b) && b.value.Sign() != 0 {
		q, _ := euclid(a.value, b.value)
		return Int(q)
	}
	return &Term{op: OpIntDiv, sort: IntSort(), args: []*Term{a, b}}
}

// IntMod is SMT-LIB's a mod b: the Euclidean remainder, in [0, |b|).
func IntMod(a, b *Term) *Term {
	mustInt(OpIntMod, a, b)
	if intConsts(a, b) && b.value.Sign() != 0 {
		_, r := euclid(a.value, b.value)
		return Int(r)
	}
	return &Term{op: OpIntMod, sort: IntSort(), args: []*Term{a, b}}
}

// euclid is Euclidean division (big.Int's DivMod).
func euclid(a, b *big.Int) (*big.Int, *big.Int) {
	q, r := new(big.Int), new(big.Int)
	q.DivMod(a, b, r)
	return q, r
}

// IntLe is a <= b.
func IntLe(a, b *Term) *Term {
	mustInt(OpIntLe, a, b)
	if intConsts(a, b) {
		return Bool(a.value.Cmp(b.value) <= 0)
	}
	return &Term{op: OpIntLe, sort: BoolSort(), args: []*Term{a, b}}
}

// IntLt is a < b.
func IntLt(a, b *Term) *Term {
	mustInt(OpIntLt, a, b)
	if intConsts(a, b) {
		return Bool(a.value.Cmp(b.value) < 0)
	}
	return &Term{op: OpIntLt, sort: BoolSort(), args: []*Term{a, b}}
}

// BV2Nat is the unsigned value of the bit vector a, in [0, 2^w).
func BV2Nat(a *Term) *Term {
	if !a.sort.IsBitVec() {
		panic(fmt.Sprintf("smt: bv2nat: operand of sort %s", a.sort))
	}
	return bvValue(a, false)
}

// BV2Int is the two's-complement value of the bit vector a.
func BV2Int(a *Term) *Term {
	if !a.sort.IsBitVec() {
		panic(fmt.Sprintf("smt: bv2int: operand of sort %s", a.sort))
	}
	return bvValue(a, true)
}

// bvValue is the value of a as an integer, signed or unsigned. It is
// pushed through the arithmetic that built a — the value of bvadd(x, y)
// is that of x plus that of y, brought back into the range by one
// multiple of 2^w — so that the solver sees the integer arithmetic a
// bit-vector computation performs (and can relate sum + i to i*(i+1)/2),
// not only bv2nat of an opaque bit vector. Every step is an identity.
func bvValue(a *Term, signed bool) *Term {
	w := a.sort.Width()
	switch a.op {
	case OpConst:
		if signed {
			return Int(a.SignedValue())
		}
		return Int(a.value)
	case OpIte:
		return Ite(a.args[0], bvValue(a.args[1], signed), bvValue(a.args[2], signed))
	case OpBVAdd, OpBVSub, OpBVMul:
		x, y := bvValue(a.args[0], signed), bvValue(a.args[1], signed)
		var v *Term
		switch a.op {
		case OpBVAdd:
			v = IntAdd(x, y)
		case OpBVSub:
			v = IntSub(x, y)
		default:
			v = IntMul(x, y)
		}
		return wrapInt(v, w, signed, a.op != OpBVMul)
	case OpBVNeg:
		return wrapInt(IntNeg(bvValue(a.args[0], signed)), w, signed, true)
	case OpSignExt:
		if signed {
			return bvValue(a.args[0], true)
		}
	case OpZeroExt:
		if !signed || a.hi > 0 {
			return bvValue(a.args[0], false)
		}
	}
	n := &Term{op: OpBV2Nat, sort: IntSort(), args: []*Term{a}}
	if !signed {
		return n
	}
	return Ite(BVSlt(a, BVInt(w, 0)), IntSub(n, Int(pow2(w))), n)
}

// wrapInt brings v into the range of w-bit values, signed or unsigned:
// by at most one multiple of 2^w when near (a sum or difference of two
// values in range), by a Euclidean mod otherwise.
func wrapInt(v *Term, w int, signed, near bool) *Term {
	m := Int(pow2(w))
	lo, hi := Int(big.NewInt(0)), Int(new(big.Int).Sub(pow2(w), big.NewInt(1)))
	if signed {
		lo, hi = Int(new(big.Int).Neg(pow2(w-1))), Int(new(big.Int).Sub(pow2(w-1), big.NewInt(1)))
	}
	if near {
		return Ite(IntLt(hi, v), IntSub(v, m), Ite(IntLt(v, lo), IntAdd(v, m), v))
	}
	return IntAdd(IntMod(IntSub(v, lo), m), lo)
}

func pow2(w int) *big.Int { return new(big.Int).Lsh(big.NewInt(1), uint(w)) }

// rebuildInt applies an integer operator to new arguments.
func rebuildInt(op Op, a []*Term) *Term {
	switch op {
	case OpIntAdd:
		return IntAdd(a[0], a[1])
	case OpIntSub:
		return IntSub(a[0], a[1])
	case OpIntMul:
		return IntMul(a[0], a[1])
	case OpIntNeg:
		return IntNeg(a[0])
	case OpIntDiv:
		return IntDiv(a[0], a[1])
	case OpIntMod:
		return IntMod(a[0], a[1])
	case OpIntLe:
		return IntLe(a[0], a[1])
	case OpIntLt:
		return IntLt(a[0], a[1])
	}
	if a[0].IsConst() {
		return Int(a[0].value)
	}
	return &Term{op: OpBV2Nat, sort: IntSort(), args: []*Term{a[0]}}
}
