package main

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// TestDependencyDirection enforces the architecture: cmd → synth → ssa →
// specs, smt; the go/analysis analyzer (analysis/vsynthanalyzer) sits
// beside synth, on ssa, and only cmd/vsynth-vet and the golangci-lint
// plugin (analysis/vsynthlint) import it; smt imports
// nothing of ours; smt/z3 is the only cgo
// package and imports only smt (and, built without cgo, smt/z3proc, the
// z3 process it then drives).
func TestDependencyDirection(t *testing.T) {
	const module = "github.com/vsynth/vsynth"
	// allowed lists, for each package (by path below the module), the
	// packages of the module it may import. Packages not listed (examples)
	// may import nothing of ours.
	allowed := map[string][]string{
		"cmd/vsynth":       {"synth", "synth/benchplot", "synth/experience", "synth/llm", "synth/rules", "synth/sygus", "ssa", "specs", "smt", "smt/z3", "smt/z3proc", "smt/cvc5", "smt/portfolio"},
		"synth":            {"synth/rules", "ssa", "specs", "smt", "smt/z3", "internal/dirlock"},
		"synth/rules":      {"ssa", "smt", "smt/z3", "internal/dirlock"},
		"synth/sygus":      {"synth", "ssa"},
		"synth/llm":        {"synth", "synth/experience"},
		"synth/experience": {"synth"},
		"synth/benchplot":  {},
		// The analyzer proves through ssa like prove; only its vet tool
		// imports it, and the golangci-lint plugin registers it (nogo
		// would import it too).
		"analysis/vsynthanalyzer": {"ssa", "specs", "smt", "smt/z3"},
		"analysis/vsynthlint":     {"analysis/vsynthanalyzer"},
		"cmd/vsynth-vet":          {"analysis/vsynthanalyzer"},
		"ssa":                     {"specs", "smt"},
		"specs":                   {},
		"smt":                     {},
		"smt/z3":                  {"smt", "smt/z3proc"},
		"smt/z3proc":              {"smt"},
		"smt/cvc5":                {"smt"},
		"smt/portfolio":           {"smt"},
		// The tests' solver limits, imported by tests only.
		"internal/testlimits": {"smt"},
		// The tests' solvers, the modules they write and run, and what
		// ssa's test packages share (ssa, ssa/corpustest, ssa/gentest).
		"internal/testsolver": {"internal/testlimits", "smt", "smt/z3", "smt/z3proc", "smt/cvc5"},
		"internal/testmod":    {},
		// The directory lock of the files written atomically.
		"internal/dirlock":   {},
		"internal/provetest": {"ssa", "specs", "smt", "internal/testlimits", "internal/testsolver", "internal/testmod"},
		// The CLI scripts' runner, imported by the script packages'
		// tests (cmd/vsynth/scripttest/...) and cmd/vsynth's tests.
		"internal/clitest": {"internal/testlimits"},
	}
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
			CgoFiles   []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		seen++
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		ok := map[string]bool{}
		for _, a := range allowed[rel] {
			ok[a] = true
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(imp, module+"/")
			if !ok[dep] {
				t.Errorf("%s imports %s: not allowed by the architecture", rel, dep)
			}
		}
		if len(p.CgoFiles) > 0 && rel != "smt/z3" {
			t.Errorf("%s uses cgo: only smt/z3 may", rel)
		}
	}
	if seen < 6 {
		t.Fatalf("go list saw %d packages", seen)
	}
}
