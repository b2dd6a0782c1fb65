package synth

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/smt"
)

// widthCase is a width-changing term over parameters p0 (and p1) of the
// given types, with the smt package's constructor as its reference.
type widthCase struct {
	term *Term
	ref  func(a, b *smt.Term) *smt.Term
}

// widthCases covers every width-changing operator between the widths
// SyGuS files use, native and narrow (1, 4, 7, 8, 12, 16, 32, 64 bits).
func widthCases() []widthCase {
	var out []widthCase
	widths := []int{1, 4, 7, 8, 12, 16, 32, 64}
	for _, w := range widths {
		x := &Term{Op: OpParam, Type: IntType(w, false), Param: 0}
		for _, lo := range []int{0, 1, w / 2, w - 1} {
			for _, hi := range []int{lo, (lo + w - 1) / 2, w - 1} {
				if hi < lo || hi >= w {
					continue
				}
				out = append(out, widthCase{Extract(x, hi, lo), func(a, _ *smt.Term) *smt.Term { return smt.Extract(hi, lo, a) }})
			}
		}
		for _, k := range []int{1, 3, 8, 64 - w} {
			if k <= 0 || w+k > 64 {
				continue
			}
			out = append(out,
				widthCase{ZeroExtend(x, k), func(a, _ *smt.Term) *smt.Term { return smt.ZeroExt(k, a) }},
				widthCase{SignExtend(x, k), func(a, _ *smt.Term) *smt.Term { return smt.SignExt(k, a) }})
		}
		for _, v := range widths {
			if w+v > 64 {
				continue
			}
			y := &Term{Op: OpParam, Type: IntType(v, false), Param: 1}
			out = append(out, widthCase{Concat(x, y), func(a, b *smt.Term) *smt.Term { return smt.Concat(a, b) }})
		}
	}
	return out
}

// widthValues are edge values of a width.
func widthValues(w int) []uint64 {
	t := IntType(w, false)
	vals := []uint64{0, 1, t.mask(), t.mask() >> 1, 1 << uint(w-1), 0x5555555555555555 & t.mask(), 0xa5a5a5a5a5a5a5a5 & t.mask()}
	return vals
}

// TestEvalWidthMatchesSMT checks extract, concat, zero_extend and
// sign_extend against the smt package's constant folding.
func TestEvalWidthMatchesSMT(t *testing.T) {
	n := 0
	for _, c := range widthCases() {
		xs := widthValues(c.term.Args[0].Type.Width)
		ys := []uint64{0}
		if len(c.term.Args) == 2 {
			ys = widthValues(c.term.Args[1].Type.Width)
		}
		for _, a := range xs {
			for _, b := range ys {
				got, ok := EvalTerm(c.term, []uint64{a, b})
				var bt *smt.Term
				if len(c.term.Args) == 2 {
					bt = smt.BVUint(c.term.Args[1].Type.Width, b)
				}
				want := c.ref(smt.BVUint(c.term.Args[0].Type.Width, a), bt).Value().Uint64()
				n++
				if !ok || got != want {
					t.Fatalf("%s on %#x %#x: EvalTerm %#x, smt %#x", c.term, a, b, got, want)
				}
			}
		}
	}
	t.Logf("%d cases compared", n)
}

// TestGoWidthOpsMatchEval compiles and runs the Go rendering of every
// width-changing case (GoFunc) and compares it with EvalTerm: a wrong
// conversion would make vsynth prove an answer against the wrong
// semantics.
func TestGoWidthOpsMatchEval(t *testing.T) {
	var src, calls bytes.Buffer
	src.WriteString("package main\n\nimport \"fmt\"\n\n")
	var want []string
	for i, c := range widthCases() {
		params := []Param{{Name: "p0", Type: c.term.Args[0].Type}}
		xs := widthValues(c.term.Args[0].Type.Width)
		ys := []uint64{0}
		if len(c.term.Args) == 2 {
			params = append(params, Param{Name: "p1", Type: c.term.Args[1].Type})
			ys = widthValues(c.term.Args[1].Type.Width)
		}
		name := fmt.Sprintf("f%d", i)
		src.WriteString(GoFunc(name, params, c.term.Type, c.term) + "\n")
		for _, a := range xs {
			for _, b := range ys {
				args := fmt.Sprintf("%d", a)
				if len(params) == 2 {
					args += fmt.Sprintf(", %d", b)
				}
				fmt.Fprintf(&calls, "\tfmt.Println(%s(%s))\n", name, args)
				v, _ := EvalTerm(c.term, []uint64{a, b})
				want = append(want, fmt.Sprint(v))
			}
		}
	}
	src.WriteString("func main() {\n")
	src.Write(calls.Bytes())
	src.WriteString("}\n")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.go"), src.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module widths\n\ngo 1.22\n"), 0o644)
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("case %d: Go gives %s, EvalTerm %s", i, lines[i], want[i])
		}
	}
	t.Logf("%d cases compared", len(want))
}
