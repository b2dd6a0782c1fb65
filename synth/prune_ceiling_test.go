package synth

import (
	"context"
	"math/rand"
	"os"
	"strings"
	"sync"
	"testing"
)

// TestRulePruningCeiling measures how much any rule set could prune in
// the CEGIS enumerator, on the grammar of the hd-19 benchmarks (& ^ << >>
// over three uint32 parameters, no constants) with the CEGIS seed inputs
// as points: a combination can only be skipped by a rule when it is
// semantically equal to a term enumerated before it, so the share of
// evaluated combinations that are (on 400 check inputs, half of them
// small enough to be shift counts) equal to an earlier one bounds what
// rules can still save. It also checks that every combination the
// shipped rules skip equals a term that is evaluated. Up to size 4 by default, 5
// with VSYNTH_LONG=1 (the figure in docs/rules.md).
func TestRulePruningCeiling(t *testing.T) {
	maxSize := 4
	if os.Getenv("VSYNTH_LONG") != "" {
		maxSize = 5
	}
	typ := IntType(32, false)
	g := &Grammar{NTs: []*Nonterminal{{Name: "Start", Type: typ}}}
	for i := range 3 {
		g.NTs[0].Prods = append(g.NTs[0].Prods, LeafProd(&Term{Op: OpParam, Type: typ, Param: i}))
	}
	for _, op := range []Op{OpAnd, OpXor, OpShl, OpShr} {
		g.NTs[0].Prods = append(g.NTs[0].Prods, OpProd(op, typ, 0, 0))
	}
	points := seeds([]Param{{Type: typ}, {Type: typ}, {Type: typ}})
	rng := rand.New(rand.NewSource(9))
	var check [][]uint64
	for range 400 {
		in := make([]uint64, 3)
		for j := range in {
			if rng.Intn(2) == 0 {
				in[j] = uint64(rng.Intn(36))
			} else {
				in[j] = uint64(rng.Uint32())
			}
		}
		check = append(check, in)
	}
	key := func(tm *Term) string {
		var b strings.Builder
		for _, in := range check {
			v, _ := EvalTerm(tm, in)
			b.WriteString(string(rune(v&0xffff)) + string(rune(v>>16)))
		}
		return b.String()
	}
	for _, name := range []string{"none", "seed", "all"} {
		set, err := RuleSet(name)
		if err != nil {
			t.Fatal(err)
		}
		pr := NewRulePruner(set, &Problem{Grammar: g})
		var mu sync.Mutex
		seen := map[string]bool{}
		for _, p := range g.NTs[0].Prods {
			if len(p.Holes) == 0 {
				seen[key(p.instantiate(nil))] = true
			}
		}
		skippedTerms := map[string]*Term{}
		var evaluated, duplicates, skipped int
		e := &Enumerator{Grammar: g, MaxSize: maxSize, Workers: 1}
		e.Skip = func(s *Search, nt, prod int, kids []int32) bool {
			terms := make([]*Term, len(kids))
			for i, k := range kids {
				terms[i] = s.Term(k)
			}
			tm := g.NTs[nt].Prods[prod].instantiate(terms)
			k := key(tm)
			mu.Lock()
			defer mu.Unlock()
			if pr != nil && pr.Skip(s, nt, prod, kids) {
				skipped++
				skippedTerms[k] = tm
				return true
			}
			evaluated++
			if seen[k] {
				duplicates++
			}
			seen[k] = true
			return false
		}
		e.Run(context.Background(), points, func(*Search, int32, []uint64) bool { return false })
		for k, tm := range skippedTerms {
			if !seen[k] {
				t.Errorf("%s: skipped %v, which equals no term evaluated", name, tm)
			}
		}
		t.Logf("rules %s, up to size %d: %d combinations evaluated, %d skipped; %d (%.1f%%) of the evaluated equal an earlier term",
			name, maxSize, evaluated, skipped, duplicates, 100*float64(duplicates)/float64(evaluated))
	}
}
