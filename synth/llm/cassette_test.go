package llm

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// TestCassetteRecordReplay: a recorded run replays to the same result
// and call count with the server gone; a request not recorded fails.
func TestCassetteRecordReplay(t *testing.T) {
	p := bitops(t)["IsolateLowest"]
	f := newFakeModel(t, status(429, "wait"), goAnswer(isolateWrong), goAnswer(isolateRight))
	path := filepath.Join(t.TempDir(), "run.cassette.json")
	rec, err := OpenCassette(path, Record, f.client(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	first, err := (&Strategy{Model: rec}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Close()
	b := &Budget{Max: 10}
	rep, err := OpenCassette(path, Replay, nil, b)
	if err != nil {
		t.Fatal(err)
	}
	second, err := (&Strategy{Model: rep}).Solve(context.Background(), p, budget(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if first.Verdict != synth.Solved || second.Verdict != synth.Solved || !first.Term.Equal(second.Term) {
		t.Fatalf("record %s, replay %s", describe(first), describe(second))
	}
	if first.LLMCalls != 3 || second.LLMCalls != 3 || b.Used() != 3 {
		t.Errorf("calls: record %d, replay %d (budget %d), want 3 (a retry counts)", first.LLMCalls, second.LLMCalls, b.Used())
	}
	// A different problem is a miss.
	_, err = (&Strategy{Model: rep}).Solve(context.Background(), bitops(t)["Max"], budget(30*time.Second))
	if err == nil || !strings.Contains(err.Error(), "no recorded answer for request") {
		t.Fatalf("replay miss: %v", err)
	}
}

// TestCassetteErrors: replay needs the file; modes are checked.
func TestCassetteErrors(t *testing.T) {
	if _, err := OpenCassette(filepath.Join(t.TempDir(), "none.json"), Replay, nil, nil); err == nil {
		t.Error("replay of a missing file")
	}
	if _, err := OpenCassette("x.json", "play", nil, nil); err == nil || !strings.Contains(err.Error(), "unknown mode") {
		t.Errorf("mode: %v", err)
	}
	if _, err := OpenCassette("x.json", Record, nil, nil); err == nil {
		t.Error("record without a model")
	}
}
