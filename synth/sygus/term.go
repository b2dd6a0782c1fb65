package sygus

import "github.com/vsynth/vsynth/synth"

// opSpec maps a SyGuS operator to the term language.
type opSpec struct {
	op      synth.Op
	arity   int  // 0: n-ary (>= 2)
	compare bool // bit-vector operands, Bool result
	logical bool // Bool operands and result
}

var opTable = map[string]opSpec{
	"bvadd": {op: synth.OpAdd, arity: 2}, "bvsub": {op: synth.OpSub, arity: 2}, "bvmul": {op: synth.OpMul, arity: 2},
	"bvand": {op: synth.OpAnd, arity: 2}, "bvor": {op: synth.OpOr, arity: 2}, "bvxor": {op: synth.OpXor, arity: 2},
	"bvshl": {op: synth.OpShl, arity: 2}, "bvlshr": {op: synth.OpShr, arity: 2}, "bvashr": {op: synth.OpAShr, arity: 2},
	"bvudiv": {op: synth.OpUDiv, arity: 2}, "bvurem": {op: synth.OpURem, arity: 2},
	"bvsdiv": {op: synth.OpSDiv, arity: 2}, "bvsrem": {op: synth.OpSRem, arity: 2},
	"bvnot": {op: synth.OpCom, arity: 1}, "bvneg": {op: synth.OpNeg, arity: 1},
	"bvult": {op: synth.OpLt, arity: 2, compare: true}, "bvule": {op: synth.OpLe, arity: 2, compare: true},
	"bvugt": {op: synth.OpGt, arity: 2, compare: true}, "bvuge": {op: synth.OpGe, arity: 2, compare: true},
	"bvslt": {op: synth.OpSLt, arity: 2, compare: true}, "bvsle": {op: synth.OpSLe, arity: 2, compare: true},
	"bvsgt": {op: synth.OpSGt, arity: 2, compare: true}, "bvsge": {op: synth.OpSGe, arity: 2, compare: true},
	"not": {op: synth.OpNot, arity: 1, logical: true}, "and": {op: synth.OpLAnd, logical: true}, "or": {op: synth.OpLOr, logical: true},
	"xor": {op: synth.OpNe, arity: 2, logical: true},
}

func mk(op synth.Op, t synth.Type, sym string, args ...*synth.Term) *synth.Term {
	return &synth.Term{Op: op, Type: t, Args: args, Sym: sym}
}

// term reads a term. scope binds the parameters of a define-fun body being
// expanded; at the top level (scope nil) symbols are declared variables
// and calls to the synth-fun are invocations.
func (ps *parser) term(s *Sexp, scope map[string]*synth.Term) (*synth.Term, error) {
	if !s.IsList() {
		if c, ok := constant(s); ok {
			c.Sym = s.Atom
			return c, nil
		}
		switch s.Kind {
		case Hex, Binary:
			return nil, ps.unsupported(s, "bit-vector literal %s of width %d", s.Atom, litWidth(s))
		case Numeral:
			return nil, ps.unsupported(s, "integer literal %s", s.Atom)
		case Symbol:
		default:
			return nil, ps.errorf(s, "unexpected %s", s.Atom)
		}
		if t, ok := ps.letBound(s.Atom); ok {
			return t, nil
		}
		if scope != nil {
			if t, ok := scope[s.Atom]; ok {
				return t, nil
			}
		} else if i, ok := ps.vars[s.Atom]; ok {
			return &synth.Term{Op: synth.OpParam, Type: ps.p.Vars[i].Type, Param: i, Sym: s.Atom}, nil
		}
		if d, ok := ps.defs[s.Atom]; ok && d != nil && len(d.params) == 0 {
			return ps.expand(d.body, map[string]*synth.Term{})
		}
		if f := ps.stashed(s.Atom); f != nil && len(f.params) == 0 {
			return ps.apply(s, s.Atom, nil, scope)
		}
		if ps.synth != nil && !ps.multi && s.Atom == ps.p.Name && len(ps.p.Params) == 0 && ps.p.Grammar != nil {
			// A nullary synth-fun is used as a bare symbol.
			return ps.apply(s, s.Atom, nil, scope)
		}
		return nil, ps.errorf(s, "unknown symbol %s", s.Atom)
	}
	if len(s.List) == 0 {
		return nil, ps.errorf(s, "empty term")
	}
	head := s.List[0]
	if head.IsList() && head.Head() != "_" {
		return nil, ps.errorf(head, "expected an operator")
	}
	switch head.Atom {
	case "let":
		return ps.let(s, scope)
	case "forall", "exists":
		return nil, ps.unsupported(head, "quantifier %s", head.Atom)
	case "_":
		return ps.indexedLiteral(s)
	}
	var args []*synth.Term
	for _, a := range s.List[1:] {
		t, err := ps.term(a, scope)
		if err != nil {
			return nil, err
		}
		args = append(args, t)
	}
	if head.IsList() {
		return ps.indexedOp(s, head, args)
	}
	return ps.apply(s, head.Atom, args, scope)
}

func litWidth(s *Sexp) int {
	if s.Kind == Hex {
		return 4 * (len(s.Atom) - 2)
	}
	return len(s.Atom) - 2
}

// apply builds op(args), checking sorts.
func (ps *parser) apply(s *Sexp, name string, args []*synth.Term, scope map[string]*synth.Term) (*synth.Term, error) {
	if d, ok := ps.defs[name]; ok {
		if d == nil {
			return nil, ps.unsupported(s, "recursive function %s", name)
		}
		if len(args) != len(d.params) {
			return nil, ps.errorf(s, "%s takes %d arguments, got %d", name, len(d.params), len(args))
		}
		inner := map[string]*synth.Term{}
		for i, p := range d.params {
			if args[i].Type != d.sorts[i] {
				return nil, ps.errorf(s.List[i+1], "argument %d of %s has sort %s, want %s", i+1, name, args[i].Type, d.sorts[i])
			}
			inner[p] = args[i]
		}
		return ps.expand(d.body, inner)
	}
	if f := ps.stashed(name); f != nil {
		switch {
		case ps.checking:
			return &synth.Term{Op: synth.OpConst, Type: f.result}, nil
		case ps.multi:
			return ps.multiInvocation(s, f, args)
		}
		return nil, ps.unsupported(s, "a call of the synth-fun %s in another's grammar", name)
	}
	if ps.synth != nil && !ps.multi && name == ps.p.Name && ps.p.Grammar != nil {
		if ps.checking {
			// Checking a define-fun body: its parameters are placeholders.
			return &synth.Term{Op: synth.OpConst, Type: ps.p.Result}, nil
		}
		return ps.invocation(s, args)
	}
	switch name {
	case "=", "distinct":
		if len(args) != 2 {
			if len(args) < 2 {
				return nil, ps.errorf(s, "%s needs two operands", name)
			}
			return nil, ps.unsupported(s, "%s with %d operands", name, len(args))
		}
		args = redorOperands(args)
		if args[0].Type != args[1].Type {
			return nil, ps.errorf(s, "%s of sorts %s and %s", name, args[0].Type, args[1].Type)
		}
		op := synth.OpEq
		if name == "distinct" {
			op = synth.OpNe
		}
		return mk(op, synth.BoolType, name, args...), nil
	case "=>":
		if len(args) != 2 || !args[0].Type.Bool || !args[1].Type.Bool {
			return nil, ps.errorf(s, "=> takes two Bool operands")
		}
		return mk(synth.OpLOr, synth.BoolType, "", mk(synth.OpNot, synth.BoolType, "", args[0]), args[1]), nil
	case "ite":
		if len(args) != 3 || !args[0].Type.Bool || args[1].Type != args[2].Type {
			return nil, ps.errorf(s, "ite takes a Bool and two operands of one sort")
		}
		return mk(synth.OpIte, args[1].Type, name, args...), nil
	case "concat":
		return ps.concat(s, args)
	case "bvredor":
		if len(args) != 1 || args[0].Type.Bool {
			return nil, ps.errorf(s, "bvredor takes one bit vector")
		}
		// (_ BitVec 1) is read as Bool: #b1 is true.
		return mk(synth.OpRedOr, synth.BoolType, name, args...), nil
	}
	spec, ok := opTable[name]
	if !ok {
		if _, isBV := bvOnly[name]; isBV {
			return nil, ps.unsupported(s, "operator %s", name)
		}
		return nil, ps.errorf(s, "unknown function %s", name)
	}
	if spec.arity == 0 {
		if len(args) < 2 {
			return nil, ps.errorf(s, "%s needs at least two operands", name)
		}
	} else if len(args) != spec.arity {
		return nil, ps.errorf(s, "%s takes %d operands, got %d", name, spec.arity, len(args))
	}
	for _, a := range args {
		if a.Op == synth.OpRedOr && !spec.logical {
			return nil, ps.unsupported(s, "bvredor as a bit vector (only compared with #b0 or #b1)")
		}
		if spec.logical != a.Type.Bool || a.Type != args[0].Type {
			return nil, ps.errorf(s, "%s: operand of sort %s", name, a.Type)
		}
	}
	t := args[0].Type
	if spec.compare || spec.logical {
		t = synth.BoolType
	}
	out := mk(spec.op, t, name, args[0], nil)
	if spec.arity == 1 {
		out.Args = args[:1]
		return out, nil
	}
	out.Args[1] = args[1]
	for _, a := range args[2:] { // n-ary: left-nested
		out = mk(spec.op, t, name, out, a)
	}
	return out, nil
}

var bvOnly = map[string]bool{"bvnand": true, "bvnor": true, "bvxnor": true, "bvcomp": true,
	"rotate_left": true, "rotate_right": true, "repeat": true, "bvredand": true, "bvsmod": true}

// invocation records a call of the synth-fun at the top level: it becomes
// the output variable of its invocation.
func (ps *parser) invocation(s *Sexp, args []*synth.Term) (*synth.Term, error) {
	if len(args) != len(ps.p.Params) {
		return nil, ps.errorf(s, "%s takes %d arguments, got %d", ps.p.Name, len(ps.p.Params), len(args))
	}
	for i, a := range args {
		if a.Type != ps.p.Params[i].Type {
			return nil, ps.errorf(s.List[i+1], "argument %d of %s has sort %s, want %s", i+1, ps.p.Name, a.Type, ps.p.Params[i].Type)
		}
		if containsOutput(a, len(ps.p.Vars)) {
			return nil, ps.unsupported(s, "nested calls of %s", ps.p.Name)
		}
	}
	return ps.record(args), nil
}

// record returns the output variable of the invocation with these
// arguments, adding the invocation when it is new.
func (ps *parser) record(args []*synth.Term) *synth.Term {
	var key string
	for _, a := range args {
		key += a.String() + ";"
	}
	k, ok := ps.invs[key]
	if !ok {
		k = len(ps.p.Invocations)
		ps.invs[key] = k
		ps.p.Invocations = append(ps.p.Invocations, args)
	}
	return &synth.Term{Op: synth.OpParam, Type: ps.p.Result, Param: len(ps.p.Vars) + k}
}

func containsOutput(t *synth.Term, vars int) bool {
	if t.Op == synth.OpParam && t.Param >= vars {
		return true
	}
	for _, a := range t.Args {
		if containsOutput(a, vars) {
			return true
		}
	}
	return false
}
