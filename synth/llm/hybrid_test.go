package llm

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// TestHybridModelFirst: the model's proved answer is improved by the
// size-ordered enumeration to the smallest program.
func TestHybridModelFirst(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	big := "func IsolateLowest(x uint32) uint32 {\n\treturn x & (^x + 1)\n}"
	f := newFakeModel(t, goAnswer(big))
	h := &Hybrid{LLM: &Strategy{Model: f.client(nil)}}
	res, err := h.Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.Strategy != "hybrid" || res.LLMCalls != 1 || res.Size != 2 || !res.Minimal {
		t.Fatalf("%s size %d minimal %v strategy %s: want the minimal size 2", describe(res), res.Size, res.Minimal, res.Strategy)
	}
}

// TestHybridModelDown: an unreachable model leaves the enumeration to
// carry on; the error is kept.
func TestHybridModelDown(t *testing.T) {
	p := bitops(t)["Average"]
	f := newFakeModel(t, goAnswer(isolateRight))
	c := f.client(nil)
	f.srv.Close()
	h := &Hybrid{LLM: &Strategy{Model: c}}
	res, err := h.Solve(context.Background(), p, budget(60*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || !res.Minimal || res.Size != 4 || !strings.Contains(res.LLMError, "cannot connect") || res.LLMCalls != 1 {
		t.Fatalf("%s size %d: want the enumerator's minimal answer and the model's error", describe(res), res.Size)
	}
}

// TestHybridHints: wrong model answers hint the grammar; the weighted
// enumeration and the improvement still end at the minimal program.
func TestHybridHints(t *testing.T) {
	p := bitops(t)["Average"]
	wrong := "func Average(x, y uint32) uint32 {\n\treturn (x + y) >> 1\n}"
	f := newFakeModel(t, goAnswer(wrong), answer("no idea"))
	h := &Hybrid{LLM: &Strategy{Model: f.client(&Budget{Max: 2})}}
	res, err := h.Solve(context.Background(), p, budget(60*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.Size != 4 || !res.Minimal || res.LLMRejected[Refuted] != 1 {
		t.Fatalf("%s size %d minimal %v", describe(res), res.Size, res.Minimal)
	}
}

// TestHybridNoContract: a problem without a Go contract (SyGuS) is left
// to the enumerator; the model is not asked.
func TestHybridNoContract(t *testing.T) {
	p := *bitops(t)["IsolateLowest"]
	p.GoName, p.Contract = "", nil
	f := newFakeModel(t, goAnswer(isolateRight))
	res, err := (&Hybrid{LLM: &Strategy{Model: f.client(nil)}}).Solve(context.Background(), &p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.Strategy != "enum" || f.count() != 0 {
		t.Fatalf("%s strategy %s, %d requests", describe(res), res.Strategy, f.count())
	}
}

// TestHybridModelDownOnce: after the model failed on one problem, the
// later ones are not sent to it; they repeat its error.
func TestHybridModelDownOnce(t *testing.T) {
	ps := bitops(t)
	f := newFakeModel(t, goAnswer(isolateRight))
	c := f.client(nil)
	f.srv.Close()
	h := &Hybrid{LLM: &Strategy{Model: c}}
	first, err := h.Solve(context.Background(), ps["IsolateLowest"], budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	second, err := h.Solve(context.Background(), ps["ClearLowest"], budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if first.LLMCalls != 1 || second.LLMCalls != 0 || second.LLMError != first.LLMError || second.Verdict != synth.Solved {
		t.Fatalf("first %s; second %s", describe(first), describe(second))
	}
}

// TestHybridSlowModel: the first answer is awaited for half the time
// limit at most; then the enumeration goes on alone.
func TestHybridSlowModel(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, stall(time.Minute))
	start := time.Now()
	res, err := (&Hybrid{LLM: &Strategy{Model: f.client(nil)}}).Solve(context.Background(), p, budget(8*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	// The enumeration gets the second half, 4 s, for a term it finds in
	// milliseconds on an idle machine: room for a loaded one. The bound
	// on the whole is wide for the same reason; a hybrid that waited for
	// the stalled model would take a minute.
	if res.Verdict != synth.Solved || !strings.Contains(res.LLMError, "no answer within 4s, half the time limit") || time.Since(start) > 30*time.Second {
		t.Fatalf("%s after %v", describe(res), time.Since(start))
	}
}
