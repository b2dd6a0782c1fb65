package synth

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/vsynth/vsynth/synth/rules"
)

// Enum is the enumerative CEGIS strategy: bottom-up enumeration by size
// with observational-equivalence pruning on a growing set of inputs;
// every candidate that meets the spec on the inputs is proved, and the
// counterexample of a failed proof joins the inputs.
type Enum struct {
	// Prune is passed to the enumerator (see Enumerator.Prune).
	Prune func(*Term) bool
	// Rules, when Prune is nil, is the rewrite-rule set the enumerator
	// prunes with (see RulePruner); nil means no rule pruning.
	Rules []*rules.Rule
	// Weights, when set, orders the enumeration by cost (see Weights),
	// read again at every CEGIS round. A weighted search that ran with
	// extra costs does not claim its answer minimal.
	Weights *Weights
	// Prior, when set, orders the enumeration by the production costs
	// it gives (see Prior; with Weights the extra costs add up): a
	// prior-ordered search ends at its first proved program, which then
	// goes through a plain size-ordered improve pass (Budget.Improve), so
	// that Minimal keeps its meaning. Rule pruning is off while costs
	// order the search, and Budget.MaxSize bounds sizes, not costs.
	Prior *Prior
	// PriorJIT, with Prior, updates the prior's costs between CEGIS
	// rounds from the programs that meet new subsets of the inputs
	// (Probe's just-in-time learning, see jitPrior).
	PriorJIT bool
	// Library, when set, is a component library (see Library): its
	// components admitted in the problem's grammar (AdmitComponents) are
	// searched as one production each. With a Prior or a Library the
	// plain search and the guided one race (see solveRace); with neither
	// the search is the plain one alone.
	Library *Library
	// ComponentProofs proves components (nil: ProveComponent).
	ComponentProofs ComponentProofs
	// RacePlain is a control for measurements: the plain search races a
	// second copy of itself (one worker each, as with a Prior or a
	// Library), so that the race's own cost can be told apart from what
	// the guidance gains. It is ignored with a Prior or a Library.
	RacePlain bool
	// Census, when set (and Prune is not), is filled in with what the
	// search left for rules to prune (see Census): a measurement, which
	// makes the search slower, on one worker, but not different.
	Census *Census
}

// Name implements Strategy.
func (Enum) Name() string { return "enum" }

// Solve implements Strategy.
func (s Enum) Solve(ctx context.Context, p *Problem, b Budget) (res *Result, err error) {
	if s.Prior != nil || s.Library != nil || s.RacePlain {
		return s.solveRace(ctx, p, b)
	}
	return s.solve(ctx, p, b, nil)
}

// solve is one CEGIS search; extra, when set, are fixed extra
// production costs (a prior's).
func (s Enum) solve(ctx context.Context, p *Problem, b Budget, extra [][]int) (res *Result, err error) {
	start := time.Now()
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	res = &Result{Strategy: s.Name()}
	defer func() {
		if res != nil {
			res.Time = time.Since(start)
		}
	}()
	if p.Realizable != nil {
		// The realizability check runs beside the search, on the other
		// core; a witness ends the search. Unless the search proves a
		// program (then no witness exists: the check is canceled, not
		// awaited), its answer is awaited, so the verdict does not
		// depend on which finishes first.
		checkCtx, cancelCheck := context.WithCancel(ctx)
		var cancelSearch context.CancelFunc
		ctx, cancelSearch = context.WithCancel(ctx)
		type answer struct {
			witness []uint64
			err     error
		}
		done := make(chan answer, 1)
		go func() {
			w, err := p.Realizable(checkCtx)
			if w != nil {
				cancelSearch()
			}
			done <- answer{w, err}
		}()
		defer func() {
			cancelSearch()
			if res != nil && res.Verdict == Solved {
				cancelCheck() // no witness exists; its answer is not awaited
				return
			}
			a := <-done
			cancelCheck()
			switch {
			case a.witness != nil:
				u := &Result{Verdict: Unsat, Witness: a.witness, Strategy: s.Name(), Reason: "no output meets the spec at this input"}
				if res != nil {
					u.Strategy, u.Candidates, u.Pruned, u.Proofs, u.Inputs = res.Strategy, res.Candidates, res.Pruned, res.Proofs, res.Inputs
				}
				u.Time = time.Since(start)
				res, err = u, nil
			case err == nil && a.err != nil:
				// No claim rests on a failed check: the search's verdict
				// stands, with the failure in its reason.
				res.Reason = strings.TrimPrefix(res.Reason+"; ", "; ") + "realizability check failed: " + a.err.Error()
			}
		}()
	}
	var best *Term
	if p.Reference != nil {
		res.Proofs++
		c, err := p.Verify(ctx, p.Reference)
		if err != nil {
			return nil, err
		}
		if c.Verdict == CheckProved {
			best = p.Reference
			res.Strategy = "reference+enum"
		}
	}
	if best == nil && len(p.Examples) > 0 && p.Verify != nil {
		if condProd(p.Grammar) >= 0 {
			return s.solvePBE(ctx, p, b, res)
		}
		return s.solveExamples(ctx, p, b, res)
	}
	inputs := seeds(p.Vars)
	unknown := ""
	e := &Enumerator{Grammar: p.Grammar, ConstExprs: p.ConstExprs, Prune: s.Prune, MaxSize: b.MaxSize, MaxTerms: b.MaxTerms, MaxBytes: b.memory(DefaultMaxMemory), Workers: b.Workers}
	var pruner *RulePruner
	if s.Prune == nil {
		if pr := NewRulePruner(s.Rules, p); pr != nil {
			pruner = pr
			e.Skip = pr.Skip
		}
	}
	searchCtx := ctx
	if best != nil && b.Improve > 0 {
		var cancel context.CancelFunc
		searchCtx, cancel = context.WithTimeout(ctx, b.Improve)
		defer cancel()
	}
	weighted := false
	var jit *jitPrior
	if extra != nil {
		// Every term up to MaxSize operators stays within reach.
		e.MaxSize = max(b.MaxSize, 1) * (1 + maxExtra(extra))
		if s.PriorJIT {
			jit = newJITPrior()
		}
	}
	var metInputs []bool
	for {
		if s.Weights != nil || extra != nil {
			cur := extra
			if jit != nil {
				cur = jit.scaled(extra)
			}
			if s.Weights != nil {
				cur = addExtra(p.Grammar, cur, s.Weights.Extra(p.Grammar))
			}
			e.Cost = costFunc(p.Grammar, cur)
			weighted = weighted || e.Cost != nil
			if pruner != nil {
				// The pruner's "smaller" counts operators; under costs
				// the term it defers to may come later or past MaxSize.
				e.Skip = pruner.Skip
				if e.Cost != nil {
					e.Skip = nil
				}
			}
		}
		if s.Census != nil && s.Prune == nil {
			var skip func(*Search, int, int, []int32) bool
			if pruner != nil && e.Cost == nil {
				skip = pruner.Skip
			}
			e.Skip = s.Census.round(p, skip)
			e.Workers = 1 // "earlier" is the one-worker order
		}
		if p.Spec == nil {
			return nil, fmt.Errorf("synth %s: no concrete spec to screen candidates", p.Name)
		}
		points, owners := pointsOf(p.Spec, inputs)
		var newCex []uint64
		var verr error
		bestSize := -1
		if best != nil {
			bestSize = best.Size()
		}
		outs := make([]uint64, 0, 4)
		uni := newUnifier(p, inputs, points, owners)
		var prove func(t *Term) bool
		stoppedBy := ""
		var bestAt time.Time
		lastMeetsAll, lastSrch := int32(-1), (*Search)(nil)
		visit := func(srch *Search, idx int32, vals []uint64) bool {
			// Under costs (weights) levels are not sizes: no cut-off.
			if bestSize >= 0 && e.Cost == nil && srch.Size(idx) >= bestSize {
				stoppedBy = "size" // every smaller program is ruled out
				return true
			}
			if !bestAt.IsZero() && b.Improve > 0 && time.Since(bestAt) > b.Improve {
				stoppedBy = "improve"
				return true
			}
			if jit != nil {
				metInputs = metInputs[:0]
				all := true
				for i := range inputs {
					outs = outs[:0]
					for _, pt := range owners[i] {
						outs = append(outs, vals[pt])
					}
					ok := p.Spec.Holds(inputs[i], outs)
					metInputs = append(metInputs, ok)
					all = all && ok
				}
				if !all {
					jit.met(srch, idx, metInputs)
				}
			}
			for i := len(inputs) - 1; i >= 0; i-- { // newest first: they reject most
				outs = outs[:0]
				for _, pt := range owners[i] {
					outs = append(outs, vals[pt])
				}
				if !p.Spec.Holds(inputs[i], outs) {
					if uni != nil && uni.add(idx, vals) {
						if t := uni.tree(srch); t != nil && (bestSize < 0 || t.Size() < bestSize) {
							if prove(t) && best == t {
								// Keep looking for a smaller program.
								bestAt = time.Now()
								return false
							}
							return newCex != nil || verr != nil
						}
					}
					return false
				}
			}
			t := srch.Term(idx)
			if e.Cost != nil && bestSize >= 0 && t.Size() >= bestSize {
				return false // under costs, a later term may be larger
			}
			lastMeetsAll, lastSrch = idx, srch
			if prove(t) {
				if newCex == nil && verr == nil {
					stoppedBy = "proved"
				}
				return true
			}
			return false
		}
		prove = func(t *Term) bool {
			res.Proofs++
			c, err := p.Verify(ctx, t)
			if err != nil {
				verr = err
				return true
			}
			switch c.Verdict {
			case CheckProved:
				best, bestSize = t, t.Size()
				return true
			case CheckFailed:
				if c.Cex == nil {
					unknown = "the verifier refuted a candidate without a counterexample"
					return false
				}
				newCex = c.Cex
				return true
			default:
				if !deadlinePassed(ctx) { // a proof the deadline cut is a timeout
					unknown = c.Reason
				}
				return false
			}
		}
		outcome, _, counts := e.Run(searchCtx, points, visit)
		if jit != nil && newCex != nil && lastSrch != nil {
			// The refuted candidate met every input but the new one.
			jit.reward(lastSrch, lastMeetsAll, float64(len(inputs))/float64(len(inputs)+1))
		}
		res.Candidates += counts.Built
		res.Pruned += counts.Skipped
		if verr != nil {
			return nil, verr
		}
		if newCex != nil {
			if containsInput(inputs, newCex) {
				return nil, fmt.Errorf("synth %s: counterexample %v does not refute the candidate on concrete evaluation (screen and proof disagree)", p.Name, newCex)
			}
			inputs = append(inputs, newCex)
			continue
		}
		res.Inputs = len(inputs)
		switch {
		case best != nil:
			res.Verdict, res.Term, res.Size = Solved, best, best.Size()
			res.Minimal = !weighted && (outcome == Exhausted || (outcome == Stopped && (stoppedBy == "size" || stoppedBy == "proved")))
		case outcome == Exhausted && unknown == "":
			res.Verdict = Infeasible
			res.Reason = fmt.Sprintf("no program of the grammar meets the spec on %d inputs", len(inputs))
		case unknown != "":
			res.Verdict, res.Reason = Unknown, unknown
		default:
			res.Verdict = Unsolved
			switch outcome {
			case SizeLimit:
				res.Reason = fmt.Sprintf("no program up to size %d", b.MaxSize)
				if weighted {
					// MaxSize capped costs, which exceed sizes.
					res.Reason = fmt.Sprintf("no program up to cost %d of the weighted grammar", e.MaxSize)
				}
			case OutOfBudget:
				switch {
				case deadlinePassed(ctx):
					res.Reason = "timeout"
				case b.MaxTerms > 0 && e.maxTerms(len(points)) == b.MaxTerms:
					res.Reason = "term budget exhausted"
				default:
					res.Reason = fmt.Sprintf("memory budget reached (%d terms over %d points)", e.maxTerms(len(points)), len(points))
				}
			}
		}
		return res, nil
	}
}

func containsInput(inputs [][]uint64, in []uint64) bool {
	for _, x := range inputs {
		if equalVals(x, in) {
			return true
		}
	}
	return false
}

// pointsOf lists the distinct argument tuples the spec needs at the
// inputs, and for each input the indices of its invocations' points.
func pointsOf(spec Spec, inputs [][]uint64) ([][]uint64, [][]int) {
	var points [][]uint64
	index := map[string]int{}
	owners := make([][]int, len(inputs))
	for i, in := range inputs {
		for _, pt := range spec.Points(in) {
			key := fmt.Sprint(pt)
			j, ok := index[key]
			if !ok {
				j = len(points)
				index[key] = j
				points = append(points, pt)
			}
			owners[i] = append(owners[i], j)
		}
	}
	return points, owners
}

// seeds are the first inputs: zero, one, all ones, the sign bit, and a
// few fixed pseudo-random values (the same in every run).
func seeds(vars []Param) [][]uint64 {
	rng := rand.New(rand.NewSource(1))
	var out [][]uint64
	add := func(f func(t Type, j int) uint64) {
		in := make([]uint64, len(vars))
		for j, v := range vars {
			in[j] = f(v.Type, j) & v.Type.mask()
		}
		if !containsInput(out, in) {
			out = append(out, in)
		}
	}
	add(func(Type, int) uint64 { return 0 })
	add(func(Type, int) uint64 { return 1 })
	add(func(t Type, _ int) uint64 { return t.mask() })
	add(func(t Type, j int) uint64 {
		if t.Bool {
			return uint64(j % 2)
		}
		return t.minSigned()
	})
	for range 4 {
		add(func(Type, int) uint64 { return rng.Uint64() >> uint(rng.Intn(64)) })
	}
	return out
}
