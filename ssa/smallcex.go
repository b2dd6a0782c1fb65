package ssa

import (
	"context"

	"github.com/vsynth/vsynth/smt"
)

// readCounterexample reads the counterexample off the current model of
// s; reads gives the model's arrays their values. ok is false when the
// model's append capacities are not the runtime's, or when it has values
// Go cannot write (the counterexample is returned then, to be reported
// as unknown if no better one is found).
func (p *Program) readCounterexample(s smt.Solver, vc *VC, o *Obligation, reads *smt.ArrayReads) (*Counterexample, bool, error) {
	m, err := s.Model()
	if err != nil {
		return nil, false, err
	}
	if reads != nil {
		m = reads.Model(m)
	}
	if facts, ok, err := vc.growFacts(m, o.Query()); err != nil || !ok || len(facts) > 0 {
		return nil, false, err // capacities the runtime would not choose
	}
	cex, err := counterexample(vc, o, m)
	if err != nil {
		return nil, false, err
	}
	// A loop state that breaks an invariant is no run of the function
	// (bounded model checking looks for one, bmc.go): its multisets are
	// not checked. Nor are those of bounded model checking's runs, whose
	// unrolled stores make hundreds of multisets: the replay in Go
	// decides those (a model it does not reproduce is unknown).
	if o.Kind != InvariantPreserved && !vc.lowering.bounded {
		if cex.msetOpen, cex.msetSteer, err = vc.lowering.msetsOpen(m); err != nil {
			return nil, false, err
		}
	}
	return cex, len(cex.Unshown) == 0 && cex.msetOpen == "", nil
}

// withAssumption checks the query on s with extra assumed, and reads a
// counterexample when that is satisfiable.
func (p *Program) withAssumption(ctx context.Context, s smt.Solver, o *Obligation, reads *smt.ArrayReads, extra *smt.Term, opts Options, read func(*smt.ArrayReads) (*Counterexample, bool, error)) (*Counterexample, bool, error) {
	if err := s.Push(); err != nil {
		return nil, false, err
	}
	defer s.Pop()
	reads, ok, err := assumeReduced(s, o, reads, extra, "small!")
	if err != nil || !ok {
		return nil, false, err
	}
	if res, err := s.Check(ctx, opts.Limits); err != nil || res != smt.Sat {
		return nil, false, nil // none (or none found in time)
	}
	return read(reads)
}

// smallGrown looks, for a query with appends that may grow a slice whose
// capacities could not be settled, for a counterexample among the
// preferred small ones (VC.small): there the runtime's capacities can be
// asked (growth.go), which for huge slices they cannot. ok is false when none is found.
func (p *Program) smallGrown(ctx context.Context, s smt.Solver, vc *VC, o *Obligation, opts Options) (cex *Counterexample, ok bool, err error) {
	if len(vc.lowering.grows) == 0 {
		return nil, false, nil
	}
	for _, small := range vc.small() {
		cex, ok, err := func() (*Counterexample, bool, error) {
			if err := s.Push(); err != nil {
				return nil, false, err
			}
			defer s.Pop()
			reads, ok, err := assumeReduced(s, o, o.reads, small, "tier!")
			if err != nil || !ok {
				return nil, false, err
			}
			if res, err := s.Check(ctx, opts.Limits); err != nil || res != smt.Sat {
				return nil, false, err
			}
			settled, reads, err := p.settleGrowth(ctx, s, vc, o, opts, reads, "tiergrow")
			if err != nil || settled != smt.Sat {
				return nil, false, err
			}
			return p.readCounterexample(s, vc, o, reads)
		}()
		if err != nil || ok {
			return cex, ok, err
		}
	}
	return nil, false, nil
}

// assumeReduced asserts t on s. When s holds o's query reduced to bit
// vectors (vc.go's prepare), t is reduced the same way, its reads tied to
// those of reads, with new variables named from prefix; the reads
// returned give a model of both its arrays' values. ok is false, with
// nothing asserted, when t cannot be reduced.
func assumeReduced(s smt.Solver, o *Obligation, reads *smt.ArrayReads, t *smt.Term, prefix string) (*smt.ArrayReads, bool, error) {
	if reads != nil && o.reduced != nil {
		var ok bool
		if t, reads, ok = reads.Extend(t, prefix, 2*maxAckermannReads); !ok {
			return nil, false, nil
		}
	}
	if err := s.Assert(t); err != nil {
		return nil, false, err
	}
	return reads, true, nil
}
