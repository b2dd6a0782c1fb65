package smt

import "strings"

// FormatShared renders t as one SMT-LIB expression with the sharing of
// its DAG: a compound subterm that occurs more than once is bound once by
// a let (nested, innermost last, in the order WriteScript defines them),
// so the text is linear in t's distinct subterms. Free variables are
// printed by the names WriteScript declares them with. It fails as
// WriteScript does.
func FormatShared(t *Term) (string, error) {
	d := newDag([]*Term{t})
	if d.err != nil {
		return "", d.err
	}
	root := d.visit(t)
	if d.err != nil {
		return "", d.err
	}
	top, scoped := d.nameShared()
	var b strings.Builder
	p := &scriptPrinter{scoped: scoped}
	for _, x := range top {
		b.WriteString("(let ((" + x.name + " ")
		p.expr(&b, x, nil)
		b.WriteString(")) ")
	}
	p.ref(&b, root, nil)
	b.WriteString(strings.Repeat(")", len(top)))
	return b.String(), nil
}
