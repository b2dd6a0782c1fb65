package smt

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
)

// NormalizeSums returns a formula equivalent to t in which structurally
// equal subterms are one term and every bit-vector sum (bvadd, bvsub,
// bvneg, and bvmul by a constant) is in a normal form: a constant plus
// atoms with coefficients, modulo 2^w, in a fixed order. An equality
// whose two sides differ by a constant folds to true or false.
//
// Address arithmetic needs it: a copy's index a - dst applied at
// a = dst + i is i only after the sums cancel, and bit-blasting solvers
// find such identities between adder circuits hard. Terms under binders
// are left as they are.
func NormalizeSums(t *Term) *Term {
	n := &normalizer{memo: map[*Term]*Term{}, interned: map[string]*Term{}, ids: map[*Term]int{}, forms: map[*Term]*sum{}}
	return n.term(t)
}

// sum is c + Σ coef[i]·atoms[i] at width w.
type sum struct {
	w     int
	c     *big.Int
	coefs map[*Term]*big.Int
}

type normalizer struct {
	memo     map[*Term]*Term
	interned map[string]*Term
	ids      map[*Term]int // interning order: the order of atoms in sums
	forms    map[*Term]*sum
}

func (n *normalizer) term(t *Term) *Term {
	if r, ok := n.memo[t]; ok {
		return r
	}
	var r *Term
	switch {
	case t.binds():
		r = n.intern(t)
	case t.op == OpVar || t.op == OpConst:
		r = n.intern(t)
	default:
		args := make([]*Term, len(t.args))
		changed := false
		for i, a := range t.args {
			args[i] = n.term(a)
			changed = changed || args[i] != a
		}
		r = t
		if changed {
			r = rebuild(t, args)
		}
		switch r.op {
		case OpBVAdd, OpBVSub, OpBVNeg, OpBVMul:
			if s := n.linear(r); s != nil {
				r = n.build(s)
			}
		case OpEq:
			if r.args[0].sort.IsBitVec() {
				d := n.combine(n.form(r.args[0]), n.form(r.args[1]), -1)
				if len(d.coefs) == 0 {
					r = Bool(d.c.Sign() == 0)
				}
			}
		}
		r = n.intern(r)
	}
	n.memo[t] = r
	return r
}

// intern returns the one term structurally equal to t (whose arguments
// are interned already).
func (n *normalizer) intern(t *Term) *Term {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%s|%s|%d|%d|%t|", t.op, t.sort, t.name, t.hi, t.lo, t.truth)
	if t.value != nil {
		b.WriteString(t.value.Text(16))
	}
	for _, a := range t.args {
		fmt.Fprintf(&b, "|%p", a)
	}
	for _, v := range t.bound {
		fmt.Fprintf(&b, "|b%p", v)
	}
	key := b.String()
	if u, ok := n.interned[key]; ok {
		return u
	}
	n.interned[key] = t
	n.ids[t] = len(n.ids)
	return t
}

// form is the sum an interned bit-vector term stands for: its linear form,
// or the term itself as an atom.
func (n *normalizer) form(t *Term) *sum {
	if s, ok := n.forms[t]; ok {
		return s
	}
	w := t.sort.width
	s := &sum{w: w, c: new(big.Int), coefs: map[*Term]*big.Int{}}
	if t.IsConst() {
		s.c.Set(t.value)
	} else {
		s.coefs[t] = big.NewInt(1)
	}
	n.forms[t] = s
	return s
}

// linear is the normal form of a sum whose arguments are normal, or nil
// for a product of two non-constants.
func (n *normalizer) linear(t *Term) *sum {
	a := func(i int) *sum { return n.form(n.intern(t.args[i])) }
	switch t.op {
	case OpBVAdd:
		return n.combine(a(0), a(1), 1)
	case OpBVSub:
		return n.combine(a(0), a(1), -1)
	case OpBVNeg:
		return n.scale(a(0), big.NewInt(-1))
	case OpBVMul:
		switch {
		case t.args[0].IsConst():
			return n.scale(a(1), t.args[0].value)
		case t.args[1].IsConst():
			return n.scale(a(0), t.args[1].value)
		}
	}
	return nil
}

// combine is x + k·y.
func (n *normalizer) combine(x, y *sum, k int64) *sum {
	r := n.scale(x, big.NewInt(1))
	m := new(big.Int).Lsh(big.NewInt(1), uint(x.w))
	kk := big.NewInt(k)
	r.c.Add(r.c, new(big.Int).Mul(kk, y.c)).Mod(r.c, m)
	for a, c := range y.coefs {
		v := new(big.Int).Mul(kk, c)
		if old, ok := r.coefs[a]; ok {
			v.Add(v, old)
		}
		v.Mod(v, m)
		if v.Sign() == 0 {
			delete(r.coefs, a)
		} else {
			r.coefs[a] = v
		}
	}
	return r
}

// scale is k·x.
func (n *normalizer) scale(x *sum, k *big.Int) *sum {
	m := new(big.Int).Lsh(big.NewInt(1), uint(x.w))
	r := &sum{w: x.w, c: new(big.Int).Mul(x.c, k), coefs: map[*Term]*big.Int{}}
	r.c.Mod(r.c, m)
	for a, c := range x.coefs {
		v := new(big.Int).Mul(c, k)
		if v.Mod(v, m).Sign() != 0 {
			r.coefs[a] = v
		}
	}
	return r
}

// build writes s as a term: its atoms in interning order, each times its
// coefficient (negated when that is shorter), then the constant.
func (n *normalizer) build(s *sum) *Term {
	atoms := make([]*Term, 0, len(s.coefs))
	for a := range s.coefs {
		atoms = append(atoms, a)
	}
	sort.Slice(atoms, func(i, j int) bool { return n.ids[atoms[i]] < n.ids[atoms[j]] })
	m := new(big.Int).Lsh(big.NewInt(1), uint(s.w))
	half := new(big.Int).Rsh(m, 1)
	var r *Term
	for _, a := range atoms {
		c := s.coefs[a]
		neg := c.Cmp(half) > 0
		mag := c
		if neg {
			mag = new(big.Int).Sub(m, c)
		}
		term := n.intern(a)
		if mag.Cmp(big.NewInt(1)) != 0 {
			term = n.intern(BVMul(term, n.intern(BVBig(s.w, mag))))
		}
		switch {
		case r == nil && neg:
			r = n.intern(BVNeg(term))
		case r == nil:
			r = term
		case neg:
			r = n.intern(BVSub(r, term))
		default:
			r = n.intern(BVAdd(r, term))
		}
	}
	cst := n.intern(BVBig(s.w, s.c))
	if r == nil {
		return n.intern(cst)
	}
	if s.c.Sign() != 0 {
		if s.c.Cmp(half) > 0 {
			r = n.intern(BVSub(r, n.intern(BVBig(s.w, new(big.Int).Sub(m, s.c)))))
		} else {
			r = n.intern(BVAdd(r, cst))
		}
	}
	n.forms[r] = s
	return r
}
