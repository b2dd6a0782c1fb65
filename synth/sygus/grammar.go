package sygus

import (
	"strconv"

	"github.com/vsynth/vsynth/synth"
)

func (ps *parser) synthFun(c *Sexp) error {
	if len(c.List) < 4 || c.List[1].Kind != Symbol {
		return ps.errorf(c, "synth-fun takes a name, parameters, a sort and an optional grammar")
	}
	p := ps.p
	p.Name = c.List[1].Atom
	names, types, err := ps.sortedVars(c.List[2])
	if err != nil {
		return err
	}
	for i, n := range names {
		p.Params = append(p.Params, synth.Param{Name: "p" + strconv.Itoa(i), Type: types[i]})
		p.ParamNames = append(p.ParamNames, n)
	}
	if p.Result, err = ps.sort(c.List[3]); err != nil {
		return err
	}
	switch len(c.List) {
	case 4:
		p.Grammar, p.Default = defaultGrammar(p.Params, p.Result), true
		// Any constant: those of the problem (harvest.go) besides 0, 1
		// and all ones.
		for _, nt := range p.Grammar.NTs {
			if !nt.Type.Bool {
				ps.anyConst = append(ps.anyConst, anyConst{nt: nt, t: nt.Type})
			}
		}
		return nil
	case 6:
		return ps.grammar(c.List[4], c.List[5])
	case 5:
		return ps.errorf(c.List[4], "a SyGuS v2 grammar declares its nonterminals, then their rules")
	}
	return ps.errorf(c, "too many arguments to synth-fun")
}

// grammar reads ((NT Sort)...) ((NT Sort (rules...))...).
func (ps *parser) grammar(decls, rules *Sexp) error {
	p := ps.p
	g := &synth.Grammar{}
	index := map[string]int{}
	if !decls.IsList() || len(decls.List) == 0 {
		return ps.errorf(decls, "expected the list of nonterminals")
	}
	for _, d := range decls.List {
		if !d.IsList() || len(d.List) != 2 || d.List[0].Kind != Symbol {
			return ps.errorf(d, "expected (nonterminal sort)")
		}
		t, err := ps.sort(d.List[1])
		if err != nil {
			return err
		}
		if _, dup := index[d.List[0].Atom]; dup {
			return ps.errorf(d, "nonterminal %s declared twice", d.List[0].Atom)
		}
		index[d.List[0].Atom] = len(g.NTs)
		g.NTs = append(g.NTs, &synth.Nonterminal{Name: d.List[0].Atom, Type: t})
	}
	if g.NTs[0].Type != p.Result {
		return ps.errorf(decls.List[0], "start symbol %s has sort %s, but %s returns %s", g.NTs[0].Name, g.NTs[0].Type, p.Name, p.Result)
	}
	if !rules.IsList() || len(rules.List) != len(decls.List) {
		return ps.errorf(rules, "expected one rule list per nonterminal")
	}
	params := map[string]int{}
	for i, n := range p.ParamNames {
		params[n] = i
	}
	for i, r := range rules.List {
		if !r.IsList() || len(r.List) != 3 || r.List[0].Atom != decls.List[i].List[0].Atom || !r.List[2].IsList() {
			return ps.errorf(r, "expected (%s sort (rules...)) in the order of the declarations", decls.List[i].List[0].Atom)
		}
		nt := g.NTs[i]
		for _, rule := range r.List[2].List {
			prods, err := ps.production(rule, nt, index, g, params)
			if err != nil {
				return err
			}
			for _, pr := range prods {
				if pr.Tmpl.Type != nt.Type && pr.Tmpl.Hole < 0 {
					return ps.errorf(rule, "rule %s of %s has sort %s, want %s", rule, nt.Name, pr.Tmpl.Type, nt.Type)
				}
				if pr.Tmpl.Hole >= 0 && g.NTs[pr.Holes[0]].Type != nt.Type {
					return ps.errorf(rule, "rule %s of %s has sort %s, want %s", rule, nt.Name, g.NTs[pr.Holes[0]].Type, nt.Type)
				}
			}
			nt.Prods = append(nt.Prods, prods...)
		}
	}
	p.Grammar = g
	return g.Validate()
}

// production reads one rule into productions (a (Variable S) or
// (Constant Bool) rule stands for several).
func (ps *parser) production(rule *Sexp, nt *synth.Nonterminal, index map[string]int, g *synth.Grammar, params map[string]int) ([]*synth.Prod, error) {
	p := ps.p
	if rule.IsList() && (rule.Head() == "Constant" || rule.Head() == "Variable") && len(rule.List) == 2 {
		t, err := ps.sort(rule.List[1])
		if err != nil {
			return nil, err
		}
		var out []*synth.Prod
		if rule.Head() == "Variable" {
			for i, q := range p.Params {
				if q.Type == t {
					out = append(out, synth.LeafProd(&synth.Term{Op: synth.OpParam, Type: t, Param: i, Sym: p.ParamNames[i]}))
				}
			}
			return out, nil
		}
		if !t.Bool {
			// Any constant of the width: the constants of the problem,
			// filled in when every constraint is read (see harvest.go).
			ps.anyConst = append(ps.anyConst, anyConst{nt: nt, t: t})
			return nil, nil
		}
		return []*synth.Prod{
			synth.LeafProd(&synth.Term{Op: synth.OpConst, Type: t, Value: 0, Sym: "false"}),
			synth.LeafProd(&synth.Term{Op: synth.OpConst, Type: t, Value: 1, Sym: "true"}),
		}, nil
	}
	var holes []int
	scope := map[string]*synth.Term{}
	var lets []map[string]*synth.Term // let bindings of the rule, innermost last
	var read func(s *Sexp) (*synth.Term, error)
	read = func(s *Sexp) (*synth.Term, error) {
		if !s.IsList() && s.Kind == Symbol {
			for i := len(lets) - 1; i >= 0; i-- {
				if t, ok := lets[i][s.Atom]; ok {
					return t, nil
				}
			}
			if nt, ok := index[s.Atom]; ok {
				holes = append(holes, nt)
				return &synth.Term{Op: synth.OpInvalid, Type: g.NTs[nt].Type, Param: len(holes) - 1}, nil
			}
			if i, ok := params[s.Atom]; ok {
				return &synth.Term{Op: synth.OpParam, Type: p.Params[i].Type, Param: i, Sym: s.Atom}, nil
			}
			if c, ok := constant(s); ok {
				c.Sym = s.Atom
				return c, nil
			}
			return nil, ps.errorf(s, "unknown symbol %s in the grammar", s.Atom)
		}
		if !s.IsList() {
			if c, ok := constant(s); ok {
				c.Sym = s.Atom
				return c, nil
			}
			return nil, ps.unsupported(s, "literal %s", s.Atom)
		}
		if len(s.List) > 0 && s.List[0].IsList() && s.List[0].Head() == "_" {
			var args []*synth.Term
			for _, a := range s.List[1:] {
				t, err := read(a)
				if err != nil {
					return nil, err
				}
				args = append(args, t)
			}
			return ps.indexedOp(s, s.List[0], args)
		}
		switch s.Head() {
		case "_":
			return ps.indexedLiteral(s)
		case "let":
			// The bound term's holes are shared by its uses.
			if len(s.List) != 3 || !s.List[1].IsList() || len(s.List[1].List) == 0 {
				return nil, ps.errorf(s, "let takes a list of bindings and a body")
			}
			bound := map[string]*synth.Term{}
			for _, b := range s.List[1].List {
				if !b.IsList() || len(b.List) != 2 || b.List[0].Kind != Symbol {
					return nil, ps.errorf(b, "expected (name term)")
				}
				t, err := read(b.List[1])
				if err != nil {
					return nil, err
				}
				bound[b.List[0].Atom] = t
			}
			lets = append(lets, bound)
			defer func() { lets = lets[:len(lets)-1] }()
			return read(s.List[2])
		}
		if len(s.List) == 0 || s.List[0].Kind != Symbol {
			return nil, ps.errorf(s, "expected an operator")
		}
		if s.Head() == p.Name {
			return nil, ps.unsupported(s, "recursive call of %s in its grammar", p.Name)
		}
		var args []*synth.Term
		for _, a := range s.List[1:] {
			t, err := read(a)
			if err != nil {
				return nil, err
			}
			args = append(args, t)
		}
		t, err := ps.apply(s, s.Head(), args, scope)
		if err != nil {
			return nil, err
		}
		if _, isDef := ps.defs[s.Head()]; isDef {
			// A define-fun in a grammar is a macro: its body is what the
			// term computes, its call is how it is printed and sized.
			m := *t
			m.Macro, m.MacroArgs = s.Head(), args
			return &m, nil
		}
		return t, nil
	}
	t, err := read(rule)
	if err != nil {
		return nil, err
	}
	return []*synth.Prod{synth.NewProd(toTmpl(t), func(h int) int { return holes[h] })}, nil
}

// toTmpl turns a term whose OpInvalid leaves are holes into a template.
func toTmpl(t *synth.Term) *synth.Tmpl {
	if t.Op == synth.OpInvalid {
		return &synth.Tmpl{Hole: t.Param, Type: t.Type}
	}
	out := &synth.Tmpl{Op: t.Op, Type: t.Type, Param: t.Param, Value: t.Value, Hole: -1, Sym: t.Sym, Macro: t.Macro}
	for _, a := range t.Args {
		out.Args = append(out.Args, toTmpl(a))
	}
	for _, a := range t.MacroArgs {
		out.MacroArgs = append(out.MacroArgs, toTmpl(a))
	}
	return out
}

// defaultGrammar is the grammar of a synth-fun without one: every
// operator of the logic on the sorts involved.
func defaultGrammar(params []synth.Param, result synth.Type) *synth.Grammar {
	g := &synth.Grammar{}
	bvType := result
	for _, p := range params {
		if !p.Type.Bool && bvType.Bool {
			bvType = p.Type
		}
	}
	bv, bl := -1, -1
	if result.Bool {
		bl = 0
		g.NTs = append(g.NTs, &synth.Nonterminal{Name: "Start", Type: synth.BoolType})
		if !bvType.Bool {
			bv = 1
			g.NTs = append(g.NTs, &synth.Nonterminal{Name: "StartBV", Type: bvType})
		}
	} else {
		bv = 0
		g.NTs = append(g.NTs, &synth.Nonterminal{Name: "Start", Type: bvType})
	}
	for i, p := range params {
		nt := bv
		if p.Type.Bool {
			nt = bl
		}
		if nt >= 0 && g.NTs[nt].Type == p.Type {
			g.NTs[nt].Prods = append(g.NTs[nt].Prods, synth.LeafProd(&synth.Term{Op: synth.OpParam, Type: p.Type, Param: i}))
		} else if nt >= 0 && !p.Type.Bool {
			// A bit vector of another width, brought to the
			// nonterminal's: its low bits, or zero-extended.
			if leaf := resized(&synth.Term{Op: synth.OpParam, Type: p.Type, Param: i}, g.NTs[nt].Type); leaf != nil {
				g.NTs[nt].Prods = append(g.NTs[nt].Prods, synth.NewProd(leaf, func(int) int { return 0 }))
			}
		}
	}
	if bv >= 0 {
		t := bvType
		for _, v := range []uint64{0, 1, t.Mask()} {
			g.NTs[bv].Prods = append(g.NTs[bv].Prods, synth.LeafProd(&synth.Term{Op: synth.OpConst, Type: t, Value: v}))
		}
		for _, name := range []string{"bvnot", "bvneg"} {
			g.NTs[bv].Prods = append(g.NTs[bv].Prods, withSym(synth.OpProd(opTable[name].op, t, bv), name))
		}
		for _, name := range []string{"bvand", "bvor", "bvxor", "bvadd", "bvsub", "bvmul", "bvshl", "bvlshr", "bvashr", "bvudiv", "bvurem", "bvsdiv", "bvsrem"} {
			g.NTs[bv].Prods = append(g.NTs[bv].Prods, withSym(synth.OpProd(opTable[name].op, t, bv, bv), name))
		}
	}
	if bl >= 0 {
		if bv >= 0 {
			for _, name := range []string{"bvult", "bvule", "bvslt", "bvsle"} {
				g.NTs[bl].Prods = append(g.NTs[bl].Prods, withSym(synth.OpProd(opTable[name].op, synth.BoolType, bv, bv), name))
			}
			g.NTs[bl].Prods = append(g.NTs[bl].Prods, withSym(synth.OpProd(synth.OpEq, synth.BoolType, bv, bv), "="))
		}
		g.NTs[bl].Prods = append(g.NTs[bl].Prods,
			withSym(synth.OpProd(synth.OpNot, synth.BoolType, bl), "not"),
			withSym(synth.OpProd(synth.OpLAnd, synth.BoolType, bl, bl), "and"),
			withSym(synth.OpProd(synth.OpLOr, synth.BoolType, bl, bl), "or"),
			withSym(synth.OpProd(synth.OpNe, synth.BoolType, bl, bl), "xor"),
			withSym(synth.OpProd(synth.OpEq, synth.BoolType, bl, bl), "="),
			withSym(synth.OpProd(synth.OpIte, synth.BoolType, bl, bl, bl), "ite"))
	}
	return g
}

func withSym(p *synth.Prod, sym string) *synth.Prod {
	p.Tmpl.Sym = sym
	return p
}

// resized is the template of x brought to width t: (_ extract) of its
// low bits when t is narrower, (_ zero_extend) when it is wider.
func resized(x *synth.Term, t synth.Type) *synth.Tmpl {
	var r *synth.Term
	switch {
	case t.Bool:
		return nil
	case t.Width < x.Type.Width:
		r = synth.Extract(x, t.Width-1, 0)
	default:
		r = synth.ZeroExtend(x, t.Width-x.Type.Width)
	}
	r.Sym = widthSym(r)
	return toTmpl(r)
}
