package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/vsynth/vsynth/internal/testlimits"
)

// TestScripts builds vsynth-vet and runs the scripts of testdata/script,
// which call it as go vet -vettool=$VSYNTH_VET on small modules.
func TestScripts(t *testing.T) {
	tool := filepath.Join(t.TempDir(), "vsynth-vet")
	if out, err := exec.Command("go", "build", "-o", tool, ".").CombinedOutput(); err != nil {
		t.Fatalf("building vsynth-vet: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	goEnv := strings.Split(strings.TrimSpace(string(out)), "\n")
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			// The scripts' modules use only the standard library; share
			// the caller's build cache.
			for i, name := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"} {
				e.Setenv(name, goEnv[i])
			}
			e.Setenv("GOPROXY", "off")
			e.Setenv("GOFLAGS", "-mod=mod")
			e.Setenv("VSYNTH_VET", tool)
			// Verdicts under Z3's deterministic resource limit, as in
			// vsynth's own script tests (internal/testlimits).
			e.Setenv("VSYNTH_RLIMIT", strconv.FormatUint(testlimits.RLimit, 10))
			e.Setenv("VSYNTH_TIMEOUT", testlimits.Limits.Timeout.String())
			return nil
		},
	})
}
