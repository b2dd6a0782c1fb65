//go:build cgo

package z3

import (
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// TestArrayReadsExtend checks that a formula reduced with Extend is tied
// to the reduction it extends: asserted together, the two decide the
// conjunction of the originals, and the combined reads give a model of
// both. Without the tie, the extension's reads of mem would be free of
// the first formula's.
func TestArrayReadsExtend(t *testing.T) {
	sort := smt.ArraySort(smt.BitVecSort(64), smt.BitVecSort(8))
	mem := smt.Var("mem", sort)
	p, q := smt.Var("p", smt.BitVecSort(64)), smt.Var("q", smt.BitVecSort(64))
	first := smt.Eq(smt.Select(mem, p), smt.BVUint(8, 5))
	cases := []struct {
		name  string
		extra *smt.Term
		want  smt.Result
	}{
		{"the same read", smt.Not(smt.Eq(smt.Select(mem, p), smt.BVUint(8, 5))), smt.Unsat},
		{"an equal index", smt.And(smt.Eq(q, p), smt.Not(smt.Eq(smt.Select(mem, q), smt.BVUint(8, 5)))), smt.Unsat},
		{"another index", smt.And(smt.Not(smt.Eq(q, p)), smt.Eq(smt.Select(mem, q), smt.BVUint(8, 7))), smt.Sat},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, reads, ok := smt.EliminateArrays(first, "read!", 100)
			if !ok {
				t.Fatal("not reduced")
			}
			x, both, ok := reads.Extend(tc.extra, "more!", 100)
			if !ok {
				t.Fatal("extension not reduced")
			}
			if smt.Logic([]*smt.Term{x}) != "QF_BV" {
				t.Fatalf("the extension still has arrays")
			}
			orig := smt.And(first, tc.extra)
			got, holds := solve(t, smt.And(r, x), orig, both)
			if got != tc.want {
				t.Fatalf("reduced: %v, want %v", got, tc.want)
			}
			if got == smt.Sat && !holds.IsTrue() {
				t.Fatal("the model of the reductions, read back, does not satisfy the formulas")
			}
		})
	}
}
