package synth

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The enumerator prunes on Eval's values, so Eval must compute exactly
// what compiled Go computes. TestEvalMatchesGo generates a Go program
// that applies every Go operator to edge and random operands of every
// integer type, runs it, and compares each result (or panic) with Eval.

type diffCase struct {
	op   Op
	t    Type
	a, b uint64
}

var diffOps = []Op{OpAdd, OpSub, OpMul, OpQuo, OpRem, OpAnd, OpOr, OpXor, OpAndNot, OpShl, OpShr, OpNeg, OpCom, OpEq, OpNe, OpLt, OpLe, OpGt, OpGe}

// diffTypes lists, per integer type, the edge and random operands.
func diffTypes() []diffType {
	rng := rand.New(rand.NewSource(7))
	var out []diffType
	for _, w := range []int{8, 16, 32, 64} {
		for _, signed := range []bool{false, true} {
			t := IntType(w, signed)
			edge := []uint64{0, 1, 2, 3, t.mask(), t.mask() - 1, t.minSigned(), t.minSigned() - 1, t.minSigned() + 1, uint64(w - 1), uint64(w), uint64(w + 1), 255, 256}
			for range 12 {
				edge = append(edge, rng.Uint64())
			}
			for i := range edge {
				edge[i] &= t.mask()
			}
			out = append(out, diffType{t, edge})
		}
	}
	return out
}

type diffType struct {
	t    Type
	vals []uint64
}

// diffCases lists the cases in the order the generated program prints them.
func diffCases(types []diffType) []diffCase {
	var cases []diffCase
	for _, dt := range types {
		for _, op := range diffOps {
			for _, a := range dt.vals {
				for _, b := range dt.vals {
					cases = append(cases, diffCase{op, dt.t, a, b})
					if op.Arity() == 1 {
						break
					}
				}
			}
		}
	}
	return cases
}

func goExpr(c diffCase) string {
	switch c.op {
	case OpNeg:
		return "-x"
	case OpCom:
		return "^x"
	}
	return "x " + goBinary[c.op] + " y"
}

func TestEvalMatchesGo(t *testing.T) {
	types := diffTypes()
	cases := diffCases(types)
	var src bytes.Buffer
	src.WriteString("package main\n\nimport \"fmt\"\n\n")
	// One function per operator and type: operands come in as variables,
	// so Go does not fold constants.
	var calls bytes.Buffer
	for _, dt := range types {
		tn := dt.t.GoName()
		fmt.Fprintf(&src, "var vals_%s = []%s{", tn, tn)
		for _, v := range dt.vals {
			fmt.Fprintf(&src, "%s, ", FormatValue(v, dt.t))
		}
		src.WriteString("}\n\n")
		for _, op := range diffOps {
			c := diffCase{op: op, t: dt.t}
			n := fmt.Sprintf("f_%d_%s", op, tn)
			res := tn
			if ops[op].compare {
				res = "bool"
			}
			fmt.Fprintf(&src, "func %s(x, y %s) (r %s, panicked bool) {\n\tdefer func() {\n\t\tif recover() != nil {\n\t\t\tpanicked = true\n\t\t}\n\t}()\n\t_ = y\n\treturn %s, false\n}\n\n", n, tn, res, goExpr(c))
			if op.Arity() == 1 {
				fmt.Fprintf(&calls, "\tfor _, x := range vals_%s {\n\t\tfmt.Println(%s(x, 0))\n\t}\n", tn, n)
			} else {
				fmt.Fprintf(&calls, "\tfor _, x := range vals_%s {\n\t\tfor _, y := range vals_%s {\n\t\t\tfmt.Println(%s(x, y))\n\t\t}\n\t}\n", tn, tn, n)
			}
		}
	}
	src.WriteString("func main() {\n")
	src.Write(calls.Bytes())
	src.WriteString("}\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), src.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module diff\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("%d lines of output for %d cases", len(lines), len(cases))
	}
	bad := 0
	for i, c := range cases {
		v, ok := Eval(c.op, c.t, c.a, c.b, 0)
		want := ""
		switch {
		case !ok:
			want = zeroOf(c) + " true"
		case ops[c.op].compare:
			want = fmt.Sprintf("%v false", v == 1)
		default:
			want = FormatValue(v, c.t) + " false"
		}
		if lines[i] != want {
			bad++
			if bad <= 20 {
				t.Errorf("%s %s on %s, %s: Go says %q, Eval %q", c.t, c.op, FormatValue(c.a, c.t), FormatValue(c.b, c.t), lines[i], want)
			}
		}
	}
	t.Logf("%d cases compared", len(cases))
}

func zeroOf(c diffCase) string {
	if ops[c.op].compare {
		return "false"
	}
	return "0"
}
