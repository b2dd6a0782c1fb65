package smt

import (
	"strings"
	"testing"
)

func TestArraySort(t *testing.T) {
	a := ArraySort(BitVecSort(64), BitVecSort(32))
	if a != ArraySort(BitVecSort(64), BitVecSort(32)) {
		t.Error("equal array sorts compare unequal")
	}
	if a == ArraySort(BitVecSort(64), BitVecSort(8)) || a == ArraySort(BitVecSort(32), BitVecSort(32)) {
		t.Error("different array sorts compare equal")
	}
	if !a.IsArray() || a.IsBitVec() || a.IsBool() || a.Kind() != KindArray || a.Width() != 0 {
		t.Errorf("predicates of %s", a)
	}
	if a.Index() != BitVecSort(64) || a.Elem() != BitVecSort(32) {
		t.Errorf("Index %s, Elem %s", a.Index(), a.Elem())
	}
	if got := a.String(); got != "(Array (_ BitVec 64) (_ BitVec 32))" {
		t.Errorf("String = %s", got)
	}
	nested := ArraySort(BitVecSort(8), ArraySort(BitVecSort(4), BoolSort()))
	if got := nested.String(); got != "(Array (_ BitVec 8) (Array (_ BitVec 4) Bool))" {
		t.Errorf("String = %s", got)
	}
	if nested != ArraySort(BitVecSort(8), ArraySort(BitVecSort(4), BoolSort())) || nested.Elem().Elem() != BoolSort() {
		t.Error("nested array sorts")
	}
	mustPanic(t, "bool index", func() { ArraySort(BoolSort(), BoolSort()) })
	mustPanic(t, "array index", func() { ArraySort(a, BoolSort()) })
	mustPanic(t, "zero elem", func() { ArraySort(BitVecSort(8), Sort{}) })
	mustPanic(t, "Index of bv", func() { BitVecSort(8).Index() })
	mustPanic(t, "Elem of bool", func() { BoolSort().Elem() })
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	f()
}

func TestArrayFolding(t *testing.T) {
	mem := Var("mem", ArraySort(BitVecSort(64), BitVecSort(8)))
	p, q := Var("p", BitVecSort(64)), Var("q", BitVecSort(64))
	v, w := Var("v", BitVecSort(8)), Var("w", BitVecSort(8))
	c1, c1b, c2 := BVInt(64, 1), BVInt(64, 1), BVInt(64, 2)

	s := Store(mem, p, v)
	if s.Op() != OpStore || s.Sort() != mem.Sort() || len(s.Args()) != 3 {
		t.Fatalf("Store = %s", s)
	}
	cases := []struct {
		name string
		got  *Term
		want string
	}{
		{"same index term", Select(Store(mem, p, v), p), "v"},
		{"equal constants", Select(Store(mem, c1, v), c1b), "v"},
		{"distinct constants", Select(Store(mem, c1, v), c2), "(select mem #x0000000000000002)"},
		{"through two stores", Select(Store(Store(mem, c1, v), c2, w), c1), "v"},
		{"unknown index", Select(Store(mem, p, v), q), "(select (store mem p v) q)"},
		{"stops at unknown", Select(Store(Store(mem, p, v), c2, w), c1), "(select (store mem p v) #x0000000000000001)"},
		{"plain select", Select(mem, p), "(select mem p)"},
		{"overwrite", Store(Store(mem, p, v), p, w), "(store mem p w)"},
		{"overwrite constants", Store(Store(mem, c1, v), c1b, w), "(store mem #x0000000000000001 w)"},
		{"no overwrite", Store(Store(mem, p, v), q, w), "(store (store mem p v) q w)"},
		{"store back", Store(mem, p, Select(mem, p)), "mem"},
		{"eq arrays", Eq(mem, Store(mem, p, v)), "(= mem (store mem p v))"},
		{"eq same array", Eq(s, s), "true"},
		{"ite arrays", Select(Ite(Var("b", BoolSort()), mem, s), q), "(select (ite b mem (store mem p v)) q)"},
	}
	for _, c := range cases {
		if got := Format(c.got); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
	if Select(mem, p).Sort() != BitVecSort(8) {
		t.Error("select sort")
	}
	mustPanic(t, "select non-array", func() { Select(p, q) })
	mustPanic(t, "select index width", func() { Select(mem, v) })
	mustPanic(t, "store value sort", func() { Store(mem, p, q) })
	mustPanic(t, "store index sort", func() { Store(mem, v, v) })
	mustPanic(t, "eq sorts", func() { Eq(mem, p) })
	mustPanic(t, "ite sorts", func() { Ite(True(), mem, Var("m2", ArraySort(BitVecSort(64), BitVecSort(16)))) })
	mustPanic(t, "bvadd on arrays", func() { BVAdd(mem, mem) })
}

func TestArrayLogicAndScripts(t *testing.T) {
	mem := Var("mem", ArraySort(BitVecSort(64), BitVecSort(32)))
	p, q := Var("p", BitVecSort(64)), Var("q", BitVecSort(64))
	v := Var("v", BitVecSort(32))
	j, n := Var("j", BitVecSort(64)), Var("n", BitVecSort(64))
	r := Var("r", BitVecSort(32))

	// Store then load: valid when p = q, invalid otherwise.
	m1 := Store(mem, p, v)
	load := Select(m1, q)
	if got := Logic([]*Term{Eq(load, v)}); got != "QF_ABV" {
		t.Errorf("Logic = %s, want QF_ABV", got)
	}
	if got := Logic([]*Term{Eq(p, q), Not(Eq(load, v))}); got != "QF_ABV" {
		t.Errorf("Logic = %s, want QF_ABV", got)
	}
	want := `(set-logic QF_ABV)
(declare-fun p () (_ BitVec 64))
(declare-fun q () (_ BitVec 64))
(declare-fun mem () (Array (_ BitVec 64) (_ BitVec 32)))
(declare-fun v () (_ BitVec 32))
(assert (= p q))
(assert (not (= (select (store mem p v) q) v)))
(check-sat)
(exit)
`
	if got := script(t, "QF_ABV", Eq(p, q), Not(Eq(load, v))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	runSolvers(t, want, "unsat")
	runSolvers(t, script(t, "QF_ABV", Not(Eq(load, v))), "sat")
	// Extensionality, and a shared store printed once.
	ext := And(Eq(v, Select(mem, p)), Not(Eq(m1, mem)), Not(Eq(m1, Store(mem, q, v))))
	s := script(t, Logic([]*Term{ext}), ext)
	if !strings.Contains(s, "(define-fun %1 () (Array (_ BitVec 64) (_ BitVec 32)) (store mem p v))") {
		t.Errorf("shared store not defined once:\n%s", s)
	}
	runSolvers(t, s, "unsat")

	// A quantifier over a bit-vector index: every element in [0, n) of
	// the array after a store of r at index 0 is at most r, given that
	// the old ones at [1, n) were.
	inRange := func(lo *Term) *Term { return And(BVUle(lo, j), BVUlt(j, n)) }
	before := Forall([]*Term{j}, Implies(inRange(BVInt(64, 1)), BVUle(Select(mem, j), r)))
	m2 := Store(mem, BVInt(64, 0), r)
	after := Forall([]*Term{j}, Implies(inRange(BVInt(64, 0)), BVUle(Select(m2, j), r)))
	as := []*Term{before, Not(after)}
	if got := Logic(as); got != "ABV" {
		t.Errorf("Logic = %s, want ABV", got)
	}
	runSolvers(t, script(t, Logic(as), as...), "unsat")
	// Without the hypothesis the claim fails.
	runSolvers(t, script(t, "ABV", Not(after)), "sat")

	// Arrays of Bools and of arrays; a quantifier binding an array.
	bits := Var("bits", ArraySort(BitVecSort(8), BoolSort()))
	grid := Var("grid", ArraySort(BitVecSort(8), ArraySort(BitVecSort(8), BitVecSort(8))))
	x := Var("x", BitVecSort(8))
	row := Select(grid, x)
	as = []*Term{Select(Store(bits, x, True()), x), Eq(Select(Store(grid, x, Store(row, x, BVInt(8, 7))), x), row), Not(Eq(Select(row, x), BVInt(8, 7)))}
	runSolvers(t, script(t, Logic(as), as...), "unsat")
	a := Var("a", bits.Sort())
	some := Exists([]*Term{a}, Not(Select(a, x)))
	if got := Logic([]*Term{some}); got != "ABV" {
		t.Errorf("Logic = %s, want ABV", got)
	}
	runSolvers(t, script(t, Logic([]*Term{some}), some), "sat")
}
