package smt

import (
	"strconv"
	"strings"
)

// interner makes structurally equal terms one term: the terms it returns
// are canonical, and two canonical terms are structurally equal exactly
// when they are the same *Term. Terms are not hash-consed when built, so
// a pass that must recognise a term it met before under another pointer
// (the same address computed twice, an index rewritten twice the same
// way) interns what it builds. Binders are canonical as they are: terms
// under them are not shared with terms outside.
type interner struct {
	rep   map[*Term]*Term // a term met before -> its canonical term
	table map[termKey]*Term
	id    map[*Term]int // canonical term -> its number, for long argument lists
}

// termKey is a term's structure over canonical arguments.
type termKey struct {
	op         Op
	sort       Sort
	name       string
	value      string // a bit-vector constant's value, in hex
	truth      bool
	hi, lo     int
	a0, a1, a2 *Term
	more       string // the arguments after the third, as pointers
}

func newInterner() *interner {
	return &interner{rep: map[*Term]*Term{}, table: map[termKey]*Term{}, id: map[*Term]int{}}
}

// size is the number of canonical terms.
func (in *interner) size() int { return len(in.table) }

// intern returns the canonical term structurally equal to t.
func (in *interner) intern(t *Term) *Term {
	if r, ok := in.rep[t]; ok {
		return r
	}
	if t.binds() {
		in.rep[t] = t
		return t
	}
	u := t
	for i, a := range t.args {
		if c := in.intern(a); c != a {
			if u == t {
				cp := *t
				cp.args = append([]*Term(nil), t.args...)
				u = &cp
			}
			u.args[i] = c
		}
	}
	k := in.keyOf(u)
	r, ok := in.table[k]
	if !ok {
		in.table[k] = u
		in.id[u] = len(in.id)
		r = u
	}
	in.rep[t], in.rep[r] = r, r
	return r
}

// keyOf is the key of a term whose arguments are canonical.
func (in *interner) keyOf(t *Term) termKey {
	k := termKey{op: t.op, sort: t.sort, name: t.name, truth: t.truth, hi: t.hi, lo: t.lo}
	if t.value != nil {
		k.value = t.value.Text(16)
	}
	switch n := len(t.args); {
	case n > 3:
		var b strings.Builder
		for _, a := range t.args[3:] {
			b.WriteString(strconv.Itoa(in.id[a]))
			b.WriteByte('|')
		}
		k.more = b.String()
		fallthrough
	case n == 3:
		k.a2 = t.args[2]
		fallthrough
	case n == 2:
		k.a1 = t.args[1]
		fallthrough
	case n == 1:
		k.a0 = t.args[0]
	}
	return k
}

// Interner makes structurally equal terms one term, for a client that
// must recognise a term it met before under another pointer (package
// ssa's multisets, keyed by the memory they are of).
type Interner struct{ in *interner }

// NewInterner returns an empty Interner.
func NewInterner() *Interner { return &Interner{in: newInterner()} }

// Intern returns the canonical term structurally equal to t: two terms
// interned by one Interner are structurally equal exactly when they are
// the same *Term.
func (i *Interner) Intern(t *Term) *Term { return i.in.intern(t) }
