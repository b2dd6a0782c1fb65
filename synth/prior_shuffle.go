package synth

import (
	"math"
	"math/rand"
	"sort"
	"strings"
)

// Shuffled is a control for measurements: a copy of the prior whose
// operator productions' counts (keys with a hole) are permuted among
// them by a generator seeded with seed, the leaves' counts kept. It has
// the same counts, so the same spread of costs, on productions chosen at
// random: what a prior gains over its shuffled copy is what it learned,
// not the reordering itself. The provenance records the seed.
func (pr *Prior) Shuffled(seed int64) *Prior {
	out := *pr
	out.counts = nil
	out.Provenance.Problems = append([]string(nil), pr.Provenance.Problems...)
	out.Provenance.Shuffle = seed
	out.Productions = append([]PriorEntry(nil), pr.Productions...)
	var ops []int
	for i, e := range out.Productions {
		if strings.Contains(e.Key, "_0:") {
			ops = append(ops, i)
		}
	}
	counts := make([]float64, len(ops))
	for j, i := range ops {
		counts[j] = out.Productions[i].Count
	}
	rng := rand.New(rand.NewSource(seed))
	rng.Shuffle(len(counts), func(a, b int) { counts[a], counts[b] = counts[b], counts[a] })
	for j, i := range ops {
		out.Productions[i].Count = counts[j]
	}
	total := 0.0
	for _, e := range out.Productions {
		total += e.Count
	}
	for i, e := range out.Productions {
		p := (e.Count + out.Alpha) / (total + out.Alpha*float64(len(out.Productions)+1))
		out.Productions[i].Cost = math.Round(-math.Log2(p)*100) / 100
	}
	sort.Slice(out.Productions, func(a, b int) bool { return out.Productions[a].Key < out.Productions[b].Key })
	return &out
}
