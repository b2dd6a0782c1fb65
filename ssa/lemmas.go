package ssa

import (
	"github.com/vsynth/vsynth/smt"
)

// Division lemmas. Bit-blasting solvers find facts about division
// circuits very hard: Z3 cannot show urem(n, d) < d at 64 bits, or
// (a/b)*b + a%b == a at 16 bits, within minutes. These facts are theorems
// of bit-vector arithmetic, so the lowering states them next to every
// division it emits: adding a valid formula to a query never changes its
// satisfiability, and it hands the solver the relation directly.
// lemmas_test.go checks each lemma on every 8-bit input and on random
// inputs at every width.

// divisionLemmas returns valid facts about the quotient and remainder of
// n by d in SMT-LIB semantics (which agree with Go's wherever d != 0).
func divisionLemmas(n, d *smt.Term, signed bool) []*smt.Term {
	w := n.Sort().Width()
	zero := smt.BVInt(w, 0)
	nonzero := smt.Not(smt.Eq(d, zero))
	if !signed {
		q, r := smt.BVUDiv(n, d), smt.BVURem(n, d)
		return []*smt.Term{
			smt.Eq(smt.BVAdd(smt.BVMul(q, d), r), n), // holds for d == 0 too
			smt.Implies(nonzero, smt.BVUlt(r, d)),
			smt.Implies(nonzero, smt.BVUle(q, n)),
		}
	}
	q, r := smt.BVSDiv(n, d), smt.BVSRem(n, d)
	neg := func(x *smt.Term) *smt.Term { return smt.BVSlt(x, zero) }
	abs := func(x *smt.Term) *smt.Term { return smt.Ite(neg(x), smt.BVNeg(x), x) } // read as unsigned
	minInt := smt.BVShl(smt.BVInt(w, 1), smt.BVInt(w, int64(w-1)))
	return []*smt.Term{
		smt.Eq(smt.BVAdd(smt.BVMul(q, d), r), n), // holds for d == 0 and MinInt / -1 too
		smt.Implies(nonzero, smt.Or(smt.Eq(r, zero), smt.Eq(neg(r), neg(n)))),
		smt.Implies(nonzero, smt.BVUlt(abs(r), abs(d))),
		smt.Implies(nonzero, smt.BVUle(abs(q), abs(n))),
		// The quotient's sign is the product of the signs, except that it
		// is 0, or MinInt / -1 wraps.
		smt.Implies(
			smt.And(nonzero, smt.Not(smt.Eq(q, zero)), smt.Not(smt.And(smt.Eq(n, minInt), smt.Eq(d, smt.BVInt(w, -1))))),
			smt.Eq(neg(q), smt.Xor(neg(n), neg(d)))),
	}
}
