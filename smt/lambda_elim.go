package smt

import (
	"fmt"
	"sort"
)

// WithoutLambdas returns assertions equisatisfiable with the given ones
// and free of lambdas, for solvers that read SMT-LIB's lambda as a
// function rather than an array (cvc5 accepts (lambda ...) only in its
// higher-order logic, and then with a function sort that select and =
// on arrays reject).
//
// Each lambda (lambda ((k S)) body) becomes a fresh array constant !lamN
// defined by the axiom (forall ((k S)) (= (select !lamN k) body)), which
// is appended to the assertions. A lambda whose body mentions variables
// p1..pn bound by an enclosing quantifier or lambda becomes the read
// (select ... (select !lamN p1) ... pn) of a fresh array of arrays,
// defined by (forall ((p1 P1) ... (pn Pn) (k S)) (= (select (select ...
// (select !lamN p1) ... pn) k) body)). Every such axiom defines its
// constant uniquely from the others, so a model of the input extends to
// one of the output and every model of the output is one of the input:
// sat and unsat answers carry over both ways.
//
// It fails when a name is both free in the assertions and bound in them,
// or when a lambda mentions a bound variable that is not a bit vector
// (no array has such an index).
func WithoutLambdas(assertions []*Term) ([]*Term, error) {
	has := false
	for _, t := range assertions {
		if HasLambda(t) {
			has = true
			break
		}
	}
	if !has {
		return assertions, nil
	}
	e := &lambdaEliminator{
		memo:  make(map[*Term]*Term),
		fv:    make(map[*Term][]*Term),
		bound: make(map[string]bool),
		names: make(map[string]bool),
	}
	for _, t := range assertions {
		e.collectNames(t, make(map[*Term]bool))
	}
	for _, v := range Vars(assertions...) {
		if e.bound[v.name] {
			return nil, fmt.Errorf("smt: %s is both free and bound in the query", v.name)
		}
	}
	out := make([]*Term, 0, len(assertions))
	for _, t := range assertions {
		r, err := e.rewrite(t)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return append(out, e.axioms...), nil
}

type lambdaEliminator struct {
	memo   map[*Term]*Term
	fv     map[*Term][]*Term // free variables, sorted by name
	bound  map[string]bool   // names bound by some binder of the query
	names  map[string]bool   // every variable name of the query
	next   int
	axioms []*Term
}

func (e *lambdaEliminator) collectNames(t *Term, seen map[*Term]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	if t.op == OpVar {
		e.names[t.name] = true
	}
	for _, v := range t.bound {
		e.bound[v.name] = true
		e.names[v.name] = true
	}
	for _, a := range t.args {
		e.collectNames(a, seen)
	}
}

// free returns t's free variables sorted by name.
func (e *lambdaEliminator) free(t *Term) []*Term {
	if r, ok := e.fv[t]; ok {
		return r
	}
	var r []*Term
	switch {
	case t.op == OpVar:
		r = []*Term{t}
	case t.binds():
		shadow := make(map[string]bool, len(t.bound))
		for _, v := range t.bound {
			shadow[v.name] = true
		}
		for _, v := range e.free(t.args[0]) {
			if !shadow[v.name] {
				r = append(r, v)
			}
		}
	default:
		byName := map[string]*Term{}
		for _, a := range t.args {
			for _, v := range e.free(a) {
				byName[v.name] = v
			}
		}
		for _, v := range byName {
			r = append(r, v)
		}
		sort.Slice(r, func(i, j int) bool { return r[i].name < r[j].name })
	}
	e.fv[t] = r
	return r
}

func (e *lambdaEliminator) fresh() string {
	for {
		name := fmt.Sprintf("!lam%d", e.next)
		e.next++
		if !e.names[name] {
			e.names[name] = true
			return name
		}
	}
}

func (e *lambdaEliminator) rewrite(t *Term) (*Term, error) {
	if r, ok := e.memo[t]; ok {
		return r, nil
	}
	var r *Term
	switch t.op {
	case OpVar, OpConst:
		r = t
	case OpForall, OpExists:
		body, err := e.rewrite(t.args[0])
		if err != nil {
			return nil, err
		}
		r = t
		if body != t.args[0] {
			r = quantifier(t.op, t.bound, body)
		}
	case OpLambda:
		body, err := e.rewrite(t.args[0])
		if err != nil {
			return nil, err
		}
		var params []*Term
		for _, v := range e.free(t) {
			if e.bound[v.name] {
				if !v.sort.IsBitVec() {
					return nil, fmt.Errorf("smt: a lambda mentions the bound variable %s of sort %s, which cannot index an array", v.name, v.sort)
				}
				params = append(params, v)
			}
		}
		s := t.sort
		for i := len(params) - 1; i >= 0; i-- {
			s = ArraySort(params[i].sort, s)
		}
		r = Var(e.fresh(), s)
		for _, p := range params {
			r = Select(r, p)
		}
		k := t.bound[0]
		e.axioms = append(e.axioms, Forall(append(params, k), Eq(Select(r, k), body)))
	default:
		var err error
		r = mapArgs(t, func(a *Term) *Term {
			if err != nil {
				return a
			}
			b, e2 := e.rewrite(a)
			if e2 != nil {
				err = e2
				return a
			}
			return b
		})
		if err != nil {
			return nil, err
		}
	}
	e.memo[t] = r
	return r, nil
}
