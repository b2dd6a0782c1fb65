package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildWithoutCgo builds vsynth with CGO_ENABLED=0, as on a machine
// without a C compiler or libz3, and proves a package with it: package
// smt/z3 then drives a z3 process (smt/z3proc).
func TestBuildWithoutCgo(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "vsynth")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
	mod := filepath.Join(dir, "m")
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24\n",
		"p/p.go": `package p

//vsynth:requires x < 100
//vsynth:ensures result > x
func Inc(x int8) int8 { return x + 1 }

//vsynth:ensures result >= x
func Wrap(x int8) int8 { return x + 1 }
`,
	}
	for name, content := range files {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prove := exec.Command(bin, "prove", "--no-cache", "-v", "./...")
	prove.Dir = mod
	out, _ := prove.CombinedOutput()
	if code := prove.ProcessState.ExitCode(); code != exitFailed {
		t.Errorf("exit %d, want %d\n%s", code, exitFailed, out)
	}
	for _, want := range []string{"p.Inc: proved", "p.Wrap: failed", "counterexample: x = 127 -> result = -128", "1 proved, 1 failed"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
