package synth

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/rand"
	"sync"

	"github.com/vsynth/vsynth/synth/rules"
)

// Census measures what an enumeration left for rules to prune: of the
// combinations it evaluated, how many compute, as programs, what a
// combination evaluated before them in the same CEGIS round computes.
// Rules skip a combination only when it computes the same program as
// another term (RulePruner), nearly always one the round evaluates, so
// Evaluated-Duplicates (the floor) is about the fewest combinations any
// rule set could leave on the same search, and Evaluated/floor about the
// most any further rules could still gain.
//
// "About": a rule may also skip a combination equal to a smaller term
// of the grammar that the round never builds, because observational
// equivalence built that term's behaviour from other representatives
// (SkippedUnevaluated counts these). And programs are compared on check
// inputs, which can only merge programs that differ, so Duplicates
// over-counts rather than under-counts.
type Census struct {
	// Checks is the number of check inputs (default 64).
	Checks int
	// Examples, when positive, is how many duplicates to keep per top
	// operator, each with the earlier term it computes: what rules are
	// missing.
	Examples int
	Missing  map[string][]string

	Evaluated, Skipped, Duplicates int64
	// DuplicatesByTop splits Duplicates by the operator at the top of
	// the combination, in the grammar's spelling.
	DuplicatesByTop map[string]int64
	// SkippedUnevaluated counts skipped combinations whose program no
	// combination evaluated in the round computes (see above).
	SkippedUnevaluated int64

	mu      sync.Mutex
	check   [][]uint64
	seed    maphash.Seed
	seen    map[[2]uint64]bool
	skipped map[[2]uint64]bool
	first   map[[2]uint64]*Term // with Examples: the first term of each program
}

// round starts the census of one CEGIS round of p's enumeration and
// returns the Skip hook that counts it, asking skip (when not nil)
// first.
func (c *Census) round(p *Problem, skip func(*Search, int, int, []int32) bool) func(*Search, int, int, []int32) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.finishRound()
	if c.check == nil {
		n := c.Checks
		if n <= 0 {
			n = 64
		}
		c.check = censusInputs(p.Params, n)
		c.seed = maphash.MakeSeed()
		c.DuplicatesByTop = map[string]int64{}
		c.Missing = map[string][]string{}
	}
	c.first = map[[2]uint64]*Term{}
	c.seen, c.skipped = map[[2]uint64]bool{}, map[[2]uint64]bool{}
	for nt, n := range p.Grammar.NTs {
		for _, prod := range n.Prods {
			if len(prod.Holes) == 0 { // counted by the search, never skipped
				tm := prod.instantiate(nil)
				k := c.key(nt, tm)
				if c.Examples > 0 && c.first[k] == nil {
					c.first[k] = tm
				}
				c.Evaluated++
				if c.seen[k] {
					c.Duplicates++
				}
				c.seen[k] = true
			}
		}
	}
	return func(s *Search, nt, prod int, kids []int32) bool {
		terms := make([]*Term, len(kids))
		for i, k := range kids {
			terms[i] = s.Term(k)
		}
		tm := p.Grammar.NTs[nt].Prods[prod].instantiate(terms)
		k := c.key(nt, tm)
		c.mu.Lock()
		defer c.mu.Unlock()
		if skip != nil && skip(s, nt, prod, kids) {
			c.Skipped++
			c.skipped[k] = true
			return true
		}
		c.Evaluated++
		if c.seen[k] {
			c.Duplicates++
			top := topName(tm)
			c.DuplicatesByTop[top]++
			if len(c.Missing[top]) < c.Examples {
				c.Missing[top] = append(c.Missing[top], fmt.Sprintf("%v ≡ %v", tm, c.first[k]))
			}
		} else if c.Examples > 0 {
			c.first[k] = tm
		}
		c.seen[k] = true
		return false
	}
}

// finishRound checks the skipped combinations of the round that ended.
func (c *Census) finishRound() {
	for k := range c.skipped {
		if !c.seen[k] {
			c.SkippedUnevaluated++
		}
	}
	c.skipped = nil
}

// Finish ends the census: call it once the search is over.
func (c *Census) Finish() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.finishRound()
}

// key is a 128-bit hash of t's nonterminal and values (or panics) on
// the check inputs; a collision only adds a duplicate.
func (c *Census) key(nt int, t *Term) [2]uint64 {
	b := make([]byte, 0, 9*len(c.check)+8)
	b = binary.LittleEndian.AppendUint64(b, uint64(nt))
	for _, in := range c.check {
		v, ok := EvalTerm(t, in)
		if !ok {
			b = append(b, 0xff)
			continue
		}
		b = binary.LittleEndian.AppendUint64(append(b, 0), v)
	}
	h1 := maphash.Bytes(c.seed, b)
	h2 := maphash.Bytes(c.seed, append(b, 1))
	return [2]uint64{h1, h2}
}

func topName(t *Term) string {
	switch {
	case t.Macro != "":
		return t.Macro
	case t.Sym != "":
		return t.Sym
	}
	return ops[t.Op].name
}

// censusInputs are check inputs for params: every parameter 0, 1, all
// ones and the sign bit in turn, then random values, a third of them
// small (shift counts).
func censusInputs(params []Param, n int) [][]uint64 {
	rng := rand.New(rand.NewSource(9))
	var out [][]uint64
	for _, f := range []func(t Type) uint64{
		func(Type) uint64 { return 0 },
		func(Type) uint64 { return 1 },
		func(t Type) uint64 { return t.mask() },
		func(t Type) uint64 { return t.minSigned() },
	} {
		in := make([]uint64, len(params))
		for j, p := range params {
			in[j] = f(p.Type) & p.Type.mask()
		}
		out = append(out, in)
	}
	for len(out) < n {
		in := make([]uint64, len(params))
		for j, p := range params {
			if rng.Intn(3) == 0 {
				in[j] = uint64(rng.Intn(70))
			} else {
				in[j] = rng.Uint64() >> uint(rng.Intn(8))
			}
			in[j] &= p.Type.mask()
		}
		out = append(out, in)
	}
	return out
}

// Take enumerates p's grammar up to maxSize on the points of the CEGIS
// seed inputs (one round, no proofs), pruning with the rule set, and
// fills in the census. A problem without a spec is enumerated on the
// seeds of its Vars as arguments.
func (c *Census) Take(ctx context.Context, p *Problem, set []*rules.Rule, maxSize int) {
	var skip func(*Search, int, int, []int32) bool
	if pr := NewRulePruner(set, p); pr != nil {
		skip = pr.Skip
	}
	points := seeds(p.Vars) // without a spec, the inputs are the arguments
	if p.Spec != nil {
		points, _ = pointsOf(p.Spec, points)
	}
	e := &Enumerator{Grammar: p.Grammar, ConstExprs: p.ConstExprs, MaxSize: maxSize, Workers: 1}
	e.Skip = c.round(p, skip)
	e.Run(ctx, points, func(*Search, int32, []uint64) bool { return false })
	c.Finish()
}
