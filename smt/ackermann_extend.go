package smt

import "sort"

// Extend reduces t, a quantifier-free formula over the arrays of the
// formula whose reads ar remembers, consistently with that reduction:
// reads t shares with it (the same array and index term) are the same
// variables, and each new read agrees with every read of its array at an
// equal index. It returns the reduced t with those constraints, and the
// reads of both formulas, which give the arrays values in a model of the
// two reduced formulas together. New variables are named prefix + a
// number (a prefix the first reduction did not use). It reports false
// when t does not qualify or has more than maxReads reads of an array.
func (ar *ArrayReads) Extend(t *Term, prefix string, maxReads int) (*Term, *ArrayReads, bool) {
	// New reads that share an old one's array and index term are found by
	// the reads themselves; a read the interner does not recognize is a
	// new variable, constrained against every read of its array below.
	e := &eliminator{
		prefix: prefix, max: maxReads, memo: map[*Term]*Term{}, reads: map[string][]read{},
		in: newInterner(), sels: map[[2]*Term]*Term{}, assumed: map[assumption]map[*Term]*Term{},
		meter: meter{pass: "extending an array reduction"},
	}
	old := map[string]int{}
	for name, rs := range ar.reads {
		e.reads[name] = append([]read(nil), rs...)
		e.order = append(e.order, name)
		old[name] = len(rs)
	}
	r := e.term(t)
	if e.failed {
		return nil, nil, false
	}
	names := make([]string, 0, len(e.reads))
	for name := range e.reads {
		names = append(names, name)
	}
	sort.Strings(names) // the same formula every run
	var lemmas []*Term
	for _, name := range names {
		rs := e.reads[name]
		for i := old[name]; i < len(rs); i++ {
			for j := 0; j < i; j++ {
				lemmas = append(lemmas, Implies(Eq(rs[i].index, rs[j].index), Eq(rs[i].value, rs[j].value)))
			}
		}
	}
	return And(append([]*Term{r}, lemmas...)...), &ArrayReads{reads: e.reads}, true
}

// ReadIndices lists the indices, evaluated in m, at which the reduced
// formula reads the array variable named name. When m is a model made by
// ArrayReads.Model, the array holds zero at every other index, so these
// are the only places it may not; ok is false for other models, where
// nothing is known of the indices.
func ReadIndices(m Model, name string) (indices []*Term, ok bool, err error) {
	am, isReduced := m.(*arrayModel)
	if !isReduced {
		return nil, false, nil
	}
	for _, rd := range am.ar.reads[name] {
		ic, err := am.m.Eval(rd.index)
		if err != nil {
			return nil, false, err
		}
		indices = append(indices, ic)
	}
	return indices, true, nil
}
