package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestGoModTidy: go.mod and go.sum are what `go mod tidy` makes of them
// (direct requirements unmarked, indirect ones marked // indirect, no
// missing or unused module): `go mod tidy -diff` prints nothing and exits 0.
func TestGoModTidy(t *testing.T) {
	cmd := exec.Command("go", "mod", "tidy", "-diff")
	cmd.Dir = "../.."
	// The module's own settings, not a caller's -mod flag.
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go mod tidy -diff: %v: go.mod or go.sum is not tidy (run go mod tidy):\n%s", err, out)
	}
	if len(out) > 0 {
		t.Fatalf("go mod tidy -diff printed a diff:\n%s", out)
	}
}
