package smt

import (
	"math/big"
)

// Op is the operator at the root of a term.
type Op uint8

const (
	OpInvalid Op = iota
	OpVar        // a free or bound variable: Name
	OpConst      // a Bool or bit-vector constant: BoolValue / Value; no array constants

	// Boolean structure; OpEq and OpIte apply to any sort.
	OpNot
	OpAnd // n-ary
	OpOr  // n-ary
	OpImplies
	OpXor // Boolean exclusive or
	OpEq
	OpIte

	// Bit-vector arithmetic and logic (SMT-LIB QF_BV).
	OpBVNeg
	OpBVNot
	OpBVAdd
	OpBVSub
	OpBVMul
	OpBVUDiv
	OpBVSDiv
	OpBVURem
	OpBVSRem
	OpBVAnd
	OpBVOr
	OpBVXor
	OpBVShl
	OpBVLShr
	OpBVAShr

	// Bit-vector predicates.
	OpBVUlt
	OpBVUle
	OpBVSlt
	OpBVSle

	// Width changes: Extract uses Hi and Lo, ZeroExt and SignExt use Hi as
	// the number of added bits.
	OpExtract
	OpZeroExt
	OpSignExt
	OpConcat

	// Quantifiers bind Bound over Args[0].
	OpForall
	OpExists

	// Arrays (SMT-LIB ArraysEx): select reads Args[0] at index Args[1];
	// store is Args[0] with index Args[1] mapped to Args[2].
	OpSelect
	OpStore
	// OpConstArray is the array mapping every index to Args[0].
	OpConstArray
	// OpLambda is the array mapping each index, bound to Bound[0], to
	// Args[0].
	OpLambda

	// Mathematical integers (SMT-LIB Ints; int.go). OpIntDiv and OpIntMod
	// are SMT-LIB's div and mod (Euclidean); OpBV2Nat is the unsigned
	// value of a bit vector.
	OpIntAdd
	OpIntSub
	OpIntMul
	OpIntNeg
	OpIntDiv
	OpIntMod
	OpIntLe
	OpIntLt
	OpBV2Nat
)

var opNames = [...]string{
	OpVar: "var", OpConst: "const",
	OpNot: "not", OpAnd: "and", OpOr: "or", OpImplies: "=>", OpXor: "xor", OpEq: "=", OpIte: "ite",
	OpBVNeg: "bvneg", OpBVNot: "bvnot", OpBVAdd: "bvadd", OpBVSub: "bvsub", OpBVMul: "bvmul",
	OpBVUDiv: "bvudiv", OpBVSDiv: "bvsdiv", OpBVURem: "bvurem", OpBVSRem: "bvsrem",
	OpBVAnd: "bvand", OpBVOr: "bvor", OpBVXor: "bvxor", OpBVShl: "bvshl", OpBVLShr: "bvlshr", OpBVAShr: "bvashr",
	OpBVUlt: "bvult", OpBVUle: "bvule", OpBVSlt: "bvslt", OpBVSle: "bvsle",
	OpExtract: "extract", OpZeroExt: "zero_extend", OpSignExt: "sign_extend", OpConcat: "concat",
	OpForall: "forall", OpExists: "exists",
	OpSelect: "select", OpStore: "store", OpConstArray: "const", OpLambda: "lambda",
	OpIntAdd: "+", OpIntSub: "-", OpIntMul: "*", OpIntNeg: "-", OpIntDiv: "div", OpIntMod: "mod",
	OpIntLe: "<=", OpIntLt: "<", OpBV2Nat: "bv2nat",
}

// String is the operator's SMT-LIB name.
func (op Op) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "invalid"
}

// Term is an immutable formula or bit-vector expression. Terms form a DAG:
// a subterm used twice is the same *Term, and printers and solvers share it.
type Term struct {
	op     Op
	sort   Sort
	args   []*Term
	name   string   // OpVar
	value  *big.Int // OpConst on bit vectors, in [0, 2^w)
	truth  bool     // OpConst on Bool
	hi, lo int      // OpExtract; hi is the added width for extensions
	bound  []*Term  // OpForall, OpExists, OpLambda
}

// binds reports whether t binds variables: a quantifier or a lambda.
func (t *Term) binds() bool { return t.op == OpForall || t.op == OpExists || t.op == OpLambda }

// Op is the term's root operator.
func (t *Term) Op() Op { return t.op }

// Sort is the term's sort.
func (t *Term) Sort() Sort { return t.sort }

// Args are the operands, in order. The slice must not be modified.
func (t *Term) Args() []*Term { return t.args }

// Name is a variable's name.
func (t *Term) Name() string { return t.name }

// IsConst reports whether t is a constant.
func (t *Term) IsConst() bool { return t.op == OpConst }

// IsTrue reports whether t is the constant true.
func (t *Term) IsTrue() bool { return t.op == OpConst && t.sort.IsBool() && t.truth }

// IsFalse reports whether t is the constant false.
func (t *Term) IsFalse() bool { return t.op == OpConst && t.sort.IsBool() && !t.truth }

// BoolValue is the value of a Bool constant.
func (t *Term) BoolValue() bool { return t.truth }

// Value is the unsigned value of a bit-vector constant (a copy).
func (t *Term) Value() *big.Int { return new(big.Int).Set(t.value) }

// SignedValue is the two's-complement value of a bit-vector constant.
func (t *Term) SignedValue() *big.Int {
	v := new(big.Int).Set(t.value)
	w := uint(t.sort.width)
	if v.Bit(int(w-1)) == 1 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), w))
	}
	return v
}

// ExtractBits returns the hi and lo indices of an OpExtract term.
func (t *Term) ExtractBits() (hi, lo int) { return t.hi, t.lo }

// ExtendBy returns the number of bits an OpZeroExt or OpSignExt adds.
func (t *Term) ExtendBy() int { return t.hi }

// Bound returns the variables a quantifier or lambda binds.
func (t *Term) Bound() []*Term { return t.bound }

// String renders t as an SMT-LIB expression (without sharing).
func (t *Term) String() string { return Format(t) }
