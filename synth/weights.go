package synth

import (
	"math/bits"
	"sync"
)

// MaxPenalty is the largest extra cost Weights gives a production: every
// production keeps a finite cost, so every term of the grammar is still
// enumerated (at a cost of at most its size plus MaxPenalty per
// production it applies).
const MaxPenalty = 2

// ProdRef names production Prod of nonterminal NT of a grammar.
type ProdRef struct{ NT, Prod int }

// Weights is a probabilistic grammar learned from hints (the productions
// used by a language model's candidates): within a nonterminal, a
// production's probability is proportional to 1 + its uses (Laplace
// smoothing: never zero), and its cost is its size plus
// floor(log2((1+maxUses)/(1+uses))), at most MaxPenalty, where maxUses is
// the most used production of the same nonterminal. With no hints every
// extra cost is 0 and the enumeration is the plain smallest-first one.
// Weights is safe for concurrent use: hints arrive while Enum searches.
type Weights struct {
	mu   sync.Mutex
	uses map[ProdRef]int
}

// Hint counts one use of each production of a candidate's derivation.
func (w *Weights) Hint(used []ProdRef) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.uses == nil {
		w.uses = map[ProdRef]int{}
	}
	for _, r := range used {
		w.uses[r]++
	}
}

// Extra is the extra cost of every production of g now: extra[nt][prod].
// It is nil when no production has an extra cost.
func (w *Weights) Extra(g *Grammar) [][]int {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out [][]int
	for nt, sym := range g.NTs {
		most := 0
		for pi := range sym.Prods {
			most = max(most, w.uses[ProdRef{nt, pi}])
		}
		for pi, p := range sym.Prods {
			if unit(p) {
				continue // chain rules cost nothing
			}
			extra := min(MaxPenalty, log2Floor(uint64(1+most)/uint64(1+w.uses[ProdRef{nt, pi}])))
			if extra == 0 {
				continue
			}
			if out == nil {
				out = make([][]int, len(g.NTs))
				for i := range out {
					out[i] = make([]int, len(g.NTs[i].Prods))
				}
			}
			out[nt][pi] = extra
		}
	}
	return out
}

func log2Floor(x uint64) int {
	if x == 0 {
		return 0
	}
	return bits.Len64(x) - 1
}

// costFunc is Enumerator.Cost for the extra costs (nil when there are
// none).
func costFunc(g *Grammar, extra [][]int) func(nt, prod int) int {
	if extra == nil {
		return nil
	}
	return func(nt, prod int) int { return g.NTs[nt].Prods[prod].Size + extra[nt][prod] }
}
