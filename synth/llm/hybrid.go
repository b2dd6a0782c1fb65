package llm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// Hybrid runs the model and the enumerator together:
//
//  1. The model is asked once. A candidate it proves is the answer so far.
//  2. Otherwise the enumerator (Enum, with a synth.Weights) searches while
//     the model keeps proposing, each with the other stopped when one
//     proves a program. Every model candidate that is a term of the
//     grammar — refuted or not — hints the productions of its derivation:
//     the enumeration, read again at each CEGIS round, goes cheapest
//     first, where a production's cost is its size plus a penalty of up to
//     synth.MaxPenalty for the productions the model used least. Every
//     production keeps a finite cost, so the search stays complete: every
//     term of the grammar is still enumerated (at a cost of at most its
//     size plus MaxPenalty per production), and "infeasible" still means
//     no program of the grammar meets the spec.
//  3. An answer found by the model, or by a weighted enumeration (which
//     is cheapest-first, not smallest-first), is then improved: the plain
//     enumerator, size-ordered, starts from it as a proved reference and
//     looks for a smaller program within Budget.Improve, so the answer is
//     minimal exactly when the enumerator rules out every smaller one.
//
// The first answer is awaited for at most half of Budget.Timeout. A model
// failure (unreachable server, HTTP errors after the retries, malformed
// answers, timeouts) is kept in Result.LLMError and the enumeration
// carries on alone — for this problem and the later ones, to which the
// model is not sent again (their LLMError repeats the failure). Solutions proved here go to the store.
// A problem without a Go contract (SyGuS) is left to the enumerator.
type Hybrid struct {
	Enum synth.Enum
	LLM  *Strategy

	mu   sync.Mutex
	down string // the model's failure: later problems do not ask it again
}

// Name implements synth.Strategy.
func (*Hybrid) Name() string { return "hybrid" }

// Solve implements synth.Strategy.
func (h *Hybrid) Solve(ctx context.Context, p *synth.Problem, b synth.Budget) (*synth.Result, error) {
	if p.GoName == "" || len(p.Contract) == 0 {
		return h.Enum.Solve(ctx, p, b) // nothing to show a model (SyGuS)
	}
	start := time.Now()
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	weights := &synth.Weights{}
	sess, err := h.LLM.newSession(p, weights)
	if err != nil {
		return nil, err
	}
	llmErr := func(err error) string {
		if err == nil || errors.Is(err, ErrBudget) || ctx.Err() != nil {
			return ""
		}
		return err.Error()
	}
	h.mu.Lock()
	modelFailed := h.down
	h.mu.Unlock()
	var t *synth.Term
	modelDone := modelFailed != ""
	if !modelDone {
		// The first answer is waited for at most half the time limit.
		firstCtx := ctx
		if b.Timeout > 0 {
			var cancel context.CancelFunc
			firstCtx, cancel = context.WithTimeout(ctx, b.Timeout/2)
			defer cancel()
		}
		t, err = sess.round(firstCtx)
		modelFailed = llmErr(err) // the enumeration carries on in any case
		if err != nil && firstCtx.Err() != nil && ctx.Err() == nil {
			modelFailed = fmt.Sprintf("llm: no answer within %v, half the time limit", b.Timeout/2)
		}
		modelDone = err != nil
	}
	var res *synth.Result
	if t == nil {
		res, t, err = h.race(ctx, p, b, sess, weights, modelDone, &modelFailed)
		if err != nil {
			return nil, err
		}
	}
	if modelFailed != "" {
		h.mu.Lock()
		h.down = modelFailed
		h.mu.Unlock()
	}
	if t != nil && (res == nil || !res.Minimal) {
		// Improve: the plain size-ordered enumeration from the proved
		// term down.
		q := *p
		q.Reference, q.Realizable = t, nil
		plain := h.Enum
		plain.Weights = nil
		imp, err := plain.Solve(ctx, &q, b)
		if err != nil && ctx.Err() == nil {
			return nil, err
		}
		if err != nil {
			imp = &synth.Result{} // time ran out while improving: keep t
		}
		if res != nil {
			imp.Candidates += res.Candidates
			imp.Pruned += res.Pruned
			imp.Proofs += res.Proofs
		}
		if imp.Verdict != synth.Solved { // the reference was proved: cannot happen unless time ran out
			imp.Verdict, imp.Term, imp.Size, imp.Minimal, imp.Reason = synth.Solved, t, t.Size(), false, ""
		}
		res = imp
	}
	res.Strategy = "hybrid"
	res.LLMError = modelFailed
	res.Time = time.Since(start)
	sess.fill(res)
	if res.Verdict == synth.Solved && h.LLM.Store != nil {
		if err := h.LLM.Store.AddProved(p, res.Term, "hybrid"); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// race runs the weighted enumeration and, unless the model is done
// (modelDone), further model rounds, until one proves a program. It
// returns the enumerator's result and the model's proved term, if any.
func (h *Hybrid) race(ctx context.Context, p *synth.Problem, b synth.Budget, sess *session, weights *synth.Weights, modelDone bool, modelFailed *string) (*synth.Result, *synth.Term, error) {
	enumCtx, stopEnum := context.WithCancel(ctx)
	defer stopEnum()
	llmCtx, stopLLM := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var found *synth.Term
	if !modelDone {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				t, err := sess.round(llmCtx)
				if err != nil {
					if llmCtx.Err() == nil && !errors.Is(err, ErrBudget) {
						*modelFailed = err.Error()
					}
					return
				}
				if t != nil {
					found = t
					stopEnum()
					return
				}
			}
		}()
	}
	enum := h.Enum
	enum.Weights = weights
	eb := b
	eb.Timeout = 0 // ctx carries the deadline
	res, err := enum.Solve(enumCtx, p, eb)
	stopLLM()
	wg.Wait()
	if found != nil {
		return nil, found, nil // the enumerator was stopped: its result says nothing
	}
	if err != nil {
		return nil, nil, err
	}
	if res.Verdict == synth.Solved {
		return res, res.Term, nil
	}
	return res, nil, nil
}
