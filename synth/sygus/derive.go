package sygus

import "github.com/vsynth/vsynth/synth"

// derive rebuilds t from the grammar's productions, starting at the start
// symbol, or returns nil when the grammar cannot derive it.
func derive(t *synth.Term, g *synth.Grammar) *synth.Term {
	d := &deriver{g: g, busy: map[busyKey]bool{}, consts: constTerms(g)}
	return d.match(t, 0)
}

// constTerms finds, for each nonterminal, the smallest constant-only
// terms of up to two operators by value: a constant the grammar lacks
// (2 when it has 1) may still be derived as (bvadd #x1 #x1).
func constTerms(g *synth.Grammar) []map[uint64]*synth.Term {
	out := make([]map[uint64]*synth.Term, len(g.NTs))
	levels := make([][][]*synth.Term, len(g.NTs)) // levels[nt][size]
	for i := range out {
		out[i] = map[uint64]*synth.Term{}
		levels[i] = make([][]*synth.Term, 3)
	}
	add := func(nt, size int, t *synth.Term) {
		v, ok := synth.EvalTerm(t, nil)
		if !ok {
			return
		}
		if _, seen := out[nt][v]; seen {
			return
		}
		out[nt][v] = t
		levels[nt][size] = append(levels[nt][size], t)
	}
	for nt, sym := range g.NTs {
		for _, p := range sym.Prods {
			if len(p.Holes) == 0 && p.Size == 0 && p.Tmpl.Op == synth.OpConst {
				add(nt, 0, build(p.Tmpl, nil))
			}
		}
	}
	for size := 1; size <= 2; size++ {
		for nt, sym := range g.NTs {
			for _, p := range sym.Prods {
				if p.Size != 1 || len(p.Holes) == 0 || len(p.Holes) > 2 {
					continue
				}
				rest := size - 1
				if len(p.Holes) == 1 {
					for _, k := range levels[p.Holes[0]][rest] {
						add(nt, size, build(p.Tmpl, []*synth.Term{k}))
					}
					continue
				}
				for a := 0; a <= rest; a++ {
					for _, x := range levels[p.Holes[0]][a] {
						for _, y := range levels[p.Holes[1]][rest-a] {
							add(nt, size, build(p.Tmpl, []*synth.Term{x, y}))
						}
					}
				}
			}
		}
	}
	return out
}

type busyKey struct {
	t  *synth.Term
	nt int
}

type deriver struct {
	g      *synth.Grammar
	busy   map[busyKey]bool
	consts []map[uint64]*synth.Term
}

func (d *deriver) match(t *synth.Term, nt int) *synth.Term {
	key := busyKey{t, nt}
	if d.busy[key] {
		return nil // a cycle of chain rules
	}
	d.busy[key] = true
	defer delete(d.busy, key)
	for _, p := range d.g.NTs[nt].Prods {
		kids := make([]*synth.Term, len(p.Holes))
		if d.matchTmpl(t, p.Tmpl, p.Holes, kids) {
			return build(p.Tmpl, kids)
		}
	}
	if t.Op == synth.OpConst {
		if c, ok := d.consts[nt][t.Value]; ok && c.Type == t.Type {
			return c
		}
	}
	return nil
}

func (d *deriver) matchTmpl(t *synth.Term, tm *synth.Tmpl, holes []int, kids []*synth.Term) bool {
	if tm.Hole >= 0 {
		m := d.match(t, holes[tm.Hole])
		kids[tm.Hole] = m
		return m != nil
	}
	if t.Op != tm.Op || t.Type != tm.Type || len(t.Args) != len(tm.Args) || (t.Op.Width() && t.Value != tm.Value) {
		return false
	}
	switch t.Op {
	case synth.OpParam:
		return t.Param == tm.Param
	case synth.OpConst:
		return t.Value == tm.Value
	}
	for i := range t.Args {
		if !d.matchTmpl(t.Args[i], tm.Args[i], holes, kids) {
			return false
		}
	}
	return true
}

func build(tm *synth.Tmpl, kids []*synth.Term) *synth.Term {
	if tm.Hole >= 0 {
		return kids[tm.Hole]
	}
	out := &synth.Term{Op: tm.Op, Type: tm.Type, Param: tm.Param, Value: tm.Value, Sym: tm.Sym, Macro: tm.Macro}
	for _, a := range tm.Args {
		out.Args = append(out.Args, build(a, kids))
	}
	for _, a := range tm.MacroArgs {
		out.MacroArgs = append(out.MacroArgs, build(a, kids))
	}
	return out
}
