package llm

import (
	"context"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// BenchmarkLoopWrongThenRight is the whole loop against a local scripted
// model that answers at once, wrong then right: two calls, two proofs.
// Per call, the time is vsynth's own overhead (prompt, HTTP round trip,
// checks, proof), without the model's thinking.
func BenchmarkLoopWrongThenRight(b *testing.B) {
	p := bitops(b)["IsolateLowest"]
	calls := 0
	for b.Loop() {
		f := newFakeModelB(b, goAnswer(isolateWrong), goAnswer(isolateRight))
		res, err := (&Strategy{Model: f.client(nil)}).Solve(context.Background(), p, budget(30*time.Second))
		if err != nil || res.Verdict != synth.Solved || res.LLMCalls != 2 {
			b.Fatalf("%v %v", res, err)
		}
		calls += res.LLMCalls
		f.srv.Close()
	}
	b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
}

// BenchmarkRoundTrip is one request to the local fake model: JSON
// encoding, HTTP over loopback, decoding.
func BenchmarkRoundTrip(b *testing.B) {
	p := bitops(b)["IsolateLowest"]
	f := newFakeModelB(b, goAnswer(isolateRight))
	defer f.srv.Close()
	c := f.client(nil)
	req := &Request{Model: "fake", Messages: buildPrompt(p, nil, nil), N: 1}
	for b.Loop() {
		if _, err := c.Complete(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrompt builds a prompt with one refuted attempt.
func BenchmarkPrompt(b *testing.B) {
	p := bitops(b)["IsolateLowest"]
	tried := []attempt{{code: isolateWrong, reason: Refuted, detail: "at x = 0 it returns 4294967295, which violates: ensures x == 0 ==> result == 0"}}
	for b.Loop() {
		buildPrompt(p, nil, tried)
	}
}

// BenchmarkGate is the checks before the proof: extract the code, parse,
// signature, grammar, type check, translate to a term.
func BenchmarkGate(b *testing.B) {
	p := bitops(b)["IsolateLowest"]
	resp := "Here:\n```go\n" + isolateRight + "\n```\n"
	for b.Loop() {
		code, err := extractCode(resp)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := synth.TermFromGo(code, p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProof is the proof of the right answer (go/ssa, SMT, Z3).
func BenchmarkProof(b *testing.B) {
	p := bitops(b)["IsolateLowest"]
	t, _, err := synth.TermFromGo(isolateRight, p)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c, err := p.Verify(context.Background(), t)
		if err != nil || c.Verdict != synth.CheckProved {
			b.Fatalf("%v %v", c, err)
		}
	}
}
