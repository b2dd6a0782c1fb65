package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// TermKey writes t by what it computes, in the syntax of ProdKey:
// operators by the term language's semantics with their result types,
// parameters as pN:type, constants as value:type. Macros are written
// expanded. ParseKey reads it back.
func TermKey(t *Term) string {
	var b strings.Builder
	writeKey(&b, t, func(t *Term) string { return "p" + strconv.Itoa(t.Param) })
	return b.String()
}

// patternKey is TermKey with parameters written as holes _N: the key of a
// component's pattern, whose parameters are its holes.
func patternKey(t *Term) string {
	var b strings.Builder
	writeKey(&b, t, func(t *Term) string { return "_" + strconv.Itoa(t.Param) })
	return b.String()
}

func writeKey(b *strings.Builder, t *Term, param func(*Term) string) {
	switch t.Op {
	case OpParam:
		b.WriteString(param(t) + ":" + typeKey(t.Type))
		return
	case OpConst:
		b.WriteString(strconv.FormatUint(t.Value, 10) + ":" + typeKey(t.Type))
		return
	}
	b.WriteString("(" + ops[t.Op].name + ":" + typeKey(t.Type))
	if t.Op.Width() {
		b.WriteString(":" + strconv.FormatUint(t.Value, 10))
	}
	for _, a := range t.Args {
		b.WriteByte(' ')
		writeKey(b, a, param)
	}
	b.WriteByte(')')
}

// ParseKey reads a term written by TermKey, or a pattern whose holes
// _N are read as parameters N. It checks arities, not types.
func ParseKey(s string) (*Term, error) {
	toks := strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s))
	pos := 0
	var parse func() (*Term, error)
	parse = func() (*Term, error) {
		if pos >= len(toks) {
			return nil, fmt.Errorf("key %q: unexpected end", s)
		}
		tok := toks[pos]
		pos++
		if tok == ")" {
			return nil, fmt.Errorf("key %q: unexpected )", s)
		}
		if tok != "(" {
			return parseKeyLeaf(tok)
		}
		if pos >= len(toks) {
			return nil, fmt.Errorf("key %q: unexpected end", s)
		}
		head := strings.Split(toks[pos], ":")
		pos++
		if len(head) < 2 {
			return nil, fmt.Errorf("key %q: operator %q without a type", s, head[0])
		}
		op, ok := opNamed(head[0])
		if !ok {
			return nil, fmt.Errorf("key %q: unknown operator %q", s, head[0])
		}
		typ, err := parseTypeKey(head[1])
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", s, err)
		}
		t := &Term{Op: op, Type: typ}
		if op.Width() {
			if len(head) != 3 {
				return nil, fmt.Errorf("key %q: %s without its index", s, head[0])
			}
			if t.Value, err = strconv.ParseUint(head[2], 10, 64); err != nil {
				return nil, fmt.Errorf("key %q: index: %w", s, err)
			}
		}
		for pos < len(toks) && toks[pos] != ")" {
			a, err := parse()
			if err != nil {
				return nil, err
			}
			t.Args = append(t.Args, a)
		}
		if pos >= len(toks) {
			return nil, fmt.Errorf("key %q: missing )", s)
		}
		pos++
		if len(t.Args) != ops[op].arity {
			return nil, fmt.Errorf("key %q: %s takes %d operands, not %d", s, head[0], ops[op].arity, len(t.Args))
		}
		return t, nil
	}
	t, err := parse()
	if err != nil {
		return nil, err
	}
	if pos != len(toks) {
		return nil, fmt.Errorf("key %q: text after the term", s)
	}
	return t, nil
}

func parseKeyLeaf(tok string) (*Term, error) {
	name, ty, ok := strings.Cut(tok, ":")
	if !ok {
		return nil, fmt.Errorf("key leaf %q without a type", tok)
	}
	typ, err := parseTypeKey(ty)
	if err != nil {
		return nil, err
	}
	switch {
	case strings.HasPrefix(name, "_"), strings.HasPrefix(name, "p"):
		n, err := strconv.Atoi(name[1:])
		if err != nil || n < 0 || n > 63 {
			return nil, fmt.Errorf("key leaf %q: bad index", tok)
		}
		return &Term{Op: OpParam, Type: typ, Param: n}, nil
	}
	v, err := strconv.ParseUint(name, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("key leaf %q: not a constant", tok)
	}
	if v&^typ.mask() != 0 {
		return nil, fmt.Errorf("key leaf %q: constant wider than its type", tok)
	}
	return &Term{Op: OpConst, Type: typ, Value: v}, nil
}

// parseTypeKey reads a typeKey: bool, uN or iN.
func parseTypeKey(s string) (Type, error) {
	if s == "bool" {
		return BoolType, nil
	}
	if len(s) > 1 && (s[0] == 'u' || s[0] == 'i') {
		w, err := strconv.Atoi(s[1:])
		if err == nil && w >= 1 && w <= 64 {
			return IntType(w, s[0] == 'i'), nil
		}
	}
	return Type{}, fmt.Errorf("unknown type %q", s)
}

// opNamed is the operator with the given name (see ops).
func opNamed(name string) (Op, bool) {
	for op := OpAdd; op < numOps; op++ {
		if ops[op].name == name {
			return op, true
		}
	}
	return OpInvalid, false
}
