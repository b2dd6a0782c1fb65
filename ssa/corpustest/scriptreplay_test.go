package corpustest

import (
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"golang.org/x/tools/txtar"

	"github.com/vsynth/vsynth/smt"
)

// TestScriptCounterexamplesReplay replays in compiled Go every
// counterexample that the CLI scripts (cmd/vsynth/testdata/script) see:
// each script is followed line by line — its archive's files, the cp
// commands that change them — and each state a `vsynth prove` command
// runs on is proved here with the command's --unroll, --timeout, --rlimit
// and --total-timeout (the test limits otherwise, as the scripts run) and
// its patterns (--run and --shard only select among the same results).
// Every refuted obligation is then replayed
// (internal/provetest/replay.go): the compiled function must return the claimed outputs
// and break the clause, or panic as claimed. Counterexamples that cannot
// be replayed are counted and named: loop states that break an invariant
// (not inputs), parameters that must share memory, slices too large to
// allocate.
func TestScriptCounterexamplesReplay(t *testing.T) {
	if !testlimits.Long() {
		// The scripts' own runs confirm every counterexample they print:
		// vsynth prove --confirm is on by default, so a failed verdict a
		// script expects is one compiled Go reproduced. This second
		// replay of all of them costs about 55 s of CPU.
		t.Skip("VSYNTH_LONG=1 replays the counterexamples of every script in the test harness too")
	}
	scripts, err := filepath.Glob(filepath.Join("..", "..", "cmd", "vsynth", "testdata", "script", "*.txtar"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	var runs []*scriptRun
	seen := map[string]bool{}
	for _, name := range scripts {
		for _, r := range scriptProveRuns(t, name) {
			if !seen[r.key()] {
				seen[r.key()] = true
				runs = append(runs, r)
			}
		}
	}
	var replayed, failedFuncs int
	var notReplayed, notLoaded []string
	for _, r := range runs {
		dir := t.TempDir()
		for name, data := range r.files {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		prog, err := ssa.Load(ssa.LoadConfig{Dir: dir}, r.patterns)
		if err != nil {
			// The scripts of load errors and bad specs expect exit 2.
			notLoaded = append(notLoaded, fmt.Sprintf("%s (%s)", r.script, firstLine(err.Error())))
			continue
		}
		ctx, cancel := context.WithCancel(context.Background())
		if r.total > 0 {
			ctx, cancel = context.WithTimeout(context.Background(), r.total)
		}
		opts := ssa.Options{NewSolver: testsolver.New, Limits: r.limits, Unroll: r.unroll}
		results, err := prog.Prove(ctx, prog.Targets, opts)
		cancel()
		if err != nil {
			t.Fatalf("%s: prove: %v", r.script, err)
		}
		for _, res := range results {
			if res.Verdict == ssa.Failed {
				failedFuncs++
			}
		}
		if bogusScripts[r.script] {
			// The script's counterexamples are ones Go does not reproduce:
			// confirmation must refuse every one.
			if _, err := prog.Confirm(context.Background(), results, ssa.ConfirmOptions{Timeout: 2 * time.Second}); err != nil {
				t.Fatalf("%s: confirm: %v", r.script, err)
			}
			for _, res := range results {
				if res.Verdict == ssa.Failed {
					t.Errorf("%s: %s: a counterexample Go does not reproduce was confirmed", r.script, res.Target.Name)
				}
			}
			continue
		}
		n, exempt := provetest.ConfirmReplays(t, prog, results)
		replayed += n
		for _, e := range exempt {
			notReplayed = append(notReplayed, r.script+": "+e)
		}
	}
	for _, s := range notReplayed {
		t.Logf("not replayed: %s", s)
	}
	for _, s := range notLoaded {
		t.Logf("does not load (no counterexample): %s", s)
	}
	t.Logf("%d scripts, %d distinct prove runs (%d do not load); %d refuted functions; %d counterexamples replayed in Go, %d not replayable",
		len(scripts), len(runs), len(notLoaded), failedFuncs, replayed, len(notReplayed))
	if replayed == 0 {
		t.Error("no counterexample replayed: the scripts' refutations are not checked")
	}
}

// bogusScripts are the scripts whose counterexamples, by construction, Go
// does not reproduce (they test that confirmation refuses them).
var bogusScripts = map[string]bool{
	"prove_confirm_refused.txtar": true,
	"prove_confirm_timeout.txtar": true,
}

// scriptRun is one state of a script's files that a `vsynth prove`
// command proves, with the options that change its counterexamples.
type scriptRun struct {
	script   string
	files    map[string][]byte
	patterns []string
	unroll   int
	limits   smt.Limits // as the script tests run vsynth: testlimits.Limits unless the script says
	total    time.Duration
}

// key identifies the run: the same files and options give the same
// counterexamples.
func (r *scriptRun) key() string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(r.files)) {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(r.files[name]))
		h.Write(r.files[name])
	}
	fmt.Fprintf(h, "%q %d %+v %s", r.patterns, r.unroll, r.limits, r.total)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// scriptProveRuns follows a script: its archive's files, changed by cp
// commands between archive files, and a run for every `vsynth prove`
// command with a module to prove.
func scriptProveRuns(t *testing.T, name string) []*scriptRun {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range ar.Files {
		files[f.Name] = f.Data
	}
	if _, ok := files["go.mod"]; !ok {
		return nil
	}
	var runs []*scriptRun
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		args := scriptFields(line)
		for len(args) > 0 && (args[0] == "!" || args[0] == "status" || isNumber(args[0]) || args[0] == "exec") {
			args = args[1:]
		}
		if len(args) >= 3 && args[0] == "cp" {
			if data, ok := files[args[1]]; ok {
				files[args[2]] = data
			}
			continue
		}
		if len(args) < 2 || args[0] != "vsynth" || args[1] != "prove" {
			continue
		}
		r := &scriptRun{script: filepath.Base(name), limits: testlimits.Limits}
		for i := 2; i < len(args); i++ {
			a := strings.TrimLeft(args[i], "-")
			flag, value, hasValue := strings.Cut(a, "=")
			takesValue := map[string]bool{"format": true, "timeout": true, "rlimit": true, "unroll": true, "total-timeout": true,
				"run": true, "emit-smt": true, "jobs": true, "shard": true, "cache": true, "json": true, "sarif": true, "junit": true}
			if !strings.HasPrefix(args[i], "-") {
				r.patterns = append(r.patterns, args[i])
				continue
			}
			if takesValue[flag] && !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			switch flag {
			case "unroll":
				r.unroll, _ = strconv.Atoi(value)
			case "timeout":
				r.limits.Timeout, _ = time.ParseDuration(value)
			case "rlimit":
				r.limits.RLimit, _ = strconv.ParseUint(value, 10, 64)
			case "total-timeout":
				r.total, _ = time.ParseDuration(value)
			}
		}
		if len(r.patterns) == 0 {
			continue // a usage error
		}
		r.files = maps.Clone(files)
		runs = append(runs, r)
	}
	return runs
}

// scriptFields splits a script line into words, with testscript's single
// quotes; a comment line has none.
func scriptFields(line string) []string {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "#") {
		return nil
	}
	var fields []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			quoted = !quoted
			inWord = true
		case !quoted && (r == ' ' || r == '\t'):
			if inWord {
				fields = append(fields, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		fields = append(fields, cur.String())
	}
	return fields
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
