package llm

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// TestStoreSimilar ranks stored solutions by spec similarity and skips
// unreadable lines and duplicates.
func TestStoreSimilar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.jsonl")
	s := &Store{Path: path}
	sols := []Solution{
		{Signature: "Max(x, y int32) int32", Contract: []string{"//vsynth:ensures result >= x && result >= y"}, Code: "func Max..."},
		{Signature: "Lowest(x uint32) uint32", Contract: []string{"//vsynth:ensures x != 0 ==> result == 1 << bits.TrailingZeros32(x)"}, Code: "func Lowest..."},
		{Signature: "Avg(x, y uint8) uint8", Contract: []string{"//vsynth:ensures result == AvgWide(x, y)"}, Code: "func Avg..."},
	}
	for _, sol := range append(sols, sols[0]) {
		if err := s.Add(sol); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("{not json\n")
	f.Close()
	p := bitops(t)["IsolateLowest"]
	got, err := s.Similar(p, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Code != "func Lowest..." {
		t.Fatalf("similar: %+v", got)
	}
	all, _ := s.load()
	if len(all) != 3 {
		t.Errorf("%d solutions stored, want 3 (one duplicate)", len(all))
	}
}

// TestStoreFeedsPrompt: a proved solution is stored, and the next
// problem's prompt shows it.
func TestStoreFeedsPrompt(t *testing.T) {
	ps := bitops(t)
	store := &Store{Path: filepath.Join(t.TempDir(), "s.jsonl")}
	f := newFakeModel(t, goAnswer(isolateRight), goAnswer("func ClearLowest(x uint32) uint32 {\n\treturn x & (x - 1)\n}"))
	s := &Strategy{Model: f.client(nil), Store: store}
	for _, name := range []string{"IsolateLowest", "ClearLowest"} {
		res, err := s.Solve(context.Background(), ps[name], budget(30*time.Second))
		if err != nil || res.Verdict != synth.Solved {
			t.Fatalf("%s: %v %v", name, res, err)
		}
	}
	second := f.requests[1].Messages[1].Content
	if !strings.Contains(second, "Proved solutions of similar contracts") || !strings.Contains(second, "return x & -x") {
		t.Errorf("the second prompt lacks the stored solution:\n%s", second)
	}
	all, _ := store.load()
	if len(all) != 2 {
		t.Errorf("%d stored, want 2", len(all))
	}
}
