//go:build cgo

package z3

import (
	"context"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// solve decides f on a standalone solver and, when it is satisfiable,
// evaluates probe under the model (through reads, when given).
func solve(t *testing.T, f, probe *smt.Term, reads *smt.ArrayReads) (smt.Result, *smt.Term) {
	t.Helper()
	s, err := NewStandaloneSolver()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Assert(f); err != nil {
		t.Fatal(err)
	}
	res, err := s.Check(context.Background(), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if res != smt.Sat || probe == nil {
		return res, nil
	}
	m, err := s.Model()
	if err != nil {
		t.Fatal(err)
	}
	if reads != nil {
		m = reads.Model(m)
	}
	v, err := m.Eval(probe)
	if err != nil {
		t.Fatal(err)
	}
	return res, v
}

// TestEliminateArrays checks Ackermann's reduction against Z3's array
// theory: the same answer on valid and invalid memory formulas (stores,
// ites of arrays, constant arrays), and a model of the reduction that,
// read through the remembered reads, satisfies the original formula.
func TestEliminateArrays(t *testing.T) {
	sort := smt.ArraySort(smt.BitVecSort(64), smt.BitVecSort(32))
	mem := smt.Var("mem", sort)
	zero := smt.ConstArray(sort, smt.BVUint(32, 0))
	p, q := smt.Var("p", smt.BitVecSort(64)), smt.Var("q", smt.BitVecSort(64))
	c := smt.Var("c", smt.BoolSort())
	v := smt.Var("v", smt.BitVecSort(32))
	written := smt.Store(mem, p, v)
	merged := smt.Ite(c, written, smt.Store(zero, q, v))
	cases := []struct {
		name string
		f    *smt.Term
		want smt.Result
	}{
		{"read after write", smt.Not(smt.Eq(smt.Select(written, p), v)), smt.Unsat},
		{"aliasing possible", smt.Not(smt.Eq(smt.Select(written, q), smt.Select(mem, q))), smt.Sat},
		{"other address kept", smt.And(smt.Not(smt.Eq(p, q)), smt.Not(smt.Eq(smt.Select(written, q), smt.Select(mem, q)))), smt.Unsat},
		{"constant array", smt.And(smt.Not(smt.Eq(p, q)), smt.Not(smt.Eq(smt.Select(smt.Store(zero, q, v), p), smt.BVUint(32, 0)))), smt.Unsat},
		{"ite of arrays", smt.Not(smt.Eq(smt.Select(merged, smt.Ite(c, p, q)), v)), smt.Unsat},
		{"ite of arrays, other index", smt.Not(smt.Eq(smt.Select(merged, p), v)), smt.Sat},
		{"same index, different reads", smt.And(smt.Eq(p, q), smt.Not(smt.Eq(smt.Select(mem, p), smt.Select(mem, q)))), smt.Unsat},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, reads, ok := smt.EliminateArrays(tc.f, "read!", 100)
			if !ok {
				t.Fatal("not reduced")
			}
			if r.Sort().IsArray() || smt.Logic([]*smt.Term{r}) != "QF_BV" {
				t.Fatalf("the reduction still has arrays: %s", smt.Logic([]*smt.Term{r}))
			}
			orig, _ := solve(t, tc.f, nil, nil)
			got, holds := solve(t, r, tc.f, reads)
			if orig != tc.want || got != tc.want {
				t.Fatalf("arrays: %v, reduced: %v, want %v", orig, got, tc.want)
			}
			if got == smt.Sat && !holds.IsTrue() {
				t.Fatalf("the model of the reduction, read back, does not satisfy the formula")
			}
		})
	}
}

// TestEliminateArraysRefuses leaves quantified formulas and array
// equalities alone.
func TestEliminateArraysRefuses(t *testing.T) {
	sort := smt.ArraySort(smt.BitVecSort(64), smt.BitVecSort(8))
	a, b := smt.Var("a", sort), smt.Var("b", sort)
	k := smt.Var("k", smt.BitVecSort(64))
	for _, f := range []*smt.Term{
		smt.Eq(a, b),
		smt.Forall([]*smt.Term{k}, smt.Eq(smt.Select(a, k), smt.BVUint(8, 0))),
	} {
		if _, _, ok := smt.EliminateArrays(f, "read!", 100); ok {
			t.Errorf("reduced %s", f)
		}
	}
}

// TestSubstitute replaces free occurrences only and folds.
func TestSubstitute(t *testing.T) {
	x, y := smt.Var("x", smt.BitVecSort(8)), smt.Var("y", smt.BitVecSort(8))
	f := smt.And(smt.BVUlt(x, y), smt.Forall([]*smt.Term{x}, smt.BVUle(x, smt.BVUint(8, 255))))
	g := smt.Substitute(f, []*smt.Term{x, y}, []*smt.Term{smt.BVUint(8, 1), smt.BVUint(8, 2)})
	want := smt.Forall([]*smt.Term{x}, smt.BVUle(x, smt.BVUint(8, 255)))
	if smt.Format(g) != smt.Format(want) {
		t.Fatalf("got %s, want %s", smt.Format(g), smt.Format(want))
	}
}
