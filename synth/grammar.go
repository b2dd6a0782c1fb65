package synth

import "fmt"

// Grammar says which terms the search may build. NTs[0] is the start
// symbol: the function's body.
type Grammar struct {
	NTs []*Nonterminal
}

// Nonterminal is one symbol of the grammar with its productions.
type Nonterminal struct {
	Name  string
	Type  Type
	Prods []*Prod
}

// Prod is a production: a template term whose holes are filled with
// terms of other nonterminals.
type Prod struct {
	Tmpl  *Tmpl
	Holes []int // nonterminal of each hole, in the order of Tmpl's Hole numbers
	Size  int   // operator applications in the template itself
}

// Tmpl is a production's template.
type Tmpl struct {
	Op    Op
	Type  Type
	Args  []*Tmpl
	Param int
	Value uint64
	Hole  int    // >= 0 for a hole (Op is OpInvalid); -1 otherwise
	Sym   string // copied to the terms built (see Term.Sym)
	// Macro, when set, names a function of the source whose body the
	// template is, applied to MacroArgs (see Term.Macro).
	Macro     string
	MacroArgs []*Tmpl

	opType Type // the type operands are evaluated in (set by prepareGrammar)
}

// NewProd makes a production from a template whose holes are numbered
// 0, 1, ... (a hole may occur more than once, in a macro's body).
func NewProd(t *Tmpl, holeNT func(hole int) int) *Prod {
	p := &Prod{Tmpl: t}
	n := 0
	var walk func(t *Tmpl)
	walk = func(t *Tmpl) {
		if t.Hole >= 0 {
			n = max(n, t.Hole+1)
			return
		}
		for _, a := range t.Args {
			walk(a)
		}
	}
	walk(t)
	for h := range n {
		p.Holes = append(p.Holes, holeNT(h))
	}
	p.Size = t.size()
	return p
}

// size counts the template's operators as printed: a macro counts one.
func (t *Tmpl) size() int {
	if t.Hole >= 0 || t.Op == OpParam || t.Op == OpConst {
		if t.Macro == "" {
			return 0
		}
	}
	n := 1
	args := t.Args
	if t.Macro != "" {
		args = t.MacroArgs
	}
	for _, a := range args {
		n += a.size()
	}
	return n
}

// OpProd is the production op(nts...) of result type t.
func OpProd(op Op, t Type, nts ...int) *Prod {
	tm := &Tmpl{Op: op, Type: t, Hole: -1}
	for i := range nts {
		tm.Args = append(tm.Args, &Tmpl{Hole: i})
	}
	return NewProd(tm, func(h int) int { return nts[h] })
}

// LeafProd is a parameter or constant production.
func LeafProd(leaf *Term) *Prod {
	return &Prod{Tmpl: &Tmpl{Op: leaf.Op, Type: leaf.Type, Param: leaf.Param, Value: leaf.Value, Hole: -1, Sym: leaf.Sym}}
}

// instantiate builds the term of a production with its holes filled.
func (p *Prod) instantiate(kids []*Term) *Term {
	var build func(t *Tmpl) *Term
	build = func(t *Tmpl) *Term {
		if t.Hole >= 0 {
			return kids[t.Hole]
		}
		out := &Term{Op: t.Op, Type: t.Type, Param: t.Param, Value: t.Value, Sym: t.Sym}
		for _, a := range t.Args {
			out.Args = append(out.Args, build(a))
		}
		if t.Macro != "" {
			m := *out
			m.Macro = t.Macro
			for _, a := range t.MacroArgs {
				m.MacroArgs = append(m.MacroArgs, build(a))
			}
			return &m
		}
		return out
	}
	return build(p.Tmpl)
}

// simple reports whether the template is op applied to holes 0..k-1 in
// order, so that it can be evaluated without the template walk.
func (p *Prod) simple() bool {
	if p.Tmpl.Hole >= 0 || p.Tmpl.Op == OpParam || p.Tmpl.Op == OpConst || p.Tmpl.Op.Width() {
		return false
	}
	for i, a := range p.Tmpl.Args {
		if a.Hole != i {
			return false
		}
	}
	return true
}

// Validate checks that every production's holes exist and types agree.
func (g *Grammar) Validate() error {
	if len(g.NTs) == 0 {
		return fmt.Errorf("grammar has no nonterminals")
	}
	for _, nt := range g.NTs {
		for _, p := range nt.Prods {
			for _, h := range p.Holes {
				if h < 0 || h >= len(g.NTs) {
					return fmt.Errorf("nonterminal %s: production refers to an unknown nonterminal", nt.Name)
				}
			}
		}
	}
	return nil
}
