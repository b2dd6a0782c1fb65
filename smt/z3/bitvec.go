package z3

// #include "glue.h"
import "C"

import (
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// BitVec is a bit-vector expression.
type BitVec struct {
	expr
	w int
}

// Width is the number of bits.
func (a BitVec) Width() int { return a.w }

func (a BitVec) Sort() smt.Sort { return smt.BitVecSort(a.w) }

func (a BitVec) with(s *Scope, x C.Z3_ast) Expr { return BitVec{expr{s, x}, a.w} }

// bin applies a binary operator to operands of the same width.
func (a BitVec) bin(op C.int, name string, b BitVec) C.Z3_ast {
	if a.w != b.w {
		panic(fmt.Sprintf("z3: %s: operands of widths %d and %d", name, a.w, b.w))
	}
	return a.app2(op, b.expr)
}

func (a BitVec) bv(op C.int, name string, b BitVec) BitVec {
	return BitVec{expr{a.s, a.bin(op, name, b)}, a.w}
}

func (a BitVec) pred(op C.int, name string, b BitVec) Bool {
	return Bool{expr{a.s, a.bin(op, name, b)}}
}

// The operators follow SMT-LIB's QF_BV; b must have a's width.

// Add is a + b modulo 2^w.
func (a BitVec) Add(b BitVec) BitVec { return a.bv(C.VS_BVADD, "bvadd", b) }

// Sub is a - b modulo 2^w.
func (a BitVec) Sub(b BitVec) BitVec { return a.bv(C.VS_BVSUB, "bvsub", b) }

// Mul is a * b modulo 2^w.
func (a BitVec) Mul(b BitVec) BitVec { return a.bv(C.VS_BVMUL, "bvmul", b) }

// UDiv is the unsigned quotient (all ones when b = 0).
func (a BitVec) UDiv(b BitVec) BitVec { return a.bv(C.VS_BVUDIV, "bvudiv", b) }

// SDiv is the signed quotient, rounded toward zero.
func (a BitVec) SDiv(b BitVec) BitVec { return a.bv(C.VS_BVSDIV, "bvsdiv", b) }

// URem is the unsigned remainder (a when b = 0).
func (a BitVec) URem(b BitVec) BitVec { return a.bv(C.VS_BVUREM, "bvurem", b) }

// SRem is the signed remainder, with the sign of a.
func (a BitVec) SRem(b BitVec) BitVec { return a.bv(C.VS_BVSREM, "bvsrem", b) }

// And is the bitwise conjunction.
func (a BitVec) And(b BitVec) BitVec { return a.bv(C.VS_BVAND, "bvand", b) }

// Or is the bitwise disjunction.
func (a BitVec) Or(b BitVec) BitVec { return a.bv(C.VS_BVOR, "bvor", b) }

// Xor is the bitwise exclusive or.
func (a BitVec) Xor(b BitVec) BitVec { return a.bv(C.VS_BVXOR, "bvxor", b) }

// Shl shifts a left by b bits (0 when b >= w).
func (a BitVec) Shl(b BitVec) BitVec { return a.bv(C.VS_BVSHL, "bvshl", b) }

// LShr shifts a right by b bits, filling with zeros.
func (a BitVec) LShr(b BitVec) BitVec { return a.bv(C.VS_BVLSHR, "bvlshr", b) }

// AShr shifts a right by b bits, filling with the sign bit.
func (a BitVec) AShr(b BitVec) BitVec { return a.bv(C.VS_BVASHR, "bvashr", b) }

// Not is the bitwise complement.
func (a BitVec) Not() BitVec { return BitVec{expr{a.s, a.app1(C.VS_BVNOT, 0, 0)}, a.w} }

// Neg is the two's-complement negation.
func (a BitVec) Neg() BitVec { return BitVec{expr{a.s, a.app1(C.VS_BVNEG, 0, 0)}, a.w} }

// ULT is a < b, unsigned.
func (a BitVec) ULT(b BitVec) Bool { return a.pred(C.VS_BVULT, "bvult", b) }

// ULE is a ≤ b, unsigned.
func (a BitVec) ULE(b BitVec) Bool { return a.pred(C.VS_BVULE, "bvule", b) }

// SLT is a < b, two's-complement signed.
func (a BitVec) SLT(b BitVec) Bool { return a.pred(C.VS_BVSLT, "bvslt", b) }

// SLE is a ≤ b, two's-complement signed.
func (a BitVec) SLE(b BitVec) Bool { return a.pred(C.VS_BVSLE, "bvsle", b) }

// Eq is a = b.
func (a BitVec) Eq(b BitVec) Bool { return a.pred(C.VS_EQ, "=", b) }

// Extract is bits hi down to lo of a, a vector of width hi-lo+1.
func (a BitVec) Extract(hi, lo int) BitVec {
	if lo < 0 || hi < lo || hi >= a.w {
		panic(fmt.Sprintf("z3: extract %d %d of a %d-bit vector", hi, lo, a.w))
	}
	return BitVec{expr{a.s, a.app1(C.VS_EXTRACT, hi, lo)}, hi - lo + 1}
}

// ZeroExt widens a by n zero bits.
func (a BitVec) ZeroExt(n int) BitVec { return a.extend(C.VS_ZERO_EXT, n) }

// SignExt widens a by n copies of its sign bit.
func (a BitVec) SignExt(n int) BitVec { return a.extend(C.VS_SIGN_EXT, n) }

func (a BitVec) extend(op C.int, n int) BitVec {
	if n < 0 {
		panic(fmt.Sprintf("z3: extension by %d bits", n))
	}
	mustWidth(a.w + n)
	return BitVec{expr{a.s, a.app1(op, n, 0)}, a.w + n}
}

// Concat is a's bits followed by b's: a is the high part.
func (a BitVec) Concat(b BitVec) BitVec {
	mustWidth(a.w + b.w)
	return BitVec{expr{a.s, a.app2(C.VS_CONCAT, b.expr)}, a.w + b.w}
}
