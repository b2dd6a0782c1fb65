package synth

import "math"

// jitPrior is Probe's just-in-time learning on top of a prior, between
// CEGIS rounds: during a round, the cheapest program that meets a subset
// of the inputs no earlier program met (and a candidate the verifier
// refutes, which met them all) rewards its productions with the fraction
// of the inputs it meets; the next round's extra cost of a production is
// the prior's scaled by 1 − its best fraction (Probe: p ∝ p₀^(1−fit)).
// A production keeps a cost of at least its size: every term stays
// reachable. Only the order changes; every candidate is proved as before.
type jitPrior struct {
	fit  map[ProdRef]float64
	seen map[string]bool // subsets of the inputs met so far, as bit strings
	buf  []byte
}

func newJITPrior() *jitPrior {
	return &jitPrior{fit: map[ProdRef]float64{}, seen: map[string]bool{}}
}

// scaled is the prior's extra costs under the rewards so far.
func (j *jitPrior) scaled(extra [][]int) [][]int {
	if len(j.fit) == 0 {
		return extra
	}
	out := make([][]int, len(extra))
	for nt, row := range extra {
		out[nt] = make([]int, len(row))
		for pi, x := range row {
			out[nt][pi] = int(math.Round(float64(x) * (1 - j.fit[ProdRef{nt, pi}])))
		}
	}
	return out
}

// met records that the program idx of srch meets the inputs flagged in
// ok; it is rewarded when that subset is new (and not empty).
func (j *jitPrior) met(srch *Search, idx int32, ok []bool) {
	j.buf = j.buf[:0]
	n := 0
	for _, b := range ok {
		c := byte('0')
		if b {
			c, n = '1', n+1
		}
		j.buf = append(j.buf, c)
	}
	if n == 0 || j.seen[string(j.buf)] {
		return
	}
	j.seen[string(j.buf)] = true
	j.reward(srch, idx, float64(n)/float64(len(ok)))
}

// reward raises the fit of the productions of entry idx to f.
func (j *jitPrior) reward(srch *Search, idx int32, f float64) {
	nt, prod, kids := srch.Entry(idx)
	r := ProdRef{nt, prod}
	j.fit[r] = max(j.fit[r], f)
	holes := len(srch.s.g.NTs[nt].Prods[prod].Holes)
	for _, k := range kids[:holes] {
		j.reward(srch, k, f)
	}
}
