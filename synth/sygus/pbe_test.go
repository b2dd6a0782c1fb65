package sygus

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth"
)

func parseFile(t *testing.T, file string) *Problem {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(file, src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExamplesDetected: a spec of ground input/output examples is
// recognized; other specs are not; inconsistent examples keep the
// realizability check (no function meets them).
func TestExamplesDetected(t *testing.T) {
	if ex := parseFile(t, "testdata/pbe.sl").examples(); len(ex) != 7 || ex[0].Args[0] != 1 || ex[0].Out != 0x54 {
		t.Errorf("pbe.sl: examples %v; want 7, the first f(1) = 0x54", ex)
	}
	for _, file := range []string{"testdata/lowest.sl", "testdata/relational.sl", "testdata/unsat-swap.sl"} {
		if ex := parseFile(t, file).examples(); ex != nil {
			t.Errorf("%s: read as %d examples", file, len(ex))
		}
	}
	p := parseFile(t, "testdata/unsat-examples.sl")
	if ex := p.examples(); len(ex) != 3 || consistent(ex) {
		t.Errorf("unsat-examples.sl: %v read as consistent examples", ex)
	}
	if p.Synth(testProver()).Realizable == nil {
		t.Errorf("unsat-examples.sl: inconsistent examples not checked for realizability")
	}
}

// TestPBEAnswerVerified solves a file of 150 examples by divide and
// conquer: the answer is the term the verifier proved (in two parts of
// at most 100 examples), and a term wrong on one example of the second
// part is refuted. (TestAnswersCheckedByZ3 re-checks the answer with
// the z3 command on the file's own constraints.)
func TestPBEAnswerVerified(t *testing.T) {
	p := parseFile(t, "testdata/pbe-many.sl")
	if parts := p.chunks(); len(parts) != 2 || len(parts[1].Invocations) != 50 {
		t.Fatalf("%d parts; want 2, of 100 and 50 examples", len(parts))
	}
	sp := p.Synth(testProver())
	verify := sp.Verify
	var proved []*synth.Term
	sp.Verify = func(ctx context.Context, cand *synth.Term) (*synth.Check, error) {
		c, err := verify(ctx, cand)
		if err == nil && c.Verdict == synth.CheckProved {
			proved = append(proved, cand)
		}
		return c, err
	}
	res, err := synth.Enum{}.Solve(context.Background(), sp, synth.Budget{Timeout: 60 * time.Second, MaxSize: 12, Improve: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved || res.Strategy != "pbe+enum" {
		t.Fatalf("%s by %s (%s)", res.Verdict, res.Strategy, res.Reason)
	}
	if len(proved) == 0 || proved[len(proved)-1] != res.Term {
		t.Fatalf("answer %s is not the last term the verifier proved", p.Answer(res.Term))
	}
	t.Log(p.Answer(res.Term))
	// Wrong on the last example only: f(x) = 0 there.
	ex := p.examples()
	last := ex[len(ex)-1]
	if last.Out == 0 {
		t.Fatal("the last example's output is 0; pick another")
	}
	u8 := p.Result
	x := &synth.Term{Op: synth.OpParam, Type: u8}
	at := &synth.Term{Op: synth.OpEq, Type: synth.BoolType, Args: []*synth.Term{x, {Op: synth.OpConst, Type: u8, Value: last.Args[0]}}}
	wrong := &synth.Term{Op: synth.OpIte, Type: u8, Args: []*synth.Term{at, {Op: synth.OpConst, Type: u8}, res.Term}}
	c, err := verify(context.Background(), wrong)
	if err != nil {
		t.Fatal(err)
	}
	if c.Verdict != synth.CheckFailed {
		t.Errorf("a term wrong on the last example: %s; want failed", c.Verdict)
	}
}

// TestExamplesPlainVerified solves files of examples whose grammar has no
// conditional at the start symbol (none, or one over a Bool
// nonterminal): CEGIS over the examples, with the equivalence on a
// subset; the answer is the term the verifier proved (over 120 and 130
// examples, in two parts), and it meets every example.
// (TestAnswersCheckedByZ3 re-checks it with the z3 command.)
func TestExamplesPlainVerified(t *testing.T) {
	for _, file := range []string{"testdata/pbe-noite.sl", "testdata/pbe-ite-bool.sl"} {
		p := parseFile(t, file)
		sp := p.Synth(testProver())
		verify := sp.Verify
		var proved []*synth.Term
		sp.Verify = func(ctx context.Context, cand *synth.Term) (*synth.Check, error) {
			c, err := verify(ctx, cand)
			if err == nil && c.Verdict == synth.CheckProved {
				proved = append(proved, cand)
			}
			return c, err
		}
		res, err := synth.Enum{}.Solve(context.Background(), sp, synth.Budget{Timeout: 60 * time.Second, MaxSize: 12, Improve: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict != synth.Solved || res.Strategy != "examples+enum" {
			t.Fatalf("%s: %s by %s (%s)", file, res.Verdict, res.Strategy, res.Reason)
		}
		if len(proved) != 1 || proved[0] != res.Term {
			t.Fatalf("%s: answer %s; proved %v", file, p.Answer(res.Term), proved)
		}
		ex := p.examples()
		for _, x := range ex {
			if v, ok := synth.EvalTerm(res.Term, x.Args); !ok || v != x.Out {
				t.Fatalf("%s: answer %s gives %#x at %#x, want %#x", file, p.Answer(res.Term), v, x.Args, x.Out)
			}
		}
		if res.Inputs >= len(ex) {
			t.Errorf("%s: equivalence on %d of %d examples; want a subset", file, res.Inputs, len(ex))
		}
		t.Log(p.Answer(res.Term))
	}
}
