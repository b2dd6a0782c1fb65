package smt

import "math/big"

// Constant folding with exactly SMT-LIB's QF_BV semantics, including its
// total division: (bvudiv x 0) is all ones and (bvurem x 0) is x.

func mask(w int) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(w))
	return m.Sub(m, big.NewInt(1))
}

func msb(v *big.Int, w int) bool { return v.Bit(w-1) == 1 }

func neg(v *big.Int, w int) *big.Int { return wrap(new(big.Int).Neg(v), w) }

func foldUnary(op Op, v *big.Int, w int) *big.Int {
	switch op {
	case OpBVNeg:
		return neg(v, w)
	case OpBVNot:
		return new(big.Int).Xor(v, mask(w))
	}
	panic("smt: fold of " + op.String())
}

func udiv(a, b *big.Int, w int) *big.Int {
	if b.Sign() == 0 {
		return mask(w)
	}
	return new(big.Int).Quo(a, b)
}

func urem(a, b *big.Int) *big.Int {
	if b.Sign() == 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Rem(a, b)
}

func foldBinary(op Op, a, b *big.Int, w int) *big.Int {
	r := new(big.Int)
	switch op {
	case OpBVAdd:
		return r.Add(a, b)
	case OpBVSub:
		return r.Sub(a, b)
	case OpBVMul:
		return r.Mul(a, b)
	case OpBVAnd:
		return r.And(a, b)
	case OpBVOr:
		return r.Or(a, b)
	case OpBVXor:
		return r.Xor(a, b)
	case OpBVUDiv:
		return udiv(a, b, w)
	case OpBVURem:
		return urem(a, b)
	case OpBVSDiv:
		na, nb := msb(a, w), msb(b, w)
		x, y := a, b
		if na {
			x = neg(a, w)
		}
		if nb {
			y = neg(b, w)
		}
		q := udiv(x, y, w)
		if na != nb {
			return neg(q, w)
		}
		return q
	case OpBVSRem:
		na, nb := msb(a, w), msb(b, w)
		x, y := a, b
		if na {
			x = neg(a, w)
		}
		if nb {
			y = neg(b, w)
		}
		m := urem(x, y)
		if na {
			return neg(m, w)
		}
		return m
	case OpBVShl, OpBVLShr, OpBVAShr:
		if b.Cmp(big.NewInt(int64(w))) >= 0 {
			if op == OpBVAShr && msb(a, w) {
				return mask(w)
			}
			return r
		}
		n := uint(b.Uint64())
		switch op {
		case OpBVShl:
			return r.Lsh(a, n)
		case OpBVLShr:
			return r.Rsh(a, n)
		default:
			s := new(big.Int).Set(a)
			if msb(a, w) {
				s.Sub(s, new(big.Int).Lsh(big.NewInt(1), uint(w)))
			}
			return r.Rsh(s, n) // Rsh of a negative big.Int rounds toward -inf: arithmetic shift
		}
	}
	panic("smt: fold of " + op.String())
}

func signed(v *big.Int, w int) *big.Int {
	if !msb(v, w) {
		return v
	}
	return new(big.Int).Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(w)))
}

func foldPredicate(op Op, a, b *big.Int, w int) bool {
	switch op {
	case OpBVUlt:
		return a.Cmp(b) < 0
	case OpBVUle:
		return a.Cmp(b) <= 0
	case OpBVSlt:
		return signed(a, w).Cmp(signed(b, w)) < 0
	case OpBVSle:
		return signed(a, w).Cmp(signed(b, w)) <= 0
	}
	panic("smt: fold of " + op.String())
}
