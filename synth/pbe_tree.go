package synth

import (
	"math"
	"sort"
)

// Decision trees over input/output examples, as EuSolver learns them:
// leaves are terms that meet some examples (their cover), conditions
// are terms that split the examples (their truth), and the tree is
// grown top-down, choosing at each node the condition with the highest
// information gain about which leaf fits which example.

// pbeLeaf is a term with the examples it meets.
type pbeLeaf struct {
	term *Term
	size int
	cov  exampleSet
}

// pbeCond is a condition with the examples where it holds: term fills
// the conditional's condition hole.
type pbeCond struct {
	term  *Term
	size  int
	truth exampleSet
}

// dtNode is a learned tree: a leaf (cond < 0) or cond ? yes : no.
type dtNode struct {
	leaf, cond int
	yes, no    *dtNode
	size       int // with the conditional production counting condSize
}

// treeLearner grows trees over fixed leaves and conditions.
type treeLearner struct {
	leaves []pbeLeaf // smallest first
	conds  []pbeCond
	// condSize is the size the conditional production itself adds.
	condSize int
	maxDepth int
	// steps bounds the work of one learn (leaf and condition visits);
	// below zero, learning gave up.
	steps int
}

// entropyLeaves is how many leaves, the largest covers at the node,
// the information gain is computed over.
const entropyLeaves = 64

func newTreeLearner(leaves []pbeLeaf, conds []pbeCond, condSize int) *treeLearner {
	ls := append([]pbeLeaf(nil), leaves...)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].size < ls[j].size })
	cs := append([]pbeCond(nil), conds...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].size < cs[j].size })
	return &treeLearner{leaves: ls, conds: cs, condSize: condSize, maxDepth: 24, steps: 200_000_000}
}

// learn returns a tree meeting every example of set, or nil: the tree
// grown by information gain, or a smaller one of depth at most
// exactDepth when the bounded exact search finds it.
func (l *treeLearner) learn(set exampleSet) *dtNode {
	t := l.node(set, 0)
	x := &exactSearch{l: l, memo: map[exactSetKey]*dtNode{}, steps: exactSteps}
	if e := x.best(set, exactDepth); e != nil && x.steps >= 0 && (t == nil || e.size < t.size) {
		return e
	}
	return t
}

// The exact search: the smallest tree of depth at most exactDepth over
// the smallest exactConds conditions, within exactSteps set operations.
const (
	exactDepth = 2
	exactConds = 400
	exactSteps = 50_000_000
)

type exactSetKey struct {
	hash  uint64
	depth int
}

type exactSearch struct {
	l     *treeLearner
	memo  map[exactSetKey]*dtNode // keyed by hash, checked by set
	sets  map[exactSetKey]exampleSet
	steps int
}

func (x *exactSearch) best(set exampleSet, depth int) *dtNode {
	key := exactSetKey{hashVals(set), depth}
	if t, ok := x.memo[key]; ok && x.sets[key].equal(set) {
		return t
	}
	l := x.l
	var t *dtNode
	before := l.steps
	i := l.smallestLeaf(set)
	x.steps -= before - l.steps
	if i >= 0 {
		t = &dtNode{leaf: i, cond: -1, size: l.leaves[i].size}
	}
	if depth > 0 {
		for c := range l.conds[:min(len(l.conds), exactConds)] {
			if x.steps -= len(set) * 2; x.steps < 0 {
				return nil
			}
			base := l.condSize + l.conds[c].size
			if t != nil && base >= t.size {
				break // conditions are smallest first
			}
			yes := set.and(l.conds[c].truth)
			no := set.andNot(l.conds[c].truth)
			if yes.empty() || no.empty() {
				continue
			}
			y := x.best(yes, depth-1)
			if y == nil || t != nil && base+y.size >= t.size {
				continue
			}
			n := x.best(no, depth-1)
			if n == nil || t != nil && base+y.size+n.size >= t.size {
				continue
			}
			t = &dtNode{leaf: -1, cond: c, yes: y, no: n, size: base + y.size + n.size}
		}
	}
	if x.sets == nil {
		x.sets = map[exactSetKey]exampleSet{}
	}
	x.memo[key], x.sets[key] = t, set
	return t
}

// smallestLeaf is the first (smallest) leaf covering set, or -1.
func (l *treeLearner) smallestLeaf(set exampleSet) int {
	for i := range l.leaves {
		l.steps -= len(set)
		if set.subsetOf(l.leaves[i].cov) {
			return i
		}
	}
	return -1
}

func (l *treeLearner) node(set exampleSet, depth int) *dtNode {
	if i := l.smallestLeaf(set); i >= 0 {
		return &dtNode{leaf: i, cond: -1, size: l.leaves[i].size}
	}
	if depth >= l.maxDepth || l.steps < 0 {
		return nil
	}
	// A split whose two sides are single leaves is best: take the
	// smallest such (EuSolver's trees are not minimal; this keeps the
	// common two-case answers small).
	if t := l.bestPair(set); t != nil {
		return t
	}
	c := l.bestGain(set)
	if c < 0 {
		return nil
	}
	yes := set.and(l.conds[c].truth)
	no := set.andNot(l.conds[c].truth)
	y := l.node(yes, depth+1)
	if y == nil {
		return nil
	}
	n := l.node(no, depth+1)
	if n == nil {
		return nil
	}
	return &dtNode{leaf: -1, cond: c, yes: y, no: n, size: l.condSize + l.conds[c].size + y.size + n.size}
}

// bestPair finds the smallest tree cond ? leaf : leaf for set.
func (l *treeLearner) bestPair(set exampleSet) *dtNode {
	var best *dtNode
	for c := range l.conds {
		if l.steps < 0 {
			break
		}
		base := l.condSize + l.conds[c].size
		if best != nil && base >= best.size {
			break // conditions are smallest first
		}
		yes := set.and(l.conds[c].truth)
		no := set.andNot(l.conds[c].truth)
		if yes.empty() || no.empty() {
			continue
		}
		y := l.smallestLeaf(yes)
		if y < 0 {
			continue
		}
		n := l.smallestLeaf(no)
		if n < 0 {
			continue
		}
		size := base + l.leaves[y].size + l.leaves[n].size
		if best == nil || size < best.size {
			best = &dtNode{leaf: -1, cond: c, size: size,
				yes: &dtNode{leaf: y, cond: -1, size: l.leaves[y].size},
				no:  &dtNode{leaf: n, cond: -1, size: l.leaves[n].size}}
		}
	}
	return best
}

// bestGain is the condition that splits set with the highest information
// gain (the lowest weighted entropy of the leaves' covers on the two
// sides), the smaller on ties; -1 when none splits it.
func (l *treeLearner) bestGain(set exampleSet) int {
	type cand struct {
		cov exampleSet
		n   int
	}
	var cands []cand
	for i := range l.leaves {
		if n := set.countAnd(l.leaves[i].cov); n > 0 {
			cands = append(cands, cand{l.leaves[i].cov.and(set), n})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].n > cands[j].n })
	if len(cands) > entropyLeaves {
		cands = cands[:entropyLeaves]
	}
	entropy := func(side exampleSet) float64 {
		var total float64
		counts := make([]float64, len(cands))
		for i, c := range cands {
			counts[i] = float64(side.countAnd(c.cov))
			total += counts[i]
		}
		if total == 0 {
			return 0
		}
		h := 0.0
		for _, k := range counts {
			if k > 0 {
				p := k / total
				h -= p * math.Log2(p)
			}
		}
		return h
	}
	best, bestH := -1, math.Inf(1)
	for c := range l.conds {
		l.steps -= len(cands) * len(set)
		if l.steps < 0 {
			break
		}
		yes := set.and(l.conds[c].truth)
		ny := yes.count()
		if ny == 0 {
			continue
		}
		no := set.andNot(l.conds[c].truth)
		nn := no.count()
		if nn == 0 {
			continue
		}
		h := float64(ny)*entropy(yes) + float64(nn)*entropy(no)
		if h < bestH-1e-9 {
			best, bestH = c, h
		}
	}
	return best
}

// term builds the tree's term with the conditional production prod.
func (l *treeLearner) term(t *dtNode, prod *Prod) *Term {
	if t.cond < 0 {
		return l.leaves[t.leaf].term
	}
	return prod.instantiate([]*Term{l.conds[t.cond].term, l.term(t.yes, prod), l.term(t.no, prod)})
}
