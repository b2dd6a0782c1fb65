package sygus

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/synth"
)

func solveFile(t *testing.T, name string) (*Problem, *synth.Result) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	prover := &synth.Prover{Limits: testlimits.Limits}
	res, err := synth.Enum{}.Solve(context.Background(), p.Synth(prover), synth.Budget{Timeout: 60 * time.Second, MaxSize: 8})
	if err != nil {
		t.Fatal(err)
	}
	return p, res
}

// TestSolve solves small SyGuS problems and checks the answers' text:
// each is the smallest program of its grammar.
func TestSolve(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{"testdata/lowest.sl", "(define-fun f ((x (_ BitVec 32))) (_ BitVec 32) (bvand x (bvneg x)))"},
		{"testdata/ispow2.sl", "(define-fun f ((x (_ BitVec 32))) Bool (and (not (= (bvredor (bvand (bvsub x #x00000001) x)) #b1)) (= (bvredor x) #b1)))"},
		{"testdata/relational.sl", "(define-fun f ((x (_ BitVec 16))) (_ BitVec 16) (bvadd x #x0005))"},
		{"testdata/macro.sl", "(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (bvor (shl1 x) (shr4 x)))"},
		{"testdata/pbe.sl", "(define-fun f ((x (_ BitVec 8))) (_ BitVec 8) (if0 (bvand #x01 x) (bvxor #x55 x) (bvnot x)))"},
		{"testdata/narrow.sl", "(define-fun inv ((s (_ BitVec 4)) (t (_ BitVec 4))) (_ BitVec 4) (bvadd t (bvneg s)))"},
	} {
		p, res := solveFile(t, tc.file)
		if res.Verdict != synth.Solved {
			t.Errorf("%s: %s (%s)", tc.file, res.Verdict, res.Reason)
			continue
		}
		if !res.Minimal {
			t.Errorf("%s: smaller programs not ruled out", tc.file)
		}
		if got := p.Answer(res.Term); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.file, got, tc.want)
		}
	}
}

// TestInfeasible exhausts a finite grammar without an answer.
func TestInfeasible(t *testing.T) {
	_, res := solveFile(t, "testdata/infeasible.sl")
	if res.Verdict != synth.Infeasible {
		t.Errorf("verdict %s (%s), want infeasible", res.Verdict, res.Reason)
	}
}

// TestUnsupported names the unsupported feature and its position.
func TestUnsupported(t *testing.T) {
	src := "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(declare-var x (_ BitVec 8))\n(constraint (= (f x) ((_ rotate_left 1) x)))\n(check-synth)\n"
	_, err := Parse("rot.sl", []byte(src))
	var u *UnsupportedError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "rot.sl:4:23: unsupported: operator rotate_left") {
		t.Errorf("got %v, want the unsupported rotate_left at 4:23", err)
	}
}

// TestSyntaxErrors gives positions for malformed files.
func TestSyntaxErrors(t *testing.T) {
	for src, want := range map[string]string{
		"(set-logic BV)\n(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)\n": "x.sl:2:1: unclosed parenthesis",
		"(set-logic BV))":                     "x.sl:1:15: unexpected )",
		"(set-logic BV)\n(frobnicate)":        "x.sl:2:1: unknown command frobnicate",
		"(set-logic BV)\n(declare-var x #xZ)": "x.sl:2:16: malformed hexadecimal \"#xZ\"",
		"(set-logic BV)\n; caf\xe9\n":         "x.sl:2:6: invalid UTF-8 byte 0xe9",
	} {
		_, err := Parse("x.sl", []byte(src))
		var se *SyntaxError
		if !errors.As(err, &se) || err.Error() != want {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

// TestRepeatedConstraints: a constraint repeated 10,000 times is one
// conjunct, not a search over a formula 10,000 times larger.
func TestRepeatedConstraints(t *testing.T) {
	var b strings.Builder
	b.WriteString("(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(declare-var x (_ BitVec 8))\n")
	for range 10000 {
		b.WriteString("(constraint (= (f x) (bvadd x x)))\n")
	}
	b.WriteString("(check-synth)\n")
	p, err := Parse("x.sl", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if p.Constraint.Op == synth.OpLAnd {
		t.Errorf("the repeated constraint was kept more than once: %v", p.Constraint)
	}
}
