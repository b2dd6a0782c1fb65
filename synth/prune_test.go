package synth

import (
	"context"
	"math/rand"
	"sync"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth/rules"
)

// TestRulePrunerSkips checks which combinations the rule pruner skips
// in a uint32 grammar of + and & over x with the constant 0: one that a
// rule rewrites to a smaller term of the grammar is skipped; one whose
// smaller form the grammar cannot build (x + x => x << 1) is kept.
func TestRulePrunerSkips(t *testing.T) {
	set, err := RuleSet("seed")
	if err != nil {
		t.Fatal(err)
	}
	u32 := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u32}}}
	x := &Term{Op: OpParam, Type: u32}
	zero := &Term{Op: OpConst, Type: u32}
	g.NTs[0].Prods = []*Prod{LeafProd(x), LeafProd(zero), OpProd(OpAdd, u32, 0, 0), OpProd(OpAnd, u32, 0, 0)}
	pr := NewRulePruner(set, &Problem{Grammar: g})
	if pr == nil {
		t.Fatal("no pruner for a uint32 grammar")
	}
	asked := skipsOf(t, pr, g, false, 2, [][]uint64{{0}, {1}, {5}, {1 << 31}, {0xdeadbeef}})
	for term, want := range map[string]bool{
		"(+ p0 0)":         true,  // add-zero
		"(& p0 p0)":        true,  // and-self
		"(& 0 (+ p0 p0))":  true,  // and-zero
		"(+ p0 p0)":        false, // x << 1 is not in the grammar
		"(& p0 (+ p0 p0))": false, // irreducible
	} {
		got, ok := asked[term]
		if !ok {
			t.Errorf("%s was not enumerated", term)
		} else if got != want {
			t.Errorf("Skip(%s) = %v, want %v", term, got, want)
		}
	}
	if NewRulePruner(nil, &Problem{Grammar: g}) != nil {
		t.Error("a pruner without rules")
	}
	if _, err := RuleSet("most"); err == nil {
		t.Error("RuleSet accepted an unknown name")
	}
}

// skipsOf enumerates g up to maxSize with pr and returns, for every
// combination the pruner was asked about, whether it was skipped.
func skipsOf(t *testing.T, pr *RulePruner, g *Grammar, constExprs bool, maxSize int, points [][]uint64) map[string]bool {
	t.Helper()
	var mu sync.Mutex
	asked := map[string]bool{}
	e := &Enumerator{Grammar: g, ConstExprs: constExprs, MaxSize: maxSize, Workers: 1}
	e.Skip = func(s *Search, nt, prod int, kids []int32) bool {
		skip := pr.Skip(s, nt, prod, kids)
		terms := make([]*Term, len(kids))
		for i, k := range kids {
			terms[i] = s.Term(k)
		}
		mu.Lock()
		asked[g.NTs[nt].Prods[prod].instantiate(terms).String()] = skip
		mu.Unlock()
		return skip
	}
	e.Run(context.Background(), points, func(*Search, int32, []uint64) bool { return false })
	return asked
}

// TestRulePrunerKeepsBehaviours enumerates grammars with and without the
// shipped rules and checks that every behaviour (the values on the
// points) first appears at the same size: pruning skips terms, never
// what they compute, so the smallest programs keep their size. The
// grammars are a Go one over int8 (panicking division, shifts by signed
// counts) and SyGuS-like ones over uint32 with constant subterms and
// SMT-LIB operators the rules do not know.
func TestRulePrunerKeepsBehaviours(t *testing.T) {
	all, err := RuleSet("all")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(3))
	type grammarCase struct {
		name       string
		typ        Type
		vars       int
		consts     []uint64
		ops        []Op
		constExprs bool
		maxSize    int
	}
	cases := []grammarCase{
		{"go-int8", IntType(8, true), 2, []uint64{0, 1, 0xff}, []Op{OpAdd, OpSub, OpMul, OpQuo, OpAnd, OpOr, OpXor, OpShl, OpShr, OpNeg, OpCom}, false, 4},
		{"sygus-uint32", IntType(32, false), 2, []uint64{0, 1, 0xffffffff, 31}, []Op{OpAdd, OpSub, OpMul, OpAnd, OpOr, OpXor, OpShl, OpShr, OpNeg, OpCom, OpUDiv, OpAShr}, true, 3},
		{"bitwise-3vars", IntType(32, false), 3, nil, []Op{OpAnd, OpOr, OpXor, OpShl, OpShr}, false, 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: c.typ}}}
			for i := 0; i < c.vars; i++ {
				g.NTs[0].Prods = append(g.NTs[0].Prods, LeafProd(&Term{Op: OpParam, Type: c.typ, Param: i}))
			}
			for _, v := range c.consts {
				g.NTs[0].Prods = append(g.NTs[0].Prods, LeafProd(&Term{Op: OpConst, Type: c.typ, Value: v & c.typ.mask()}))
			}
			for _, op := range c.ops {
				nts := make([]int, op.Arity())
				g.NTs[0].Prods = append(g.NTs[0].Prods, OpProd(op, c.typ, nts...))
			}
			points := make([][]uint64, 24)
			for i := range points {
				points[i] = make([]uint64, c.vars)
				for j := range points[i] {
					points[i][j] = rng.Uint64() >> uint(rng.Intn(64)) & c.typ.mask()
				}
			}
			first := func(skip func(*Search, int, int, []int32) bool) (map[uint64]int, Counts) {
				got := map[uint64]int{}
				e := &Enumerator{Grammar: g, ConstExprs: c.constExprs, MaxSize: c.maxSize, Skip: skip}
				_, _, n := e.Run(context.Background(), points, func(s *Search, idx int32, vals []uint64) bool {
					got[hashVals(vals)] = s.Size(idx)
					return false
				})
				return got, n
			}
			pr := NewRulePruner(all, &Problem{Grammar: g, ConstExprs: c.constExprs})
			if pr == nil {
				t.Fatal("no pruner")
			}
			plain, nPlain := first(nil)
			pruned, nPruned := first(pr.Skip)
			for h, size := range plain {
				if got, ok := pruned[h]; !ok || got != size {
					t.Errorf("a behaviour of size %d is found at size %d (0: never) with rules", size, got)
				}
			}
			if len(pruned) != len(plain) {
				t.Errorf("%d behaviours with rules, %d without", len(pruned), len(plain))
			}
			if nPruned.Skipped == 0 || nPruned.Built >= nPlain.Built || nPlain.Skipped != 0 {
				t.Errorf("rules pruned %d terms: %d candidates with rules, %d without", nPruned.Skipped, nPruned.Built, nPlain.Built)
			}
			t.Logf("%d behaviours; %d candidates without rules, %d with (%d pruned)", len(plain), nPlain.Built, nPruned.Built, nPruned.Skipped)
		})
	}
}

// TestRulePruningKeepsMinimal solves the example's synth funcs with
// the shipped rules: the known smallest programs are still found, rules
// prune some terms, and no more terms are evaluated than without rules.
func TestRulePruningKeepsMinimal(t *testing.T) {
	want := map[string]int{"bitops.IsolateLowest": 2, "bitops.ClearLowest": 2, "bitops.Average": 4, "bitops.Max": 2}
	all, err := RuleSet("all")
	if err != nil {
		t.Fatal(err)
	}
	var pruned int64
	for _, target := range loadVspec(t, "../examples/synth/bitops.vspec") {
		b := Budget{Timeout: 60 * time.Second, MaxSize: 8}
		plain, err := Enum{}.Solve(context.Background(), target.Problem, b)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Enum{Rules: all}.Solve(context.Background(), target.Problem, b)
		if err != nil {
			t.Fatal(err)
		}
		name := target.Problem.Name
		if res.Verdict != Solved || res.Size != want[name] || !res.Minimal {
			t.Errorf("%s with rules: %s size %d (minimal %v), want size %d", name, res.Verdict, res.Size, res.Minimal, want[name])
			continue
		}
		t.Logf("%s: %d candidates with rules (%d pruned), %d without", name, res.Candidates, res.Pruned, plain.Candidates)
		if res.Candidates > plain.Candidates {
			t.Errorf("%s: %d candidates with rules, %d without", name, res.Candidates, plain.Candidates)
		}
		pruned += res.Pruned
	}
	if pruned == 0 {
		t.Error("the shipped rules pruned nothing on bitops.vspec")
	}
}

// TestRulePrunerSameSize checks the same-size case: with associativity
// of &, of the three combinations x&(y&z), y&(x&z) and z&(x&y) (the
// enumerator builds each once, in one operand order) exactly one is
// evaluated, the first in the enumerator's order; the others are skipped
// because a rewrite of theirs is that combination.
func TestRulePrunerSameSize(t *testing.T) {
	set, err := rules.Parse("assoc.rules", []byte("and-assoc: x & (y & z) => y & (x & z)\n"))
	if err != nil {
		t.Fatal(err)
	}
	u32 := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u32}}}
	for i := range 3 {
		g.NTs[0].Prods = append(g.NTs[0].Prods, LeafProd(&Term{Op: OpParam, Type: u32, Param: i}))
	}
	g.NTs[0].Prods = append(g.NTs[0].Prods, OpProd(OpAnd, u32, 0, 0))
	pr := NewRulePruner(set, &Problem{Grammar: g})
	if pr == nil {
		t.Fatal("no pruner")
	}
	asked := skipsOf(t, pr, g, false, 2, [][]uint64{{1, 2, 4}, {3, 5, 6}, {7, 7, 1}, {0xf0, 0x3c, 0x99}})
	evaluated := 0
	for _, term := range []string{"(& p0 (& p1 p2))", "(& p1 (& p0 p2))", "(& p2 (& p0 p1))"} {
		skip, ok := asked[term]
		if !ok {
			t.Errorf("%s was not enumerated", term)
		}
		if !skip {
			evaluated++
		}
	}
	if evaluated != 1 {
		t.Errorf("%d of the three associations evaluated, want 1 (asked: %v)", evaluated, asked)
	}
}
