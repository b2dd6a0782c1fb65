package z3

import (
	"math/big"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// Mathematical integers beside bit vectors: bv2nat, negative numerals,
// and the invariant of a running sum, preserved by one iteration, which
// Z3 decides at once over Int (and not over 130-bit vectors).
func TestIntArithmetic(t *testing.T) {
	c := newContext(t)
	x := smt.Var("x", bv(8))
	lim := smt.Limits{Timeout: time.Minute}

	// The signed value of an 8-bit x lies in [-128, 127], and -128 is one.
	s := newSolver(t, c)
	v := smt.BV2Int(x)
	mustAssert(t, s, smt.Or(smt.IntLt(v, smt.IntInt64(-128)), smt.IntLt(smt.IntInt64(127), v)))
	check(t, s, lim, smt.Unsat)
	s = newSolver(t, c)
	mustAssert(t, s, smt.Eq(v, smt.IntInt64(-128)))
	check(t, s, lim, smt.Sat)

	// Euclidean div and mod with a negative numeral.
	s = newSolver(t, c)
	q := smt.IntDiv(v, smt.IntInt64(-3))
	r := smt.IntMod(v, smt.IntInt64(-3))
	mustAssert(t, s, smt.Not(smt.And(smt.Eq(smt.IntAdd(smt.IntMul(q, smt.IntInt64(-3)), r), v), smt.IntLe(smt.IntInt64(0), r))))
	check(t, s, lim, smt.Unsat)

	// sum == i*(i-1)/2 is preserved by sum += i; i++ (64-bit sum and i,
	// bounded so that nothing wraps).
	sum, i, n := smt.Var("sum", bv(64)), smt.Var("i", bv(64)), smt.Var("n", bv(64))
	tri := func(i *smt.Term) *smt.Term {
		m := smt.BV2Int(i)
		return smt.IntDiv(smt.IntMul(m, smt.IntSub(m, smt.IntInt64(1))), smt.IntInt64(2))
	}
	s = newSolver(t, c)
	mustAssert(t, s,
		smt.BVSle(smt.BVInt(64, 0), n), smt.BVSle(n, smt.BVInt(64, 1<<20)),
		smt.BVSle(smt.BVInt(64, 1), i), smt.BVSle(i, n),
		smt.Eq(smt.BV2Int(sum), tri(i)),
		smt.Not(smt.Eq(smt.BV2Int(smt.BVAdd(sum, i)), tri(smt.BVAdd(i, smt.BVInt(64, 1))))))
	check(t, s, lim, smt.Unsat)

	// Printing: negative numerals and the logic.
	got := smt.Logic([]*smt.Term{smt.IntLe(smt.Int(big.NewInt(-5)), v)})
	if got != "ALL" {
		t.Errorf("Logic of an Int formula = %s, want ALL", got)
	}
}
