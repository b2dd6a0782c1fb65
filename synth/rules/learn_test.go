package rules

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// TestLearnSmall learns from nothing over + and - with two holes: every
// rule returned is proved again by the gate, none is derivable from the
// others, and the classic ones are among them.
func TestLearnSmall(t *testing.T) {
	learned, st, err := Learn(context.Background(), LearnOptions{Ops: []string{"+", "-", "neg"}, Vars: 2, MaxSize: 4, Budget: 10 * time.Minute, Limits: testlimits.Limits})
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) < 5 || st.Proved != len(learned) {
		t.Fatalf("learned %d rules, stats %+v", len(learned), st)
	}
	var text []string
	for _, r := range learned {
		text = append(text, r.LHS.String()+" => "+r.RHS.String())
		if r.RHS.Size() > r.LHS.Size() {
			t.Errorf("%s grows terms", r)
		}
	}
	joined := strings.Join(text, "\n")
	for _, want := range []string{"x - x => 0", "x + y => y + x", "-(-x) => x"} {
		if !strings.Contains(joined, want) {
			t.Errorf("did not learn %s; learned:\n%s", want, joined)
		}
	}
	res, err := Check(context.Background(), learned, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Verdict != Proved {
			t.Errorf("learned rule %s is %s on re-check", r.Rule, r.Verdict)
		}
	}
	// Each rule is needed: the others do not derive it.
	for i, r := range learned {
		others := append(append([]*Rule(nil), learned[:i]...), learned[i+1:]...)
		l := &learner{known: others}
		l.rebuild()
		if l.derivable(r.LHS, r.RHS) {
			t.Errorf("%s is derivable from the other learned rules", r)
		}
	}
}

// TestLearnCircuitBreaker: a breaker of one rejected proposal and a set
// bound stop learning.
func TestLearnCircuitBreaker(t *testing.T) {
	seed := mustRules(t, "a: x + 0 => x\nb: x - 0 => x\n")
	learned, st, err := Learn(context.Background(), LearnOptions{Ops: []string{"+", "-", "neg"}, Vars: 2, MaxSize: 4, Existing: seed, MaxRules: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(learned) != 2 || !strings.Contains(st.Stopped, "circuit breaker") {
		t.Errorf("learned %d rules, stopped: %s", len(learned), st.Stopped)
	}
}

func TestLearnRespectsExisting(t *testing.T) {
	seed := mustRules(t, "sub-self: x - x => 0\n")
	learned, _, err := Learn(context.Background(), LearnOptions{Ops: []string{"-"}, Vars: 1, MaxSize: 3, Existing: seed})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range learned {
		if r.LHS.String() == "x - x" {
			t.Errorf("relearned %s", r)
		}
	}
}
