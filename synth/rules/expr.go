package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind says what an Expr node is.
type Kind uint8

const (
	Var     Kind = iota // a hole in a pattern (lower-case name); a variable in a term
	Const               // a pattern constant (upper-case name): matches any literal
	Lit                 // an integer literal, Val
	Bool                // true or false, Val 1 or 0
	Builtin             // W, MinInt, MaxInt or MaxUint of the type at hand
	Unary               // Op Args[0]: "-", "^" or "!"
	Binary              // Args[0] Op Args[1]: a Go binary operator
	Call                // Name(Args...): isPow2, log2, ntz or nlz
)

// Expr is a Go integer expression: a rule's pattern, or a term the
// synthesizer wants to reduce. Terms use Var for their variables and Lit
// for their constants; patterns add Const, Builtin and Call. Integer
// values are held in Val as int64 and compared modulo 2^W at the type
// at hand, so the literal -1 and 255 are the same uint8.
type Expr struct {
	Kind Kind
	Op   string // for Unary and Binary: the Go operator
	Name string // for Var, Const, Builtin and Call
	Val  int64  // for Lit and Bool
	Args []*Expr
	Pos  int // byte offset in the rule's line, for messages (patterns only)
}

// Constructors for the synthesizer and tests.
func NewVar(name string) *Expr          { return &Expr{Kind: Var, Name: name} }
func NewLit(v int64) *Expr              { return &Expr{Kind: Lit, Val: v} }
func NewUnary(op string, x *Expr) *Expr { return &Expr{Kind: Unary, Op: op, Args: []*Expr{x}} }
func NewBinary(op string, x, y *Expr) *Expr {
	return &Expr{Kind: Binary, Op: op, Args: []*Expr{x, y}}
}

// Size is the number of nodes of e.
func (e *Expr) Size() int {
	n := 1
	for _, a := range e.Args {
		n += a.Size()
	}
	return n
}

// String writes e as Go source, with parentheses around every operand
// that is itself an operation.
func (e *Expr) String() string {
	var b strings.Builder
	e.write(&b, false)
	return b.String()
}

func (e *Expr) write(b *strings.Builder, nested bool) {
	switch e.Kind {
	case Var, Const, Builtin:
		b.WriteString(e.Name)
	case Lit:
		b.WriteString(strconv.FormatInt(e.Val, 10))
	case Bool:
		b.WriteString(strconv.FormatBool(e.Val != 0))
	case Call:
		b.WriteString(e.Name)
		b.WriteByte('(')
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			a.write(b, false)
		}
		b.WriteByte(')')
	case Unary:
		b.WriteString(e.Op)
		switch a := e.Args[0]; {
		case a.Kind == Unary || a.Kind == Lit && e.Op == "-":
			b.WriteByte('(')
			a.write(b, false)
			b.WriteByte(')')
		default:
			a.write(b, true)
		}
	case Binary:
		if nested {
			b.WriteByte('(')
		}
		e.Args[0].write(b, true)
		fmt.Fprintf(b, " %s ", e.Op)
		e.Args[1].write(b, true)
		if nested {
			b.WriteByte(')')
		}
	}
}

// Equal reports whether a and b are the same expression (integer values
// compared exactly).
func Equal(a, b *Expr) bool {
	if a.Kind != b.Kind || a.Op != b.Op || a.Name != b.Name || a.Val != b.Val || len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		if !Equal(a.Args[i], b.Args[i]) {
			return false
		}
	}
	return true
}

// closed reports whether e mentions no hole and no pattern constant: its
// value depends only on the type.
func (e *Expr) closed() bool {
	if e.Kind == Var || e.Kind == Const {
		return false
	}
	for _, a := range e.Args {
		if !a.closed() {
			return false
		}
	}
	return true
}

// ground reports whether e mentions no hole (constants are allowed).
func (e *Expr) ground() bool {
	if e.Kind == Var {
		return false
	}
	for _, a := range e.Args {
		if !a.ground() {
			return false
		}
	}
	return true
}

// names appends the names of e's nodes of kind k, each once, in order of
// first appearance.
func (e *Expr) names(k Kind, out []string) []string {
	if e.Kind == k {
		for _, n := range out {
			if n == e.Name {
				return out
			}
		}
		return append(out, e.Name)
	}
	for _, a := range e.Args {
		out = a.names(k, out)
	}
	return out
}

// isBoolOp reports whether op yields a bool.
func isBoolOp(op string) bool {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!":
		return true
	}
	return false
}

// isBool reports whether e is a boolean expression.
func (e *Expr) isBool() bool {
	switch e.Kind {
	case Bool:
		return true
	case Unary, Binary:
		return isBoolOp(e.Op)
	case Call:
		return e.Name == "isPow2"
	}
	return false
}
