package sygus

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
	"github.com/vsynth/vsynth/synth"
)

// checkScript turns a SyGuS file and an answer into an SMT-LIB script
// that is unsat iff the answer meets every constraint: an independent
// check of the answer that does not go through the Go rendering.
func checkScript(src []byte, answer string) (string, error) {
	cmds, err := ReadAll("check", src)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var constraints []string
	var invParams *Sexp
	answered := false
	for _, c := range cmds {
		switch c.Head() {
		case "synth-fun":
			if !answered { // several synth-funs: the answer defines them all
				b.WriteString(answer + "\n")
			}
			answered = true
		case "synth-inv":
			b.WriteString(answer + "\n")
			invParams = c.List[2]
		case "inv-constraint":
			// The three constraints of an inductive invariant, over
			// constants of their own.
			var x, xp []string
			for i, p := range invParams.List {
				n := fmt.Sprintf("vsynth_inv_x%d", i)
				b.WriteString("(declare-const " + n + " " + p.List[1].String() + ")\n")
				b.WriteString("(declare-const " + n + "p " + p.List[1].String() + ")\n")
				x = append(x, n)
				xp = append(xp, n+"p")
			}
			call := func(f string, args ...string) string { return "(" + f + " " + strings.Join(args, " ") + ")" }
			inv, pre, trans, post := c.List[1].Atom, c.List[2].Atom, c.List[3].Atom, c.List[4].Atom
			constraints = append(constraints,
				"(=> "+call(pre, x...)+" "+call(inv, x...)+")",
				"(=> (and "+call(inv, x...)+" "+call(trans, append(append([]string(nil), x...), xp...)...)+") "+call(inv, xp...)+")",
				"(=> "+call(inv, x...)+" "+call(post, x...)+")")
		case "declare-var":
			b.WriteString("(declare-const " + c.List[1].String() + " " + c.List[2].String() + ")\n")
		case "constraint":
			constraints = append(constraints, c.List[1].String())
		case "check-synth":
			b.WriteString("(assert (not (and true " + strings.Join(constraints, " ") + ")))\n(check-sat)\n")
		case "set-logic":
		default:
			b.WriteString(c.String() + "\n")
		}
	}
	return b.String(), nil
}

// TestAnswersCheckedByZ3 solves SyGuS files and re-checks every answer
// with the z3 command on the file's own SMT-LIB constraints, and every
// unsat verdict's witness (see checkWitness). It runs on
// the testdata files, and with VSYNTH_LONG=1 also on every .sl file
// below $VSYNTH_SYGUS_DIR (e.g. a copy of the SyGuS-Comp hd set) with a
// 30 s budget each.
func TestAnswersCheckedByZ3(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.sl")
	timeout := 60 * time.Second
	if dir := os.Getenv("VSYNTH_SYGUS_DIR"); dir != "" && os.Getenv("VSYNTH_LONG") == "1" {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".sl") {
				files = append(files, path)
			}
			return nil
		})
		timeout = 30 * time.Second
	}
	prover := &synth.Prover{Limits: testlimits.Limits}
	checked := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(f, src)
		if err != nil {
			continue // unsupported or not SyGuS v2
		}
		res, err := synth.Enum{}.Solve(context.Background(), p.Synth(prover), synth.Budget{Timeout: timeout, MaxSize: 40, MaxTerms: 20_000_000, Improve: time.Second})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if res.Verdict == synth.Unsat {
			checkWitness(t, f, p, res.Witness)
			checked++
			continue
		}
		if res.Verdict != synth.Solved {
			continue
		}
		script, err := checkScript(src, p.Answer(res.Term))
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("z3", z3Limits()...)
		cmd.Stdin = strings.NewReader(script)
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); got != "unsat" {
			t.Errorf("%s: answer %s: z3 says %q (%v)\n%s", f, p.Answer(res.Term), got, err, script)
			continue
		}
		checked++
	}
	t.Logf("%d answers and unsat witnesses re-checked by z3", checked)
	if checked == 0 {
		t.Fatal("no answer checked")
	}
}

// z3Limits are the arguments of the z3 command that re-checks answers and
// witnesses: Z3's deterministic resource limit decides, so that a check
// does not turn into unknown on a loaded machine, and a time limit far
// beyond it is only a safety net (internal/testlimits).
func z3Limits() []string {
	return []string{fmt.Sprintf("rlimit=%d", testlimits.RLimit), fmt.Sprintf("-T:%d", int(testlimits.Limits.Timeout.Seconds())), "-in"}
}
