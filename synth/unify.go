package synth

// Divide and conquer for specs that split by invocation (programming by
// example, above all): when no single term meets every example, terms
// that meet some of them are combined with the grammar's conditional,
// split by condition terms, like a decision tree. The tree is a
// candidate like any other: it is proved before it is accepted.

// PointSpec is a Spec whose constraints split by invocation: each
// constraint mentions one invocation's result at most.
type PointSpec interface {
	Spec
	// Decomposable reports whether HoldsAt may be used.
	Decomposable() bool
	// HoldsAt reports whether the constraints on invocation k hold at env
	// when it returns out.
	HoldsAt(env []uint64, k int, out uint64) bool
}

const (
	unifyMaxLeaves = 3000
	unifyMaxConds  = 3000
	unifyMaxDepth  = 6
	unifyEvery     = 512 // new terms between two attempts
)

// unifier collects, during one enumeration, terms by the examples they
// meet (leaves) and terms by how the conditional's condition splits the
// examples (conditions).
type unifier struct {
	spec   PointSpec
	prod   int // the start symbol's conditional production
	tmpl   *Tmpl
	inputs [][]uint64
	points [][]uint64
	units  []exampleUnit
	n      int // number of units (at most 64)
	all    uint64

	leaves   []unifyTerm
	conds    []unifyTerm
	seenLeaf map[uint64]bool
	seenCond map[uint64]bool
	union    uint64
	fresh    int
}

type exampleUnit struct {
	input, inv, point int
}

type unifyTerm struct {
	idx  int32
	bits uint64
}

// newUnifier returns nil when the problem does not allow divide and
// conquer: the spec does not split, there are more than 64 examples, or
// the grammar has no conditional ite(cond(Start), Start, Start) at Start.
func newUnifier(p *Problem, inputs, points [][]uint64, owners [][]int) *unifier {
	ps, ok := p.Spec.(PointSpec)
	if !ok || !ps.Decomposable() {
		return nil
	}
	prod := -1
	for i, pr := range p.Grammar.NTs[0].Prods {
		t := pr.Tmpl
		if t.Op == OpIte && len(pr.Holes) == 3 && pr.Holes[0] == 0 && pr.Holes[1] == 0 && pr.Holes[2] == 0 &&
			len(t.Args) == 3 && t.Args[1].Hole == 1 && t.Args[2].Hole == 2 && tmplHoles(t.Args[0]) == 1 {
			prod = i
			break
		}
	}
	if prod < 0 {
		return nil
	}
	u := &unifier{spec: ps, prod: prod, tmpl: p.Grammar.NTs[0].Prods[prod].Tmpl, inputs: inputs, points: points, seenLeaf: map[uint64]bool{}, seenCond: map[uint64]bool{}}
	for i, pts := range owners {
		for k, pt := range pts {
			u.units = append(u.units, exampleUnit{i, k, pt})
		}
	}
	u.n = len(u.units)
	if u.n < 2 || u.n > 64 {
		return nil
	}
	u.all = ^uint64(0) >> uint(64-u.n)
	return u
}

// tmplHoles reports the highest hole number in t plus one.
func tmplHoles(t *Tmpl) int {
	if t.Hole >= 0 {
		return t.Hole + 1
	}
	n := 0
	for _, a := range t.Args {
		n = max(n, tmplHoles(a))
	}
	return n
}

// add records a new start-symbol term; it reports whether an attempt to
// build a tree is due.
func (u *unifier) add(idx int32, vals []uint64) bool {
	var cover, truth uint64
	one := [][]uint64{vals}
	for b, un := range u.units {
		if u.spec.HoldsAt(u.inputs[un.input], un.inv, vals[un.point]) {
			cover |= 1 << uint(b)
		}
		c, ok := evalTmpl(u.tmpl.Args[0], one, u.points[un.point], un.point, 0)
		if ok && c != 0 {
			truth |= 1 << uint(b)
		}
	}
	if cover != 0 && !u.seenLeaf[cover] && len(u.leaves) < unifyMaxLeaves {
		u.seenLeaf[cover] = true
		u.leaves = append(u.leaves, unifyTerm{idx, cover})
		u.union |= cover
		u.fresh++
	}
	if truth != 0 && truth != u.all && !u.seenCond[truth] && len(u.conds) < unifyMaxConds {
		u.seenCond[truth] = true
		u.conds = append(u.conds, unifyTerm{idx, truth})
		u.fresh++
	}
	if u.union == u.all && u.fresh >= unifyEvery {
		u.fresh = 0
		return true
	}
	return false
}

// tree builds a decision tree meeting every example, or returns nil: the
// smallest tree of depth at most 2 when there is one (exact search),
// else the greedy tree.
func (u *unifier) tree(s *Search) *Term {
	if u.union != u.all {
		return nil
	}
	x := &exact{u: u, s: s, prodSize: s.s.g.NTs[0].Prods[u.prod].Size, memo: map[exactKey]exactTree{}, budget: exactBudget}
	if t := x.best(u.all, 2); t.size >= 0 && x.budget >= 0 {
		return x.term(t)
	}
	return u.build(s, u.all, 0)
}

// exact finds the smallest decision trees of bounded depth over the
// collected leaves and conditions (sizes as kept by the enumerator; the
// leaves and conditions are the first, so smallest, of their behaviour).
type exact struct {
	u        *unifier
	s        *Search
	prodSize int
	memo     map[exactKey]exactTree
	budget   int // steps left; below zero, the search gave up
}

// exactBudget bounds the steps of one exact search (with many examples,
// the subsets to cover are many).
const exactBudget = 4_000_000

type exactKey struct {
	set   uint64
	depth int
}

// exactTree is a leaf (cond < 0) or cond ? yes : no; size < 0: none.
type exactTree struct {
	size    int
	leaf    int32
	cond    int32
	yes, no *exactTree
}

func (x *exact) best(set uint64, depth int) exactTree {
	key := exactKey{set, depth}
	if t, ok := x.memo[key]; ok {
		return t
	}
	t := exactTree{size: -1, cond: -1}
	if x.budget -= len(x.u.leaves) + len(x.u.conds); x.budget < 0 {
		return t
	}
	for _, l := range x.u.leaves {
		if l.bits&set == set {
			if sz := x.s.Size(l.idx); t.size < 0 || sz < t.size {
				t = exactTree{size: sz, leaf: l.idx, cond: -1}
			}
		}
	}
	if depth > 0 {
		for _, c := range x.u.conds {
			yes, no := set&c.bits, set&^c.bits
			if yes == 0 || no == 0 {
				continue
			}
			base := x.prodSize + x.s.Size(c.idx)
			if t.size >= 0 && base >= t.size {
				continue
			}
			y := x.best(yes, depth-1)
			if y.size < 0 || t.size >= 0 && base+y.size >= t.size {
				continue
			}
			n := x.best(no, depth-1)
			if n.size < 0 || t.size >= 0 && base+y.size+n.size >= t.size {
				continue
			}
			t = exactTree{size: base + y.size + n.size, cond: c.idx, yes: &y, no: &n}
		}
	}
	x.memo[key] = t
	return t
}

func (x *exact) term(t exactTree) *Term {
	if t.cond < 0 {
		return x.s.Term(t.leaf)
	}
	prod := x.s.s.g.NTs[0].Prods[x.u.prod]
	return prod.instantiate([]*Term{x.s.Term(t.cond), x.term(*t.yes), x.term(*t.no)})
}

func (u *unifier) build(s *Search, set uint64, depth int) *Term {
	for _, l := range u.leaves {
		if l.bits&set == set {
			return s.Term(l.idx)
		}
	}
	if depth >= unifyMaxDepth {
		return nil
	}
	// Greedy: the first condition one of whose sides a single term meets.
	for _, c := range u.conds {
		yes, no := set&c.bits, set&^c.bits
		if yes == 0 || no == 0 {
			continue
		}
		for _, l := range u.leaves {
			var rest *Term
			var then, els *Term
			switch {
			case l.bits&yes == yes:
				if rest = u.build(s, no, depth+1); rest != nil {
					then, els = s.Term(l.idx), rest
				}
			case l.bits&no == no:
				if rest = u.build(s, yes, depth+1); rest != nil {
					then, els = rest, s.Term(l.idx)
				}
			default:
				continue
			}
			if then == nil {
				return nil // the remaining side cannot be split further
			}
			prod := s.s.g.NTs[0].Prods[u.prod]
			return prod.instantiate([]*Term{s.Term(c.idx), then, els})
		}
	}
	return nil
}
