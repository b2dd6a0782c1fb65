package sygus

import (
	"strconv"
	"strings"

	"github.com/vsynth/vsynth/synth"
)

// A problem with several synth-funs f0 ... fk-1 is solved as one
// function F(sel, params of f0, ..., params of fk-1) whose grammar's
// start is fixed to
//
//	(ite (= sel 0) B0 (ite (= sel 1) B1 ... Bk-1))
//
// with Bi a term of fi's own grammar over fi's parameters: each term of
// that grammar is a tuple of bodies, enumerated jointly by total size and
// screened and proved by the one CEGIS loop (a call (fi a...) is the
// invocation F(i, 0..., a..., 0...)). The answer prints each Bi as the
// define-fun of fi.

// synthFunSig is one synth-fun of a problem with several.
type synthFunSig struct {
	name       string
	params     []synth.Param
	paramNames []string
	result     synth.Type
	grammar    *synth.Grammar
	offset     int // index of its first parameter among F's
}

// selType is the type of F's selector parameter.
var selType = synth.IntType(8, false)

// stash sets the synth-fun read so far aside, before the next is read.
func (ps *parser) stash() {
	p := ps.p
	ps.funs = append(ps.funs, &synthFunSig{name: p.Name, params: p.Params, paramNames: p.ParamNames, result: p.Result, grammar: p.Grammar})
	p.Name, p.Params, p.ParamNames, p.Grammar, p.Default = "", nil, nil, nil, false
}

// stashed finds a set-aside synth-fun by name.
func (ps *parser) stashed(name string) *synthFunSig {
	for _, f := range ps.funs {
		if f.name == name {
			return f
		}
	}
	return nil
}

// combine makes F from the synth-funs (see above).
func (ps *parser) combine(at *Sexp) error {
	funs := ps.funs
	p := ps.p
	if len(funs) > int(selType.Mask())+1 {
		return ps.unsupported(at, "%d synth-funs", len(funs))
	}
	for _, f := range funs[1:] {
		if f.result != funs[0].result {
			return ps.unsupported(at, "synth-funs of different sorts (%s returns %s, %s returns %s)", funs[0].name, sortName(funs[0].result), f.name, sortName(f.result))
		}
	}
	result := funs[0].result
	var names []string
	p.Params = []synth.Param{{Name: "p0", Type: selType}}
	p.ParamNames = []string{"vsynth_sel"}
	g := &synth.Grammar{}
	k := len(funs)
	// The chain nonterminals first: NTs[j] picks fj's body when sel is j.
	for j := 0; j < k-1; j++ {
		g.NTs = append(g.NTs, &synth.Nonterminal{Name: "vsynth_select" + funs[j].name, Type: result})
	}
	base := make([]int, k)
	for i, f := range funs {
		names = append(names, f.name)
		f.offset = len(p.Params)
		base[i] = len(g.NTs)
		for j, q := range f.params {
			p.Params = append(p.Params, synth.Param{Name: "p" + strconv.Itoa(len(p.Params)), Type: q.Type})
			p.ParamNames = append(p.ParamNames, f.paramNames[j])
		}
		shiftGrammar(f.grammar, base[i], f.offset)
		g.NTs = append(g.NTs, f.grammar.NTs...)
	}
	for j := 0; j < k-1; j++ {
		next := j + 1
		if j == k-2 {
			next = base[k-1]
		}
		sel := &synth.Tmpl{Op: synth.OpParam, Type: selType, Param: 0, Hole: -1}
		idx := &synth.Tmpl{Op: synth.OpConst, Type: selType, Value: uint64(j), Hole: -1}
		cond := &synth.Tmpl{Op: synth.OpEq, Type: synth.BoolType, Hole: -1, Sym: "=", Args: []*synth.Tmpl{sel, idx}}
		tm := &synth.Tmpl{Op: synth.OpIte, Type: result, Hole: -1, Sym: "ite", Args: []*synth.Tmpl{cond, {Hole: 0, Type: result}, {Hole: 1, Type: result}}}
		holes := []int{base[j], next}
		g.NTs[j].Prods = []*synth.Prod{synth.NewProd(tm, func(h int) int { return holes[h] })}
	}
	p.Name = strings.Join(names, "+")
	p.Result = result
	p.Grammar = g
	p.Default = false
	ps.multi = true
	return g.Validate()
}

// shiftGrammar moves a synth-fun's grammar into F's: its nonterminals
// start at ntBase and its parameters at paramBase.
func shiftGrammar(g *synth.Grammar, ntBase, paramBase int) {
	seen := map[*synth.Tmpl]bool{}
	var walk func(t *synth.Tmpl)
	walk = func(t *synth.Tmpl) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		if t.Hole < 0 && t.Op == synth.OpParam {
			t.Param += paramBase
		}
		for _, a := range t.Args {
			walk(a)
		}
		for _, a := range t.MacroArgs {
			walk(a)
		}
	}
	for _, nt := range g.NTs {
		for _, pr := range nt.Prods {
			for h := range pr.Holes {
				pr.Holes[h] += ntBase
			}
			walk(pr.Tmpl)
		}
	}
}

// multiInvocation is a call (fi args...) once F is made: the invocation
// F(i, zeros..., args..., zeros...).
func (ps *parser) multiInvocation(s *Sexp, f *synthFunSig, args []*synth.Term) (*synth.Term, error) {
	if len(args) != len(f.params) {
		return nil, ps.errorf(s, "%s takes %d arguments, got %d", f.name, len(f.params), len(args))
	}
	full := make([]*synth.Term, len(ps.p.Params))
	for i, q := range ps.p.Params {
		full[i] = &synth.Term{Op: synth.OpConst, Type: q.Type}
	}
	for i, f2 := range ps.funs {
		if f2 == f {
			full[0].Value = uint64(i)
		}
	}
	for i, a := range args {
		if a.Type != f.params[i].Type {
			return nil, ps.errorf(s.List[i+1], "argument %d of %s has sort %s, want %s", i+1, f.name, a.Type, f.params[i].Type)
		}
		if containsOutput(a, len(ps.p.Vars)) {
			return nil, ps.unsupported(s, "nested calls of %s", f.name)
		}
		full[f.offset+i] = a
	}
	return ps.record(full), nil
}

// bodies splits F's term into the synth-funs' bodies (nil when t is not
// of F's shape).
func (p *Problem) bodies(t *synth.Term) []*synth.Term {
	var out []*synth.Term
	for j := 0; j < len(p.funs)-1; j++ {
		if t.Op != synth.OpIte || len(t.Args) != 3 || t.Args[0].Op != synth.OpEq || t.Args[0].Args[0].Op != synth.OpParam || t.Args[0].Args[0].Param != 0 {
			return nil
		}
		out = append(out, t.Args[1])
		t = t.Args[2]
	}
	return append(out, t)
}
