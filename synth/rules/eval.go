package rules

import (
	"errors"
	"fmt"
	"math/bits"
)

// errPanic is what evaluating an operation that panics in Go returns.
var errPanic = errors.New("panics")

// Env binds the holes and constants of an expression to values, held
// normalized for the type (see Type.norm); bools are 1 and 0.
type Env map[string]int64

// Eval computes e at type t with Go's semantics: wrapping arithmetic,
// truncating division (MinInt / -1 == MinInt), shifts by any count, and
// errPanic for division by zero and negative shift counts. Integer
// operands of every operator have type t; comparisons yield bools.
func Eval(e *Expr, t Type, env Env) (int64, error) {
	switch e.Kind {
	case Var, Const:
		v, ok := env[e.Name]
		if !ok {
			return 0, fmt.Errorf("%s is not bound", e.Name)
		}
		return v, nil
	case Lit:
		return t.norm(e.Val), nil
	case Bool:
		return e.Val, nil
	case Builtin:
		switch e.Name {
		case "W":
			return int64(t.Width), nil
		case "MinInt":
			return t.minInt(), nil
		case "MaxInt":
			return t.maxInt(), nil
		case "MaxUint":
			return t.maxUint(), nil
		}
		return 0, fmt.Errorf("unknown builtin %s", e.Name)
	case Call:
		x, err := Eval(e.Args[0], t, env)
		if err != nil {
			return 0, err
		}
		u := uint64(x) & t.mask()
		switch e.Name {
		case "isPow2":
			return b2i(x > 0 && x&(x-1) == 0 || !t.Signed && u != 0 && u&(u-1) == 0), nil
		case "ntz":
			if u == 0 {
				return int64(t.Width), nil
			}
			return int64(bits.TrailingZeros64(u)), nil
		case "nlz":
			return int64(bits.LeadingZeros64(u) - (64 - t.Width)), nil
		case "log2":
			return t.norm(int64(t.Width - 1 - (bits.LeadingZeros64(u) - (64 - t.Width)))), nil
		}
		return 0, fmt.Errorf("unknown helper %s", e.Name)
	case Unary:
		x, err := Eval(e.Args[0], t, env)
		if err != nil {
			return 0, err
		}
		switch e.Op {
		case "-":
			return t.norm(-x), nil
		case "^":
			return t.norm(^x), nil
		case "!":
			return 1 - x, nil
		}
	case Binary:
		x, err := Eval(e.Args[0], t, env)
		if err != nil {
			return 0, err
		}
		// && and || do not evaluate their right operand when the left
		// decides, as in Go.
		if e.Op == "&&" && x == 0 || e.Op == "||" && x == 1 {
			return x, nil
		}
		y, err := Eval(e.Args[1], t, env)
		if err != nil {
			return 0, err
		}
		return binary(e.Op, x, y, t)
	}
	return 0, fmt.Errorf("cannot evaluate %s", e)
}

// binary applies a Go binary operator to normalized operands of type t.
func binary(op string, x, y int64, t Type) (int64, error) {
	ux, uy := uint64(x)&t.mask(), uint64(y)&t.mask()
	switch op {
	case "+":
		return t.norm(x + y), nil
	case "-":
		return t.norm(x - y), nil
	case "*":
		return t.norm(x * y), nil
	case "&":
		return x & y, nil
	case "|":
		return x | y, nil
	case "^":
		return x ^ y, nil
	case "&^":
		return x &^ y, nil
	case "/", "%":
		if y == 0 {
			return 0, errPanic
		}
		if !t.Signed {
			if op == "/" {
				return t.norm(int64(ux / uy)), nil
			}
			return t.norm(int64(ux % uy)), nil
		}
		if y == -1 { // MinInt / -1 wraps to MinInt; MinInt % -1 is 0
			if op == "/" {
				return t.norm(-x), nil
			}
			return 0, nil
		}
		if op == "/" {
			return t.norm(x / y), nil
		}
		return t.norm(x % y), nil
	case "<<", ">>":
		if t.Signed && y < 0 {
			return 0, errPanic
		}
		n := uy
		if op == "<<" {
			if n >= uint64(t.Width) {
				return 0, nil
			}
			return t.norm(int64(ux << n)), nil
		}
		if t.Signed {
			if n >= 64 {
				n = 63
			}
			return x >> n, nil // x is sign-extended to 64 bits
		}
		if n >= 64 {
			return 0, nil
		}
		return int64(ux >> n), nil
	case "==":
		return b2i(x == y), nil
	case "!=":
		return b2i(x != y), nil
	case "<", "<=", ">", ">=":
		var less, eq bool
		if t.Signed {
			less = x < y
		} else {
			less = ux < uy
		}
		eq = x == y
		switch op {
		case "<":
			return b2i(less), nil
		case "<=":
			return b2i(less || eq), nil
		case ">":
			return b2i(!less && !eq), nil
		}
		return b2i(!less), nil
	case "&&":
		return x & y, nil
	case "||":
		return x | y, nil
	}
	return 0, fmt.Errorf("unknown operator %s", op)
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
