package ssa

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// The lowering of loops with memory must stay polynomial in the unrolling:
// these tests lower functions with nested loops that read and write
// slices at unrolling k and 2k and compare the sizes, and check that a
// lowering or reduction past its budget ends in unknown with a reason.
// (Reads through the memory merges of unrolled loops were once resolved
// as a tree: a ten-line function took 4 GB before the solver was called.)

// loweringSize lowers the single target of src unrolled u times and
// returns the distinct terms of all its queries, and the largest
// reduction of its last obligations (-1 when one exceeded the budget of
// maxTerms terms, with the error).
func loweringSize(t *testing.T, src string, u, maxTerms int) (dag, reduced int, err error) {
	t.Helper()
	fset := token.NewFileSet()
	prog, lerr := LoadSource(fset, NewSourceImporter(fset), "gen", []SourceFile{{Name: "/vsynth-virtual/gen/f.go", Src: []byte(src)}})
	if lerr != nil {
		t.Fatalf("load: %v\n%s", lerr, src)
	}
	if len(prog.Targets) != 1 {
		t.Fatalf("%d targets", len(prog.Targets))
	}
	vc, lerr := prog.lowerWithin(context.Background(), prog.Targets[0], u, maxTerms)
	if lerr != nil {
		return -1, -1, lerr
	}
	var qs []*smt.Term
	for _, o := range vc.Obligations {
		qs = append(qs, o.Query())
	}
	dag = termsOf(qs...)
	for _, o := range vc.Obligations[max(0, len(vc.Obligations)-3):] {
		if err := o.reduce(smt.Budget{MaxTerms: maxTerms}); err != nil {
			return dag, -1, err
		}
		if o.reduced != nil {
			reduced = max(reduced, termsOf(o.reduced))
		}
		o.release()
	}
	return dag, reduced, nil
}

// termsOf is the number of distinct terms of ts.
func termsOf(ts ...*smt.Term) int {
	seen := map[*smt.Term]bool{}
	stack := append([]*smt.Term(nil), ts...)
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[u] {
			seen[u] = true
			stack = append(stack, u.Args()...)
		}
	}
	return len(seen)
}

const nestedSort = `package gen

//vsynth:requires len(a) >= 1
//vsynth:ensures len(a) >= 1
func Sort(a []int32) int32 {
	for i := 0; i < len(a); i++ {
		for j := i + 1; j < len(a); j++ {
			if a[j] < a[i] {
				a[i], a[j] = a[j], a[i]
			}
		}
	}
	return a[0]
}
`

// adler32Update is hash/adler32's update loop.
const adler32Update = `package gen

//vsynth:requires d < 1<<32
//vsynth:ensures result < 1<<32
func Update(d uint64, p []byte) uint64 {
	s1, s2 := uint32(d&0xffff), uint32(d>>16)
	for len(p) > 0 {
		var q []byte
		if len(p) > 5552 {
			p, q = p[:5552], p[5552:]
		}
		for len(p) >= 4 {
			s1 += uint32(p[0])
			s2 += s1
			s1 += uint32(p[1])
			s2 += s1
			s1 += uint32(p[2])
			s2 += s1
			s1 += uint32(p[3])
			s2 += s1
			p = p[4:]
		}
		for _, x := range p {
			s1 += uint32(x)
			s2 += s1
		}
		s1 %= 65521
		s2 %= 65521
		p = q
	}
	return uint64(s2<<16 | s1)
}
`

// checkGrowth fails when doubling the unrolling of a doubly nested loop
// multiplies a size by more than a polynomial would (the loop body's
// copies grow fourfold; a few more for the paths through them).
func checkGrowth(t *testing.T, what string, small, large int) {
	t.Helper()
	if small > 0 && large > 12*small {
		t.Errorf("%s grows too fast with the unrolling: %d terms, then %d at twice the unrolling", what, small, large)
	}
}

func TestLoweringSizeReproducers(t *testing.T) {
	for _, tc := range []struct{ name, src string }{{"nested sort", nestedSort}, {"adler32 update", adler32Update}} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			dag4, red4, err := loweringSize(t, tc.src, 4, DefaultMaxTerms)
			if err != nil {
				t.Fatal(err)
			}
			dag8, red8, err := loweringSize(t, tc.src, 8, DefaultMaxTerms)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("unroll 4: %d terms, reduced %d; unroll 8: %d terms, reduced %d (%v)", dag4, red4, dag8, red8, time.Since(start))
			checkGrowth(t, "the lowering", dag4, dag8)
			checkGrowth(t, "the reduction", red4, red8)
			if dag8 > 100_000 {
				t.Errorf("the lowering at unroll 8 has %d terms", dag8)
			}
		})
	}
}

// TestLoweringBudget checks that a lowering or a reduction past its budget
// of terms ends the function in unknown, with a reason that says so and
// where, and that a run whose context has ended stops lowering.
func TestLoweringBudget(t *testing.T) {
	fset := token.NewFileSet()
	prog, err := LoadSource(fset, NewSourceImporter(fset), "gen", []SourceFile{{Name: "/vsynth-virtual/gen/f.go", Src: []byte(nestedSort)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		max  int
		want string
	}{
		{500, "lowering exceeded 500 terms at /vsynth-virtual/gen/f.go:"},
		{6000, "eliminating arrays exceeded 6000 terms"},
	} {
		res, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Unroll: 8, MaxTerms: tc.max, Limits: smt.Limits{Timeout: 10 * time.Second}})
		if err != nil {
			t.Fatal(err)
		}
		r := res[0]
		reason := r.Reason
		for _, o := range r.Obligations {
			if o.Verdict == Unknown && strings.Contains(o.Reason, "exceeded") {
				reason = o.Reason
			}
		}
		if r.Verdict != Unknown || !strings.Contains(reason, tc.want) || !strings.Contains(reason, "raise --max-terms") {
			t.Errorf("max %d terms: %s, %q; want unknown, %q", tc.max, r.Verdict, reason, tc.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = prog.lowerWithin(ctx, prog.Targets[0], 8, 0)
	var be *budgetError
	if !errors.As(err, &be) || !errors.Is(err, context.Canceled) {
		t.Errorf("lowering under an ended context: %v", err)
	}
}

// genNestedLoops writes a random function with two nested loops over a
// slice: the body reads and writes elements at the loop indices, swaps
// them under conditions, accumulates, and may break.
func genNestedLoops(r *rand.Rand) string {
	idx := []string{"i", "j"}
	elem := func() string { return "a[" + idx[r.Intn(2)] + "]" }
	var body []string
	for range 2 + r.Intn(4) {
		switch r.Intn(6) {
		case 0:
			body = append(body, fmt.Sprintf("%s = %s + %d", elem(), elem(), r.Intn(7)-3))
		case 1:
			body = append(body, "if a[j] < a[i] {\n\t\t\t\ta[i], a[j] = a[j], a[i]\n\t\t\t}")
		case 2:
			body = append(body, "s += "+elem())
		case 3:
			body = append(body, fmt.Sprintf("if %s > %d {\n\t\t\t\t%s ^= s\n\t\t\t}", elem(), r.Intn(9)-4, elem()))
		case 4:
			body = append(body, fmt.Sprintf("if s == %d {\n\t\t\t\tbreak\n\t\t\t}", r.Intn(20)))
		case 5:
			body = append(body, fmt.Sprintf("%s = s", elem()))
		}
	}
	start := []string{"0", "i", "i + 1"}[r.Intn(3)]
	return fmt.Sprintf(`package gen

//vsynth:ensures result == result
func F(a []int8) int8 {
	var s int8
	for i := 0; i < len(a); i++ {
		for j := %s; j < len(a); j++ {
			%s
		}
	}
	return s
}
`, start, strings.Join(body, "\n\t\t\t"))
}

// TestLoweringSizeGenerated lowers random nested-loop programs with memory
// at unrolling 3 and 6: each lowering and reduction stays within the
// budget or ends with a budget error, and never grows exponentially.
func TestLoweringSizeGenerated(t *testing.T) {
	n := 12
	if os.Getenv("VSYNTH_LONG") != "" {
		n = 100
	}
	r := rand.New(rand.NewSource(11))
	for i := range n {
		src := genNestedLoops(r)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			dag3, red3, err3 := loweringSize(t, src, 3, DefaultMaxTerms)
			dag6, red6, err6 := loweringSize(t, src, 6, DefaultMaxTerms)
			for _, err := range []error{err3, err6} {
				var be *smt.BudgetError
				if err != nil && !errors.As(err, &be) {
					t.Fatalf("not a budget's error: %v\n%s", err, src)
				}
			}
			checkGrowth(t, "the lowering", dag3, dag6)
			checkGrowth(t, "the reduction", red3, red6)
			if t.Failed() || testing.Verbose() {
				t.Logf("unroll 3: %d terms, reduced %d; unroll 6: %d, reduced %d\n%s", dag3, red3, dag6, red6, src)
			}
		})
	}
}

// TestQuantifierWalksShare checks that the walks over a query's Boolean
// structure (skolemize, instances, weaken) visit a shared path condition
// once: the condition of a block after n diamonds is reached along 2^n
// paths, and a walk per path would not finish.
func TestQuantifierWalksShare(t *testing.T) {
	g := smt.Var("entry", smt.BoolSort())
	for k := range 60 {
		c := smt.Var(fmt.Sprintf("c%d", k), smt.BoolSort())
		g = smt.Or(smt.And(g, c), smt.And(g, smt.Not(c)))
	}
	x := smt.Var("x", smt.BitVecSort(8))
	k := smt.Var("k", smt.BitVecSort(8))
	all := smt.Forall([]*smt.Term{k}, smt.BVUle(k, smt.BVUint(8, 255)))
	some := smt.Exists([]*smt.Term{k}, smt.Eq(k, x))
	q := smt.And(g, all, smt.Not(smt.And(g, some)))
	l := newLowering(nil, nil, nil, nil, DefaultUnroll)
	done := make(chan *smt.Term, 1)
	go func() {
		p := l.instantiate(q, []*smt.Term{x})
		done <- weaken(p)
	}()
	select {
	case w := <-done:
		if termHasQuantifier(w) {
			t.Errorf("the weakened query has quantifiers")
		}
		if n := termsOf(w); n > 1000 {
			t.Errorf("the weakened query has %d terms", n)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the walks over a shared path condition did not finish in 30 s")
	}
}
