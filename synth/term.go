package synth

import (
	"fmt"
	"strings"
)

// Term is a program of the term language: an expression over the
// parameters of the function being synthesized.
type Term struct {
	Op    Op
	Type  Type // the value's type
	Args  []*Term
	Param int    // OpParam: index of the parameter
	Value uint64 // OpConst: the bit pattern
	// Sym, when set, is how the source (a SyGuS file) spells the operator
	// or constant, for printing the term back in its syntax.
	Sym string
	// Macro, when set, names the source function (a SyGuS define-fun used
	// in a grammar) that this term is the body of, applied to MacroArgs:
	// the term is printed and sized as that call.
	Macro     string
	MacroArgs []*Term
}

// Size is the number of operator applications in t (parameters and
// constants count zero): x & -x has size 2.
func (t *Term) Size() int {
	if t.Macro != "" {
		n := 1
		for _, a := range t.MacroArgs {
			n += a.Size()
		}
		return n
	}
	if t.Op == OpParam || t.Op == OpConst {
		return 0
	}
	n := 1
	for _, a := range t.Args {
		n += a.Size()
	}
	return n
}

// operandType is the type that op's operands are evaluated in.
func (t *Term) operandType() Type {
	switch {
	case t.Op == OpIte:
		return t.Type
	case len(t.Args) > 0 && (ops[t.Op].compare || t.Op == OpRedOr):
		return t.Args[0].Type
	}
	return t.Type
}

// EvalTerm evaluates t on argument values args; ok is false when Go
// would panic.
func EvalTerm(t *Term, args []uint64) (uint64, bool) {
	switch t.Op {
	case OpParam:
		return args[t.Param], true
	case OpConst:
		return t.Value, true
	}
	var v [3]uint64
	if t.Op == OpLAnd || t.Op == OpLOr || t.Op == OpIte {
		// Short-circuit like Go: the unevaluated operand may panic.
		c, ok := EvalTerm(t.Args[0], args)
		if !ok {
			return 0, false
		}
		switch {
		case t.Op == OpLAnd && c == 0, t.Op == OpLOr && c == 1:
			return c, true
		case t.Op == OpIte && c == 1:
			return EvalTerm(t.Args[1], args)
		case t.Op == OpIte:
			return EvalTerm(t.Args[2], args)
		}
		return EvalTerm(t.Args[1], args)
	}
	for i, a := range t.Args {
		x, ok := EvalTerm(a, args)
		if !ok {
			return 0, false
		}
		v[i] = x
	}
	if t.Op.Width() {
		return EvalWidth(t.Op, t.Type, t.Value, v[0], v[1]), true
	}
	return Eval(t.Op, t.operandType(), v[0], v[1], v[2])
}

// String renders t as an S-expression, for debugging and tests.
func (t *Term) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t *Term) write(b *strings.Builder) {
	switch t.Op {
	case OpParam:
		fmt.Fprintf(b, "p%d", t.Param)
		return
	case OpConst:
		fmt.Fprintf(b, "%d", t.Value)
		return
	}
	b.WriteString("(" + t.Op.String())
	if t.Op.Width() {
		fmt.Fprintf(b, "[%d:%d]", t.Type.Width, t.Value) // the result width and index
	}
	for _, a := range t.Args {
		b.WriteByte(' ')
		a.write(b)
	}
	b.WriteByte(')')
}

// Equal reports whether two terms are the same tree.
func (t *Term) Equal(u *Term) bool {
	if t.Op != u.Op || t.Type != u.Type || t.Param != u.Param || t.Value != u.Value || len(t.Args) != len(u.Args) {
		return false
	}
	for i := range t.Args {
		if !t.Args[i].Equal(u.Args[i]) {
			return false
		}
	}
	return true
}
