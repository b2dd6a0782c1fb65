package synth

import (
	"context"
	"fmt"
	"time"
)

// Programming by example, divide and conquer (EuSolver, cvc5's
// unification): when the spec is exactly a list of input/output examples
// and the grammar's start symbol has a conditional, the enumerator
// collects terms by the examples they meet and conditions by how they
// split the examples, and a decision tree over the examples
// (treeLearner) combines them into one term, proved like any candidate.
//
// The cost does not grow with the number of examples where it need not:
// the enumerator's observational equivalence runs on a prefix of the
// examples (pbePrefix), and only a term that meets some prefix example,
// or a condition that splits the prefix, is evaluated on all of them.
// When no collected term meets some example outside the prefix, a few of
// those examples join the prefix and the enumeration starts again. The
// enumerator's terms are bounded by a memory budget (pbeMemory): when
// it is reached the search stops, it does not grow.

// Example is one input/output example: the function applied to Args
// must return Out.
type Example struct {
	Args []uint64
	Out  uint64
}

const (
	pbePrefix    = 16      // examples the enumerator's equivalence is on at first
	pbeMaxPrefix = 96      // at most, after restarts
	pbeMemory    = 3 << 27 // bytes for the enumerator's terms (estimated; growth and GC may double it)
	pbeMaxLeaves = 2000    // distinct covers kept
	pbeMaxConds  = 4000    // distinct splits kept
	pbeTreeEvery = 250 * time.Millisecond
)

// pbeTermBytes estimates the memory one kept term costs the enumerator
// over n points: its values, its entry, and its place in the maps.
func pbeTermBytes(n int) int { return 8*n + 96 }

// condProd is the index of the start symbol's conditional production
// ite(cond(Start), Start, Start), or -1.
func condProd(g *Grammar) int {
	for i, pr := range g.NTs[0].Prods {
		t := pr.Tmpl
		if t.Op == OpIte && len(pr.Holes) == 3 && pr.Holes[0] == 0 && pr.Holes[1] == 0 && pr.Holes[2] == 0 &&
			len(t.Args) == 3 && t.Args[1].Hole == 1 && t.Args[2].Hole == 2 && tmplHoles(t.Args[0]) == 1 {
			return i
		}
	}
	return -1
}

// pbeRun is one divide-and-conquer search.
type pbeRun struct {
	p        *Problem
	ex       []Example
	prodIdx  int
	prod     *Prod
	condTmpl *Prod // the condition with its hole: instantiate with the Start term

	leaves    []pbeLeaf
	conds     []pbeCond
	seenCover map[uint64][]int // hash of a cover -> leaves
	seenSplit map[uint64]int   // hash of a split on the prefix -> conditions
	seenTruth map[uint64]bool  // hash of a condition's truth on all examples
	union     exampleSet
	fresh     bool // leaves or conditions added since the last tree
	triedAt   time.Time
}

// solvePBE runs divide and conquer; res is filled in.
func (s Enum) solvePBE(ctx context.Context, p *Problem, b Budget, res *Result) (*Result, error) {
	r := &pbeRun{p: p, ex: p.Examples, prodIdx: condProd(p.Grammar), seenCover: map[uint64][]int{}, seenSplit: map[uint64]int{}, seenTruth: map[uint64]bool{}}
	r.prod = p.Grammar.NTs[0].Prods[r.prodIdx]
	r.condTmpl = &Prod{Tmpl: r.prod.Tmpl.Args[0]}
	r.union = newExampleSet(len(r.ex))
	prepareGrammar(p.Grammar)
	n := len(r.ex)
	prefix := make([]int, 0, pbePrefix)
	for i := 0; i < n && i < pbePrefix; i++ {
		prefix = append(prefix, i)
	}
	var best *Term
	bestSize := -1
	var bestAt time.Time
	unknown := ""
	exact := true // every smaller term was ruled out so far (prefix = all)
	var verr error
	prove := func(t *Term) bool {
		res.Proofs++
		c, err := p.Verify(ctx, t)
		if err != nil {
			verr = err
			return false
		}
		switch c.Verdict {
		case CheckProved:
			best, bestSize, bestAt = t, t.Size(), time.Now()
			return true
		case CheckFailed:
			verr = fmt.Errorf("synth %s: the verifier refuted %s, which meets every example (screen and proof disagree)", p.Name, t)
		default:
			if !deadlinePassed(ctx) { // a proof the deadline cut is a timeout
				unknown = c.Reason
			}
		}
		return false
	}
	var learnTime time.Duration // of the last tree learned
	tryTree := func() {
		r.fresh = false
		r.triedAt = time.Now()
		defer func() { learnTime = time.Since(r.triedAt) }()
		if !r.union.equal(fullSet(n)) {
			return
		}
		l := newTreeLearner(r.leaves, r.conds, r.prod.Size)
		t := l.learn(fullSet(n))
		if t == nil || bestSize >= 0 && t.size >= bestSize {
			return
		}
		term := l.term(t, r.prod)
		if !r.meetsAll(term) {
			verr = fmt.Errorf("synth %s: learned tree %s misses an example", p.Name, term)
			return
		}
		prove(term)
	}
	outcome := OutOfBudget
	stoppedBy := ""
	maxTerms := 0
	for restart := 0; ; restart++ {
		points := make([][]uint64, len(prefix))
		for i, k := range prefix {
			points[i] = r.ex[k].Args
		}
		maxTerms = b.memory(pbeMemory) / pbeTermBytes(len(points))
		if b.MaxTerms > 0 {
			maxTerms = min(maxTerms, b.MaxTerms)
		}
		e := &Enumerator{Grammar: p.Grammar, ConstExprs: p.ConstExprs, MaxSize: b.MaxSize, MaxTerms: maxTerms, Workers: b.Workers}
		if s.Prune == nil {
			if pr := NewRulePruner(s.Rules, p); pr != nil {
				e.Skip = pr.Skip
			}
		} else {
			e.Prune = s.Prune
		}
		level := -1
		grow := false
		visit := func(srch *Search, idx int32, vals []uint64) bool {
			size := srch.Size(idx)
			if size != level {
				level = size
				if r.fresh {
					tryTree()
				}
				if verr != nil {
					return true
				}
				if best == nil && r.prefixCovered(prefix) && !r.union.equal(fullSet(n)) && len(prefix) < pbeMaxPrefix {
					grow = true // some example outside the prefix is met by no term kept
					return true
				}
			}
			if bestSize >= 0 && size >= bestSize {
				stoppedBy = "size"
				return true
			}
			if best != nil && b.Improve > 0 && time.Since(bestAt) > b.Improve {
				stoppedBy = "improve"
				return true
			}
			if r.visit(srch, idx, vals, prefix) {
				// One term meets every example: no tree is smaller.
				t := srch.Term(idx)
				if prove(t) {
					stoppedBy = "proved"
					return true
				}
				return verr != nil
			}
			// Between levels, trees are learned only before the first is
			// proved, and at most a fifth of the time.
			if r.fresh && best == nil && time.Since(r.triedAt) > max(pbeTreeEvery, 4*learnTime) {
				tryTree()
				return verr != nil
			}
			return false
		}
		var counts Counts
		outcome, _, counts = e.Run(ctx, points, visit)
		res.Candidates += counts.Built
		res.Pruned += counts.Skipped
		if verr != nil {
			return nil, verr
		}
		if grow && !deadlinePassed(ctx) {
			prefix = r.growPrefix(prefix)
			exact = false
			continue
		}
		if best == nil && r.fresh && !deadlinePassed(ctx) {
			tryTree() // the budget ended the enumeration: use what it found
			if verr != nil {
				return nil, verr
			}
		}
		if len(prefix) < n {
			exact = false
		}
		break
	}
	res.Inputs = len(prefix)
	res.Strategy = "pbe+enum"
	switch {
	case best != nil:
		res.Verdict, res.Term, res.Size = Solved, best, best.Size()
		// Terms equal on the prefix were dropped: minimal only when the
		// prefix held every example.
		res.Minimal = exact && (outcome == Exhausted || outcome == Stopped && (stoppedBy == "size" || stoppedBy == "proved"))
	case unknown != "":
		res.Verdict, res.Reason = Unknown, unknown
	default:
		res.Verdict = Unsolved
		switch {
		case deadlinePassed(ctx):
			res.Reason = "timeout"
		case outcome == OutOfBudget:
			res.Reason = fmt.Sprintf("memory budget reached (%d terms)", maxTerms)
		case outcome == SizeLimit:
			res.Reason = fmt.Sprintf("no program up to size %d", b.MaxSize)
		default:
			res.Reason = "no decision tree over the terms found meets every example"
		}
	}
	return res, nil
}

// visit collects a new start-symbol term with its values on the prefix;
// it reports whether the term meets every example.
func (r *pbeRun) visit(srch *Search, idx int32, vals []uint64, prefix []int) bool {
	var t *Term
	meets := false
	for i, k := range prefix {
		if vals[i] == r.ex[k].Out {
			meets = true
			break
		}
	}
	if meets {
		t = srch.Term(idx)
		cov := newExampleSet(len(r.ex))
		for k, x := range r.ex {
			if v, ok := EvalTerm(t, x.Args); ok && v == x.Out {
				cov.add(k)
			}
		}
		if cov.count() == len(r.ex) {
			return true
		}
		r.addLeaf(t, srch.Size(idx), cov)
	}
	if len(r.conds) >= pbeMaxConds {
		return false
	}
	// The condition on the prefix: a new split is evaluated on all.
	one := [][]uint64{vals}
	var h uint64 = 0xcbf29ce484222325
	yes, no := false, false
	for i, k := range prefix {
		c, ok := evalTmpl(r.condTmpl.Tmpl, one, r.ex[k].Args, i, len(prefix))
		bit := uint64(0)
		if ok && c != 0 {
			bit, yes = 1, true
		} else {
			no = true
		}
		h = (h ^ bit ^ uint64(i)<<1) * 0x100000001b3
	}
	// A few conditions per split of the prefix: they may differ on the
	// other examples.
	if !yes || !no || r.seenSplit[h] >= 4 {
		return false
	}
	if t == nil {
		t = srch.Term(idx)
	}
	ct := r.condTmpl.instantiate([]*Term{t})
	truth := newExampleSet(len(r.ex))
	for k, x := range r.ex {
		if c, ok := EvalTerm(ct, x.Args); ok && c != 0 {
			truth.add(k)
		}
	}
	th := hashVals(truth)
	if r.seenTruth[th] {
		return false
	}
	r.seenTruth[th] = true
	r.seenSplit[h]++
	r.conds = append(r.conds, pbeCond{term: t, size: srch.Size(idx), truth: truth})
	r.fresh = true
	return false
}

// addLeaf keeps a term unless a kept one meets the same examples.
func (r *pbeRun) addLeaf(t *Term, size int, cov exampleSet) {
	h := hashVals(cov)
	for _, j := range r.seenCover[h] {
		if r.leaves[j].cov.equal(cov) {
			return
		}
	}
	if len(r.leaves) >= pbeMaxLeaves {
		return
	}
	r.seenCover[h] = append(r.seenCover[h], len(r.leaves))
	r.leaves = append(r.leaves, pbeLeaf{term: t, size: size, cov: cov})
	r.union.union(cov)
	r.fresh = true
}

// prefixCovered reports whether every prefix example is met by a leaf.
func (r *pbeRun) prefixCovered(prefix []int) bool {
	for _, k := range prefix {
		if !r.union.has(k) {
			return false
		}
	}
	return true
}

// growPrefix adds up to 4 examples no leaf meets to the prefix, and
// forgets what was collected (the enumeration starts again).
func (r *pbeRun) growPrefix(prefix []int) []int {
	added := 0
	for k := range r.ex {
		if added == 4 || len(prefix) >= pbeMaxPrefix {
			break
		}
		if !r.union.has(k) {
			prefix = append(prefix, k)
			added++
		}
	}
	r.leaves, r.conds = nil, nil
	r.seenCover, r.seenSplit, r.seenTruth = map[uint64][]int{}, map[uint64]int{}, map[uint64]bool{}
	r.union = newExampleSet(len(r.ex))
	r.fresh = false
	return prefix
}

// meetsAll checks a candidate on every example by evaluation.
func (r *pbeRun) meetsAll(t *Term) bool {
	for _, x := range r.ex {
		if v, ok := EvalTerm(t, x.Args); !ok || v != x.Out {
			return false
		}
	}
	return true
}
