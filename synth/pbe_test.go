package synth

import (
	"context"
	"math/rand"
	"testing"
	"time"
)

func setOf(n int, members ...int) exampleSet {
	s := newExampleSet(n)
	for _, m := range members {
		s.add(m)
	}
	return s
}

func leafTerm(v uint64) *Term { return &Term{Op: OpConst, Type: IntType(8, false), Value: v} }

// routes checks a learned tree on every example of set: the leaf an
// example reaches must meet it.
func routes(t *testing.T, l *treeLearner, tree *dtNode, set exampleSet, n int) {
	t.Helper()
	for k := range n {
		if !set.has(k) {
			continue
		}
		node := tree
		for node.cond >= 0 {
			if l.conds[node.cond].truth.has(k) {
				node = node.yes
			} else {
				node = node.no
			}
		}
		if !l.leaves[node.leaf].cov.has(k) {
			t.Errorf("example %d reaches leaf %d, which does not meet it", k, node.leaf)
		}
	}
}

// TestTreeLearnerPair: when one condition splits the examples into two
// sides each met by one leaf, the smallest such tree is learned.
func TestTreeLearnerPair(t *testing.T) {
	const n = 6
	leaves := []pbeLeaf{
		{term: leafTerm(1), size: 1, cov: setOf(n, 0, 1, 2)},
		{term: leafTerm(2), size: 3, cov: setOf(n, 3, 4, 5)},
		{term: leafTerm(3), size: 1, cov: setOf(n, 3, 4, 5)},
		{term: leafTerm(4), size: 0, cov: setOf(n, 0, 1, 2, 3, 4)},
	}
	conds := []pbeCond{
		{term: leafTerm(5), size: 2, truth: setOf(n, 0, 1, 2)},
		{term: leafTerm(6), size: 0, truth: setOf(n, 0, 3)},
		{term: leafTerm(7), size: 1, truth: setOf(n, 5)},
	}
	l := newTreeLearner(leaves, conds, 1)
	tree := l.learn(fullSet(n))
	if tree == nil {
		t.Fatal("no tree")
	}
	routes(t, l, tree, fullSet(n), n)
	// cond 7 (size 1) ? leaf 3 (size 1) : leaf 4 (size 0): 1+1+1+0.
	if tree.size != 3 || tree.cond < 0 || l.conds[tree.cond].term.Value != 7 {
		t.Errorf("tree of size %d splitting on %v; want size 3 on condition 7", tree.size, l.conds[tree.cond].term)
	}
}

// TestTreeLearnerGain: with no two-leaf split, the learner recurses on
// the condition of highest information gain and every example is met.
func TestTreeLearnerGain(t *testing.T) {
	const n = 8
	// Four leaves, each meeting two examples; conditions: one that
	// separates leaf pairs (bit 2 of the index), one that cuts through
	// every leaf's pair (bit 0), and bit 1.
	var leaves []pbeLeaf
	for i := range 4 {
		leaves = append(leaves, pbeLeaf{term: leafTerm(uint64(i)), size: 1, cov: setOf(n, 2*i, 2*i+1)})
	}
	bit := func(b int) exampleSet {
		s := newExampleSet(n)
		for k := range n {
			if k>>b&1 == 1 {
				s.add(k)
			}
		}
		return s
	}
	conds := []pbeCond{
		{term: leafTerm(10), size: 1, truth: bit(0)},
		{term: leafTerm(12), size: 1, truth: bit(2)},
		{term: leafTerm(11), size: 1, truth: bit(1)},
	}
	l := newTreeLearner(leaves, conds, 1)
	if c := l.bestGain(fullSet(n)); c < 0 || l.conds[c].term.Value == 10 {
		t.Fatalf("best gain on condition %d; the one that splits every leaf's examples gains nothing", c)
	}
	tree := l.learn(fullSet(n))
	if tree == nil {
		t.Fatal("no tree")
	}
	routes(t, l, tree, fullSet(n), n)
	if tree.size != 3*(1+1)+4 {
		t.Errorf("tree size %d; want 10 (three splits, four leaves)", tree.size)
	}
}

// TestTreeLearnerNone: no tree when no condition separates examples that
// no single leaf meets together.
func TestTreeLearnerNone(t *testing.T) {
	const n = 4
	leaves := []pbeLeaf{
		{term: leafTerm(1), size: 1, cov: setOf(n, 0, 1)},
		{term: leafTerm(2), size: 1, cov: setOf(n, 2, 3)},
	}
	conds := []pbeCond{{term: leafTerm(3), size: 1, truth: setOf(n, 0, 2)}}
	if tree := newTreeLearner(leaves, conds, 1).learn(fullSet(n)); tree != nil {
		t.Errorf("learned a tree of size %d", tree.size)
	}
}

// pbeGrammar is an 8-bit grammar with a conditional
// ite(Start == 1, Start, Start), as in the PBE-BV track.
func pbeGrammar() *Grammar {
	u8 := IntType(8, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: u8}}}
	nt := g.NTs[0]
	for _, leaf := range []*Term{{Op: OpParam, Type: u8}, {Op: OpConst, Type: u8, Value: 1}, {Op: OpConst, Type: u8, Value: 7}, {Op: OpConst, Type: u8, Value: 0x55}} {
		nt.Prods = append(nt.Prods, LeafProd(leaf))
	}
	for _, op := range []Op{OpAnd, OpXor, OpShr} {
		nt.Prods = append(nt.Prods, OpProd(op, u8, 0, 0))
	}
	nt.Prods = append(nt.Prods, OpProd(OpCom, u8, 0))
	cond := &Tmpl{Op: OpEq, Type: BoolType, Hole: -1, Args: []*Tmpl{{Hole: 0}, {Op: OpConst, Type: u8, Value: 1, Hole: -1}}}
	ite := &Tmpl{Op: OpIte, Type: u8, Hole: -1, Args: []*Tmpl{cond, {Hole: 1}, {Hole: 2}}}
	nt.Prods = append(nt.Prods, NewProd(ite, func(int) int { return 0 }))
	return g
}

// pbeProblem is a PBE problem over f on the inputs, whose Verify checks
// every example by evaluation and records what it proved.
func pbeProblem(inputs []uint64, f func(uint64) uint64, proved *[]*Term) *Problem {
	u8 := IntType(8, false)
	p := &Problem{Name: "f", Params: []Param{{Name: "x", Type: u8}}, Result: u8, Grammar: pbeGrammar(), ConstExprs: true}
	for _, x := range inputs {
		p.Examples = append(p.Examples, Example{Args: []uint64{x}, Out: f(x)})
	}
	p.Verify = func(_ context.Context, t *Term) (*Check, error) {
		for _, x := range p.Examples {
			if v, ok := EvalTerm(t, x.Args); !ok || v != x.Out {
				return &Check{Verdict: CheckFailed, Cex: []uint64{}}, nil
			}
		}
		*proved = append(*proved, t)
		return &Check{Verdict: CheckProved}, nil
	}
	return p
}

// TestPBECoverManyExamples: 200 examples (past the enumerator's prefix)
// whose answer is a two-case tree; the answer is the one Verify proved
// last and meets every example.
func TestPBECoverManyExamples(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var inputs []uint64
	for range 200 {
		inputs = append(inputs, uint64(rng.Intn(256)))
	}
	var proved []*Term
	f := func(x uint64) uint64 {
		if x&1 == 1 {
			return x ^ 0x55
		}
		return ^x & 0xff
	}
	p := pbeProblem(inputs, f, &proved)
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 20 * time.Second, MaxSize: 12, Improve: 200 * time.Millisecond, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Solved || res.Strategy != "pbe+enum" {
		t.Fatalf("%s by %s (%s)", res.Verdict, res.Strategy, res.Reason)
	}
	if len(proved) == 0 || proved[len(proved)-1] != res.Term {
		t.Fatalf("answer %s is not the last term Verify proved", res.Term)
	}
	if res.Inputs >= len(inputs) {
		t.Errorf("equivalence on %d of %d examples; want a prefix", res.Inputs, len(inputs))
	}
	if res.Minimal {
		t.Errorf("minimal claimed with equivalence on a prefix")
	}
	// ite(x & 1 == 1, x ^ 0x55, ^x): 2 + 1 + 1 + 1.
	if res.Size > 5 {
		t.Errorf("answer %s of size %d; want at most 5", res.Term, res.Size)
	}
}

// TestPBEGrowsPrefix: the one example that needs its own leaf lies
// outside the prefix; no collected term meets it, so it joins the
// prefix and the search starts again.
func TestPBEGrowsPrefix(t *testing.T) {
	var inputs []uint64
	for i := range 60 {
		inputs = append(inputs, uint64(i))
	}
	inputs = append(inputs, 0x80)
	var proved []*Term
	f := func(x uint64) uint64 {
		if x == 0x80 {
			return 0x55
		}
		return x
	}
	p := pbeProblem(inputs, f, &proved)
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 20 * time.Second, MaxSize: 12, Improve: 200 * time.Millisecond, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Solved {
		t.Fatalf("%s (%s)", res.Verdict, res.Reason)
	}
	if res.Inputs <= pbePrefix {
		t.Errorf("prefix of %d examples; want it grown past %d", res.Inputs, pbePrefix)
	}
	for _, x := range p.Examples {
		if v, ok := EvalTerm(res.Term, x.Args); !ok || v != x.Out {
			t.Fatalf("answer %s gives %d at %d, want %d", res.Term, v, x.Args[0], x.Out)
		}
	}
}

// TestPBEMemoryBudget: the enumeration stops at its term budget (the
// memory bound), with that reason, rather than growing.
func TestPBEMemoryBudget(t *testing.T) {
	var inputs []uint64
	for i := range 40 {
		inputs = append(inputs, uint64(i*5))
	}
	var proved []*Term
	p := pbeProblem(inputs, func(x uint64) uint64 { return x*x + 3 }, &proved)
	res, err := Enum{}.Solve(context.Background(), p, Budget{Timeout: 20 * time.Second, MaxSize: 30, MaxTerms: 300, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Unsolved || res.Reason != "memory budget reached (300 terms)" {
		t.Fatalf("%s (%s); want unsolved at the memory budget", res.Verdict, res.Reason)
	}
}
