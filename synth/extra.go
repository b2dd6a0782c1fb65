package synth

// maxExtra is the largest extra cost.
func maxExtra(extra [][]int) int {
	m := 0
	for _, row := range extra {
		for _, x := range row {
			m = max(m, x)
		}
	}
	return m
}

// addExtra adds two tables of extra costs (either may be nil).
func addExtra(g *Grammar, a, b [][]int) [][]int {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := make([][]int, len(g.NTs))
	for nt := range out {
		out[nt] = make([]int, len(g.NTs[nt].Prods))
		for pi := range out[nt] {
			out[nt][pi] = a[nt][pi] + b[nt][pi]
		}
	}
	return out
}
