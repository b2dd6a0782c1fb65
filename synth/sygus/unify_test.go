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

// TestSolveSameWithOneWorker solves the testdata problems with one
// enumeration worker and with three: the same program, after the same
// number of candidates and proofs (the merge keeps the one-worker order).
func TestSolveSameWithOneWorker(t *testing.T) {
	for _, file := range []string{"testdata/lowest.sl", "testdata/ispow2.sl", "testdata/relational.sl", "testdata/macro.sl", "testdata/pbe.sl", "testdata/narrow.sl"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		var answers []string
		var results []*synth.Result
		for _, workers := range []int{1, 3} {
			res, err := synth.Enum{}.Solve(context.Background(), p.Synth(testProver()), synth.Budget{Timeout: 60 * time.Second, MaxSize: 8, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if res.Verdict != synth.Solved {
				t.Fatalf("%s, %d workers: %s (%s)", file, workers, res.Verdict, res.Reason)
			}
			answers = append(answers, p.Answer(res.Term))
			results = append(results, res)
		}
		if answers[0] != answers[1] || results[0].Candidates != results[1].Candidates || results[0].Proofs != results[1].Proofs {
			t.Errorf("%s: one worker: %s (%d candidates, %d proofs); three: %s (%d, %d)", file,
				answers[0], results[0].Candidates, results[0].Proofs, answers[1], results[1].Candidates, results[1].Proofs)
		}
	}
}
