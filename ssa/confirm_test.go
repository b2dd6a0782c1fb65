package ssa

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

// TestConfirmMangled proves a module with real failures, and confirms
// them twice: as found (every one confirmed), and with each counterexample
// changed by the test hook ConfirmOptions.Mangle into one Go does not
// reproduce (every one refused, unknown with the reason, and the
// functions no longer failed). The module's files are left as they were.
func TestConfirmMangled(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24\n",
		"p/p.go": `package p

//vsynth:requires lo <= hi
//vsynth:ensures lo <= result && result <= hi
func Mid(lo, hi int32) int32 {
	return (lo + hi) / 2
}

//vsynth:ensures result != 0
func Div(a, b int8) int8 {
	return a / b
}

//vsynth:requires x != 0
func inv(x int16) int16 { return 100 / x }

//vsynth:ensures true
func Two(a, b int8) int8 {
	x := a / b
	return x + 100/(b+1)
}

//vsynth:ensures true
func Caller(x int16) int16 {
	return inv(x - 1)
}
`,
	}
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prove := func() (*Program, []*FuncResult) {
		prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
		if err != nil {
			t.Fatal(err)
		}
		results, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Limits: smt.Limits{Timeout: 20 * time.Second}})
		if err != nil {
			t.Fatal(err)
		}
		return prog, results
	}
	failedNames := func(results []*FuncResult) []string {
		var names []string
		for _, r := range results {
			if r.Verdict == Failed {
				names = append(names, r.Target.Short)
			}
		}
		return names
	}

	prog, results := prove()
	if got := failedNames(results); len(got) != 4 {
		t.Fatalf("failed: %v, want Caller, Div, Mid and Two", got)
	}
	st, err := prog.Confirm(context.Background(), results, ConfirmOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cases < 3 || st.Confirmed != st.Cases || len(st.ToolErrors) > 0 || len(failedNames(results)) != 4 {
		t.Fatalf("as found: %+v, failed %v; want every case confirmed", st, failedNames(results))
	}

	prog, results = prove()
	mangle := func(r *FuncResult, o *ObligationResult, c *Counterexample) {
		switch {
		case o.Kind == Ensures: // another result than the one Go computes
			c.Outputs[0].Value = "7"
		case r.Target.Short == "p.Div": // a divisor that is not zero
			c.Inputs[1].Value = "1"
		case r.Target.Short == "p.Caller": // an argument for which the callee's requires holds
			c.Inputs[0].Value = "5"
		case r.Target.Short == "p.Two": // a division by zero, but at the other division
			if c.Inputs[1].Value == "0" {
				c.Inputs[1].Value = "-1"
			} else {
				c.Inputs[1].Value = "0"
			}
		}
	}
	st, err = prog.Confirm(context.Background(), results, ConfirmOptions{Mangle: mangle})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cases < 3 || st.Refused != st.Cases || len(failedNames(results)) != 0 {
		t.Fatalf("mangled: %+v, failed %v; want every case refused", st, failedNames(results))
	}
	want := map[string]string{
		"p.Mid":    "counterexample not confirmed: Go returned",
		"p.Div":    "counterexample not confirmed: Go",
		"p.Caller": "counterexample not confirmed: Go did not call the function outside its requires",
		"p.Two":    "counterexample not confirmed: Go panicked with \"runtime error: integer divide by zero\" at p.go:",
	}
	for _, r := range results {
		if want[r.Target.Short] == "" {
			continue
		}
		if r.Verdict != Unknown || !strings.HasPrefix(r.Reason, want[r.Target.Short]) {
			t.Errorf("%s: %s: %s; want unknown: %s", r.Target.Short, r.Verdict, r.Reason, want[r.Target.Short])
		}
	}

	// A replay that does not compile costs only its own case.
	prog, results = prove()
	st, err = prog.Confirm(context.Background(), results, ConfirmOptions{Mangle: func(r *FuncResult, o *ObligationResult, c *Counterexample) {
		if r.Target.Short == "p.Mid" {
			c.Inputs[0].Value = "zzvNoSuchValue"
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Refused != 1 || st.Confirmed != st.Cases-1 || len(st.ToolErrors) > 0 {
		t.Fatalf("one replay that does not compile: %+v; want it alone refused", st)
	}
	for _, r := range results {
		if r.Target.Short == "p.Mid" && !strings.HasPrefix(r.Reason, "counterexample not confirmed: the replay of this counterexample does not compile: undefined: zzvNoSuchValue") {
			t.Errorf("p.Mid: %s: %s", r.Verdict, r.Reason)
		}
	}

	// Without a go command nothing is confirmed: every case is unknown,
	// and the problem is reported.
	prog, results = prove()
	st, err = prog.Confirm(context.Background(), results, ConfirmOptions{GoCommand: filepath.Join(dir, "no-such-go")})
	if err != nil {
		t.Fatal(err)
	}
	if st.Refused != st.Cases || len(st.ToolErrors) == 0 || len(failedNames(results)) != 0 {
		t.Fatalf("without go: %+v, failed %v; want every case refused and a tool error", st, failedNames(results))
	}
	for _, r := range results {
		if want[r.Target.Short] != "" && !strings.Contains(r.Reason, "the replay program cannot be built") {
			t.Errorf("without go: %s: %s: %s", r.Target.Short, r.Verdict, r.Reason)
		}
	}

	entries, err := os.ReadDir(filepath.Join(dir, "p"))
	if err != nil || len(entries) != 1 {
		t.Errorf("the package directory has %d entries after confirming, want only p.go (%v)", len(entries), err)
	}
}
