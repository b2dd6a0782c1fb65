package cvc5

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/smt"
)

// TestCheckStringEquality is the query shape of Go's string comparison
// (two strings equal when their lengths are and so are their bytes below
// the length, as two lambdas over memory), which cvc5 could not parse
// before lambdas were replaced by defined arrays: a prefix compared with
// itself is proved equal, and a prefix compared with another string is
// not refuted (cvc5 builds no models of these quantified axioms: sat or
// unknown, never unsat).
func TestCheckStringEquality(t *testing.T) {
	idx, byt := smt.BitVecSort(64), smt.BitVecSort(8)
	mem := smt.Var("!mem0.str", smt.ArraySort(idx, byt))
	n, p, q := smt.Var("n", idx), smt.Var("p", idx), smt.Var("q", idx)
	bytes := func(name string, base *smt.Term) *smt.Term {
		k := smt.Var(name, idx)
		return smt.Lambda(k, smt.Ite(smt.BVUlt(k, n), smt.Select(mem, smt.BVAdd(base, k)), smt.BVInt(8, 0)))
	}
	same := []*smt.Term{smt.Not(smt.Eq(bytes("k!1", p), bytes("k!2", p)))}
	got, reason, err := Check(context.Background(), same, smt.Limits{Timeout: cvc5TestTimeout})
	if err != nil || got != smt.Unsat {
		t.Errorf("a string equal to itself: cvc5 says %s (%s), %v; want unsat", got, reason, err)
	}
	// Equal at the shared bytes after a store of the same byte.
	v, i := smt.Var("v", byt), smt.Var("i", idx)
	stored := smt.Store(mem, smt.BVAdd(p, i), v)
	k3, k4 := smt.Var("k!3", idx), smt.Var("k!4", idx)
	l3 := smt.Lambda(k3, smt.Ite(smt.BVUlt(k3, n), smt.Select(stored, smt.BVAdd(p, k3)), smt.BVInt(8, 0)))
	l4 := smt.Lambda(k4, smt.Ite(smt.BVUlt(k4, n), smt.Select(stored, smt.BVAdd(p, k4)), smt.BVInt(8, 0)))
	got, reason, err = Check(context.Background(), []*smt.Term{smt.Not(smt.Eq(l3, l4))}, smt.Limits{Timeout: cvc5TestTimeout})
	if err != nil || got != smt.Unsat {
		t.Errorf("equal after a store: cvc5 says %s (%s), %v; want unsat", got, reason, err)
	}
	other := []*smt.Term{smt.BVUlt(smt.BVInt(64, 0), n), smt.Not(smt.Eq(bytes("k!1", p), bytes("k!2", q)))}
	got, reason, err = Check(context.Background(), other, smt.Limits{Timeout: 20 * time.Second})
	if err != nil || got == smt.Unsat {
		t.Errorf("two strings: cvc5 says %s (%s), %v; want sat or unknown", got, reason, err)
	}
}

// TestLambdaQueriesAgree is a generator: random queries over small arrays
// with lambdas (closed, compared, read, stored into, nested, and under
// quantifiers whose variables they mention), decided by Z3 as they are
// (Z3 reads lambdas as arrays) and, rewritten by smt.WithoutLambdas, by
// cvc5 and by Z3 again. No two definite answers may differ, and the
// rewritten queries must be decided often enough that the comparison
// says something. VSYNTH_LONG=1 runs 100 (give go test -timeout 30m on a
// busy machine).
func TestLambdaQueriesAgree(t *testing.T) {
	if _, err := exec.LookPath("z3"); err != nil {
		t.Fatalf("z3 is needed to decide the original queries: %v", err)
	}
	count := 16
	if os.Getenv("VSYNTH_LONG") != "" {
		count = 100
	}
	r := rand.New(rand.NewSource(15))
	decidedBoth, cvc5Decided, valid, validProved := 0, 0, 0, 0
	for i := 0; i < count; i++ {
		g := &lambdaGen{r: r}
		var q *smt.Term
		isValid := i%2 == 1
		for q == nil || !smt.HasLambda(q) {
			if isValid {
				q = smt.Not(g.identity(2))
			} else {
				q = g.boolean(3)
			}
		}
		orig := z3Answer(t, []*smt.Term{q})
		out, err := smt.WithoutLambdas([]*smt.Term{q})
		if err != nil {
			t.Fatalf("query %d: %v", i, err)
		}
		z3r := z3Answer(t, out)
		c, reason, err := Check(context.Background(), []*smt.Term{q}, smt.Limits{Timeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("query %d: %v\n%s", i, err, smt.Format(q))
		}
		answers := map[string]smt.Result{"z3": orig, "z3 rewritten": z3r, "cvc5 rewritten": c}
		var definite []string
		for who, a := range answers {
			if a != smt.Unknown {
				definite = append(definite, fmt.Sprintf("%s %s", who, a))
			}
		}
		sort.Strings(definite)
		for _, a := range answers {
			if a != smt.Unknown && orig != smt.Unknown && a != orig {
				t.Errorf("query %d: answers differ: %s\n%s", i, strings.Join(definite, ", "), smt.Format(q))
			}
		}
		if z3r != smt.Unknown && c != smt.Unknown && z3r != c {
			t.Errorf("query %d: answers differ: %s\n%s", i, strings.Join(definite, ", "), smt.Format(q))
		}
		if isValid {
			valid++
			if orig == smt.Sat || z3r == smt.Sat || c == smt.Sat {
				t.Errorf("query %d: the negation of an identity is satisfiable: %s\n%s", i, strings.Join(definite, ", "), smt.Format(q))
			}
			if c == smt.Unsat {
				validProved++
			}
		}
		if c != smt.Unknown {
			cvc5Decided++
			if orig != smt.Unknown {
				decidedBoth++
			}
		}
		t.Logf("query %d: lambdas %v, %s (%s)", i, smt.HasLambda(q), strings.Join(definite, ", "), reason)
	}
	t.Logf("%d queries: cvc5 decided %d, %d of them also decided by z3; cvc5 proved %d of %d identities", count, cvc5Decided, decidedBoth, validProved, valid)
	if decidedBoth < count/3 {
		t.Errorf("cvc5 and z3 both decided only %d of %d queries: the comparison says too little", decidedBoth, count)
	}
	if validProved < valid*3/4 {
		t.Errorf("cvc5 proved only %d of %d identities over lambdas", validProved, valid)
	}
}

// z3Answer decides assertions with the z3 executable.
func z3Answer(t *testing.T, assertions []*smt.Term) smt.Result {
	t.Helper()
	var script bytes.Buffer
	if err := smt.WriteScript(&script, smt.Logic(assertions), assertions); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("z3", "-in", "-T:20")
	cmd.Stdin = &script
	out, _ := cmd.Output()
	switch strings.TrimSpace(string(out)) {
	case "sat":
		return smt.Sat
	case "unsat":
		return smt.Unsat
	case "unknown", "timeout":
		return smt.Unknown
	}
	t.Fatalf("z3: %q on\n%s", out, script.String())
	return smt.Unknown
}

// identity is a valid equation over lambdas: beta (a read of a lambda is
// its body at the index), alpha (a lambda equals its body with the
// variable renamed), eta (a lambda reading an array at its variable is
// that array) or a read of a store into a lambda at the stored index.
func (g *lambdaGen) identity(depth int) *smt.Term {
	k := g.fresh("k")
	g.scope = append(g.scope, k)
	body := g.bv(depth)
	g.scope = g.scope[:len(g.scope)-1]
	l := smt.Lambda(k, body)
	switch g.r.Intn(4) {
	case 0:
		i := g.bv(depth - 1)
		return smt.Eq(smt.Select(l, i), smt.Substitute(body, []*smt.Term{k}, []*smt.Term{i}))
	case 1:
		k2 := g.fresh("k")
		return smt.Eq(l, smt.Lambda(k2, smt.Substitute(body, []*smt.Term{k}, []*smt.Term{k2})))
	case 2:
		a := g.array(depth - 1)
		return smt.Eq(smt.Lambda(k, smt.Select(a, k)), a)
	default:
		i, v := g.bv(depth-1), g.bv(depth-1)
		return smt.Eq(smt.Select(smt.Store(l, i, v), i), v)
	}
}

// lambdaGen builds random formulas over 4-bit arrays of 4-bit values.
type lambdaGen struct {
	r     *rand.Rand
	scope []*smt.Term // variables bound around the term being built
	next  int
}

var (
	genBV    = smt.BitVecSort(4)
	genArray = smt.ArraySort(genBV, genBV)
)

func (g *lambdaGen) fresh(prefix string) *smt.Term {
	g.next++
	return smt.Var(fmt.Sprintf("%s!%d", prefix, g.next), genBV)
}

func (g *lambdaGen) bv(depth int) *smt.Term {
	leaves := []func() *smt.Term{
		func() *smt.Term { return smt.Var("x", genBV) },
		func() *smt.Term { return smt.Var("y", genBV) },
		func() *smt.Term { return smt.BVInt(4, int64(g.r.Intn(16))) },
	}
	if len(g.scope) > 0 {
		leaves = append(leaves, func() *smt.Term { return g.scope[g.r.Intn(len(g.scope))] })
	}
	if depth <= 0 || g.r.Intn(3) == 0 {
		return leaves[g.r.Intn(len(leaves))]()
	}
	switch g.r.Intn(4) {
	case 0:
		return smt.BVAdd(g.bv(depth-1), g.bv(depth-1))
	case 1:
		return smt.Ite(g.boolean(depth-1), g.bv(depth-1), g.bv(depth-1))
	default:
		return smt.Select(g.array(depth-1), g.bv(depth-1))
	}
}

func (g *lambdaGen) array(depth int) *smt.Term {
	if depth <= 0 || g.r.Intn(4) == 0 {
		if g.r.Intn(2) == 0 {
			return smt.Var("a", genArray)
		}
		return smt.Var("b", genArray)
	}
	switch g.r.Intn(3) {
	case 0:
		return smt.Store(g.array(depth-1), g.bv(depth-1), g.bv(depth-1))
	default:
		k := g.fresh("k")
		g.scope = append(g.scope, k)
		body := g.bv(depth - 1)
		g.scope = g.scope[:len(g.scope)-1]
		return smt.Lambda(k, body)
	}
}

func (g *lambdaGen) boolean(depth int) *smt.Term {
	if depth <= 0 {
		return smt.BVUle(g.bv(0), g.bv(0))
	}
	switch g.r.Intn(6) {
	case 0:
		return smt.BVUlt(g.bv(depth-1), g.bv(depth-1))
	case 1:
		return smt.Eq(g.bv(depth-1), g.bv(depth-1))
	case 2, 3:
		return smt.Not(smt.Eq(g.array(depth-1), g.array(depth-1)))
	case 4:
		return smt.And(g.boolean(depth-1), g.boolean(depth-1))
	default:
		j := g.fresh("j")
		g.scope = append(g.scope, j)
		body := g.boolean(depth - 1)
		g.scope = g.scope[:len(g.scope)-1]
		return smt.Forall([]*smt.Term{j}, body)
	}
}
