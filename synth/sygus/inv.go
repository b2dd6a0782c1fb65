package sygus

import (
	"strconv"

	"github.com/vsynth/vsynth/synth"
)

// synthInv reads (synth-inv inv ((x S)...) [grammar]) as the synth-fun
// (synth-fun inv ((x S)...) Bool [grammar]).
func (ps *parser) synthInv(c *Sexp) (*Sexp, error) {
	if len(c.List) != 3 && len(c.List) != 5 {
		return nil, ps.errorf(c, "synth-inv takes a name, parameters and an optional grammar")
	}
	list := []*Sexp{{Atom: "synth-fun", Kind: Symbol, Pos: c.List[0].Pos}, c.List[1], c.List[2], {Atom: "Bool", Kind: Symbol, Pos: c.List[2].Pos}}
	list = append(list, c.List[3:]...)
	return &Sexp{List: list, Pos: c.Pos}, nil
}

// invConstraint desugars (inv-constraint inv pre trans post) into the
// three constraints of an inductive invariant over fresh variables x
// and their primed copies x':
//
//	(=> (pre x) (inv x))
//	(=> (and (inv x) (trans x x')) (inv x'))
//	(=> (inv x) (post x))
func (ps *parser) invConstraint(c *Sexp) ([]*Sexp, error) {
	if len(c.List) != 5 {
		return nil, ps.errorf(c, "inv-constraint takes the invariant, pre, trans and post")
	}
	for _, a := range c.List[1:] {
		if a.Kind != Symbol {
			return nil, ps.errorf(a, "expected a function name")
		}
	}
	inv := c.List[1].Atom
	if ps.synth == nil || inv != ps.p.Name || ps.synth.List[0].Atom != "synth-fun" || !ps.p.Result.Bool {
		return nil, ps.errorf(c.List[1], "%s is not the synth-inv", inv)
	}
	n := len(ps.p.Params)
	want := map[int]int{2: n, 3: 2 * n, 4: n}
	for i := 2; i <= 4; i++ {
		d, ok := ps.defs[c.List[i].Atom]
		if !ok || d == nil {
			return nil, ps.errorf(c.List[i], "%s is not a defined function", c.List[i].Atom)
		}
		if len(d.params) != want[i] || !d.result.Bool {
			return nil, ps.errorf(c.List[i], "%s must take %d arguments and return Bool", c.List[i].Atom, want[i])
		}
		for j, t := range d.sorts {
			if t != ps.p.Params[j%n].Type {
				return nil, ps.errorf(c.List[i], "argument %d of %s has sort %s, want %s", j+1, c.List[i].Atom, t, ps.p.Params[j%n].Type)
			}
		}
	}
	at := c.Pos
	sym := func(name string) *Sexp { return &Sexp{Atom: name, Kind: Symbol, Pos: at} }
	list := func(xs ...*Sexp) *Sexp { return &Sexp{List: xs, Pos: at} }
	call := func(f string, args []*Sexp) *Sexp { return list(append([]*Sexp{sym(f)}, args...)...) }
	var x, xp []*Sexp
	for i, name := range ps.p.ParamNames {
		x = append(x, sym(ps.invVar(name, ps.p.Params[i].Type)))
		xp = append(xp, sym(ps.invVar(name+"!", ps.p.Params[i].Type)))
	}
	pre, trans, post := c.List[2].Atom, c.List[3].Atom, c.List[4].Atom
	return []*Sexp{
		list(sym("=>"), call(pre, x), call(inv, x)),
		list(sym("=>"), list(sym("and"), call(inv, x), call(trans, append(append([]*Sexp(nil), x...), xp...))), call(inv, xp)),
		list(sym("=>"), call(inv, x), call(post, x)),
	}, nil
}

// invVar is a universally quantified variable of sort t for the
// invariant's constraints: the declared variable of that name when its
// sort is t (constraints are conjoined, so sharing it changes nothing),
// else a fresh one.
func (ps *parser) invVar(name string, t synth.Type) string {
	for k := 0; ; k++ {
		v := name
		if k > 0 {
			v = name + "_" + strconv.Itoa(k)
		}
		i, ok := ps.vars[v]
		if ok && ps.p.Vars[i].Type == t {
			return v
		}
		if !ok {
			ps.vars[v] = len(ps.p.Vars)
			ps.p.Vars = append(ps.p.Vars, synth.Param{Name: "v" + strconv.Itoa(len(ps.p.Vars)), Type: t})
			ps.p.VarNames = append(ps.p.VarNames, v)
			return v
		}
	}
}
