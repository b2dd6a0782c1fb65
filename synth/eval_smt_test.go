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

// smtOps are the SMT-LIB operators of the term language with the smt
// package's constructor, whose constant folding is the reference.
var smtOps = map[Op]func(a, b *smt.Term) *smt.Term{
	OpUDiv: smt.BVUDiv, OpURem: smt.BVURem, OpSDiv: smt.BVSDiv, OpSRem: smt.BVSRem, OpAShr: smt.BVAShr,
	OpShl: smt.BVShl, OpShr: smt.BVLShr, OpAdd: smt.BVAdd, OpSub: smt.BVSub, OpMul: smt.BVMul,
	OpSLt: smt.BVSlt, OpSLe: smt.BVSle, OpLt: smt.BVUlt, OpLe: smt.BVUle,
	OpSGt: func(a, b *smt.Term) *smt.Term { return smt.BVSlt(b, a) },
	OpSGe: func(a, b *smt.Term) *smt.Term { return smt.BVSle(b, a) },
}

// TestEvalMatchesSMT checks the SMT-LIB operators (on unsigned types, as
// SyGuS uses them) against the smt package's folding.
func TestEvalMatchesSMT(t *testing.T) {
	n := 0
	for _, dt := range append(diffTypes(), narrowType()) {
		u := IntType(dt.t.Width, false)
		for op, mk := range smtOps {
			for _, a := range dt.vals {
				for _, b := range dt.vals {
					got, ok := Eval(op, u, a, b, 0)
					ref := mk(smt.BVUint(u.Width, a), smt.BVUint(u.Width, b))
					var want uint64
					if ref.Sort().IsBool() {
						want = b2u(ref.BoolValue())
					} else {
						want = ref.Value().Uint64()
					}
					n++
					if !ok || got != want {
						t.Fatalf("%s %s %d %d: Eval %d (ok %v), smt %d", u, op, a, b, got, ok, want)
					}
				}
			}
		}
	}
	t.Logf("%d cases compared", n)
}

// TestGoHelpersMatchEval runs the Go helpers that render SMT-LIB
// operators and compares them with Eval: a wrong helper would make vsynth
// prove a SyGuS answer against the wrong semantics.
func TestGoHelpersMatchEval(t *testing.T) {
	var src, calls bytes.Buffer
	src.WriteString("package main\n\nimport \"fmt\"\n\n")
	var want []string
	helperOps := []Op{OpUDiv, OpURem, OpSDiv, OpSRem, OpAShr, OpSLt, OpSLe, OpSGt, OpSGe}
	for _, dt := range append(diffTypes(), narrowType()) {
		if dt.t.Signed {
			continue // the same widths as the unsigned types
		}
		u := dt.t
		x := &Term{Op: OpParam, Type: u, Param: 0}
		y := &Term{Op: OpParam, Type: u, Param: 1}
		var terms []*Term
		tn := u.GoName()
		vals := fmt.Sprintf("vals_%d", u.Width)
		fmt.Fprintf(&src, "var %s = []%s{", vals, tn)
		for _, v := range dt.vals {
			fmt.Fprintf(&src, "%d, ", v)
		}
		src.WriteString("}\n\n")
		for _, op := range helperOps {
			rt := u
			if ops[op].compare {
				rt = BoolType
			}
			term := &Term{Op: op, Type: rt, Args: []*Term{x, y}}
			terms = append(terms, term)
			fmt.Fprintf(&calls, "\tfor _, x := range %s {\n\t\tfor _, y := range %s {\n\t\t\tfmt.Println(%s(x, y))\n\t\t}\n\t}\n", vals, vals, helperName(op, u))
			for _, a := range dt.vals {
				for _, b := range dt.vals {
					v, _ := Eval(op, u, a, b, 0)
					want = append(want, FormatValue(v, rt))
				}
			}
		}
		src.WriteString(GoHelpers(terms...))
	}
	src.WriteString("func main() {\n")
	src.Write(calls.Bytes())
	src.WriteString("}\n")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "main.go"), src.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module helpers\n\ngo 1.22\n"), 0o644)
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
			t.Fatalf("case %d: Go helper gives %s, Eval %s", i, lines[i], want[i])
		}
	}
	t.Logf("%d cases compared", len(want))
}

// narrowType is a 4-bit bit vector (SyGuS has them, Go does not), with
// all its values.
func narrowType() diffType {
	dt := diffType{t: IntType(4, false)}
	for v := range uint64(16) {
		dt.vals = append(dt.vals, v)
	}
	return dt
}
