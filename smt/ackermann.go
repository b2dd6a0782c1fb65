package smt

import "fmt"

// EliminateArrays returns a quantifier-free bit-vector formula
// equisatisfiable with the quantifier-free formula t, in which arrays
// occur only read (select) and never compared: reads through stores,
// ites and constant arrays are resolved (read-over-write), and the reads
// of each array variable become fresh variables constrained to agree
// where their indices do (Ackermann's reduction). It reports false, and
// returns nil, when t does not qualify or the reduction would exceed
// maxReads reads of one array.
//
// The fresh variables are named prefix + a number: no variable of t may
// have such a name (the caller picks a prefix no other name starts with;
// ssa/names.go). A model of the result
// is not a model of t (the arrays have no values in it): use the
// reduction to decide, and t itself to read a counterexample.
func EliminateArrays(t *Term, prefix string, maxReads int) (*Term, *ArrayReads, bool) {
	r, reads, ok, _ := EliminateArraysWithin(t, prefix, maxReads, Budget{})
	return r, reads, ok
}

// EliminateArraysWithin is EliminateArrays under budget b: it stops with
// a *BudgetError when the terms it creates exceed b.MaxTerms or b.Ctx
// ends.
//
// The reduction is linear in the size of t's DAG times the indices read
// through each array: a read of an array at an index is resolved once
// (memoized on the array and the index, which is interned, so that the
// same index computed twice is one index), and the memory merges of an
// unrolled loop, ites over arrays that share their stores, are walked
// as a DAG, never as the tree they unfold to.
func EliminateArraysWithin(t *Term, prefix string, maxReads int, b Budget) (*Term, *ArrayReads, bool, error) {
	e := &eliminator{
		prefix: prefix, max: maxReads, memo: map[*Term]*Term{}, reads: map[string][]read{},
		in: newInterner(), sels: map[[2]*Term]*Term{}, assumed: map[assumption]map[*Term]*Term{},
		meter: meter{b: b, pass: "eliminating arrays"},
	}
	r := e.term(t)
	if e.meter.err != nil {
		return nil, nil, false, e.meter.err
	}
	if e.failed {
		return nil, nil, false, nil
	}
	if len(e.sels) == 0 {
		return t, &ArrayReads{reads: e.reads}, true, nil // no arrays: nothing to reduce
	}
	lemmas := []*Term{r}
	for _, name := range e.order {
		rs := e.reads[name]
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if !e.meter.charge(e.in.size() + len(lemmas)) {
					return nil, nil, false, e.meter.err
				}
				lemmas = append(lemmas, Implies(Eq(rs[i].index, rs[j].index), Eq(rs[i].value, rs[j].value)))
			}
		}
	}
	return And(lemmas...), &ArrayReads{reads: e.reads}, true, nil
}

// ArrayReads remembers the reads a reduction replaced, to give arrays
// values again in a model of the reduced formula.
type ArrayReads struct {
	reads map[string][]read
}

// Model turns a model of the reduced formula into a model of the
// original one: an array variable holds, at an index some read of the
// reduction evaluates to, that read's value, and zero elsewhere.
func (ar *ArrayReads) Model(m Model) Model { return &arrayModel{m, ar} }

type arrayModel struct {
	m  Model
	ar *ArrayReads
}

// Eval evaluates t, resolving every read of an array by the values of
// the model.
func (am *arrayModel) Eval(t *Term) (*Term, error) {
	g, err := am.ground(t, map[*Term]*Term{})
	if err != nil {
		return nil, err
	}
	return am.m.Eval(g)
}

// ground replaces the reads in t by constants.
func (am *arrayModel) ground(t *Term, memo map[*Term]*Term) (*Term, error) {
	if r, ok := memo[t]; ok {
		return r, nil
	}
	var r *Term
	switch t.op {
	case OpVar, OpConst:
		r = t
	case OpForall, OpExists:
		return nil, fmt.Errorf("smt: evaluating a quantifier in a model of a reduced formula")
	case OpSelect:
		i, err := am.ground(t.args[1], memo)
		if err != nil {
			return nil, err
		}
		ic, err := am.m.Eval(i)
		if err != nil {
			return nil, err
		}
		r, err = am.read(t.args[0], ic, memo)
		if err != nil {
			return nil, err
		}
	default:
		if t.sort.IsArray() {
			return nil, fmt.Errorf("smt: an array value in a model of a reduced formula")
		}
		args := make([]*Term, len(t.args))
		for k, a := range t.args {
			g, err := am.ground(a, memo)
			if err != nil {
				return nil, err
			}
			args[k] = g
		}
		r = rebuild(t, args)
	}
	memo[t] = r
	return r, nil
}

// read is the value of array a at the constant index i.
func (am *arrayModel) read(a, i *Term, memo map[*Term]*Term) (*Term, error) {
	for {
		switch a.op {
		case OpStore:
			j, err := am.ground(a.args[1], memo)
			if err != nil {
				return nil, err
			}
			jc, err := am.m.Eval(j)
			if err != nil {
				return nil, err
			}
			if jc.value.Cmp(i.value) == 0 {
				v, err := am.ground(a.args[2], memo)
				if err != nil {
					return nil, err
				}
				return am.m.Eval(v)
			}
			a = a.args[0]
		case OpIte:
			c, err := am.ground(a.args[0], memo)
			if err != nil {
				return nil, err
			}
			cc, err := am.m.Eval(c)
			if err != nil {
				return nil, err
			}
			if cc.truth {
				a = a.args[1]
			} else {
				a = a.args[2]
			}
		case OpConstArray:
			v, err := am.ground(a.args[0], memo)
			if err != nil {
				return nil, err
			}
			return am.m.Eval(v)
		case OpLambda:
			v, err := am.ground(Substitute(a.args[0], a.bound, []*Term{i}), memo)
			if err != nil {
				return nil, err
			}
			return am.m.Eval(v)
		case OpVar:
			for _, rd := range am.ar.reads[a.name] {
				ic, err := am.m.Eval(rd.index)
				if err != nil {
					return nil, err
				}
				if ic.value.Cmp(i.value) == 0 {
					return am.m.Eval(rd.value)
				}
			}
			elem := a.sort.Elem()
			if elem.IsBool() {
				return False(), nil
			}
			return BVUint(elem.width, 0), nil
		default:
			return nil, fmt.Errorf("smt: reading an array built with %s in a model", a.op)
		}
	}
}

type read struct{ index, value *Term }

// maxBetas bounds the reads of lambdas a reduction expands: a lambda that
// reads another at two indices doubles the work with each level.
const maxBetas = 4096

type eliminator struct {
	betas  int // lambda reads expanded
	prefix string
	max    int
	n      int
	failed bool
	memo   map[*Term]*Term   // a term -> its reduction
	reads  map[string][]read // array variable -> its reads
	order  []string

	in      *interner
	sels    map[[2]*Term]*Term // (array, canonical index) -> the value read
	assumed map[assumption]map[*Term]*Term
	meter   meter
}

// assumption is a condition assumed to hold (v) or not in a branch of an
// array ite.
type assumption struct {
	c *Term
	v bool
}

// terms is the number of terms the reduction has created, for its budget.
func (e *eliminator) terms() int { return e.in.size() + len(e.sels) }

func (e *eliminator) term(t *Term) *Term {
	if e.failed {
		return t
	}
	if r, ok := e.memo[t]; ok {
		return r
	}
	if !e.meter.charge(e.terms()) {
		e.failed = true
		return t
	}
	var r *Term
	switch {
	case t.op == OpForall || t.op == OpExists:
		e.failed = true
		return t
	case t.sort.IsArray():
		// Arrays are only eliminated under select.
		e.failed = true
		return t
	case t.op == OpSelect:
		r = e.sel(t.args[0], e.term(t.args[1]))
		if e.failed {
			return t
		}
	case t.op == OpVar || t.op == OpConst:
		r = t
	default:
		args := make([]*Term, len(t.args))
		changed := false
		for i, a := range t.args {
			if a.sort.IsArray() {
				e.failed = true // an array compared or passed to ite outside a read
				return t
			}
			args[i] = e.term(a)
			changed = changed || args[i] != a
		}
		if e.failed {
			return t // the arguments may be placeholders
		}
		r = t
		if changed {
			r = rebuild(t, args)
		}
	}
	e.memo[t] = r
	return r
}

// sel is the value of array a at index i (already eliminated), resolved
// once per array and index: the index is interned, so that one computed
// twice is one index. Only indices, conditions and the values read are
// interned: the rest of the formula keeps its terms, whose sharing the
// lowering chose.
func (e *eliminator) sel(a, i *Term) *Term {
	if e.failed {
		return e.placeholder(a)
	}
	i = e.in.intern(i)
	key := [2]*Term{a, i}
	if r, ok := e.sels[key]; ok {
		return r
	}
	if !e.meter.charge(e.terms()) {
		e.failed = true
		return e.placeholder(a)
	}
	r := e.in.intern(e.resolve(a, i))
	if e.failed {
		return r
	}
	e.sels[key] = r
	return r
}

// resolve is sel without the memo.
func (e *eliminator) resolve(a, i *Term) *Term {
	switch a.op {
	case OpStore:
		j := e.in.intern(e.term(a.args[1]))
		v := e.term(a.args[2])
		if same, known := sameIndex(i, j); known {
			if same {
				return v
			}
			return e.sel(a.args[0], i)
		}
		return Ite(Eq(j, i), v, e.sel(a.args[0], i))
	case OpIte:
		// In each branch its condition is known: an index built with the
		// same condition simplifies.
		c := e.in.intern(e.term(a.args[0]))
		return Ite(c, e.sel(a.args[1], e.assume(i, c, true)), e.sel(a.args[2], e.assume(i, c, false)))
	case OpConstArray:
		return e.term(a.args[0])
	case OpLambda:
		// Beta reduction: the body at i.
		if e.betas++; e.betas > maxBetas {
			e.failed = true
			return e.placeholder(a)
		}
		return e.term(Substitute(a.args[0], a.bound, []*Term{i}))
	case OpVar:
		rs := e.reads[a.name]
		for _, r := range rs {
			if r.index == i {
				return r.value
			}
		}
		if len(rs) >= e.max {
			e.failed = true
			return e.placeholder(a)
		}
		e.n++
		v := Var(fmt.Sprintf("%s%d", e.prefix, e.n), a.sort.Elem())
		if len(rs) == 0 {
			e.order = append(e.order, a.name)
		}
		e.reads[a.name] = append(rs, read{i, v})
		return v
	}
	e.failed = true
	return i
}

// placeholder stands for a read of a that could not be eliminated: the
// reduction has failed, and the term is discarded.
func (e *eliminator) placeholder(a *Term) *Term { return Var("unreduced!", a.sort.Elem()) }

// assume is the canonical term t with the occurrences of the formula c
// (the same canonical term) replaced by v, folded and interned. The walk
// is shared by every index assumed under the same condition.
func (e *eliminator) assume(t, c *Term, v bool) *Term {
	if t.op == OpVar || t.op == OpConst || c.IsConst() {
		return t
	}
	k := assumption{c, v}
	memo := e.assumed[k]
	if memo == nil {
		memo = map[*Term]*Term{}
		e.assumed[k] = memo
	}
	var walk func(t *Term) *Term
	walk = func(t *Term) *Term {
		if t == c {
			return Bool(v)
		}
		if r, ok := memo[t]; ok {
			return r
		}
		if !e.meter.charge(e.terms()) {
			e.failed = true
			return t
		}
		r := t
		if !t.binds() {
			r = e.in.intern(mapArgs(t, walk))
		}
		memo[t] = r
		return r
	}
	return walk(t)
}
