//go:build cgo

package z3

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// randomMerges builds a random memory of an unrolled loop: stores at
// variable and constant indices, ites whose branches share the memory
// before them, conditions and indices that read the memory (so that an
// index may contain the condition of the ite it is read through), and a
// formula over reads of the result.
func randomMerges(r *rand.Rand, n int) *smt.Term {
	sort := smt.ArraySort(smt.BitVecSort(8), smt.BitVecSort(4))
	m := smt.Var("mem", sort)
	if r.Intn(3) == 0 {
		m = smt.ConstArray(sort, smt.BVUint(4, uint64(r.Intn(16))))
	}
	idx := []*smt.Term{smt.Var("p", smt.BitVecSort(8)), smt.Var("q", smt.BitVecSort(8)), smt.BVUint(8, 1), smt.BVUint(8, 2)}
	index := func() *smt.Term { return idx[r.Intn(len(idx))] }
	val := func(m *smt.Term) *smt.Term {
		if r.Intn(2) == 0 {
			return smt.BVUint(4, uint64(r.Intn(16)))
		}
		return smt.Select(m, index())
	}
	for k := range n {
		c := smt.BVUlt(smt.Select(m, index()), val(m))
		w := smt.Store(m, index(), val(m))
		if r.Intn(2) == 0 {
			w = smt.Store(w, index(), val(m))
		}
		m = smt.Ite(c, w, m)
		// An index computed under the same condition, as a phi is.
		idx = append(idx, smt.Ite(c, index(), smt.BVAdd(index(), smt.BVUint(8, uint64(k+1)))))
	}
	return smt.Not(smt.Eq(smt.Select(m, index()), val(m)))
}

// TestEliminateArraysMerges checks the memoized reduction against Z3's
// array theory on random unrolled-loop memories: the same answer, and a
// model of the reduction that, read back through its reads, satisfies the
// formula.
func TestEliminateArraysMerges(t *testing.T) {
	r := rand.New(rand.NewSource(16))
	answers := map[smt.Result]int{}
	for i := range 60 {
		f := randomMerges(r, 1+i%8)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			red, reads, ok := smt.EliminateArrays(f, "read!", 200)
			if !ok {
				t.Fatalf("not reduced: %s", f)
			}
			want, _ := solve(t, f, nil, nil)
			got, holds := solve(t, red, f, reads)
			answers[want]++
			if got != want {
				t.Fatalf("arrays: %v, reduced: %v\n%s", want, got, f)
			}
			if got == smt.Sat && !holds.IsTrue() {
				t.Fatalf("the model of the reduction, read back, does not satisfy\n%s", f)
			}
		})
	}
	if answers[smt.Sat] < 10 || answers[smt.Unsat] < 10 {
		t.Errorf("the random formulas are too one-sided to test the reduction: %v", answers)
	}
}
