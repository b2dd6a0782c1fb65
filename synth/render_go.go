package synth

import (
	"fmt"
	"go/format"
	"strings"
)

// GoFunc renders t as a Go function: name, parameters, result type and
// body. Subterms used more than once become t0 := ... statements, and a
// conditional becomes if/else. SMT-LIB operators without a Go operator
// call helpers (see GoHelpers).
func GoFunc(name string, params []Param, result Type, t *Term) string {
	var b strings.Builder
	fmt.Fprintf(&b, "func %s(", name)
	for i, p := range params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Name)
		if i+1 == len(params) || params[i+1].Type != p.Type {
			b.WriteString(" " + p.Type.GoName())
		}
	}
	fmt.Fprintf(&b, ") %s {\n", result.GoName())
	r := &goRenderer{params: params, temps: map[string]string{}, counts: map[string]int{}, keys: newTermKeys()}
	r.count(t, false)
	r.body(&b, t, "\t")
	b.WriteString("}\n")
	src := b.String()
	if out, err := format.Source([]byte(src)); err == nil {
		return string(out)
	}
	return src
}

type goRenderer struct {
	params []Param
	temps  map[string]string // subterm key -> temp name
	counts map[string]int
	next   int
	keys   *termKeys // shared with the renderers of branches
}

// count counts the uses of every compound subterm outside conditionals'
// branches (those are rendered in their own blocks).
func (r *goRenderer) count(t *Term, inBranch bool) {
	if t.Op == OpParam || t.Op == OpConst || isConstTerm(t) {
		return
	}
	if !inBranch {
		k := r.keys.key(t)
		r.counts[k]++
		if r.counts[k] > 1 {
			return
		}
	}
	for i, a := range t.Args {
		r.count(a, inBranch || (t.Op == OpIte && i > 0))
	}
}

// body writes the statements computing t and returning it.
func (r *goRenderer) body(b *strings.Builder, t *Term, indent string) {
	if t.Op == OpIte {
		cond := r.expr(b, t.Args[0], indent, 0)
		fmt.Fprintf(b, "%sif %s {\n", indent, cond)
		sub := &goRenderer{params: r.params, temps: copyMap(r.temps), counts: map[string]int{}, next: r.next, keys: r.keys}
		sub.count(t.Args[1], false)
		sub.body(b, t.Args[1], indent+"\t")
		r.next = max(r.next, sub.next)
		fmt.Fprintf(b, "%s}\n", indent)
		sub = &goRenderer{params: r.params, temps: copyMap(r.temps), counts: map[string]int{}, next: r.next, keys: r.keys}
		sub.count(t.Args[2], false)
		sub.body(b, t.Args[2], indent)
		r.next = max(r.next, sub.next)
		return
	}
	e := r.expr(b, t, indent, 0)
	fmt.Fprintf(b, "%sreturn %s\n", indent, e)
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Go operator precedence of a rendered term (6 for operands).
func goPrec(t *Term) int {
	switch t.Op {
	case OpMul, OpQuo, OpRem, OpShl, OpShr, OpAnd, OpAndNot:
		return 5
	case OpAdd, OpSub, OpOr, OpXor:
		return 4
	case OpEq, OpNe, OpLt, OpLe, OpGt, OpGe:
		return 3
	case OpLAnd:
		return 2
	case OpLOr:
		return 1
	}
	return 6
}

var goBinary = map[Op]string{
	OpAdd: "+", OpSub: "-", OpMul: "*", OpQuo: "/", OpRem: "%", OpAnd: "&", OpOr: "|", OpXor: "^",
	OpAndNot: "&^", OpShl: "<<", OpShr: ">>", OpEq: "==", OpNe: "!=", OpLt: "<", OpLe: "<=",
	OpGt: ">", OpGe: ">=", OpLAnd: "&&", OpLOr: "||",
}

// expr renders t as an expression, emitting statements for shared
// subterms and conditionals first. ctx is the precedence the context
// needs (an operand of a tighter operator is parenthesized).
func (r *goRenderer) expr(b *strings.Builder, t *Term, indent string, ctx int) string {
	key := ""
	if t.Op != OpParam && t.Op != OpConst && !isConstTerm(t) {
		key = r.keys.key(t)
		if name, ok := r.temps[key]; ok {
			return name
		}
	}
	s, prec := r.raw(b, t, indent)
	if key != "" && r.counts[key] > 1 && t.Op != OpIte {
		name := fmt.Sprintf("t%d", r.next)
		r.next++
		fmt.Fprintf(b, "%s%s := %s\n", indent, name, s)
		r.temps[key] = name
		return name
	}
	if prec < ctx {
		return "(" + s + ")"
	}
	return s
}

// raw renders t without sharing at its root; it returns the text and its
// precedence.
func (r *goRenderer) raw(b *strings.Builder, t *Term, indent string) (string, int) {
	switch {
	case t.Op == OpParam:
		return r.params[t.Param].Name, 6
	case t.Op == OpConst || isConstTerm(t):
		v, _ := EvalTerm(t, nil)
		return goLiteral(v, t.Type), 6
	}
	if !t.Type.Native() && wraps(t.Op) {
		// A narrow bit vector in a wider Go integer: keep the bits above
		// its width zero.
		s, _ := r.rawOp(b, t, indent)
		return fmt.Sprintf("(%s) & %#x", s, t.Type.mask()), 5
	}
	return r.rawOp(b, t, indent)
}

// wraps reports whether op can set bits above the operands' width.
func wraps(op Op) bool {
	switch op {
	case OpAdd, OpSub, OpMul, OpNeg, OpCom, OpShl:
		return true
	}
	return false
}

func (r *goRenderer) rawOp(b *strings.Builder, t *Term, indent string) (string, int) {
	if op, ok := goBinary[t.Op]; ok {
		p := goPrec(t)
		left := r.expr(b, t.Args[0], indent, p)
		if t.Op == OpShl || t.Op == OpShr {
			if t.Args[0].Op == OpConst {
				left = t.Type.GoName() + "(" + left + ")" // an untyped constant would take the context's type
			}
		}
		right := r.expr(b, t.Args[1], indent, p+1)
		return left + " " + op + " " + right, p
	}
	switch t.Op {
	case OpNeg:
		return "-" + r.expr(b, t.Args[0], indent, 6), 6
	case OpCom:
		return "^" + r.expr(b, t.Args[0], indent, 6), 6
	case OpNot:
		return "!" + r.expr(b, t.Args[0], indent, 6), 6
	case OpIte:
		name := fmt.Sprintf("t%d", r.next)
		r.next++
		cond := r.expr(b, t.Args[0], indent, 0)
		fmt.Fprintf(b, "%svar %s %s\n%sif %s {\n", indent, name, t.Type.GoName(), indent, cond)
		sub := &goRenderer{params: r.params, temps: copyMap(r.temps), counts: map[string]int{}, next: r.next, keys: r.keys}
		sub.count(t.Args[1], false)
		x := sub.expr(b, t.Args[1], indent+"\t", 0)
		fmt.Fprintf(b, "%s\t%s = %s\n%s} else {\n", indent, name, x, indent)
		r.next = max(r.next, sub.next)
		sub = &goRenderer{params: r.params, temps: copyMap(r.temps), counts: map[string]int{}, next: r.next, keys: r.keys}
		sub.count(t.Args[2], false)
		y := sub.expr(b, t.Args[2], indent+"\t", 0)
		fmt.Fprintf(b, "%s\t%s = %s\n%s}\n", indent, name, y, indent)
		r.next = max(r.next, sub.next)
		r.temps[r.keys.key(t)] = name
		return name, 6
	}
	if t.Op.Width() {
		return r.widthOp(b, t, indent)
	}
	// SMT-LIB operators: helper calls.
	args := make([]string, len(t.Args))
	for i, a := range t.Args {
		args[i] = r.expr(b, a, indent, 0)
	}
	return helperName(t.Op, t.operandType()) + "(" + strings.Join(args, ", ") + ")", 6
}

// isConstTerm reports whether t is a compound term without parameters.
func isConstTerm(t *Term) bool {
	if t.Op == OpConst {
		return false
	}
	var has func(*Term) bool
	has = func(t *Term) bool {
		if t.Op == OpParam {
			return true
		}
		for _, a := range t.Args {
			if has(a) {
				return true
			}
		}
		return false
	}
	return !has(t)
}

// goLiteral writes a value of type t as a Go constant expression of
// that type.
func goLiteral(v uint64, t Type) string {
	if t.Bool {
		if v != 0 {
			return "true"
		}
		return "false"
	}
	if t.Signed {
		return fmt.Sprint(t.sext(v))
	}
	if v > 0xffff {
		return fmt.Sprintf("%#x", v)
	}
	return fmt.Sprint(v)
}

// helperName is the Go helper implementing an SMT-LIB operator on t.
func helperName(op Op, t Type) string {
	names := map[Op]string{OpUDiv: "udiv", OpURem: "urem", OpSDiv: "sdiv", OpSRem: "srem", OpAShr: "ashr",
		OpSLt: "slt", OpSLe: "sle", OpSGt: "sgt", OpSGe: "sge", OpRedOr: "redor"}
	return fmt.Sprintf("vsynth_%s%d", names[op], t.Width)
}

// GoHelpers returns Go source for the helpers that the terms' SMT-LIB
// operators need, each written with exactly SMT-LIB's semantics.
func GoHelpers(terms ...*Term) string {
	need := map[string]bool{}
	var walk func(t *Term)
	var b strings.Builder
	walk = func(t *Term) {
		for _, a := range t.Args {
			walk(a)
		}
		if _, ok := goBinary[t.Op]; ok || t.Op.Width() || t.Op == OpParam || t.Op == OpConst || t.Op == OpNeg || t.Op == OpCom || t.Op == OpNot || t.Op == OpIte {
			return
		}
		ot := t.operandType()
		name := helperName(t.Op, ot)
		if need[name] {
			return
		}
		need[name] = true
		u := ot.GoName()
		s := fmt.Sprintf("int%d", ot.carrier())
		// signed(a) is a's two's-complement value, sign-extended from
		// its width to the Go type's.
		signed := func(a string) string {
			if ot.Native() {
				return s + "(" + a + ")"
			}
			k := ot.carrier() - ot.Width
			return fmt.Sprintf("(%s(%s<<%d) >> %d)", s, a, k, k)
		}
		m := fmt.Sprintf("%#x", ot.mask())
		switch t.Op {
		case OpUDiv:
			fmt.Fprintf(&b, "func %s(a, b %s) %s {\n\tif b == 0 {\n\t\treturn %s\n\t}\n\treturn a / b\n}\n\n", name, u, u, m)
		case OpURem:
			fmt.Fprintf(&b, "func %s(a, b %s) %s {\n\tif b == 0 {\n\t\treturn a\n\t}\n\treturn a %% b\n}\n\n", name, u, u)
		case OpSDiv:
			fmt.Fprintf(&b, "func %s(a, b %s) %s {\n\tx, y := %s, %s\n\tif y == 0 {\n\t\tif x < 0 {\n\t\t\treturn 1\n\t\t}\n\t\treturn %s\n\t}\n\tif y == -1 {\n\t\treturn -a & %s\n\t}\n\treturn %s(x/y) & %s\n}\n\n", name, u, u, signed("a"), signed("b"), m, m, u, m)
		case OpSRem:
			fmt.Fprintf(&b, "func %s(a, b %s) %s {\n\tx, y := %s, %s\n\tif y == 0 {\n\t\treturn a\n\t}\n\tif y == -1 {\n\t\treturn 0\n\t}\n\treturn %s(x%%y) & %s\n}\n\n", name, u, u, signed("a"), signed("b"), u, m)
		case OpAShr:
			fmt.Fprintf(&b, "func %s(a, b %s) %s {\n\treturn %s(%s>>b) & %s\n}\n\n", name, u, u, u, signed("a"), m)
		case OpSLt, OpSLe, OpSGt, OpSGe:
			cmp := map[Op]string{OpSLt: "<", OpSLe: "<=", OpSGt: ">", OpSGe: ">="}[t.Op]
			fmt.Fprintf(&b, "func %s(a, b %s) bool {\n\treturn %s %s %s\n}\n\n", name, u, signed("a"), cmp, signed("b"))
		case OpRedOr:
			fmt.Fprintf(&b, "func %s(a %s) bool {\n\treturn a != 0\n}\n\n", name, u)
		}
	}
	for _, t := range terms {
		walk(t)
	}
	return b.String()
}

// widthOp renders a width-changing operator with Go conversions: a
// conversion to a narrower type truncates, one from a signed type sign
// extends, and the bits above a narrow result's width are masked off.
func (r *goRenderer) widthOp(b *strings.Builder, t *Term, indent string) (string, int) {
	res := t.Type.GoName()
	masked := func(s string) (string, int) {
		if t.Type.Native() {
			return s, 6
		}
		return fmt.Sprintf("%s & %#x", s, t.Type.mask()), 5
	}
	x := r.expr(b, t.Args[0], indent, 6)
	switch t.Op {
	case OpExtract:
		if t.Value == 0 {
			return masked(res + "(" + x + ")")
		}
		return masked(fmt.Sprintf("%s(%s >> %d)", res, x, t.Value))
	case OpZExt:
		return res + "(" + x + ")", 6
	case OpSExt:
		from := t.Args[0].Type
		signed := fmt.Sprintf("int%d(%s)", from.carrier(), x)
		if !from.Native() {
			k := from.carrier() - from.Width
			signed = fmt.Sprintf("int%d(%s<<%d) >> %d", from.carrier(), x, k, k)
		}
		return masked(res + "(" + signed + ")")
	}
	// OpConcat: the high operand shifted above the low one.
	y := r.expr(b, t.Args[1], indent, 6)
	return fmt.Sprintf("%s(%s)<<%d | %s(%s)", res, x, t.Value, res, y), 4
}
