//go:build cgo

package z3

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// TestLambdaArrays checks range copies written as lambdas (what copy and
// append lower to): Z3 decides them natively, Ackermann's reduction
// expands them by beta reduction with the same answers, and a model of
// the reduction read through its reads satisfies the original formula.
func TestLambdaArrays(t *testing.T) {
	bv := smt.BitVecSort(64)
	sort := smt.ArraySort(bv, smt.BitVecSort(8))
	mem := smt.Var("mem", sort)
	dst, src, n, i := smt.Var("dst", bv), smt.Var("src", bv), smt.Var("n", bv), smt.Var("i", bv)
	a := smt.Var("a", bv)
	off := smt.BVSub(a, dst)
	copied := smt.Lambda(a, smt.Ite(smt.BVUlt(off, n), smt.Select(mem, smt.BVAdd(src, off)), smt.Select(mem, a)))
	// memmove: a second copy reads what the first wrote.
	b := smt.Var("b", bv)
	twice := smt.Lambda(b, smt.Ite(smt.Eq(b, dst), smt.Select(copied, src), smt.Select(copied, b)))
	inRange := smt.BVUlt(smt.BVSub(i, dst), n)
	cases := []struct {
		name string
		f    *smt.Term
		want smt.Result
	}{
		{"copied element is the source's", smt.And(inRange, smt.Not(smt.Eq(smt.Select(copied, i), smt.Select(mem, smt.BVAdd(src, smt.BVSub(i, dst)))))), smt.Unsat},
		{"outside the range unchanged", smt.And(smt.Not(inRange), smt.Not(smt.Eq(smt.Select(copied, i), smt.Select(mem, i)))), smt.Unsat},
		{"inside the range may change", smt.And(inRange, smt.Not(smt.Eq(smt.Select(copied, i), smt.Select(mem, i)))), smt.Sat},
		{"nested lambdas", smt.And(smt.Eq(n, smt.BVUint(64, 1)), smt.Not(smt.Eq(smt.Select(twice, dst), smt.Select(mem, src)))), smt.Unsat},
		{"nested lambdas may differ", smt.Not(smt.Eq(smt.Select(twice, i), smt.Select(mem, i))), smt.Sat},
	}
	for _, c := range cases {
		// Z3's own lambda support may give up on nested ones; it must not
		// disagree.
		if native, _ := solve(t, c.f, nil, nil); native != c.want && native != smt.Unknown {
			t.Errorf("%s: z3 with lambdas says %s, want %s", c.name, native, c.want)
		}
		g, reads, ok := smt.EliminateArrays(c.f, "read!", 200)
		if !ok {
			t.Fatalf("%s: not reduced", c.name)
		}
		reduced, _ := solve(t, smt.NormalizeSums(g), nil, nil)
		if reduced != c.want {
			t.Errorf("%s: the reduction says %s, want %s", c.name, reduced, c.want)
		}
		if c.want == smt.Sat {
			if _, v := solve(t, smt.NormalizeSums(g), c.f, reads); !v.IsTrue() {
				t.Errorf("%s: the reduction's model, read back, does not satisfy the formula", c.name)
			}
		}
	}
	var script strings.Builder
	if err := smt.WriteScript(&script, smt.Logic([]*smt.Term{cases[0].f}), []*smt.Term{cases[0].f}); err != nil {
		t.Fatal(err)
	}
	if want := "(lambda ((a (_ BitVec 64)))"; !strings.Contains(script.String(), want) {
		t.Errorf("the script does not print the lambda as %q:\n%s", want, script.String())
	}
}

// TestNormalizeSums checks the normal form of sums against Z3 on random
// terms (equivalent at every width), and that what should cancel does.
func TestNormalizeSums(t *testing.T) {
	for _, w := range []int{8, 16, 64} {
		x, y, z := smt.Var("x", smt.BitVecSort(w)), smt.Var("y", smt.BitVecSort(w)), smt.Var("z", smt.BitVecSort(w))
		if got := smt.NormalizeSums(smt.BVSub(smt.BVAdd(x, y), x)); got.Op() != smt.OpVar || got.Name() != "y" {
			t.Errorf("(x+y)-x = %s, want y", got)
		}
		if got := smt.NormalizeSums(smt.Eq(smt.BVAdd(x, smt.BVUint(w, 1)), smt.BVAdd(x, smt.BVUint(w, 2)))); !got.IsFalse() {
			t.Errorf("x+1 == x+2 is %s, want false", got)
		}
		if got := smt.NormalizeSums(smt.Eq(smt.BVSub(smt.BVAdd(x, y), smt.BVNeg(z)), smt.BVAdd(smt.BVAdd(z, y), x))); !got.IsTrue() {
			t.Errorf("x+y-(-z) == z+y+x is %s, want true", got)
		}
		r := rand.New(rand.NewSource(int64(w)))
		atoms := []*smt.Term{x, y, z, smt.BVOr(x, y), smt.BVAnd(y, z)}
		var gen func(depth int) *smt.Term
		gen = func(depth int) *smt.Term {
			if depth == 0 || r.Intn(4) == 0 {
				if r.Intn(3) == 0 {
					return smt.BVUint(w, uint64(r.Intn(7)))
				}
				return atoms[r.Intn(len(atoms))]
			}
			switch r.Intn(5) {
			case 0:
				return smt.BVAdd(gen(depth-1), gen(depth-1))
			case 1:
				return smt.BVSub(gen(depth-1), gen(depth-1))
			case 2:
				return smt.BVNeg(gen(depth - 1))
			case 3:
				return smt.BVMul(gen(depth-1), smt.BVUint(w, uint64(r.Intn(4))))
			}
			return smt.Ite(smt.BVUlt(gen(depth-1), gen(depth-1)), gen(depth-1), gen(depth-1))
		}
		if w > 16 {
			continue // wide adders and multipliers are slow to compare; the form is the same at every width
		}
		for k := 0; k < 100; k++ {
			a, b := gen(3), gen(3)
			for _, f := range []*smt.Term{smt.Eq(a, b), smt.BVUlt(a, b)} {
				if res, _ := solve(t, smt.Not(smt.Eq(f, smt.NormalizeSums(f))), nil, nil); res != smt.Unsat {
					t.Fatalf("width %d: %s and its normal form %s differ (%s)", w, f, smt.NormalizeSums(f), res)
				}
			}
		}
	}
}
