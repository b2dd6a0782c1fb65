package sygus

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/synth"
)

// TestV2Features solves one file per SyGuS-IF v2 feature of issue 19
// (item 3) and re-checks each answer with z3 on the file's own SMT-LIB
// constraints: the answer is valid SyGuS and meets them.
func TestV2Features(t *testing.T) {
	for _, tc := range []struct{ file, feature string }{
		{"testdata/widths.sl", "mixed widths, extract, zero_extend, sign_extend, (_ BitVec 1), (_ bvN w)"},
		{"testdata/concat.sl", "concat and (_ bvN w) in a constraint"},
		{"testdata/let.sl", "let and (Constant (_ BitVec n))"},
		{"testdata/invariant.sl", "synth-inv and inv-constraint"},
		{"testdata/nullary.sl", "nullary synth-fun as a bare symbol"},
		{"testdata/two-funs.sl", "two synth-funs constrained together"},
		{"testdata/three-funs.sl", "three synth-funs, one nullary"},
		{"testdata/funs-mixed.sl", "synth-funs of two sorts (Bool and bit vector), default grammars"},
		{"testdata/funs-widths.sl", "synth-funs of two sorts, a 4-bit result over an 8-bit parameter"},
	} {
		p, res := solveFile(t, tc.file)
		if res.Verdict != synth.Solved {
			t.Errorf("%s (%s): %s (%s)", tc.file, tc.feature, res.Verdict, res.Reason)
			continue
		}
		src, _ := os.ReadFile(tc.file)
		answer := p.Answer(res.Term)
		script, err := checkScript(src, answer)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("z3", z3Limits()...)
		cmd.Stdin = strings.NewReader(script)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); got != "unsat" {
			t.Errorf("%s (%s): answer %s: z3 says %q (%v)\n%s", tc.file, tc.feature, answer, got, err, script)
		}
	}
}

// TestV2Parse checks what the new syntax reads as.
func TestV2Parse(t *testing.T) {
	head := "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(declare-var x (_ BitVec 8))\n"
	for _, tc := range []struct{ constraint, want string }{
		{"(= (f x) (_ bv200 8))", "(== p1 200)"},
		{"(= (f x) (concat ((_ extract 3 0) x) #b1010))", "(== p1 (concat[8:4] (extract[4:0] p0) 10))"},
		{"(= ((_ zero_extend 8) (f x)) ((_ sign_extend 8) x))", "(== (zero_extend[16:0] p1) (sign_extend[16:8] p0))"},
		{"(let ((y (bvadd x x)) (x #x01)) (= (f x) y))", "(== p1 (+ p0 p0))"},
		{"(= (f x) (let ((y x)) (let ((y (bvadd y y))) y)))", "(== p1 (+ p0 p0))"},
		{"(= ((_ extract 0 0) (f x)) #b1)", "(== (extract[1:0] p1) 1)"},
	} {
		p, err := Parse("x.sl", []byte(head+"(constraint "+tc.constraint+")\n(check-synth)\n"))
		if err != nil {
			t.Errorf("%s: %v", tc.constraint, err)
			continue
		}
		if got := p.Constraint.String(); got != tc.want {
			t.Errorf("%s: read as %s, want %s", tc.constraint, got, tc.want)
		}
	}
}

// TestV2Errors: malformed uses of the new syntax are positioned syntax
// errors, and what stays unsupported says so.
func TestV2Errors(t *testing.T) {
	head := "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(declare-var x (_ BitVec 8))\n"
	for _, tc := range []struct {
		constraint, want string
		unsupported      bool
	}{
		{"(= (f x) ((_ extract 8 0) x))", "x.sl:4:23: extract 8 0 of a 8-bit vector", false},
		{"(= (f x) ((_ extract 1 2) x))", "x.sl:4:23: extract 1 2 of a 8-bit vector", false},
		{"(= (f x) (_ bv256 8))", "x.sl:4:22: 256 does not fit in 8 bits", false},
		{"(= (f x) ((_ extract 7 0) (concat x (concat x (concat x (concat x (concat x (concat x (concat x (concat x x))))))))))", "unsupported: bit-vector width 72 (1 to 64 bits)", true},
		{"(= (f x) ((_ rotate_left 1) x))", "x.sl:4:23: unsupported: operator rotate_left", true},
		{"(= (f x) (let ((y x) (y x)) y))", "x.sl:4:34: y bound twice in one let", false},
		{"(= (f x) (let ((y x)) z))", "x.sl:4:35: unknown symbol z", false},
		{"(= (bvand (bvredor x) #b1) #b1)", "x.sl:4:16: unsupported: bvredor as a bit vector (only compared with #b0 or #b1)", true},
	} {
		_, err := Parse("x.sl", []byte(head+"(constraint "+tc.constraint+")\n(check-synth)\n"))
		var se *SyntaxError
		var ue *UnsupportedError
		ok := errors.As(err, &se)
		if tc.unsupported {
			ok = errors.As(err, &ue)
		}
		if !ok || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s", tc.constraint, err, tc.want)
		}
	}
	inv := "(set-logic BV)\n(synth-inv inv ((x (_ BitVec 8))))\n(define-fun pre ((x (_ BitVec 8))) Bool true)\n(inv-constraint inv pre pre pre)\n(check-synth)\n"
	if _, err := Parse("x.sl", []byte(inv)); err == nil || !strings.Contains(err.Error(), "x.sl:4:25: pre must take 2 arguments and return Bool") {
		t.Errorf("trans with one argument: got %v", err)
	}
}

// TestHarvestedConstants: a (Constant (_ BitVec n)) rule stands for 0,
// 1, all ones, the sign bit and the constraints' constants of width n.
func TestHarvestedConstants(t *testing.T) {
	src, _ := os.ReadFile("testdata/let.sl")
	p, err := Parse("let.sl", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pr := range p.Grammar.NTs[1].Prods {
		got = append(got, pr.Tmpl.Sym)
	}
	if want := "#x00 #x01 #xff #x80 #x2a"; strings.Join(got, " ") != want {
		t.Errorf("constants %v, want %s", got, want)
	}
}
