//go:build cgo

package z3

import (
	"context"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// TestFoldDifferential compares the constant folding of package smt with
// Z3. For operands a and b, every operator is built twice: on constants,
// where the smt constructors fold it, and on variables x and y, which a
// solver fixes to a and b. The folded constant must equal Z3's value of the
// variable term in the model, and Z3 must find no assignment where they
// differ.
func TestFoldDifferential(t *testing.T) {
	c := newContext(t)
	s := newSolver(t, c)
	rng := rand.New(rand.NewPCG(1, 2))
	checks := 0
	for _, w := range []int{1, 3, 8, 13, 64, 65} {
		x, y := smt.Var("x", bv(w)), smt.Var("y", bv(w))
		ops := foldOps(w)
		for _, a := range operands(w, rng) {
			for _, b := range operands(w, rng) {
				ca, cb := smt.BVBig(w, a), smt.BVBig(w, b)
				if err := s.Push(); err != nil {
					t.Fatal(err)
				}
				mustAssert(t, s, smt.Eq(x, ca), smt.Eq(y, cb))
				check(t, s, smt.Limits{}, smt.Sat)
				m, err := s.Model()
				if err != nil {
					t.Fatal(err)
				}
				var diffs []*smt.Term
				for _, op := range ops {
					folded := op.f(ca, cb)
					if !folded.IsConst() {
						t.Fatalf("%s on constants did not fold: %s", op.name, folded)
					}
					got, err := m.Eval(op.f(x, y))
					if err != nil {
						t.Fatal(err)
					}
					if got.String() != folded.String() {
						t.Errorf("width %d: %s(%s, %s): fold %s, z3 %s", w, op.name, ca, cb, folded, got)
					}
					if folded.Sort().IsBool() {
						diffs = append(diffs, smt.Xor(op.f(x, y), folded))
					} else {
						diffs = append(diffs, smt.Not(smt.Eq(op.f(x, y), folded)))
					}
				}
				mustAssert(t, s, smt.Or(diffs...))
				if r, err := s.Check(context.Background(), smt.Limits{}); err != nil || r != smt.Unsat {
					t.Errorf("width %d, x=%s, y=%s: some operator can differ from its folding: %v %v", w, ca, cb, r, err)
				}
				if err := s.Pop(); err != nil {
					t.Fatal(err)
				}
				checks += 2
			}
		}
	}
	t.Logf("%d checks", checks)
}

type foldOp struct {
	name string
	f    func(a, b *smt.Term) *smt.Term
}

// foldOps are the folding operators of package smt at width w.
func foldOps(w int) []foldOp {
	var ops []foldOp
	for op := smt.OpBVAdd; op <= smt.OpBVAShr; op++ {
		ops = append(ops, foldOp{op.String(), func(a, b *smt.Term) *smt.Term { return smt.BVBinary(op, a, b) }})
	}
	ops = append(ops,
		foldOp{"bvult", smt.BVUlt}, foldOp{"bvule", smt.BVUle},
		foldOp{"bvslt", smt.BVSlt}, foldOp{"bvsle", smt.BVSle},
		foldOp{"=", smt.Eq},
		foldOp{"bvneg", func(a, _ *smt.Term) *smt.Term { return smt.BVNeg(a) }},
		foldOp{"bvnot", func(a, _ *smt.Term) *smt.Term { return smt.BVNot(a) }},
		foldOp{"concat", smt.Concat},
		foldOp{"concat3", func(a, b *smt.Term) *smt.Term { return smt.Concat(smt.Concat(a, b), a) }},
		foldOp{"ite", func(a, b *smt.Term) *smt.Term { return smt.Ite(smt.BVSlt(a, b), a, b) }},
	)
	for _, n := range []int{1, 5, 64} {
		ops = append(ops,
			foldOp{fmt.Sprintf("zero_extend %d", n), func(a, _ *smt.Term) *smt.Term { return smt.ZeroExt(n, a) }},
			foldOp{fmt.Sprintf("sign_extend %d", n), func(a, _ *smt.Term) *smt.Term { return smt.SignExt(n, a) }})
	}
	for _, hl := range [][2]int{{w - 1, 0}, {w - 1, w - 1}, {0, 0}, {w / 2, w / 4}, {w - 1, w / 2}, {w - 2, 1}} {
		hi, lo := hl[0], hl[1]
		if lo < 0 || hi < lo {
			continue
		}
		ops = append(ops, foldOp{fmt.Sprintf("extract %d %d", hi, lo), func(a, _ *smt.Term) *smt.Term { return smt.Extract(hi, lo, a) }})
	}
	return ops
}

// operands are the edge values 0, 1, 2, all ones, msb only, msb-1, msb+1
// and the shift counts w-1, w and w+1 (all modulo 2^w), and six random
// values.
func operands(w int, rng *rand.Rand) []*big.Int {
	one := big.NewInt(1)
	mod := new(big.Int).Lsh(one, uint(w))
	msb := new(big.Int).Lsh(one, uint(w-1))
	vals := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(2),
		new(big.Int).Sub(mod, one),
		msb, new(big.Int).Sub(msb, one), new(big.Int).Add(msb, one),
		big.NewInt(int64(w - 1)), big.NewInt(int64(w)), big.NewInt(int64(w + 1)),
	}
	for i := 0; i < 6; i++ {
		v := new(big.Int)
		for v.BitLen() < w+64 {
			v.Lsh(v, 64).Or(v, new(big.Int).SetUint64(rng.Uint64()))
		}
		vals = append(vals, v)
	}
	var out []*big.Int
	seen := map[string]bool{}
	for _, v := range vals {
		v = new(big.Int).Mod(v, mod)
		if !seen[v.String()] {
			seen[v.String()] = true
			out = append(out, v)
		}
	}
	return out
}
