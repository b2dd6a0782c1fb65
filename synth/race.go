package synth

import (
	"context"
	"strings"
	"time"
)

// solveRace is Enum.Solve with a prior or a component library: the
// plain size-ordered search and the guided one (ordered by the prior's
// costs, over the grammar extended with the admitted components) race,
// one worker each, and the first proof wins. The components are
// admitted first; with nothing to guide a search (no prior cost, no
// component admitted) the plain search runs alone on every worker. A guided answer then goes
// through the plain size-ordered improve pass, started from it as from a
// reference, which keeps it unless it finds a smaller one and claims
// Minimal only when it rules out every smaller program. The plain
// search's other verdicts (infeasible, unsat) end the race at once; its
// timeout waits for the guided search. The guided search never claims
// Minimal or Infeasible. Problems whose spec suggests a reference,
// examples (divide and conquer, see solvePBE, or CEGIS over the
// examples, see solveExamples) and census runs are searched plainly.
func (s Enum) solveRace(ctx context.Context, p *Problem, b Budget) (*Result, error) {
	plain := s
	plain.Prior, plain.PriorJIT, plain.Library, plain.ComponentProofs, plain.RacePlain = nil, false, nil, nil, false
	if p.Reference != nil || (len(p.Examples) > 0 && p.Verify != nil) || s.Census != nil {
		return plain.Solve(ctx, p, b)
	}
	start := time.Now()
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	gd, err := s.guide(ctx, p)
	if err != nil {
		return nil, err
	}
	if gd == nil {
		// Nothing to guide a search here: the plain search alone, on
		// every worker.
		b.Timeout = 0
		res, err := plain.solve(ctx, p, b, nil)
		if res != nil {
			res.Time = time.Since(start)
		}
		return res, err
	}
	type answer struct {
		res    *Result
		err    error
		guided bool
	}
	done := make(chan answer, 2)
	pctx, pcancel := context.WithCancel(ctx)
	defer pcancel()
	gctx, gcancel := context.WithCancel(ctx)
	defer gcancel()
	one := b
	one.Timeout, one.Workers = 0, 1 // ctx's deadline bounds both
	go func() {
		r, err := plain.solve(pctx, p, one, nil)
		done <- answer{r, err, false}
	}()
	go func() {
		r, err := s.guided(gctx, p, one, gd)
		done <- answer{r, err, true}
	}()
	var plainRes, guidedRes *Result
	var guidedErr error
	for range 2 {
		a := <-done
		if !a.guided {
			if a.err != nil {
				gcancel()
				<-done
				return nil, a.err
			}
			plainRes = a.res
			if v := plainRes.Verdict; v == Solved || v == Infeasible || v == Unsat {
				gcancel()
				if g := <-done; g.res != nil {
					plainRes.Candidates += g.res.Candidates
				}
				plainRes.Strategy = "race:" + plainRes.Strategy
				plainRes.Time = time.Since(start)
				return plainRes, nil
			}
			continue
		}
		// A failure of the guided search (a component's proof could not
		// be run) is no verdict: the plain search's stands.
		guidedRes, guidedErr = a.res, a.err
		if a.err == nil && a.res != nil && a.res.Verdict == Solved {
			pcancel()
			if pl := <-done; pl.res != nil {
				guidedRes.Candidates += pl.res.Candidates
			}
			return plain.improve(ctx, p, b, guidedRes, start)
		}
	}
	res := plainRes
	res.Strategy = "race:" + res.Strategy
	if guidedRes != nil {
		res.Candidates += guidedRes.Candidates
	}
	if guidedErr != nil {
		res.Reason = strings.TrimPrefix(res.Reason+"; ", "; ") + "guided search failed: " + guidedErr.Error()
	}
	res.Time = time.Since(start)
	return res, nil
}

// guidance is what the guided search searches with: the grammar
// extended with the admitted components, and the extra costs.
type guidance struct {
	g     *Grammar
	extra [][]int
	name  string
}

// guide admits the library's components in p's grammar and takes the
// prior's costs over the result: nil when there is neither a cost nor a
// component. Components cost one, whatever the prior says.
func (s Enum) guide(ctx context.Context, p *Problem) (*guidance, error) {
	if s.RacePlain && s.Prior == nil && s.Library == nil {
		// The RacePlain control: no extra cost, the grammar as it is;
		// the guided search is the plain one.
		return &guidance{g: p.Grammar, name: "plain"}, nil
	}
	g := p.Grammar
	var adm []Admission
	name := "enum"
	if s.Library != nil {
		prove := s.ComponentProofs
		if prove == nil {
			prove = ProveComponent
		}
		var err error
		if g, adm, err = AdmitComponents(ctx, s.Library, p, prove); err != nil {
			return nil, err
		}
		if len(adm) > 0 {
			name = "library+" + name
		}
	}
	var extra [][]int
	if s.Prior != nil {
		extra = s.Prior.Extra(g)
		name = "prior+" + name
	}
	if extra == nil && len(adm) == 0 {
		return nil, nil
	}
	if extra == nil {
		extra = make([][]int, len(g.NTs))
		for nt := range extra {
			extra[nt] = make([]int, len(g.NTs[nt].Prods))
		}
	}
	first := len(g.NTs[0].Prods) - len(adm)
	for pi := first; pi < len(g.NTs[0].Prods); pi++ {
		extra[0][pi] = 0
	}
	return &guidance{g: g, extra: extra, name: name}, nil
}

// guided is the search the guidance orders: it never claims Minimal or
// Infeasible.
func (s Enum) guided(ctx context.Context, p *Problem, b Budget, gd *guidance) (*Result, error) {
	q := *p
	q.Grammar, q.Realizable = gd.g, nil
	res, err := s.solve(ctx, &q, b, gd.extra)
	if res != nil {
		res.Strategy = gd.name
		res.Minimal = false
		if res.Verdict == Infeasible {
			res.Verdict, res.Reason = Unsolved, "the guided search ran out of programs"
		}
	}
	return res, err
}

// improve is the plain size-ordered search started from a guided answer
// as from a reference, for Budget.Improve: it keeps the answer unless it
// finds a smaller one, and claims Minimal only when it rules out every
// smaller program.
func (s Enum) improve(ctx context.Context, p *Problem, b Budget, found *Result, start time.Time) (*Result, error) {
	q := *p
	q.Reference, q.Realizable = found.Term, nil
	ib := b
	ib.Timeout = 0 // ctx's deadline bounds it
	imp, err := s.solve(ctx, &q, ib, nil)
	if err != nil {
		return nil, err
	}
	out := *found
	out.Strategy = "race:" + found.Strategy
	out.Candidates += imp.Candidates
	out.Pruned += imp.Pruned
	out.Proofs += imp.Proofs
	if imp.Verdict == Solved {
		out.Term, out.Size, out.Minimal = imp.Term, imp.Size, imp.Minimal
	}
	out.Time = time.Since(start)
	return &out, nil
}
