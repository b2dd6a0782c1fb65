package smt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// loopMemory is the query of a loop unrolled n times whose body swaps two
// elements of memory when one is less than the other (a sort's inner
// loop): each iteration's memory is the ite of the written and the
// unwritten memory, which share all the iterations before. The query
// reads the final memory and every condition reads the memory before it.
func loopMemory(n int) *Term {
	sort := ArraySort(BitVecSort(64), BitVecSort(32))
	m := Var("mem", sort)
	x := Var("x", BitVecSort(32))
	for k := range n {
		i := Var(fmt.Sprintf("i%d", k), BitVecSort(64))
		j := BVAdd(i, BVUint(64, 1))
		a, b := Select(m, i), Select(m, j)
		swapped := Store(Store(m, i, b), j, a)
		m = Ite(BVSlt(b, a), swapped, m)
	}
	return Not(Eq(Select(m, Var("p", BitVecSort(64))), x))
}

// dagSize is the number of distinct terms of t.
func dagSize(t *Term) int {
	seen := map[*Term]bool{}
	stack := []*Term{t}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[u] {
			seen[u] = true
			stack = append(stack, u.args...)
		}
	}
	return len(seen)
}

// TestEliminateArraysGrowth checks that reads through the memory merges
// of an unrolled loop are resolved once per array and index: the
// reduction grows polynomially with the unrolling (a tree walk doubles
// with each iteration: 2^24 reads at 24), and stays within a budget that
// stops the walk long before memory runs out.
func TestEliminateArraysGrowth(t *testing.T) {
	size := map[int]int{}
	for _, n := range []int{12, 24} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		start := time.Now()
		r, _, ok, err := EliminateArraysWithin(loopMemory(n), "read!", 1000, Budget{MaxTerms: 1_000_000, Ctx: ctx})
		cancel()
		if err != nil || !ok {
			t.Fatalf("unrolled %d times: reduced %v, %v", n, ok, err)
		}
		size[n] = dagSize(r)
		t.Logf("unrolled %d times: %d terms in %v", n, size[n], time.Since(start))
	}
	// Twice the iterations: at most a quadratic growth (each condition
	// reads through the iterations before it), with room for constants.
	if size[24] > 6*size[12] {
		t.Errorf("the reduction grows too fast: %d terms at 12 iterations, %d at 24", size[12], size[24])
	}
}

// TestEliminateArraysBudget checks that a reduction past its budget of
// terms, or whose context ends, stops with a *BudgetError naming why.
func TestEliminateArraysBudget(t *testing.T) {
	f := loopMemory(16)
	_, _, ok, err := EliminateArraysWithin(f, "read!", 1000, Budget{MaxTerms: 100})
	var be *BudgetError
	if ok || !errors.As(err, &be) || be.Max != 100 || be.Err != nil {
		t.Fatalf("with 100 terms: reduced %v, error %v", ok, err)
	}
	if !strings.Contains(err.Error(), "eliminating arrays exceeded 100 terms") {
		t.Errorf("message %q", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, ok, err = EliminateArraysWithin(f, "read!", 1000, Budget{Ctx: ctx})
	if ok || !errors.As(err, &be) || !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled: reduced %v, error %v", ok, err)
	}
	// Without a budget the same formula reduces, as EliminateArrays does.
	if _, _, ok := EliminateArrays(f, "read!", 1000); !ok {
		t.Fatal("not reduced without a budget")
	}
}

// TestInternShares checks that interning makes structurally equal terms
// one term, whichever pointers built them, and keeps different ones apart.
func TestInternShares(t *testing.T) {
	in := newInterner()
	x, y := Var("x", BitVecSort(8)), Var("y", BitVecSort(8))
	a := BVAdd(x, BVUint(8, 1))
	b := BVAdd(Var("x", BitVecSort(8)), BVUint(8, 1))
	if a == b || in.intern(a) != in.intern(b) {
		t.Error("x+1 built twice is not one term")
	}
	if in.intern(BVAdd(y, BVUint(8, 1))) == in.intern(a) || in.intern(BVUint(8, 2)) == in.intern(BVUint(8, 1)) {
		t.Error("different terms interned as one")
	}
	if in.intern(Var("x", BitVecSort(16))) == in.intern(x) {
		t.Error("variables of different sorts interned as one")
	}
	long := And(BVUlt(x, y), BVUlt(y, x), Eq(x, y), Eq(a, y), BVSlt(x, y))
	long2 := And(BVUlt(x, y), BVUlt(y, x), Eq(x, y), Eq(b, y), BVSlt(x, y))
	other := And(BVUlt(x, y), BVUlt(y, x), Eq(x, y), Eq(a, y), BVSle(x, y))
	if in.intern(long) != in.intern(long2) || in.intern(long) == in.intern(other) {
		t.Error("conjunctions of five interned wrongly")
	}
	if got := Format(in.intern(long2)); got != Format(long2) {
		t.Errorf("interning changed the term: %s", got)
	}
}
