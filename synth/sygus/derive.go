package sygus

import "github.com/vsynth/vsynth/synth"

// derive rebuilds t from the grammar's productions, starting at the start
// symbol, or returns nil when the grammar cannot derive it.
func derive(t *synth.Term, g *synth.Grammar) *synth.Term {
	d := &deriver{g: g, busy: map[busyKey]bool{}}
	return d.match(t, 0)
}

type busyKey struct {
	t  *synth.Term
	nt int
}

type deriver struct {
	g    *synth.Grammar
	busy map[busyKey]bool
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
	return nil
}

func (d *deriver) matchTmpl(t *synth.Term, tm *synth.Tmpl, holes []int, kids []*synth.Term) bool {
	if tm.Hole >= 0 {
		m := d.match(t, holes[tm.Hole])
		kids[tm.Hole] = m
		return m != nil
	}
	if t.Op != tm.Op || t.Type != tm.Type || len(t.Args) != len(tm.Args) {
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
	out := &synth.Term{Op: tm.Op, Type: tm.Type, Param: tm.Param, Value: tm.Value, Sym: tm.Sym}
	for _, a := range tm.Args {
		out.Args = append(out.Args, build(a, kids))
	}
	return out
}
