package llm

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// Rejection reasons counted in synth.Result.LLMRejected: the four of
// synth.TermFromGo, and the verifier's.
const (
	Refuted = "refuted" // the verifier found a counterexample
	Unknown = "unknown" // the verifier could not decide (timeout, unsupported)
)

// Strategy asks only the model: each round sends the prompt, checks
// every choice of the answer through the proof gate, and feeds the
// rejections (a refuted candidate's counterexample included) into the
// next prompt, until a candidate is proved, the call budget is spent or
// the time is up.
type Strategy struct {
	Model       Completer
	ModelName   string // sent as the request's model
	Temperature float64
	Samples     int // choices per request (n); 0 means 1
	// Store, when set, gives similar proved solutions for the prompt and
	// keeps the solutions proved here.
	Store   *Store
	Similar int // solutions per prompt; 0 means 3
}

// Name implements synth.Strategy.
func (*Strategy) Name() string { return "llm" }

// Solve implements synth.Strategy.
func (s *Strategy) Solve(ctx context.Context, p *synth.Problem, b synth.Budget) (*synth.Result, error) {
	start := time.Now()
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	sess, err := s.newSession(p, nil)
	if err != nil {
		return nil, err
	}
	res := &synth.Result{Strategy: "llm"}
	defer func() {
		res.Time = time.Since(start)
		sess.fill(res)
	}()
	for {
		t, err := sess.round(ctx)
		switch {
		case errors.Is(err, ErrBudget):
			res.Verdict, res.Reason = synth.Unsolved, "the model call budget is spent"
			return res, nil
		case ctx.Err() != nil:
			res.Verdict, res.Reason = synth.Unsolved, "timeout"
			return res, nil
		case err != nil:
			return nil, err
		case t != nil:
			res.Verdict, res.Term, res.Size = synth.Solved, t, t.Size()
			return res, nil
		}
	}
}

// session is the conversation about one problem.
type session struct {
	s       *Strategy
	p       *synth.Problem
	hints   *synth.Weights // when set, every candidate of the grammar hints its productions
	similar []Solution
	tried   []attempt
	seen    map[string]string // a candidate term already judged -> its reason
	calls   int
	proofs  int
	reject  map[string]int
}

func (s *Strategy) newSession(p *synth.Problem, hints *synth.Weights) (*session, error) {
	if p.GoName == "" || len(p.Contract) == 0 {
		return nil, fmt.Errorf("llm: %s: only problems with a Go contract (.vspec synth funcs) can be given to a model", p.Name)
	}
	sess := &session{s: s, p: p, hints: hints, seen: map[string]string{}, reject: map[string]int{}}
	if s.Store != nil {
		k := s.Similar
		if k == 0 {
			k = 3
		}
		sim, err := s.Store.Similar(p, k)
		if err != nil {
			return nil, err
		}
		sess.similar = sim
	}
	return sess, nil
}

func (sess *session) fill(res *synth.Result) {
	res.LLMCalls += sess.calls
	res.Proofs += sess.proofs
	if len(sess.reject) > 0 {
		if res.LLMRejected == nil {
			res.LLMRejected = map[string]int{}
		}
		for k, v := range sess.reject {
			res.LLMRejected[k] += v
		}
	}
}

// round asks the model once and judges its choices: it returns the
// first proved term, or nil when every choice was rejected.
func (sess *session) round(ctx context.Context) (*synth.Term, error) {
	n := max(1, sess.s.Samples)
	req := &Request{Model: sess.s.ModelName, Messages: buildPrompt(sess.p, sess.similar, sess.tried), Temperature: sess.s.Temperature, N: n}
	resp, err := sess.s.Model.Complete(ctx, req)
	if resp != nil {
		sess.calls += resp.Attempts // failed attempts count too
	}
	if err != nil {
		return nil, err
	}
	for _, choice := range resp.Choices {
		t, err := sess.judge(ctx, choice)
		if err != nil || t != nil {
			return t, err
		}
	}
	return nil, nil
}

// judge takes one answer through the gate: extract, parse, signature,
// grammar, type check (synth.TermFromGo), then the proof.
func (sess *session) judge(ctx context.Context, answer string) (*synth.Term, error) {
	code, err := extractCode(answer)
	if err != nil {
		sess.rejected("", string(synth.RejectParse), err.Error())
		return nil, nil
	}
	t, used, err := synth.TermFromGo(code, sess.p)
	if err != nil {
		var rej *synth.RejectError
		if !errors.As(err, &rej) {
			return nil, err
		}
		sess.rejected(code, string(rej.Reason), rej.Msg)
		return nil, nil
	}
	if sess.hints != nil {
		sess.hints.Hint(used)
	}
	key := t.String()
	if why, ok := sess.seen[key]; ok {
		sess.rejected(code, why, "the same function as an earlier answer")
		return nil, nil
	}
	sess.proofs++
	c, err := sess.p.Verify(ctx, t)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	switch c.Verdict {
	case synth.CheckProved:
		if sess.s.Store != nil {
			if err := sess.s.Store.AddProved(sess.p, t, "llm"); err != nil {
				return nil, err
			}
		}
		return t, nil
	case synth.CheckFailed:
		sess.seen[key] = Refuted
		sess.rejected(code, Refuted, refutation(sess.p, t, c))
	default:
		sess.seen[key] = Unknown
		reason := c.Reason
		if reason == "" {
			reason = string(c.Verdict)
		}
		sess.rejected(code, Unknown, "the verifier could not decide it: "+reason)
	}
	return nil, nil
}

func (sess *session) rejected(code, reason, detail string) {
	sess.reject[reason]++
	sess.tried = append(sess.tried, attempt{code: code, reason: reason, detail: detail})
}
