package rules

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/ssa"
)

// TestShippedSetProved is what CI runs: every rule of the shipped set is
// proved at every type it claims, within the performance budget. The
// budget is counted in Z3's resource units, summed over every check, not
// in seconds: the same on an idle machine and a loaded one.
func TestShippedSetProved(t *testing.T) {
	rs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	var spent testlimits.Counter
	opts := testOptions()
	if opts.NewSolver == nil {
		opts.NewSolver = NewZ3Solver
	}
	opts.NewSolver = spent.Wrap(opts.NewSolver)
	start := time.Now()
	res, err := Check(context.Background(), rs, opts)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	for _, r := range res {
		if r.Verdict != Proved {
			t.Errorf("%s: %s: %s", r.Rule.Position(), r.Rule.Name, r.Verdict)
		}
	}
	t.Logf("%d rules checked in %v: %s", len(rs), elapsed, spent.String())
	if total := spent.Total(); total > shippedSetBudget {
		t.Errorf("checking the shipped set spent %d resource units, want at most %d", total, shippedSetBudget)
	}
}

// shippedSetBudget is the resource units the shipped set may spend in
// all: about twice the 82 million it spent on 2026-12-07 (374 rules, Z3
// 4.8.12; 58 s at load 12 on 2 cores), where the budget used to be a
// minute of wall-clock time. The sum varies a little with which worker
// checks which rule (a solver's state carries over between checks).
const shippedSetBudget = 160_000_000

// falseRules are wrong in the ways rules go wrong: overflow at MinInt,
// panics on one side only, signedness, wrong shift amounts.
const falseRules = `neg-lt:     -x < 0 => 0 < x  for signed
div-self:   x / x => 1
rem-self:   x % x => 0
shl-neg:    x << y => x >> -y for int8, int64
sdiv-pow2:  x / C => x >> log2(C)  if isPow2(C)  for signed
mul-assoc-wrong: (x * C1) * C2 => x * (C1 + C2)
abs-ge:     (x ^ (x >> (W-1))) - (x >> (W-1)) >= 0 => true for int16
lt-sub:     x < y => x - y < 0 for int32, uint8
uadd-ge:    x + y >= x => true for unsigned
`

// TestFalseRulesRefuted checks that every false rule is refuted at every
// type where it is false, and replays each counterexample in compiled Go:
// the two sides must really differ, or panic differently.
func TestFalseRulesRefuted(t *testing.T) {
	rs, err := Parse("false.rules", []byte(falseRules))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), rs, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var calls []string
	for i, r := range res {
		if r.Verdict != Failed {
			t.Errorf("%s: %s, want failed", r.Rule.Name, r.Verdict)
		}
		for _, tr := range r.Types {
			if tr.Verdict != Failed {
				continue
			}
			l, rh, _ := funcNames(i, tr.Type)
			var args []string
			for _, b := range tr.Inputs {
				args = append(args, b.Value)
			}
			a := strings.Join(args, ", ")
			calls = append(calls, fmt.Sprintf("\treport(%q, %q, %q, func() any { return %s(%s) }, func() any { return %s(%s) })\n",
				r.Rule.Name, tr.Type.Name, outcomeText(tr.Left)+" "+outcomeText(tr.Right), l, a, rh, a))
		}
	}
	out := runGo(t, Render(rs), `
func try(f func() any) (s string) {
	defer func() {
		if recover() != nil {
			s = "panic"
		}
	}()
	return fmt.Sprint(f())
}

func report(rule, typ, want string, l, r func() any) {
	ls, rs := try(l), try(r)
	fmt.Printf("%s %s %s %s | %s\n", rule, typ, ls, rs, want)
}

func main() {
`+strings.Join(calls, "")+"}\n")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(calls) || len(calls) < len(rs) {
		t.Fatalf("replayed %d counterexamples of %d:\n%s", len(lines), len(calls), out)
	}
	for _, line := range lines {
		f := strings.Fields(line)
		// rule type left right | wantLeft wantRight
		if len(f) != 7 {
			t.Fatalf("bad replay line %q", line)
		}
		if f[2] == f[3] {
			t.Errorf("%s at %s: the counterexample does not replay: both sides give %s", f[0], f[1], f[2])
		}
		if f[2] != f[5] || f[3] != f[6] {
			t.Errorf("%s at %s: compiled Go gives %s %s, the model said %s %s", f[0], f[1], f[2], f[3], f[5], f[6])
		}
	}
	t.Logf("%d counterexamples replayed", len(lines))
}

func outcomeText(o ssa.Outcome) string {
	if o.Panics {
		return "panic"
	}
	return o.Value
}

func TestVacuousRuleRejected(t *testing.T) {
	rs, err := Parse("v.rules", []byte("v: x * C => 0 if C != C\nw: x << C => 0 if C >= W && C < W\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), rs, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Verdict != Failed || !r.Vacuous {
			t.Errorf("%s: %s vacuous=%v, want failed and vacuous", r.Rule.Name, r.Verdict, r.Vacuous)
		}
	}
}

// TestConditionRestrictsDomain: a rule true only under its condition
// is proved with it.
func TestConditionRestrictsDomain(t *testing.T) {
	rs, err := Parse("c.rules", []byte("sdiv-pow2-pos: x / C => x >> log2(C) if isPow2(C) && C > 1 for uint8, uint64\nrem: x % C => x & (C - 1) if isPow2(C) for uint32\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Check(context.Background(), rs, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Verdict != Proved {
			t.Errorf("%s: %s", r.Rule.Name, r.Verdict)
		}
	}
}

// runGo compiles and runs a Go program made of the rendered rules and
// body, and returns its output.
func runGo(t *testing.T, rendered []byte, body string) string {
	t.Helper()
	dir := t.TempDir()
	src := strings.Replace(string(rendered), "package rules\n", "package main\n\nimport \"fmt\"\n", 1) + body
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module replay\n\ngo 1.24\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	return string(out)
}
