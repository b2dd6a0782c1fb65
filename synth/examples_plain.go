package synth

import (
	"context"
	"fmt"
)

// CEGIS over the examples, for a spec of examples whose grammar has no
// conditional at the start symbol (so no decision tree, see solvePBE):
// the enumerator's equivalence runs on a subset of the examples, the
// first pbePrefix at first; a term that meets every example of the
// subset is evaluated on all of them, and the first it misses joins the
// subset (a counterexample found by evaluation, without the prover) and
// the enumeration starts again. Only a term meeting every example is
// proved. The plain search took every example as one input: its memory
// grew with their number (8 bytes per kept term and example: 1.2 GB in
// 10 s at 200 examples, 2 GB at 1000), and so did the cost of each term.
//
// The first term meeting the subset in the last enumeration is the
// smallest meeting every example: a smaller one would meet the subset
// and be visited first, or be dropped for the values on the subset of
// an earlier term, which then met the subset and was visited first.

// examplesOn is the subset's argument tuples.
func examplesOn(ex []Example, subset []int) [][]uint64 {
	points := make([][]uint64, len(subset))
	for i, k := range subset {
		points[i] = ex[k].Args
	}
	return points
}

// firstMissed is the index of the first example t does not meet, or -1.
func firstMissed(ex []Example, t *Term) int {
	for k, x := range ex {
		if v, ok := EvalTerm(t, x.Args); !ok || v != x.Out {
			return k
		}
	}
	return -1
}

// solveExamples runs CEGIS over the examples; res is filled in.
func (s Enum) solveExamples(ctx context.Context, p *Problem, b Budget, res *Result) (*Result, error) {
	ex := p.Examples
	subset := make([]int, 0, pbePrefix)
	for k := 0; k < len(ex) && k < pbePrefix; k++ {
		subset = append(subset, k)
	}
	res.Strategy = "examples+enum"
	var best *Term
	unknown := ""
	e := &Enumerator{Grammar: p.Grammar, ConstExprs: p.ConstExprs, MaxSize: b.MaxSize, MaxTerms: b.MaxTerms, MaxBytes: b.memory(DefaultMaxMemory), Workers: b.Workers}
	if s.Prune == nil {
		if pr := NewRulePruner(s.Rules, p); pr != nil { // once: compiling the rules is not cut by the deadline
			e.Skip = pr.Skip
		}
	} else {
		e.Prune = s.Prune
	}
	for {
		points := examplesOn(ex, subset)
		missed := -1
		var verr error
		visit := func(srch *Search, idx int32, vals []uint64) bool {
			for i, k := range subset {
				if vals[i] != ex[k].Out {
					return false
				}
			}
			t := srch.Term(idx)
			if missed = firstMissed(ex, t); missed >= 0 {
				return true
			}
			res.Proofs++
			c, err := p.Verify(ctx, t)
			if err != nil {
				verr = err
				return true
			}
			switch c.Verdict {
			case CheckProved:
				best = t
				return true
			case CheckFailed:
				verr = fmt.Errorf("synth %s: the verifier refuted %s, which meets every example (screen and proof disagree)", p.Name, t)
				return true
			default:
				if !deadlinePassed(ctx) { // a proof the deadline cut is a timeout
					unknown = c.Reason
				}
				return false
			}
		}
		outcome, _, counts := e.Run(ctx, points, visit)
		res.Candidates += counts.Built
		res.Pruned += counts.Skipped
		if verr != nil {
			return nil, verr
		}
		if missed >= 0 && !deadlinePassed(ctx) {
			subset = append(subset, missed)
			continue
		}
		res.Inputs = len(subset)
		switch {
		case best != nil:
			res.Verdict, res.Term, res.Size = Solved, best, best.Size()
			res.Minimal = outcome == Stopped
		case outcome == Exhausted && unknown == "":
			res.Verdict = Infeasible
			res.Reason = fmt.Sprintf("no program of the grammar meets %d of the examples", len(subset))
		case unknown != "":
			res.Verdict, res.Reason = Unknown, unknown
		default:
			res.Verdict = Unsolved
			switch {
			case deadlinePassed(ctx):
				res.Reason = "timeout"
			case outcome == SizeLimit:
				res.Reason = fmt.Sprintf("no program up to size %d", b.MaxSize)
			case b.MaxTerms > 0 && e.maxTerms(len(points)) == b.MaxTerms:
				res.Reason = "term budget exhausted"
			default:
				res.Reason = fmt.Sprintf("memory budget reached (%d terms over %d examples)", e.maxTerms(len(points)), len(points))
			}
		}
		return res, nil
	}
}
