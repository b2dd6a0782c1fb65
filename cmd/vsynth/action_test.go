package main

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// action is the structure of a composite GitHub Action's action.yml.
type action struct {
	Name        string
	Description string
	Inputs      map[string]struct {
		Description string
		Required    bool
		Default     *string
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name             string
	ID               string
	If               string
	Uses             string
	Run              string
	Shell            string
	WorkingDirectory string `yaml:"working-directory"`
	With             map[string]string
	Env              map[string]string
}

// TestActionYAML checks the repository's composite action (action.yml):
// it parses as YAML with only the keys GitHub reads; every run step has a
// shell and a script bash accepts; every input it refers to is declared
// and every declared one used; its outputs come from steps that exist;
// actions are pinned to a major version; and it does what it promises:
// installs Z3, builds vsynth, runs the gate with SARIF output, uploads
// the SARIF even when the gate fails, and exits with the gate's status.
func TestActionYAML(t *testing.T) {
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	// Only the keys GitHub's action metadata has, at the top and in steps.
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for k := range raw {
		if !slices.Contains([]string{"name", "description", "author", "branding", "inputs", "outputs", "runs"}, k) {
			t.Errorf("action.yml: unknown top-level key %q", k)
		}
	}
	steps, _ := raw["runs"].(map[string]any)["steps"].([]any)
	for i, s := range steps {
		for k := range s.(map[string]any) {
			if !slices.Contains([]string{"name", "id", "if", "uses", "run", "shell", "working-directory", "with", "env", "continue-on-error"}, k) {
				t.Errorf("step %d: unknown key %q", i, k)
			}
		}
	}
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", a.Runs.Using)
	}
	ids := map[string]bool{}
	pinned := regexp.MustCompile(`^[\w.-]+/[\w./-]+@v\d+$`)
	for i, s := range a.Runs.Steps {
		if s.Name == "" {
			t.Errorf("step %d has no name", i)
		}
		if s.ID != "" {
			ids[s.ID] = true
		}
		switch {
		case s.Uses != "" && s.Run != "":
			t.Errorf("step %q both uses and runs", s.Name)
		case s.Uses != "":
			if !pinned.MatchString(s.Uses) {
				t.Errorf("step %q uses %q: pin a major version (owner/repo@vN)", s.Name, s.Uses)
			}
		case s.Run != "":
			// A composite action's run steps must name their shell.
			if s.Shell != "bash" {
				t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
			}
			// Inputs reach scripts through env, never spliced into the
			// script's text (where a value could inject commands).
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q splices an expression into its script: pass it in env", s.Name)
			}
			cmd := exec.Command("bash", "-n")
			cmd.Stdin = strings.NewReader(s.Run)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("step %q: bash -n: %v\n%s", s.Name, err, out)
			}
		default:
			t.Errorf("step %q neither uses an action nor runs a script", s.Name)
		}
	}
	// Inputs: declared iff used.
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`inputs\.([\w-]+)`).FindAllStringSubmatch(string(data), -1) {
		used[m[1]] = true
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
		if !used[name] {
			t.Errorf("input %s is declared but not used", name)
		}
		if !in.Required && in.Default == nil {
			t.Errorf("optional input %s has no default", name)
		}
	}
	for name := range used {
		if _, ok := a.Inputs[name]; !ok {
			t.Errorf("inputs.%s is used but not declared", name)
		}
	}
	for name, out := range a.Outputs {
		m := regexp.MustCompile(`^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$`).FindStringSubmatch(out.Value)
		if m == nil || !ids[m[1]] {
			t.Errorf("output %s: value %q is not a step's output", name, out.Value)
		}
	}

	// What it promises, in order: Z3, vsynth, the gate with SARIF, the
	// upload (even after a failing gate), the gate's status.
	find := func(what string, ok func(actionStep) bool) int {
		t.Helper()
		for i, s := range a.Runs.Steps {
			if ok(s) {
				return i
			}
		}
		t.Errorf("no step %s", what)
		return -1
	}
	z3 := find("installs Z3", func(s actionStep) bool {
		return strings.Contains(s.Run, "libz3-dev") && strings.Contains(s.Run, "apt-get install")
	})
	build := find("builds vsynth", func(s actionStep) bool {
		return strings.Contains(s.Run, "go build") && strings.Contains(s.Run, "./cmd/vsynth") && s.WorkingDirectory == "${{ github.action_path }}"
	})
	prove := find("runs vsynth prove with SARIF", func(s actionStep) bool {
		return strings.Contains(s.Run, "vsynth prove") && strings.Contains(s.Run, `--sarif "$VSYNTH_SARIF"`) && s.Env["VSYNTH_SARIF"] == "${{ inputs.sarif-file }}"
	})
	upload := find("uploads SARIF", func(s actionStep) bool {
		return s.Uses == "github/codeql-action/upload-sarif@v4" && strings.Contains(s.With["sarif_file"], "${{ inputs.sarif-file }}")
	})
	verdict := find("exits with the gate's status", func(s actionStep) bool {
		return strings.Contains(s.Run, `exit "${VSYNTH_STATUS`) && s.Env["VSYNTH_STATUS"] == "${{ steps.prove.outputs.exit-code }}"
	})
	if !(z3 < build && build < prove && prove < upload && upload < verdict) {
		t.Errorf("steps out of order: z3 %d, build %d, prove %d, upload %d, verdict %d", z3, build, prove, upload, verdict)
	}
	if upload >= 0 && !strings.Contains(a.Runs.Steps[upload].If, "always()") {
		t.Errorf("the upload step runs only when the gate passes (if: %q): a failing gate's findings would never reach code scanning", a.Runs.Steps[upload].If)
	}
	if prove >= 0 && a.Runs.Steps[prove].ID != "prove" {
		t.Errorf("the prove step's id is %q, want prove", a.Runs.Steps[prove].ID)
	}
	// The prove script itself: the gate's status is kept, not lost to set -e.
	if prove >= 0 {
		script := a.Runs.Steps[prove].Run
		if !strings.Contains(script, "set +e") || !strings.Contains(script, `echo "exit-code=$status" >> "$GITHUB_OUTPUT"`) {
			t.Errorf("the prove step does not record the gate's status:\n%s", script)
		}
	}
}

// TestWorkflowYAML: the repository's own workflow parses and uploads its
// SARIF with the current upload-sarif action.
func TestWorkflowYAML(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/vsynth.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []actionStep
		}
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("vsynth.yml: %v", err)
	}
	found := false
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
				found = true
				if s.Uses != "github/codeql-action/upload-sarif@v4" {
					t.Errorf("the workflow uses %s: v4 is current", s.Uses)
				}
			}
		}
	}
	if !found {
		t.Error("the workflow uploads no SARIF")
	}
}
