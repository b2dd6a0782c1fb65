package sygus

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/synth"
)

// witnessScript turns a SyGuS file and a witness into an SMT-LIB script
// that is unsat iff no function at all meets the constraints when the
// variables have the witness's values: the synth-fun is declared as an
// uninterpreted function, so z3 may choose any function. It is an
// independent check of an unsat verdict, without the Go rendering.
func witnessScript(src []byte, p *Problem, witness []uint64) (string, error) {
	cmds, err := ReadAll("witness", src)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var constraints []string
	for _, c := range cmds {
		switch c.Head() {
		case "synth-fun":
			var sorts []string
			for _, param := range c.List[2].List {
				sorts = append(sorts, param.List[1].String())
			}
			fmt.Fprintf(&b, "(declare-fun %s (%s) %s)\n", c.List[1], strings.Join(sorts, " "), c.List[3])
		case "declare-var":
			b.WriteString("(declare-const " + c.List[1].String() + " " + c.List[2].String() + ")\n")
		case "constraint":
			constraints = append(constraints, c.List[1].String())
		case "check-synth":
			b.WriteString("(assert (and true " + strings.Join(constraints, " ") + "))\n")
			for i, v := range p.Vars {
				lit := fmt.Sprintf("(_ bv%d %d)", witness[i], v.Type.Width)
				if v.Type.Bool {
					lit = fmt.Sprint(witness[i] != 0)
				}
				fmt.Fprintf(&b, "(assert (= %s %s))\n", p.VarNames[i], lit)
			}
			b.WriteString("(check-sat)\n")
		case "set-logic":
		default:
			b.WriteString(c.String() + "\n")
		}
	}
	return b.String(), nil
}

// checkWitness asks the z3 command whether any function meets the
// constraints at the witness; it must say unsat.
func checkWitness(t *testing.T, file string, p *Problem, witness []uint64) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	script, err := witnessScript(src, p, witness)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("z3", z3Limits()...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if got := strings.TrimSpace(string(out)); got != "unsat" {
		t.Errorf("%s: witness %v: z3 says %q (%v): a function meets the constraints there\n%s", file, witness, got, err, script)
	}
}

// TestUnrealizable reports specs no function can meet as unsat, with a
// witness that z3 confirms independently (the constraints with the
// function uninterpreted and the variables fixed are unsat).
func TestUnrealizable(t *testing.T) {
	for _, tc := range []struct {
		file string
		ok   func(w []uint64) bool // what every witness must look like
	}{
		{"testdata/unsat-above.sl", func(w []uint64) bool { return len(w) == 1 && w[0] == 255 }},
		{"testdata/unsat-examples.sl", func(w []uint64) bool { return len(w) == 0 }},
		{"testdata/unsat-swap.sl", func(w []uint64) bool { return len(w) == 2 && w[0] == w[1] }},
	} {
		p, res := solveFile(t, tc.file)
		if res.Verdict != synth.Unsat {
			t.Errorf("%s: verdict %s (%s), want unsat", tc.file, res.Verdict, res.Reason)
			continue
		}
		if !tc.ok(res.Witness) {
			t.Errorf("%s: witness %v", tc.file, res.Witness)
		}
		checkWitness(t, tc.file, p, res.Witness)
	}
}

// TestRealizableNoWitness runs the realizability check alone on
// problems that have solutions: it must not find a witness. (A search
// that ends first would hide a wrong witness in TestSolve.) Problems of
// the form f(x) = E(x) are realizable by construction and get no check,
// and so are consistent input/output examples (testdata/pbe.sl, macro.sl).
func TestRealizableNoWitness(t *testing.T) {
	for _, file := range []string{"testdata/lowest.sl", "testdata/ispow2.sl", "testdata/pbe.sl", "testdata/macro.sl"} {
		src, _ := os.ReadFile(file)
		p, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		if p.Synth(testProver()).Realizable != nil {
			t.Errorf("%s: f(x) = E(x) or consistent examples checked for realizability", file)
		}
	}
	for _, file := range []string{"testdata/relational.sl", "testdata/narrow.sl"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(file, src)
		if err != nil {
			t.Fatal(err)
		}
		sp := p.Synth(testProver())
		if sp.Realizable == nil {
			t.Errorf("%s: no realizability check", file)
			continue
		}
		w, err := sp.Realizable(context.Background())
		if err != nil || w != nil {
			t.Errorf("%s: witness %v, error %v; the problem has a solution", file, w, err)
		}
	}
}

func testProver() *synth.Prover {
	return &synth.Prover{Limits: testlimits.Limits}
}
