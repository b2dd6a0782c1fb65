package synth

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Enumerator lists the terms of a grammar bottom-up by size, keeping one
// term per behaviour on a set of points (observational equivalence): a
// term whose values on every point equal those of a smaller, or earlier,
// term of the same nonterminal is dropped, and so are terms that panic
// on a point.
type Enumerator struct {
	Grammar *Grammar
	// ConstExprs allows subterms without parameters (for Go output they
	// are dropped: Go would fold them as constants and reject overflows).
	ConstExprs bool
	// Prune, when set, drops a new term for which it returns true: the
	// hook for rule-based pruning (a term a rewrite rule reduces to a
	// smaller one need not be enumerated). It must be safe for concurrent
	// use. It is asked before a term is evaluated; skipped terms are not
	// counted among the terms built.
	Prune func(*Term) bool
	// Skip is Prune's cheap form: it is asked, before evaluation, about
	// production prod of nonterminal nt applied to the kept entries kids
	// (read through the Search), without building a term. It must be
	// safe for concurrent use; skipped combinations are not counted.
	Skip     func(s *Search, nt, prod int, kids []int32) bool
	MaxSize  int // largest term size enumerated
	MaxTerms int // memory budget: terms kept in all banks
	// MaxBytes, when positive, bounds the memory of the kept terms,
	// estimated at TermBytes(len(points)) each: with many points a term's
	// values dominate, and a count alone lets the memory grow with them.
	// The tighter of MaxTerms and MaxBytes holds; at the bound the
	// enumeration ends (OutOfBudget), it never grows past it.
	MaxBytes int
	Workers  int // goroutines computing values; 0 means GOMAXPROCS
	// Cost, when set, is the cost of production prod of nonterminal nt,
	// at least its Size (a weighted grammar, see Weights): terms are then
	// enumerated by total cost instead of size, and the sizes the search
	// reports (Search.Size, MaxSize) are costs. Chain rules cost 0.
	Cost func(nt, prod int) int
}

// TermBytes estimates the memory a kept term costs the enumerator over n
// points: its values, its entry, its place in its bank and in the
// equivalence index (a map of slices), the index Skip reads, and the
// garbage of the work blocks it came through (TestPlainMemoryBudget
// measures the live heap against it).
func TermBytes(n int) int { return 8*n + 192 }

// maxTerms is the number of terms the enumeration may keep over n
// points, or 0 for no bound.
func (e *Enumerator) maxTerms(n int) int {
	m := e.MaxTerms
	if e.MaxBytes > 0 {
		// An eighth is left for the last chunk of values, partly filled
		// (see newValStore).
		if byBytes := max(1, e.MaxBytes/8*7/TermBytes(n)); m <= 0 || byBytes < m {
			m = byBytes
		}
	}
	return m
}

// cost is a production's cost: its size unless Enumerator.Cost says.
func (e *Enumerator) cost(nt, prod int) int {
	if e.Cost == nil {
		return e.Grammar.NTs[nt].Prods[prod].Size
	}
	// Never below the size: a level must only combine earlier ones.
	return max(e.Cost(nt, prod), e.Grammar.NTs[nt].Prods[prod].Size)
}

// entry is a kept term: its production and the kept terms in its holes.
type entry struct {
	nt, prod int32
	size     int32
	kids     [3]int32
	hasParam bool
}

// search is one enumeration over a fixed set of points.
type search struct {
	e      *Enumerator
	g      *Grammar
	points [][]uint64 // argument tuples
	n      int
	vals   valStore // values of entry i at vals.at(i)
	ents   []entry
	bank   [][][]int32 // bank[nt][size]
	seen   []map[uint64][]int32
	// kept finds a kept entry of an earlier level by production and kids
	// (only with Skip); newKept holds the current level's, added to kept
	// when the level ends, so that Skip, which workers call while the
	// level is merged, reads the same index in every run.
	kept    map[uint64]int32
	newKept []keptCombo
	// counts are those of the blocks merged so far.
	counts Counts
	// ctx ends a block's computation early: a block can hold millions of
	// combinations, and the run would outlast its deadline by one block.
	ctx context.Context
	// deadline is ctx's, read from the clock by expired: the timer that
	// cancels ctx can fire late on a loaded machine (0.4–0.9 s measured),
	// and the clock cannot.
	deadline    time.Time
	hasDeadline bool
	// maxTerms bounds len(ents) (0: none); blockCombos is the number of
	// combinations a work block aims at over these points.
	maxTerms    int
	blockCombos int
}

// expired reports whether the search's context is done or its deadline
// has passed, whether or not the context's timer has fired yet.
func (s *search) expired() bool {
	if s.ctx == nil {
		return false
	}
	return s.ctx.Err() != nil || (s.hasDeadline && !time.Now().Before(s.deadline))
}

// deadlinePassed reports whether ctx is done or its deadline has
// passed, whether or not the context's timer has fired yet.
func deadlinePassed(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && !time.Now().Before(d)
}

// keptCombo is a kept entry under its comboKey.
type keptCombo struct {
	key uint64
	idx int32
}

// comboKey packs a production of a nonterminal applied to at most two
// kept entries into a map key; ok is false when it does not fit.
func comboKey(nt, prod int, kids [3]int32) (uint64, bool) {
	if nt >= 1<<4 || prod >= 1<<8 || kids[0] >= 1<<26 || kids[1] >= 1<<26 || kids[2] != 0 {
		return 0, false
	}
	return uint64(nt)<<60 | uint64(prod)<<52 | uint64(kids[0])<<26 | uint64(kids[1]), true
}

// Visit is called for every new term of the start symbol, smallest
// first, with its values on the points. It returns stop=true to end the
// enumeration.
type Visit func(s *Search, idx int32, vals []uint64) (stop bool)

// Search exposes a finished or running enumeration to its visitor, or
// the entries of the earlier levels to Skip.
type Search struct {
	s *search
	v *view // when set, the entries Skip may read
}

func (s *Search) entries() []entry {
	if s.v != nil {
		return s.v.ents
	}
	return s.s.ents
}

// Term rebuilds the term of a kept entry.
func (s *Search) Term(idx int32) *Term { return termIn(s.s.g, s.entries(), idx) }

// Size is the size of a kept entry.
func (s *Search) Size(idx int32) int { return int(s.entries()[idx].size) }

// Entry is the nonterminal, production and kids of a kept entry (kids
// beyond the production's holes are zero).
func (s *Search) Entry(idx int32) (nt, prod int, kids [3]int32) {
	e := &s.entries()[idx]
	return int(e.nt), int(e.prod), e.kids
}

// HasParam reports whether a kept entry mentions a parameter; one that
// does not has the same value on every point (Value).
func (s *Search) HasParam(idx int32) bool { return s.entries()[idx].hasParam }

// Value is a kept entry's value on the first point; ok is false when
// there are no points.
func (s *Search) Value(idx int32) (v uint64, ok bool) {
	if s.s.n == 0 {
		return 0, false
	}
	if s.v != nil {
		return s.v.vals.at(int(idx))[0], true
	}
	return s.s.vals.at(int(idx))[0], true
}

// Kept finds the kept entry of production prod of nonterminal nt applied
// to kids (unused kids zero), when there is one kept at a smaller size
// (a cost, under weights) than the level being enumerated. Only an
// enumeration with Skip set keeps this index.
func (s *Search) Kept(nt, prod int, kids [3]int32) (int32, bool) {
	k, ok := comboKey(nt, prod, kids)
	if !ok {
		return 0, false
	}
	idx, ok := s.s.kept[k]
	return idx, ok
}

// Outcome says how an enumeration ended.
type Outcome int

const (
	Stopped     Outcome = iota // the visitor stopped it
	Exhausted                  // every term of the grammar was enumerated
	SizeLimit                  // MaxSize reached
	OutOfBudget                // MaxTerms reached or the context ended
)

// Counts are what an enumeration did with the combinations of the blocks
// it merged (workers may have computed blocks past the end, which are not
// counted): Built were evaluated (the candidates), Skipped were skipped
// by Skip before evaluation.
type Counts struct {
	Built, Skipped int64
}

// Run enumerates over points, calling visit for new start-symbol terms.
// It returns how it ended, the size level it was working on, and the
// counts of the combinations.
func (e *Enumerator) Run(ctx context.Context, points [][]uint64, visit Visit) (Outcome, int, Counts) {
	prepareGrammar(e.Grammar)
	s := &search{e: e, g: e.Grammar, points: points, n: len(points), ctx: ctx}
	s.deadline, s.hasDeadline = ctx.Deadline()
	s.maxTerms = e.maxTerms(len(points))
	s.vals = newValStore(len(points), s.maxTerms)
	s.blockCombos = blockCombosFor(len(points))
	if e.Skip != nil {
		s.kept = map[uint64]int32{}
	}
	nts := len(s.g.NTs)
	s.bank = make([][][]int32, nts)
	s.seen = make([]map[uint64][]int32, nts)
	for i := range s.seen {
		s.seen[i] = map[uint64][]int32{}
	}
	workers := e.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxSize := e.MaxSize
	if maxSize <= 0 {
		maxSize = 64
	}
	pub := &Search{s: s}
	for size := 0; size <= maxSize; size++ {
		for nt := range s.bank {
			s.bank[nt] = append(s.bank[nt], nil)
		}
		stop, full := s.level(ctx, size, workers, pub, visit)
		if stop {
			return Stopped, size, s.counts
		}
		if full || s.expired() {
			return OutOfBudget, size, s.counts
		}
		if s.exhausted(size) {
			return Exhausted, size, s.counts
		}
	}
	return SizeLimit, maxSize, s.counts
}

// exhausted reports whether no term larger than size can exist: the
// grammar is finite and every production needs only sizes already done.
func (s *search) exhausted(size int) bool {
	// A term of size > size needs a production whose holes can take terms
	// that sum to more: possible iff some recursive path exists. Compute
	// the maximum size per nonterminal (infinite on a cycle).
	const inf = 1 << 30
	nts := len(s.g.NTs)
	max := make([]int, nts)
	state := make([]int, nts) // 0 new, 1 visiting, 2 done
	var visit func(nt int) int
	visit = func(nt int) int {
		switch state[nt] {
		case 1:
			return inf
		case 2:
			return max[nt]
		}
		state[nt] = 1
		m := -1
		for pi, p := range s.g.NTs[nt].Prods {
			total := p.Size
			if !unit(p) {
				total = s.e.cost(nt, pi)
			}
			for _, h := range p.Holes {
				k := visit(h)
				if k < 0 {
					total = -1
					break
				}
				total += k
				if total >= inf {
					total = inf
				}
			}
			if total > m {
				m = total
			}
		}
		state[nt], max[nt] = 2, m
		return m
	}
	return visit(0) <= size
}

// unit reports whether a production is a bare hole (a chain rule).
func unit(p *Prod) bool { return p.Tmpl.Hole >= 0 }

// work is a block of hole combinations of one production.
type work struct {
	nt, prod int
	sizes    []int
	lo, hi   int // range of the first hole's index in its bank
	// lo1, hi1 bound the second hole's index when hi1 > 0: a block
	// over a large bank is split on the second hole too, so that no
	// block holds more than about blockCombos combinations (a block's
	// values are held until it is merged, and a growing buffer of
	// hundreds of MB is copied in one step no deadline check can cut).
	lo1, hi1 int
}

// blockCombos is the number of combinations a work block aims at over
// few points; blockValues bounds the values a block holds over many (a
// block's values are held until it is merged, and workers*4 blocks are
// in flight: 4096 combinations over 1000 points were 32 MB each).
const (
	blockCombos = 4096
	blockValues = 1 << 19
)

// blockCombosFor is the number of combinations a work block aims at over
// n points.
func blockCombosFor(n int) int {
	return min(blockCombos, max(256, blockValues/max(n, 1)))
}

// deadlineEvery is how many combinations a worker builds between two
// looks at the deadline.
const deadlineEvery = 1024

// result is what a worker found for one work block.
type result struct {
	kids    [][3]int32
	vals    []uint64 // n per kept combination
	hashes  []uint64
	params  []bool
	count   int64 // combinations built
	skipped int64 // combinations Skip skipped
}

func (s *search) level(ctx context.Context, size, workers int, pub *Search, visit Visit) (stop, full bool) {
	// The level's blocks are made and run in batches: over large banks a
	// level has millions of blocks (one per first-hole term and slice of
	// the second bank), and listing them all at once took memory and
	// time that no deadline check could cut.
	batch := make([]work, 0, unitBatch)
	stop, full = false, false
	s.forUnits(size, func(u work) bool {
		batch = append(batch, u)
		if len(batch) < unitBatch {
			return true
		}
		stop, full = s.runUnits(ctx, batch, size, workers, pub, visit)
		batch = batch[:0]
		return !stop && !full && !s.expired()
	})
	if !stop && !full && len(batch) > 0 {
		stop, full = s.runUnits(ctx, batch, size, workers, pub, visit)
	}
	if stop || full || s.expired() {
		return stop, full || !stop
	}
	// Chain rules: a term of B is also one of A for A ::= B.
	for changed := true; changed; {
		changed = false
		for nt, sym := range s.g.NTs {
			for _, p := range sym.Prods {
				if !unit(p) {
					continue
				}
				from := p.Holes[0]
				for j, idx := range s.bank[from][size] {
					if j&4095 == 4095 && s.expired() {
						return false, true // merge reads the clock per 1024 terms of a block, and these blocks are of one
					}
					r := result{kids: [][3]int32{{idx}}, vals: append([]uint64(nil), s.vals.at(int(idx))...), hashes: []uint64{hashVals(s.vals.at(int(idx)))}, params: []bool{s.ents[idx].hasParam}}
					before := len(s.bank[nt][size])
					stop, full := s.mergeChain(nt, size, idx, &r, pub, visit)
					if stop || full {
						return stop, full
					}
					if len(s.bank[nt][size]) != before {
						changed = true
					}
				}
			}
		}
	}
	// The index Skip reads is needed by the next level only: a level the
	// run ends in does not fill it (a million insertions outlasted the
	// deadline by 0.7 s at 20% of a core).
	if !s.flushKept() {
		return false, true
	}
	return false, false
}

// unitBatch is the number of work blocks made and run at a time.
const unitBatch = 1024

// units lists the work blocks of a level (see forUnits).
func (s *search) units(size int) []work {
	var units []work
	s.forUnits(size, func(u work) bool { units = append(units, u); return true })
	return units
}

// forUnits splits the combinations of the productions at a size into
// work blocks of about blockCombos combinations and calls f with each, in
// enumeration order, until f returns false.
func (s *search) forUnits(size int, f func(work) bool) {
	more := true
	yield := func(u work) {
		if more {
			more = f(u)
		}
	}
	for nt, sym := range s.g.NTs {
		if !more {
			return
		}
		for pi, p := range sym.Prods {
			if unit(p) {
				continue
			}
			if len(p.Holes) == 0 {
				if s.e.cost(nt, pi) == size {
					yield(work{nt: nt, prod: pi, lo: 0, hi: 1})
				}
				continue
			}
			rest := size - s.e.cost(nt, pi)
			if rest < 0 {
				continue
			}
			forCompositions(rest, len(p.Holes), func(sizes []int) {
				if !more {
					return
				}
				for i, h := range p.Holes {
					if len(s.bank[h]) <= sizes[i] || len(s.bank[h][sizes[i]]) == 0 {
						return
					}
				}
				if s.symmetric(p) && sizes[0] > sizes[1] {
					return
				}
				first := len(s.bank[p.Holes[0]][sizes[0]])
				other := 1
				for i := 1; i < len(p.Holes); i++ {
					other *= len(s.bank[p.Holes[i]][sizes[i]])
				}
				bc := s.blockCombos
				step := max(1, bc/max(other, 1))
				szs := append([]int(nil), sizes...)
				if other <= bc {
					for lo := 0; lo < first && more; lo += step {
						yield(work{nt: nt, prod: pi, sizes: szs, lo: lo, hi: min(first, lo+step)})
					}
					return
				}
				second := len(s.bank[p.Holes[1]][sizes[1]])
				step1 := max(1, bc/max(other/second, 1))
				for lo := 0; lo < first && more; lo++ {
					for lo1 := 0; lo1 < second && more; lo1 += step1 {
						yield(work{nt: nt, prod: pi, sizes: szs, lo: lo, hi: lo + 1, lo1: lo1, hi1: min(second, lo1+step1)})
					}
				}
			})
		}
	}
}

// flushKept adds the level's kept entries to the index Skip reads; it
// reports false, leaving the index incomplete, when the deadline passes
// first (the run is then over).
func (s *search) flushKept() bool {
	for i, c := range s.newKept {
		if i&4095 == 4095 && s.expired() {
			return false
		}
		s.kept[c.key] = c.idx
	}
	s.newKept = s.newKept[:0]
	return true
}

// symmetric reports whether p is a commutative operator on two holes of
// the same nonterminal: only ordered pairs are enumerated.
func (s *search) symmetric(p *Prod) bool {
	return p.simple() && ops[p.Tmpl.Op].commute && len(p.Holes) == 2 && p.Holes[0] == p.Holes[1]
}

// forCompositions calls f with every way of writing total as k sizes >= 0.
func forCompositions(total, k int, f func([]int)) {
	sizes := make([]int, k)
	var rec func(i, left int)
	rec = func(i, left int) {
		if i == k-1 {
			sizes[i] = left
			f(sizes)
			return
		}
		for v := 0; v <= left; v++ {
			sizes[i] = v
			rec(i+1, left-v)
		}
	}
	rec(0, total)
}

// view is what the workers read while a level is merged: the entries and
// values of earlier levels. The merge only appends to s.ents and s.vals,
// and a level's holes take terms of smaller sizes only (a production with
// holes that is not a chain rule has an operator, so size >= 1), so the
// view stays valid for the whole level.
type view struct {
	ents []entry
	vals valStore
}

func (s *search) view() view { return view{ents: s.ents, vals: s.vals} }

// runUnits computes the values of the level's work blocks and merges
// them in block order. With more than one worker, the blocks are
// computed by workers goroutines, at most a window ahead of the merge,
// while the calling goroutine merges finished blocks in order: the kept
// terms, their order and the visits are those of the one-worker run.
func (s *search) runUnits(ctx context.Context, units []work, size, workers int, pub *Search, visit Visit) (stop, full bool) {
	v := s.view()
	if workers <= 1 {
		for _, u := range units {
			if s.expired() { // a block is short: the clock is read before each
				return false, true
			}
			r := s.run(v, u)
			if stop, full := s.merge(u, size, &r, pub, visit); stop || full {
				return stop, full
			}
		}
		return false, false
	}
	res := make([]result, len(units))
	done := make([]chan struct{}, len(units))
	for i := range done {
		done[i] = make(chan struct{})
	}
	tokens := make(chan struct{}, workers*4) // blocks computed, not yet merged
	quit := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case tokens <- struct{}{}:
				case <-quit:
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(units) {
					return
				}
				if s.expired() {
					close(done[i]) // its result is never merged: the merge sees the deadline first
					return
				}
				res[i] = s.run(v, units[i])
				close(done[i])
			}
		}()
	}
	defer func() {
		close(quit)
		wg.Wait()
	}()
	for i, u := range units {
		select {
		case <-done[i]:
		case <-ctx.Done():
			return false, true
		}
		if s.expired() { // monotonic: a block a worker skipped is never merged
			return false, true
		}
		stop, full := s.merge(u, size, &res[i], pub, visit)
		res[i] = result{}
		<-tokens
		if stop || full {
			return stop, full
		}
	}
	return false, false
}

// run computes the values of every combination of a work block.
func (s *search) run(v view, u work) result {
	p := s.g.NTs[u.nt].Prods[u.prod]
	var r result
	n := s.n
	buf := make([]uint64, n)
	k := len(p.Holes)
	if k == 0 {
		ok := true
		for i := 0; i < n && ok; i++ {
			buf[i], ok = evalTmpl(p.Tmpl, nil, s.points[i], i, n)
		}
		r.count++
		if ok {
			r.add([3]int32{}, buf, !isConstTmpl(p.Tmpl))
		}
		return r
	}
	banks := make([][]int32, k)
	for i, h := range p.Holes {
		banks[i] = s.bank[h][u.sizes[i]]
	}
	combos := u.hi - u.lo
	for i, b := range banks[1:] {
		if i == 0 && u.hi1 > 0 {
			combos *= u.hi1 - u.lo1
			continue
		}
		combos *= len(b)
	}
	r.reserve(min(combos, 2*s.blockCombos), n)
	sym := s.symmetric(p) && u.sizes[0] == u.sizes[1]
	simple := p.simple()
	op := p.Tmpl.Op
	var opType Type
	if simple {
		opType = p.Tmpl.opType
	}
	kidVals := make([][]uint64, k)
	tmplParam := tmplHasParam(p.Tmpl)
	view := &Search{s: s, v: &v}
	var idx [3]int32
	canceled := false
	var rec func(h int)
	rec = func(h int) {
		if canceled {
			return
		}
		if h == k {
			if (r.count+r.skipped)%deadlineEvery == deadlineEvery-1 && s.expired() {
				canceled = true // the block is cut short; the run is over
				return
			}
			hasParam := false
			for i := 0; i < k; i++ {
				kidVals[i] = v.vals.at(int(idx[i]))
				hasParam = hasParam || v.ents[idx[i]].hasParam
			}
			hasParam = hasParam || tmplParam
			if !hasParam && !s.e.ConstExprs {
				r.count++
				return
			}
			if s.e.Skip != nil && s.e.Skip(view, u.nt, u.prod, idx[:k]) {
				r.skipped++
				return // skipped before evaluation: not built
			}
			if s.e.Prune != nil {
				kids := make([]*Term, k)
				for i := range kids {
					kids[i] = termIn(s.g, v.ents, idx[i])
				}
				if s.e.Prune(p.instantiate(kids)) {
					r.skipped++
					return // skipped before evaluation: not built
				}
			}
			r.count++
			ok := true
			if simple {
				ok = evalVector(op, opType, kidVals, buf)
			} else {
				for i := 0; i < n && ok; i++ {
					buf[i], ok = evalTmpl(p.Tmpl, kidVals, s.points[i], i, n)
				}
			}
			if !ok {
				return
			}
			r.add(idx, buf, hasParam)
			return
		}
		lo, hi := 0, len(banks[h])
		if h == 0 {
			lo, hi = u.lo, u.hi
		}
		if h == 1 {
			if u.hi1 > 0 {
				lo, hi = u.lo1, u.hi1
			}
			if sym {
				lo = max(lo, indexIn(banks[1], idx[0])) // ordered pairs only
			}
		}
		for i := lo; i < hi; i++ {
			idx[h] = banks[h][i]
			rec(h + 1)
		}
	}
	rec(0)
	return r
}

// indexIn finds x in a bank (banks are in increasing index order).
func indexIn(bank []int32, x int32) int {
	lo, hi := 0, len(bank)
	for lo < hi {
		m := (lo + hi) / 2
		if bank[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// reserve makes room for m combinations of n values each.
func (r *result) reserve(m, n int) {
	r.kids = make([][3]int32, 0, m)
	r.vals = make([]uint64, 0, m*n)
	r.hashes = make([]uint64, 0, m)
	r.params = make([]bool, 0, m)
}

func (r *result) add(kids [3]int32, vals []uint64, hasParam bool) {
	r.kids = append(r.kids, kids)
	r.vals = append(r.vals, vals...)
	r.hashes = append(r.hashes, hashVals(vals))
	r.params = append(r.params, hasParam)
}

func hashVals(vals []uint64) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, v := range vals {
		h ^= v
		h *= 0x9E3779B97F4A7C15
		h ^= h >> 29
	}
	return h
}

// merge keeps the new behaviours of a block, in order.
func (s *search) merge(u work, size int, r *result, pub *Search, visit Visit) (stop, full bool) {
	s.counts.Built += r.count
	s.counts.Skipped += r.skipped
	for i := range r.kids {
		if i&1023 == 1023 && s.expired() {
			return false, true // visits can be slow: the deadline is checked between them too
		}
		vals := r.vals[i*s.n : (i+1)*s.n]
		idx, ok := s.keep(u.nt, u.prod, size, r.kids[i], vals, r.hashes[i], r.params[i])
		if !ok {
			continue
		}
		if u.nt == 0 && visit(pub, idx, vals) {
			return true, false
		}
		if s.maxTerms > 0 && len(s.ents) >= s.maxTerms {
			return false, true
		}
	}
	return false, false
}

func (s *search) mergeChain(nt, size int, from int32, r *result, pub *Search, visit Visit) (stop, full bool) {
	prod := -1
	for pi, p := range s.g.NTs[nt].Prods {
		if unit(p) && p.Holes[0] == int(s.ents[from].nt) {
			prod = pi
			break
		}
	}
	return s.merge(work{nt: nt, prod: prod}, size, r, pub, visit)
}

// keep adds a term unless a term of the same nonterminal has the same
// values.
func (s *search) keep(nt, prod, size int, kids [3]int32, vals []uint64, h uint64, hasParam bool) (int32, bool) {
	for _, j := range s.seen[nt][h] {
		if equalVals(s.vals.at(int(j)), vals) {
			return 0, false
		}
	}
	idx := int32(len(s.ents))
	s.ents = append(s.ents, entry{nt: int32(nt), prod: int32(prod), size: int32(size), kids: kids, hasParam: hasParam})
	s.vals.add(vals)
	s.bank[nt][size] = append(s.bank[nt][size], idx)
	s.seen[nt][h] = append(s.seen[nt][h], idx)
	if s.kept != nil {
		if k, ok := comboKey(nt, prod, kids); ok {
			s.newKept = append(s.newKept, keptCombo{k, idx})
		}
	}
	return idx, true
}

func equalVals(a, b []uint64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// term rebuilds the term of entry idx.
func (s *search) term(idx int32) *Term { return termIn(s.g, s.ents, idx) }

// termIn rebuilds the term of entry idx of ents.
func termIn(g *Grammar, ents []entry, idx int32) *Term {
	e := ents[idx]
	p := g.NTs[e.nt].Prods[e.prod]
	kids := make([]*Term, len(p.Holes))
	for i := range kids {
		kids[i] = termIn(g, ents, e.kids[i])
	}
	return p.instantiate(kids)
}
