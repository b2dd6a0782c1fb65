package smt

import (
	"fmt"
	"math/big"
)

var (
	trueTerm  = &Term{op: OpConst, sort: BoolSort(), truth: true}
	falseTerm = &Term{op: OpConst, sort: BoolSort(), truth: false}
)

// True is the constant true.
func True() *Term { return trueTerm }

// False is the constant false.
func False() *Term { return falseTerm }

// Bool is the Bool constant b.
func Bool(b bool) *Term {
	if b {
		return trueTerm
	}
	return falseTerm
}

// Var is a variable named name of sort s. Two calls with the same name
// denote the same variable to a solver.
func Var(name string, s Sort) *Term { return &Term{op: OpVar, sort: s, name: name} }

// BVInt is the w-bit constant v, wrapped to w bits (two's complement).
func BVInt(w int, v int64) *Term { return BVBig(w, big.NewInt(v)) }

// BVUint is the w-bit constant v, wrapped to w bits.
func BVUint(w int, v uint64) *Term { return BVBig(w, new(big.Int).SetUint64(v)) }

// BVBig is the w-bit constant v, wrapped to w bits (two's complement).
func BVBig(w int, v *big.Int) *Term {
	s := BitVecSort(w)
	return &Term{op: OpConst, sort: s, value: wrap(v, w)}
}

// wrap reduces v modulo 2^w into [0, 2^w).
func wrap(v *big.Int, w int) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(w))
	r := new(big.Int).Mod(v, m) // Mod is Euclidean: the result is >= 0
	return r
}

func mustBool(op Op, ts ...*Term) {
	for _, t := range ts {
		if !t.sort.IsBool() {
			panic(fmt.Sprintf("smt: %s: operand of sort %s, want Bool", op, t.sort))
		}
	}
}

func mustSameBV(op Op, a, b *Term) {
	if !a.sort.IsBitVec() || a.sort != b.sort {
		panic(fmt.Sprintf("smt: %s: operands of sorts %s and %s", op, a.sort, b.sort))
	}
}

// Not is Boolean negation.
func Not(a *Term) *Term {
	mustBool(OpNot, a)
	switch {
	case a.op == OpConst:
		return Bool(!a.truth)
	case a.op == OpNot:
		return a.args[0]
	}
	return &Term{op: OpNot, sort: BoolSort(), args: []*Term{a}}
}

// And is the conjunction of ts (true when empty).
func And(ts ...*Term) *Term {
	mustBool(OpAnd, ts...)
	var keep []*Term
	for _, t := range ts {
		switch {
		case t.IsFalse():
			return falseTerm
		case t.IsTrue():
			continue
		case t.op == OpAnd:
			keep = append(keep, t.args...)
		default:
			keep = append(keep, t)
		}
	}
	switch len(keep) {
	case 0:
		return trueTerm
	case 1:
		return keep[0]
	}
	return &Term{op: OpAnd, sort: BoolSort(), args: keep}
}

// Or is the disjunction of ts (false when empty).
func Or(ts ...*Term) *Term {
	mustBool(OpOr, ts...)
	var keep []*Term
	for _, t := range ts {
		switch {
		case t.IsTrue():
			return trueTerm
		case t.IsFalse():
			continue
		case t.op == OpOr:
			keep = append(keep, t.args...)
		default:
			keep = append(keep, t)
		}
	}
	switch len(keep) {
	case 0:
		return falseTerm
	case 1:
		return keep[0]
	}
	return &Term{op: OpOr, sort: BoolSort(), args: keep}
}

// Implies is a => b.
func Implies(a, b *Term) *Term {
	mustBool(OpImplies, a, b)
	switch {
	case a.IsFalse() || b.IsTrue():
		return trueTerm
	case a.IsTrue():
		return b
	case b.IsFalse():
		return Not(a)
	}
	return &Term{op: OpImplies, sort: BoolSort(), args: []*Term{a, b}}
}

// Xor is Boolean exclusive or.
func Xor(a, b *Term) *Term {
	mustBool(OpXor, a, b)
	if a.IsConst() && b.IsConst() {
		return Bool(a.truth != b.truth)
	}
	return &Term{op: OpXor, sort: BoolSort(), args: []*Term{a, b}}
}

// Eq is equality of two terms of the same sort.
func Eq(a, b *Term) *Term {
	if a.sort != b.sort {
		panic(fmt.Sprintf("smt: =: operands of sorts %s and %s", a.sort, b.sort))
	}
	if a == b {
		return trueTerm
	}
	if a.IsConst() && b.IsConst() {
		if a.sort.IsBool() {
			return Bool(a.truth == b.truth)
		}
		return Bool(a.value.Cmp(b.value) == 0)
	}
	return &Term{op: OpEq, sort: BoolSort(), args: []*Term{a, b}}
}

// Ite is if c then a else b.
func Ite(c, a, b *Term) *Term {
	mustBool(OpIte, c)
	if a.sort != b.sort {
		panic(fmt.Sprintf("smt: ite: branches of sorts %s and %s", a.sort, b.sort))
	}
	switch {
	case c.IsTrue() || a == b:
		return a
	case c.IsFalse():
		return b
	}
	if a.sort.IsBool() {
		switch {
		case a.IsTrue() && b.IsFalse():
			return c
		case a.IsFalse() && b.IsTrue():
			return Not(c)
		}
	}
	return &Term{op: OpIte, sort: a.sort, args: []*Term{c, a, b}}
}

// BVNeg is two's-complement negation.
func BVNeg(a *Term) *Term { return bvUnary(OpBVNeg, a) }

// BVNot is bitwise complement.
func BVNot(a *Term) *Term { return bvUnary(OpBVNot, a) }

func bvUnary(op Op, a *Term) *Term {
	if !a.sort.IsBitVec() {
		panic(fmt.Sprintf("smt: %s: operand of sort %s", op, a.sort))
	}
	if a.IsConst() {
		return BVBig(a.sort.width, foldUnary(op, a.value, a.sort.width))
	}
	return &Term{op: op, sort: a.sort, args: []*Term{a}}
}

// BVAdd and the other binary bit-vector operators follow SMT-LIB QF_BV.
func BVAdd(a, b *Term) *Term  { return bvBinary(OpBVAdd, a, b) }
func BVSub(a, b *Term) *Term  { return bvBinary(OpBVSub, a, b) }
func BVMul(a, b *Term) *Term  { return bvBinary(OpBVMul, a, b) }
func BVUDiv(a, b *Term) *Term { return bvBinary(OpBVUDiv, a, b) }
func BVSDiv(a, b *Term) *Term { return bvBinary(OpBVSDiv, a, b) }
func BVURem(a, b *Term) *Term { return bvBinary(OpBVURem, a, b) }
func BVSRem(a, b *Term) *Term { return bvBinary(OpBVSRem, a, b) }
func BVAnd(a, b *Term) *Term  { return bvBinary(OpBVAnd, a, b) }
func BVOr(a, b *Term) *Term   { return bvBinary(OpBVOr, a, b) }
func BVXor(a, b *Term) *Term  { return bvBinary(OpBVXor, a, b) }
func BVShl(a, b *Term) *Term  { return bvBinary(OpBVShl, a, b) }
func BVLShr(a, b *Term) *Term { return bvBinary(OpBVLShr, a, b) }
func BVAShr(a, b *Term) *Term { return bvBinary(OpBVAShr, a, b) }

// BVUlt and the other predicates compare bit vectors.
func BVUlt(a, b *Term) *Term { return bvPredicate(OpBVUlt, a, b) }
func BVUle(a, b *Term) *Term { return bvPredicate(OpBVUle, a, b) }
func BVSlt(a, b *Term) *Term { return bvPredicate(OpBVSlt, a, b) }
func BVSle(a, b *Term) *Term { return bvPredicate(OpBVSle, a, b) }

// BVBinary builds the binary bit-vector operator op (OpBVAdd … OpBVAShr).
func BVBinary(op Op, a, b *Term) *Term {
	if op < OpBVAdd || op > OpBVAShr {
		panic(fmt.Sprintf("smt: %s is not a binary bit-vector operator", op))
	}
	return bvBinary(op, a, b)
}

func bvBinary(op Op, a, b *Term) *Term {
	mustSameBV(op, a, b)
	if a.IsConst() && b.IsConst() {
		return BVBig(a.sort.width, foldBinary(op, a.value, b.value, a.sort.width))
	}
	// Identities that address arithmetic produces all the time.
	isConst := func(t *Term, v int64) bool { return t.IsConst() && t.value.IsInt64() && t.value.Int64() == v }
	switch op {
	case OpBVAdd:
		if isConst(a, 0) {
			return b
		}
		if isConst(b, 0) {
			return a
		}
	case OpBVSub:
		if isConst(b, 0) {
			return a
		}
	case OpBVMul:
		if isConst(a, 1) {
			return b
		}
		if isConst(b, 1) {
			return a
		}
	}
	return &Term{op: op, sort: a.sort, args: []*Term{a, b}}
}

func bvPredicate(op Op, a, b *Term) *Term {
	mustSameBV(op, a, b)
	if a.IsConst() && b.IsConst() {
		return Bool(foldPredicate(op, a.value, b.value, a.sort.width))
	}
	return &Term{op: op, sort: BoolSort(), args: []*Term{a, b}}
}

// Extract is bits hi down to lo of a (inclusive), a bit vector of width hi-lo+1.
func Extract(hi, lo int, a *Term) *Term {
	if !a.sort.IsBitVec() || lo < 0 || hi < lo || hi >= a.sort.width {
		panic(fmt.Sprintf("smt: extract %d %d of sort %s", hi, lo, a.sort))
	}
	if lo == 0 && hi == a.sort.width-1 {
		return a
	}
	w := hi - lo + 1
	switch {
	case a.IsConst():
		return BVBig(w, new(big.Int).Rsh(a.value, uint(lo)))
	case a.op == OpConcat: // the bits may lie in one part
		high, low := a.args[0], a.args[1]
		lw := low.sort.width
		if hi < lw {
			return Extract(hi, lo, low)
		}
		if lo >= lw {
			return Extract(hi-lw, lo-lw, high)
		}
	case a.op == OpExtract:
		return Extract(hi+a.lo, lo+a.lo, a.args[0])
	}
	return &Term{op: OpExtract, sort: BitVecSort(w), args: []*Term{a}, hi: hi, lo: lo}
}

// ZeroExt widens a by n zero bits.
func ZeroExt(n int, a *Term) *Term { return extend(OpZeroExt, n, a) }

// SignExt widens a by n copies of its sign bit.
func SignExt(n int, a *Term) *Term { return extend(OpSignExt, n, a) }

func extend(op Op, n int, a *Term) *Term {
	if !a.sort.IsBitVec() || n < 0 {
		panic(fmt.Sprintf("smt: %s %d of sort %s", op, n, a.sort))
	}
	if n == 0 {
		return a
	}
	w := a.sort.width + n
	if a.IsConst() {
		if op == OpSignExt {
			return BVBig(w, a.SignedValue())
		}
		return BVBig(w, a.value)
	}
	return &Term{op: op, sort: BitVecSort(w), args: []*Term{a}, hi: n}
}

// Concat is a's bits followed by b's: a is the high part.
func Concat(a, b *Term) *Term {
	if !a.sort.IsBitVec() || !b.sort.IsBitVec() {
		panic(fmt.Sprintf("smt: concat of sorts %s and %s", a.sort, b.sort))
	}
	w := a.sort.width + b.sort.width
	if a.IsConst() && b.IsConst() {
		v := new(big.Int).Lsh(a.value, uint(b.sort.width))
		return BVBig(w, v.Or(v, b.value))
	}
	return &Term{op: OpConcat, sort: BitVecSort(w), args: []*Term{a, b}}
}

// Forall is the universal closure of body over vars (variables built by Var).
func Forall(vars []*Term, body *Term) *Term { return quantifier(OpForall, vars, body) }

// Exists is the existential closure of body over vars.
func Exists(vars []*Term, body *Term) *Term { return quantifier(OpExists, vars, body) }

func quantifier(op Op, vars []*Term, body *Term) *Term {
	mustBool(op, body)
	for _, v := range vars {
		if v.op != OpVar {
			panic(fmt.Sprintf("smt: %s binds a non-variable", op))
		}
	}
	if len(vars) == 0 || body.IsConst() {
		return body
	}
	return &Term{op: op, sort: BoolSort(), args: []*Term{body}, bound: append([]*Term(nil), vars...)}
}
