package synth

// Op is an operator of the term language. Integer operators act on
// values of one integer type; their semantics follow the operator's
// origin: Go operators (panicking division, Go shifts) for .vspec
// synthesis, SMT-LIB operators (total division) for SyGuS.
type Op uint8

const (
	OpInvalid Op = iota
	OpParam      // a parameter of the function: Term.Param
	OpConst      // a constant: Term.Value

	// Go integer operators, on the operands' type.
	OpAdd
	OpSub
	OpMul
	OpQuo // Go /: panics on zero; MinInt / -1 == MinInt
	OpRem // Go %: panics on zero
	OpAnd
	OpOr
	OpXor
	OpAndNot
	OpShl // Go <<: a count of a signed type panics when negative
	OpShr // Go >>: arithmetic on signed types
	OpNeg
	OpCom

	// Comparisons, giving bool; signedness from the operand type.
	OpEq
	OpNe
	OpLt
	OpLe
	OpGt
	OpGe

	// Booleans.
	OpLAnd
	OpLOr
	OpNot
	OpIte // if: Args are condition, then, else

	// SMT-LIB operators without a Go operator of the same meaning.
	OpUDiv  // bvudiv: x / 0 is all ones
	OpURem  // bvurem: x % 0 is x
	OpSDiv  // bvsdiv
	OpSRem  // bvsrem
	OpAShr  // bvashr on an unsigned type
	OpSLt   // bvslt on an unsigned type
	OpSLe   // bvsle
	OpSGt   // bvsgt
	OpSGe   // bvsge
	OpRedOr // (= (bvredor x) #b1): x != 0

	// Width-changing SMT-LIB operators (see ops_width.go): the result's
	// width is Term.Type's, the operands' their own, and Term.Value holds
	// the index the operator needs.
	OpExtract // (_ extract hi lo): Value is lo, hi is lo + width - 1
	OpConcat  // concat: Value is the width of the second (low) operand
	OpZExt    // (_ zero_extend k): the value is unchanged
	OpSExt    // (_ sign_extend k): Value is the operand's width

	numOps
)

// opInfo describes an operator.
type opInfo struct {
	name    string // as in an ops clause or for debugging
	arity   int
	compare bool // result is bool, operands integers
	logical bool // operands and result bool
	commute bool // commutative: only one operand order is enumerated
}

var ops = [numOps]opInfo{
	OpParam: {name: "param"}, OpConst: {name: "const"},
	OpAdd: {name: "+", arity: 2, commute: true}, OpSub: {name: "-", arity: 2}, OpMul: {name: "*", arity: 2, commute: true},
	OpQuo: {name: "/", arity: 2}, OpRem: {name: "%", arity: 2},
	OpAnd: {name: "&", arity: 2, commute: true}, OpOr: {name: "|", arity: 2, commute: true}, OpXor: {name: "^", arity: 2, commute: true},
	OpAndNot: {name: "&^", arity: 2}, OpShl: {name: "<<", arity: 2}, OpShr: {name: ">>", arity: 2},
	OpNeg: {name: "neg", arity: 1}, OpCom: {name: "com", arity: 1},
	OpEq: {name: "==", arity: 2, compare: true, commute: true}, OpNe: {name: "!=", arity: 2, compare: true, commute: true},
	OpLt: {name: "<", arity: 2, compare: true}, OpLe: {name: "<=", arity: 2, compare: true},
	OpGt: {name: ">", arity: 2, compare: true}, OpGe: {name: ">=", arity: 2, compare: true},
	OpLAnd: {name: "&&", arity: 2, logical: true, commute: true}, OpLOr: {name: "||", arity: 2, logical: true, commute: true},
	OpNot: {name: "not", arity: 1, logical: true}, OpIte: {name: "if", arity: 3},
	OpUDiv: {name: "bvudiv", arity: 2}, OpURem: {name: "bvurem", arity: 2},
	OpSDiv: {name: "bvsdiv", arity: 2}, OpSRem: {name: "bvsrem", arity: 2}, OpAShr: {name: "bvashr", arity: 2},
	OpSLt: {name: "bvslt", arity: 2, compare: true}, OpSLe: {name: "bvsle", arity: 2, compare: true},
	OpSGt: {name: "bvsgt", arity: 2, compare: true}, OpSGe: {name: "bvsge", arity: 2, compare: true},
	OpRedOr:   {name: "bvredor", arity: 1},
	OpExtract: {name: "extract", arity: 1}, OpConcat: {name: "concat", arity: 2},
	OpZExt: {name: "zero_extend", arity: 1}, OpSExt: {name: "sign_extend", arity: 1},
}

func (op Op) String() string {
	if op < numOps && ops[op].name != "" {
		return ops[op].name
	}
	return "invalid"
}

// Arity is the number of operands.
func (op Op) Arity() int { return ops[op].arity }

// Eval applies op to operands of type t (for OpIte, t is the type of
// the branches; for comparisons, the operands' type). Values are bit
// patterns masked to the type's width; bools are 0 or 1. ok is false when
// Go would panic.
func Eval(op Op, t Type, a, b, c uint64) (v uint64, ok bool) {
	m := t.mask()
	switch op {
	case OpAdd:
		return (a + b) & m, true
	case OpSub:
		return (a - b) & m, true
	case OpMul:
		return (a * b) & m, true
	case OpQuo:
		if b == 0 {
			return 0, false
		}
		if t.Signed {
			x, y := t.sext(a), t.sext(b)
			if y == -1 {
				return (-a) & m, true // MinInt / -1 == MinInt
			}
			return uint64(x/y) & m, true
		}
		return a / b, true
	case OpRem:
		if b == 0 {
			return 0, false
		}
		if t.Signed {
			x, y := t.sext(a), t.sext(b)
			if y == -1 {
				return 0, true
			}
			return uint64(x%y) & m, true
		}
		return a % b, true
	case OpAnd:
		return a & b, true
	case OpOr:
		return a | b, true
	case OpXor:
		return a ^ b, true
	case OpAndNot:
		return a &^ b, true
	case OpShl, OpShr:
		if t.Signed && t.sext(b) < 0 {
			return 0, false
		}
		if b >= uint64(t.Width) {
			if op == OpShr && t.Signed && t.sext(a) < 0 {
				return m, true
			}
			return 0, true
		}
		if op == OpShl {
			return (a << b) & m, true
		}
		if t.Signed {
			return uint64(t.sext(a)>>b) & m, true
		}
		return a >> b, true
	case OpNeg:
		return (-a) & m, true
	case OpCom:
		return ^a & m, true
	case OpEq:
		return b2u(a == b), true
	case OpNe:
		return b2u(a != b), true
	case OpLt, OpLe, OpGt, OpGe:
		if t.Signed {
			return b2u(compare(op, t.sext(a), t.sext(b))), true
		}
		return b2u(compare(op, a, b)), true
	case OpSLt, OpSLe, OpSGt, OpSGe:
		return b2u(compare(op-OpSLt+OpLt, t.sext(a), t.sext(b))), true
	case OpLAnd:
		return a & b, true
	case OpLOr:
		return a | b, true
	case OpNot:
		return a ^ 1, true
	case OpIte:
		if a != 0 {
			return b, true
		}
		return c, true
	case OpUDiv:
		if b == 0 {
			return m, true
		}
		return a / b, true
	case OpURem:
		if b == 0 {
			return a, true
		}
		return a % b, true
	case OpSDiv, OpSRem:
		return smtSignedDiv(op, t, a, b), true
	case OpAShr:
		if b >= uint64(t.Width) {
			if t.sext(a) < 0 {
				return m, true
			}
			return 0, true
		}
		return uint64(t.sext(a)>>b) & m, true
	case OpRedOr:
		return b2u(a != 0), true
	}
	panic("synth: Eval of " + op.String())
}

// smtSignedDiv is bvsdiv or bvsrem: defined through the unsigned
// operations on magnitudes, so that division by zero is total.
func smtSignedDiv(op Op, t Type, a, b uint64) uint64 {
	m := t.mask()
	na, nb := t.sext(a) < 0, t.sext(b) < 0
	x, y := a, b
	if na {
		x = (-a) & m
	}
	if nb {
		y = (-b) & m
	}
	if op == OpSDiv {
		q, _ := Eval(OpUDiv, t, x, y, 0)
		if na != nb {
			return (-q) & m
		}
		return q
	}
	r, _ := Eval(OpURem, t, x, y, 0)
	if na {
		return (-r) & m
	}
	return r
}

// compare applies the ordering op (OpLt, OpLe, OpGt or OpGe) to a and b.
func compare[T int64 | uint64](op Op, a, b T) bool {
	switch op {
	case OpLt:
		return a < b
	case OpLe:
		return a <= b
	case OpGt:
		return a > b
	}
	return a >= b
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
