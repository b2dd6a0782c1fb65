package sygus

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// TestDecisionTreeSmallest solves a programming-by-example problem whose
// answer is a conditional: the first tree proved is the smallest of depth
// at most two (size 8; the greedy split alone built a tree of size 33
// first), so even with almost no time to improve it the answer is small.
func TestDecisionTreeSmallest(t *testing.T) {
	const file = "testdata/pbe-tree.sl"
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := synth.Enum{}.Solve(context.Background(), p.Synth(testProver()), synth.Budget{Timeout: 60 * time.Second, MaxSize: 40, MaxTerms: 20_000_000, Improve: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.Size != 8 || res.Proofs != 1 {
		t.Fatalf("verdict %s, size %d after %d proofs (%s); want solved, size 8, one proof", res.Verdict, res.Size, res.Proofs, res.Reason)
	}
	t.Log(p.Answer(res.Term))
}
