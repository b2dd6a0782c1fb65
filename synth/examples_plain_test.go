package synth

import (
	"context"
	"fmt"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"
)

// plainGrammar is pbeGrammar without its conditional: the search for
// examples is then CEGIS over the examples (solveExamples).
func plainGrammar() *Grammar {
	g := pbeGrammar()
	nt := g.NTs[0]
	nt.Prods = nt.Prods[:len(nt.Prods)-1]
	return g
}

// plainExamplesProblem is pbeProblem over plainGrammar.
func plainExamplesProblem(inputs []uint64, f func(uint64) uint64, proved *[]*Term) *Problem {
	p := pbeProblem(inputs, f, proved)
	p.Grammar = plainGrammar()
	return p
}

func randomBytes(seed int64, n int) []uint64 {
	rng := rand.New(rand.NewSource(seed))
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(rng.Intn(256))
	}
	return out
}

// TestExamplesWithoutConditional: a family of functions over 300
// examples, with a grammar without a conditional. The search keeps its
// equivalence on a subset of the examples (grown by the examples the
// candidates miss), and its answer is the smallest term meeting every
// example: the same size as the plain search over all the examples at
// once finds (checked on a prefix of 40, which that search can afford).
func TestExamplesWithoutConditional(t *testing.T) {
	fs := map[string]func(uint64) uint64{
		"x^(x>>1)":       func(x uint64) uint64 { return x ^ x>>1 },
		"^(x&0x55)":      func(x uint64) uint64 { return ^(x & 0x55) & 0xff },
		"(x^7)&(x>>1)":   func(x uint64) uint64 { return (x ^ 7) & (x >> 1) },
		"x>>(x&7)^0x55":  func(x uint64) uint64 { return x>>(x&7) ^ 0x55 },
		"(x>>1>>1)&0x55": func(x uint64) uint64 { return x >> 2 & 0x55 },
	}
	for name, f := range fs {
		var proved []*Term
		inputs := randomBytes(5, 300)
		p := plainExamplesProblem(inputs, f, &proved)
		b := Budget{Timeout: 30 * time.Second, MaxSize: 8, Workers: 2}
		res, err := Enum{}.Solve(context.Background(), p, b)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict != Solved || res.Strategy != "examples+enum" {
			t.Fatalf("%s: %s by %s (%s)", name, res.Verdict, res.Strategy, res.Reason)
		}
		if len(proved) != 1 || proved[0] != res.Term {
			t.Errorf("%s: answer %s; the verifier proved %v (only terms meeting every example are proved)", name, res.Term, proved)
		}
		if firstMissed(p.Examples, res.Term) >= 0 {
			t.Errorf("%s: answer %s misses an example", name, res.Term)
		}
		if res.Inputs >= len(inputs) || !res.Minimal {
			t.Errorf("%s: equivalence on %d of %d examples, minimal %v; want a subset and minimal", name, res.Inputs, len(inputs), res.Minimal)
		}
		// The plain search over all examples at once, on a prefix.
		q := plainExamplesProblem(inputs[:40], f, new([]*Term))
		q.Examples = nil
		q.Spec = fnSpec{inputs: inputs[:40], f: f}
		ref, err := Enum{}.Solve(context.Background(), q, b)
		if err != nil {
			t.Fatal(err)
		}
		if ref.Verdict != Solved || ref.Size != res.Size {
			t.Errorf("%s: %s of size %d; the plain search over 40 examples: %s of size %d", name, res.Term, res.Size, ref.Term, ref.Size)
		}
	}
}

// fnSpec is a Spec with one invocation per input of f and no variables:
// the plain search sees every example at its one input.
type fnSpec struct {
	inputs []uint64
	f      func(uint64) uint64
}

func (s fnSpec) Points([]uint64) [][]uint64 {
	out := make([][]uint64, len(s.inputs))
	for i, x := range s.inputs {
		out[i] = []uint64{x}
	}
	return out
}

func (s fnSpec) Holds(_ []uint64, outs []uint64) bool {
	for i, x := range s.inputs {
		if outs[i] != s.f(x) {
			return false
		}
	}
	return true
}

// TestExamplesInfeasible: when no term of a finite grammar meets the
// examples, the search says so after enumerating every term.
func TestExamplesInfeasible(t *testing.T) {
	u8 := IntType(8, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u8}}}
	g.NTs[0].Prods = []*Prod{LeafProd(&Term{Op: OpParam, Type: u8}), LeafProd(&Term{Op: OpConst, Type: u8, Value: 1})}
	p := plainExamplesProblem(randomBytes(2, 50), func(x uint64) uint64 { return x ^ 1 }, new([]*Term))
	p.Grammar = g
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 10 * time.Second, MaxSize: 8, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Infeasible {
		t.Fatalf("%s (%s); want infeasible", res.Verdict, res.Reason)
	}
}

// TestExamplesMemoryBudget: the search over examples stops at its memory
// budget, with that reason, rather than growing.
func TestExamplesMemoryBudget(t *testing.T) {
	p := plainExamplesProblem(randomBytes(9, 200), func(x uint64) uint64 { return x*x + 3 }, new([]*Term))
	const budget = 1 << 20
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 20 * time.Second, MaxSize: 30, MaxMemory: budget, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Unsolved || !strings.HasPrefix(res.Reason, "memory budget reached (") {
		t.Fatalf("%s (%s); want unsolved at the memory budget", res.Verdict, res.Reason)
	}
}

// TestPlainMemoryBudget: the plain enumeration over 200 points (a
// General-track spec at many inputs, or examples) keeps at most
// MaxBytes / TermBytes(200) terms, stops there, and the heap it holds
// when it stops stays within the budget: the estimate is not below the
// real cost of a term. Before, the budget counted terms only (20 million
// by default), and 200 points took 1.2 GB in 10 s.
func TestPlainMemoryBudget(t *testing.T) {
	const n, budget = 200, 24 << 20
	points := enumPoints(n)
	for _, workers := range []int{1, 2} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		e := &Enumerator{Grammar: enumGrammar(), MaxSize: 30, MaxBytes: budget, Workers: workers}
		var kept *search
		out, _, _ := e.Run(context.Background(), points, func(s *Search, _ int32, _ []uint64) bool {
			kept = s.s
			return false
		})
		if out != OutOfBudget {
			t.Fatalf("%d workers: outcome %v, want OutOfBudget", workers, out)
		}
		limit := budget / TermBytes(n)
		if len(kept.ents) > limit {
			t.Errorf("%d workers: %d terms kept, budget %d", workers, len(kept.ents), limit)
		}
		if len(kept.ents) < limit/2 {
			t.Errorf("%d workers: stopped at %d terms, long before the budget's %d", workers, len(kept.ents), limit)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
		if live > budget {
			t.Errorf("%d workers: %d terms hold %d bytes of heap, over the budget of %d (%d per term, estimated %d)", workers, len(kept.ents), live, budget, live/int64(len(kept.ents)), TermBytes(n))
		}
		t.Logf("%d workers: %d terms, %d bytes live (%d per term, estimated %d)", workers, len(kept.ents), live, live/int64(len(kept.ents)), TermBytes(n))
		runtime.KeepAlive(kept)
	}
}

// TestPlainSearchMemoryBudget: the plain CEGIS search (a spec that is not
// a list of examples, here one input invoking the function at 200
// points) stops at its memory budget with that reason.
func TestPlainSearchMemoryBudget(t *testing.T) {
	var inputs []uint64
	for x := range 200 {
		inputs = append(inputs, uint64(x)) // 200 distinct points
	}
	f := func(x uint64) uint64 { return (x*x + 3) & 0xff }
	p := plainExamplesProblem(inputs, f, new([]*Term))
	p.Examples = nil
	p.Spec = fnSpec{inputs: inputs, f: f}
	const budget = 1 << 20
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 20 * time.Second, MaxSize: 30, MaxMemory: budget, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("memory budget reached (%d terms over 200 points)", budget/8*7/TermBytes(200))
	if res.Verdict != Unsolved || res.Strategy != "enum" || res.Reason != want {
		t.Fatalf("%s by %s (%s); want unsolved: %s", res.Verdict, res.Strategy, res.Reason, want)
	}
}
