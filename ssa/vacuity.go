package ssa

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/vsynth/vsynth/smt"
)

// Vacuity: a proof that holds only because nothing can reach what it is
// about proves nothing. A proved function is vacuous when
//   - its requires clauses are unsatisfiable: no input is allowed, so
//     every obligation holds; or
//   - it has ensures clauses but no input satisfying requires returns
//     normally: the ensures clauses hold only vacuously.
// Each check is one satisfiability query on the function's solver; a
// check the solver cannot decide leaves the function not flagged (the
// verdict itself is unaffected). Definite answers are cached like
// obligations.

// checkVacuity sets r.Vacuous when the proof of vc is vacuous.
func (p *Program) checkVacuity(ctx context.Context, s smt.Solver, vc *VC, r *FuncResult, opts Options) error {
	if !vc.Pre.IsTrue() {
		res, err := p.satisfiable(ctx, s, vc.Pre, opts)
		if err != nil {
			return err
		}
		if res == smt.Unsat {
			r.Vacuous = "the requires clauses are unsatisfiable: no input is allowed"
			return nil
		}
	}
	hasEnsures := false
	for _, o := range r.Obligations {
		hasEnsures = hasEnsures || o.Kind == Ensures
	}
	if !hasEnsures || vc.Normal.IsTrue() {
		return nil
	}
	res, err := p.satisfiable(ctx, s, smt.And(vc.Pre, vc.Normal), opts)
	if err != nil {
		return err
	}
	if res == smt.Unsat {
		r.Vacuous = "no input allowed by requires returns normally: the ensures clauses hold vacuously"
	}
	return nil
}

// satisfiable decides q on s, through the cache when there is one.
func (p *Program) satisfiable(ctx context.Context, s smt.Solver, q *smt.Term, opts Options) (smt.Result, error) {
	key := ""
	if opts.Cache != nil {
		h := sha256.New()
		fmt.Fprintf(h, "vsynth vacuity v1\nsolver %q\ntimeout %d\nrlimit %d\n", s.Name(), opts.Limits.Timeout, opts.Limits.RLimit)
		if err := smt.WriteScript(h, smt.Logic([]*smt.Term{q}), []*smt.Term{q}); err == nil {
			key = hex.EncodeToString(h.Sum(nil))
		}
		if e, ok := loadEntry(opts.Cache, key); key != "" && ok {
			switch e.Result {
			case "sat":
				return smt.Sat, nil
			case "unsat":
				return smt.Unsat, nil
			}
		}
	}
	if err := s.Push(); err != nil {
		return smt.Unknown, err
	}
	defer s.Pop()
	if err := s.Assert(q); err != nil {
		return smt.Unknown, err
	}
	res, err := s.Check(ctx, opts.Limits)
	if err != nil {
		return smt.Unknown, err
	}
	if key != "" && res != smt.Unknown {
		storeEntry(opts.Cache, &cacheEntry{Key: key, Result: res.String()})
	}
	return res, nil
}
