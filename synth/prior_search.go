package synth

import (
	"context"
	"time"
)

// solveWithPrior is Enum.Solve with a prior: a search ordered by the
// prior's costs until its first proved program, then a plain
// size-ordered improve pass started from that program (as from a
// reference), which keeps it unless it finds a smaller one and claims
// Minimal only when it rules out every smaller program. Problems whose
// spec suggests a reference, and examples (divide and conquer, see
// solvePBE, or CEGIS over the examples, see solveExamples), are searched
// plainly: the prior does not order those searches.
func (s Enum) solveWithPrior(ctx context.Context, p *Problem, b Budget) (*Result, error) {
	plain := s
	plain.Prior = nil
	if p.Reference != nil || (len(p.Examples) > 0 && p.Verify != nil) || s.Census != nil {
		return plain.Solve(ctx, p, b)
	}
	start := time.Now()
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	extra := s.Prior.Extra(p.Grammar)
	if extra == nil {
		return plain.Solve(ctx, p, b) // the prior orders nothing here
	}
	res, err := plain.solve(ctx, p, b, extra)
	if err != nil || res.Verdict != Solved {
		if res != nil {
			res.Strategy = "prior+enum"
		}
		return res, err
	}
	found := res.Term
	q := *p
	q.Reference, q.Realizable = found, nil
	ib := b
	ib.Timeout = 0 // ctx's deadline bounds it
	imp, err := plain.solve(ctx, &q, ib, nil)
	if err != nil {
		return nil, err
	}
	out := *res
	out.Strategy = "prior+enum"
	out.Candidates += imp.Candidates
	out.Pruned += imp.Pruned
	out.Proofs += imp.Proofs
	if imp.Verdict == Solved {
		out.Term, out.Size, out.Minimal = imp.Term, imp.Size, imp.Minimal
	}
	out.Time = time.Since(start)
	return &out, nil
}

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
