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
	// F returns the widest sort: a narrower bit vector is zero-extended
	// into it and a Bool is 1 or 0 (see widen).
	result := funs[0].result
	for _, f := range funs[1:] {
		if result.Bool || (!f.result.Bool && f.result.Width > result.Width) {
			result = f.result
		}
	}
	ps.p.Result = result
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
		last := &synth.Tmpl{Hole: 1, Type: result}
		if j == k-2 {
			last = widen(&synth.Tmpl{Hole: 1, Type: funs[k-1].result}, result)
		}
		tm := &synth.Tmpl{Op: synth.OpIte, Type: result, Hole: -1, Sym: "ite", Args: []*synth.Tmpl{cond, widen(&synth.Tmpl{Hole: 0, Type: funs[j].result}, result), last}}
		// Sized as one operator over the bodies (a macro): the selection
		// costs one level, not its three or four operators, and the
		// enumerator need not build every function's terms three levels
		// past the bodies the start combines.
		tm.Macro = "vsynth_select"
		tm.MacroArgs = []*synth.Tmpl{{Hole: 0, Type: funs[j].result}, {Hole: 1, Type: last.Type}}
		if j == k-2 {
			tm.MacroArgs[1].Type = funs[k-1].result
		}
		holes := []int{base[j], next}
		g.NTs[j].Prods = []*synth.Prod{synth.NewProd(tm, func(h int) int { return holes[h] })}
	}
	p.Name = strings.Join(names, "+")
	p.Grammar = g
	p.Default = false
	ps.multi = true
	return g.Validate()
}

// widen puts a body of a synth-fun into F's result sort: a Bool as
// (ite b 1 0), a narrower bit vector zero-extended.
func widen(t *synth.Tmpl, result synth.Type) *synth.Tmpl {
	switch {
	case t.Type == result:
		return t
	case t.Type.Bool:
		return &synth.Tmpl{Op: synth.OpIte, Type: result, Hole: -1, Args: []*synth.Tmpl{t,
			{Op: synth.OpConst, Type: result, Value: 1, Hole: -1}, {Op: synth.OpConst, Type: result, Hole: -1}}}
	}
	return &synth.Tmpl{Op: synth.OpZExt, Type: result, Hole: -1, Args: []*synth.Tmpl{t}}
}

// narrow reads F's output for a call of f in f's sort: the inverse of
// widen.
func narrow(out *synth.Term, f *synthFunSig) *synth.Term {
	switch {
	case out.Type == f.result:
		return out
	case f.result.Bool:
		return &synth.Term{Op: synth.OpNe, Type: synth.BoolType, Args: []*synth.Term{out, {Op: synth.OpConst, Type: out.Type}}}
	}
	return synth.Extract(out, f.result.Width-1, 0)
}

// unwiden is the body of a synth-fun inside F's term: widen undone.
func unwiden(t *synth.Term, f *synthFunSig) *synth.Term {
	if t.Type == f.result {
		return t
	}
	return t.Args[0] // (ite b 1 0) or zero_extend
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
	return narrow(ps.record(full), f), nil
}

// bodies splits F's term into the synth-funs' bodies (nil when t is not
// of F's shape).
func (p *Problem) bodies(t *synth.Term) []*synth.Term {
	var out []*synth.Term
	for j := 0; j < len(p.funs)-1; j++ {
		if t.Op != synth.OpIte || len(t.Args) != 3 || t.Args[0].Op != synth.OpEq || t.Args[0].Args[0].Op != synth.OpParam || t.Args[0].Args[0].Param != 0 {
			return nil
		}
		out = append(out, unwiden(t.Args[1], p.funs[j]))
		t = t.Args[2]
	}
	return append(out, unwiden(t, p.funs[len(p.funs)-1]))
}
