package ssa

import (
	"github.com/vsynth/vsynth/smt"
)

// Quantified specs and invariants (over slice indices) make queries that
// Z3's quantifier engines often cannot decide on their own, even when a
// single instance settles them. Before a query goes to the solver, its
// existentials (a ∀ in a negated goal, an ∃ in a hypothesis) are replaced
// by fresh constants, and every universal hypothesis is also instantiated
// with those constants and with the loop variables of the query. Both
// steps preserve satisfiability, so a proof stays a proof and a model
// stays a counterexample: they only hand the solver the instances a
// human would pick.

// instantiate returns q prepared for the solver.
func (l *lowering) instantiate(q *smt.Term, candidates []*smt.Term) *smt.Term {
	if !termHasQuantifier(q) {
		return q
	}
	in := &instantiator{l: l, quantified: newTermScan(func(t *smt.Term) bool { return t.Op() == smt.OpForall || t.Op() == smt.OpExists })}
	q = in.skolemize(q, true)
	cands := append(append([]*smt.Term(nil), in.skolems...), candidates...)
	return instances(q, true, cands, map[polarTerm]*smt.Term{})
}

// polarTerm is a subformula at a polarity: the walks over the Boolean
// structure of a query (instances, weaken) remember their
// result for each, so that a path condition shared by many paths is
// walked once, not once per path (exponentially many in the branches of
// an unrolled loop).
type polarTerm struct {
	t        *smt.Term
	positive bool
}

// instances conjoins to every universal that occurs positively in t its
// instances at the candidates of its bound variable's sort, in place.
func instances(t *smt.Term, positive bool, cands []*smt.Term, memo map[polarTerm]*smt.Term) *smt.Term {
	k := polarTerm{t, positive}
	if r, ok := memo[k]; ok {
		return r
	}
	r := instancesAt(t, positive, cands, memo)
	memo[k] = r
	return r
}

func instancesAt(t *smt.Term, positive bool, cands []*smt.Term, memo map[polarTerm]*smt.Term) *smt.Term {
	switch t.Op() {
	case smt.OpNot:
		return smt.Not(instances(t.Args()[0], !positive, cands, memo))
	case smt.OpAnd, smt.OpOr:
		args := make([]*smt.Term, len(t.Args()))
		for i, a := range t.Args() {
			args[i] = instances(a, positive, cands, memo)
		}
		if t.Op() == smt.OpAnd {
			return smt.And(args...)
		}
		return smt.Or(args...)
	case smt.OpImplies:
		return smt.Implies(instances(t.Args()[0], !positive, cands, memo), instances(t.Args()[1], positive, cands, memo))
	case smt.OpForall:
		if !positive || len(t.Bound()) != 1 {
			return t
		}
		conj := []*smt.Term{t}
		for _, c := range cands {
			if t.Bound()[0].Sort() == c.Sort() {
				conj = append(conj, smt.Substitute(t.Args()[0], t.Bound(), []*smt.Term{c}))
			}
		}
		return smt.And(conj...)
	}
	return t
}

type instantiator struct {
	l          *lowering
	skolems    []*smt.Term
	quantified *termScan
}

// skolemize replaces the existentials of t (positive ∃, negative ∀) by
// fresh constants; positive says whether t occurs positively. Each
// occurrence gets its own constants (one shared witness would leave the
// instantiation fewer candidates, and Z3 slower), but the walk enters
// only subformulas with quantifiers: a path condition, shared by the 2^n
// paths through n branches, has none and is not walked at all.
func (in *instantiator) skolemize(t *smt.Term, positive bool) *smt.Term {
	if !in.quantified.in(t) {
		return t
	}
	return in.skolemizeAt(t, positive)
}

func (in *instantiator) skolemizeAt(t *smt.Term, positive bool) *smt.Term {
	switch t.Op() {
	case smt.OpNot:
		return smt.Not(in.skolemize(t.Args()[0], !positive))
	case smt.OpAnd, smt.OpOr:
		args := make([]*smt.Term, len(t.Args()))
		for i, a := range t.Args() {
			args[i] = in.skolemize(a, positive)
		}
		if t.Op() == smt.OpAnd {
			return smt.And(args...)
		}
		return smt.Or(args...)
	case smt.OpImplies:
		return smt.Implies(in.skolemize(t.Args()[0], !positive), in.skolemize(t.Args()[1], positive))
	case smt.OpForall, smt.OpExists:
		if (t.Op() == smt.OpExists) != positive {
			return t // a universal: kept, and instantiated by the caller
		}
		var consts []*smt.Term
		for _, v := range t.Bound() {
			c := in.l.freshVar(v.Name()+skolemSuffix, v.Sort())
			consts = append(consts, c)
			in.skolems = append(in.skolems, c)
		}
		return in.skolemize(smt.Substitute(t.Args()[0], t.Bound(), consts), positive)
	}
	return t
}

// hasQuantifier reports whether t contains a quantifier.
func termHasQuantifier(t *smt.Term) bool {
	seen := map[*smt.Term]bool{}
	var walk func(t *smt.Term) bool
	walk = func(t *smt.Term) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		if t.Op() == smt.OpForall || t.Op() == smt.OpExists {
			return true
		}
		for _, a := range t.Args() {
			if walk(a) {
				return true
			}
		}
		return false
	}
	return walk(t)
}

// weaken returns q with its positive universals (and negative
// existentials) replaced by true (false): weaker than q, so its
// unsatisfiability proves q unsatisfiable, and quantifier-free once the
// goal's quantifiers are skolemized.
func weaken(q *smt.Term) *smt.Term {
	memo := map[polarTerm]*smt.Term{}
	var walk, at func(t *smt.Term, positive bool) *smt.Term
	walk = func(t *smt.Term, positive bool) *smt.Term {
		k := polarTerm{t, positive}
		if r, ok := memo[k]; ok {
			return r
		}
		r := at(t, positive)
		memo[k] = r
		return r
	}
	at = func(t *smt.Term, positive bool) *smt.Term {
		switch t.Op() {
		case smt.OpAnd, smt.OpOr:
			args := make([]*smt.Term, len(t.Args()))
			for i, a := range t.Args() {
				args[i] = walk(a, positive)
			}
			if t.Op() == smt.OpAnd {
				return smt.And(args...)
			}
			return smt.Or(args...)
		case smt.OpImplies:
			return smt.Implies(walk(t.Args()[0], !positive), walk(t.Args()[1], positive))
		case smt.OpNot:
			return smt.Not(walk(t.Args()[0], !positive))
		case smt.OpForall:
			if positive {
				return smt.True()
			}
		case smt.OpExists:
			if !positive {
				return smt.False()
			}
		}
		return t
	}
	return walk(q, true)
}
