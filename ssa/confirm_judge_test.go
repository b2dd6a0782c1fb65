package ssa

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestJudge checks the judging of replays, obligation kind by outcome:
// a counterexample is confirmed only when Go did what it claims.
func TestJudge(t *testing.T) {
	ensures := &ObligationResult{Kind: Ensures, Clause: "result >= 0"}
	wdReq := &ObligationResult{Kind: WellDefined, Of: "requires", Clause: "a[0] > 0"}
	wdEns := &ObligationResult{Kind: WellDefined, Of: "ensures", Clause: "a[result] > 0"}
	callReq := &ObligationResult{Kind: CallRequires, Clause: "x != 0"}
	entry := &ObligationResult{Kind: InvariantEntry, Clause: "i <= n"}
	preserved := &ObligationResult{Kind: InvariantPreserved, Clause: "s <= 10", Unrolled: DefaultUnroll}
	div := &ObligationResult{Kind: DivideByZero}
	explicit := &ObligationResult{Kind: Panic}
	outs := &Counterexample{Outputs: []Binding{{"result", "-1"}}}
	divCex := &Counterexample{Panic: "runtime error: integer divide by zero"}
	panicCex := &Counterexample{Panic: "panic"}
	none := &Counterexample{}
	done := func(got, clause string) *replayOutcome {
		return &replayOutcome{Phase: "done", Returned: true, Got: got, Want: "-1", Clause: clause}
	}
	for _, tc := range []struct {
		name string
		ob   *ObligationResult
		cex  *Counterexample
		o    *replayOutcome
		want string // "" for confirmed, else a part of the reason
	}{
		{"ensures confirmed", ensures, outs, done("-1", "false"), ""},
		{"ensures clause holds", ensures, outs, done("-1", "true"), "the clause holds in Go"},
		{"ensures other result", ensures, outs, done("2", "false"), "Go returned 2, the counterexample says -1"},
		{"ensures clause panics", ensures, outs, &replayOutcome{Phase: "clause", Returned: true, Got: "-1", Want: "-1", Panic: "runtime error: index out of range"}, ""},
		{"ensures function panics", ensures, outs, &replayOutcome{Phase: "call", Panic: "boom"}, "Go panicked: boom"},
		{"ensures clause trips a requires check", ensures, outs, &replayOutcome{Phase: "clause", Returned: true, Got: "-1", Want: "-1", Panic: requiresViolated + "G: x > 0"}, "outside its contract"},
		{"inputs outside requires", ensures, outs, &replayOutcome{Phase: "requires", Unmet: "x > 0"}, "do not meet requires x > 0"},
		{"inexact quantifier", ensures, outs, &replayOutcome{Phase: "clause", Returned: true, Got: "-1", Want: "-1", Panic: inexactQuantifier + ": range too large"}, "cannot be evaluated exactly"},
		{"timeout", ensures, outs, &replayOutcome{crash: "Go did not finish within 10s"}, "did not finish within 10s"},
		{"requires ill-defined", wdReq, none, &replayOutcome{Phase: "requires", Panic: "runtime error: index out of range [0] with length 0", Runtime: true}, ""},
		{"requires well-defined in Go", wdReq, none, &replayOutcome{Phase: "done"}, "did not panic"},
		{"ensures ill-defined", wdEns, outs, &replayOutcome{Phase: "clause", Returned: true, Got: "-1", Want: "-1", Panic: "runtime error: index out of range"}, ""},
		{"ensures well-defined in Go", wdEns, outs, done("-1", "false"), "did not panic"},
		{"call-requires confirmed", callReq, none, &replayOutcome{Phase: "call", Panic: requiresViolated + "G: x != 0"}, ""},
		{"call-requires other clause", callReq, none, &replayOutcome{Phase: "call", Panic: requiresViolated + "G: y != 0"}, "outside its requires"},
		{"call-requires returns", callReq, none, &replayOutcome{Phase: "done", Returned: true}, "outside its requires"},
		{"invariant entry confirmed", entry, none, &replayOutcome{Phase: "call", Panic: invariantViolated + "i <= n"}, ""},
		{"invariant entry other invariant", entry, none, &replayOutcome{Phase: "call", Panic: invariantViolated + "i >= 0"}, "did not reach the loop"},
		{"invariant entry among others", entry, none, &replayOutcome{Phase: "call", Panic: invariantViolated + "i >= 0" + invariantSep + "i <= n"}, ""},
		{"division confirmed", div, divCex, &replayOutcome{Phase: "call", Panic: "runtime error: integer divide by zero", Runtime: true}, ""},
		{"division returns", div, divCex, &replayOutcome{Phase: "done", Returned: true}, "did not panic"},
		{"division other panic", div, divCex, &replayOutcome{Phase: "call", Panic: "runtime error: index out of range", Runtime: true}, "the counterexample says"},
		{"panic by requires check", div, divCex, &replayOutcome{Phase: "call", Panic: requiresViolated + "G: x > 0 runtime error: integer divide by zero"}, "left a contract"},
		{"explicit panic confirmed", explicit, panicCex, &replayOutcome{Phase: "call", Panic: "bad input"}, ""},
		{"explicit panic is a runtime error", explicit, panicCex, &replayOutcome{Phase: "call", Panic: "runtime error: nil map", Runtime: true}, "run-time error"},
		{"loop state", &ObligationResult{Kind: InvariantPreserved}, &Counterexample{State: []Binding{{"i", "-1"}}}, &replayOutcome{Phase: "done"}, "cannot be replayed"},
		{"invariant broken by unrolling confirmed", preserved, none, &replayOutcome{Phase: "call", Panic: invariantViolated + "s <= 10"}, ""},
		{"invariant broken by unrolling returns", preserved, none, &replayOutcome{Phase: "done", Returned: true}, "did not reach the loop"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &confirmCase{ob: tc.ob, cex: tc.cex}
			got := (&Program{}).judge(c, tc.o)
			switch {
			case tc.want == "" && got != confirmedVerdict:
				t.Errorf("judge = %q, want confirmed", got)
			case tc.want != "" && !strings.Contains(got, tc.want):
				t.Errorf("judge = %q, want a reason containing %q", got, tc.want)
			}
		})
	}
}

// TestReadOutcome checks how the end of a replay process is read.
func TestReadOutcome(t *testing.T) {
	opts := ConfirmOptions{Timeout: 3 * time.Second, Memory: 64 << 20}
	marker := "M:"
	exit := exec.Command("false").Run()
	var ee *exec.ExitError
	if !errors.As(exit, &ee) {
		t.Fatalf("false: %v", exit)
	}
	for _, tc := range []struct {
		name           string
		stdout, stderr string
		err            error
		timedOut       bool
		want           string // a part of crash, or "phase=P" for a report
	}{
		{"report", "noise printed by the function\nM:{\"Phase\":\"done\",\"Returned\":true}\n", "", nil, false, "phase=done"},
		{"marker printed by the function comes first", "M:{\"Phase\":\"call\"}\nM:{\"Phase\":\"done\"}\n", "", nil, false, "phase=done"},
		{"timeout", "", "", ee, true, "did not finish within 3s"},
		{"out of memory", "", "runtime: out of memory: cannot allocate 134217728-byte block\nfatal error: out of memory\n", ee, false, "memory limit (64 MiB)"},
		{"stack overflow", "", "runtime: goroutine stack exceeds 1000000000-byte limit\n", ee, false, "overflowed the stack"},
		{"crash", "", "panic: in another goroutine\n", ee, false, "died: panic: in another goroutine"},
		{"exit", "", "", nil, false, "without a report"},
		{"garbled", "M:{\"Phase\n", "", nil, false, "garbled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := readOutcome([]byte(tc.stdout), []byte(tc.stderr), tc.err, tc.timedOut, marker, opts)
			if p, ok := strings.CutPrefix(tc.want, "phase="); ok {
				if o.crash != "" || o.Phase != p {
					t.Errorf("outcome %+v, want phase %s", o, p)
				}
				return
			}
			if !strings.Contains(o.crash, tc.want) {
				t.Errorf("crash = %q, want %q in it", o.crash, tc.want)
			}
		})
	}
}

// TestQuantifierBounds checks that the quantifiers a replay evaluates
// over a range are those whose guard bounds the variable on both sides.
func TestQuantifierBounds(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"__vsynth_forall(func(k int) bool { return !(0 <= k && k < len(a)) || (a[k] != x) })",
			"zzvForallIn(0, false, len(a), false, func(k int) bool {\n\treturn !(0 <= k && k < len(a)) || (a[k] != x)\n})"},
		{"__vsynth_exists(func(k int) bool { return 0 <= k && k < len(a) && a[k] == r })",
			"zzvExistsIn(0, false, len(a), false, func(k int) bool {\n\treturn 0 <= k && k < len(a) && a[k] == r\n})"},
		{"__vsynth_forall(func(k int) bool { return !(k > lo && hi >= k) || p(k) })",
			"zzvForallIn(lo, true, hi, true, func(k int) bool {\n\treturn !(k > lo && hi >= k) || p(k)\n})"},
		// Only one side bounded, or a bound that mentions k: unchanged.
		{"__vsynth_forall(func(k int) bool { return !(0 <= k) || p(k) })", "__vsynth_forall(func(k int) bool {\n\treturn !(0 <= k) || p(k)\n})"},
		{"__vsynth_exists(func(k int) bool { return 0 <= k && k < k+1 && p(k) })", "__vsynth_exists(func(k int) bool {\n\treturn 0 <= k && k < k+1 && p(k)\n})"},
		// A forall whose body is not an implication has no guard.
		{"__vsynth_forall(func(k int8) bool { return 0 <= k && k < 3 })", "__vsynth_forall(func(k int8) bool {\n\treturn 0 <= k && k < 3\n})"},
	} {
		e, err := parser.ParseExpr(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		got := printExpr(token.NewFileSet(), rewriteQuantifiers(e))
		if got != tc.want {
			t.Errorf("rewriteQuantifiers(%s) =\n%s\nwant\n%s", tc.in, got, tc.want)
		}
	}
}

// TestCloneExpr checks that a clone shares no node with its original and
// maps each node back.
func TestCloneExpr(t *testing.T) {
	e, err := parser.ParseExpr("old(a[i]) + f(x, y.Z)")
	if err != nil {
		t.Fatal(err)
	}
	cp, orig := cloneExpr(e)
	seen := map[ast.Node]bool{}
	ast.Inspect(e, func(n ast.Node) bool { seen[n] = n != nil; return true })
	count := 0
	ast.Inspect(cp, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		count++
		if seen[n] {
			t.Errorf("clone shares %T with the original", n)
		}
		if o := orig[n]; o == nil || !seen[o] {
			t.Errorf("clone node %T does not map to an original node", n)
		}
		return true
	})
	if count < 8 || printExpr(token.NewFileSet(), cp) != printExpr(token.NewFileSet(), e) {
		t.Errorf("clone %s of %s (%d nodes)", printExpr(token.NewFileSet(), cp), printExpr(token.NewFileSet(), e), count)
	}
}
