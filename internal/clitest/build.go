package clitest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Main builds the vsynth command into a temporary directory, sets
// BinDir to it, runs the tests and removes the directory. It is the body
// of a script package's TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(clitest.Main(m)) }
func Main(m interface{ Run() int }) int {
	dir, err := os.MkdirTemp("", "vsynth-scripts")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(dir)
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "vsynth"), "github.com/vsynth/vsynth/cmd/vsynth")
	build.Dir = RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build ./cmd/vsynth: %v\n%s", err, out)
		return 2
	}
	if log := os.Getenv("VSYNTH_SCRIPT_CPU"); log != "" {
		if err := wrapForCPU(dir, log); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
	}
	BinDir = dir
	return m.Run()
}

// wrapForCPU replaces the vsynth binary in dir by a shell script that runs
// it under /usr/bin/time, appending each run's user and system CPU
// seconds (its children's included) and the script's name to the file
// log. It is how the scripts' costs were measured for splitting them
// into groups (docs/soundness.md):
//
//	VSYNTH_SCRIPT_CPU=/tmp/cpu.txt go test -count=1 ./cmd/vsynth/scripttest/...
func wrapForCPU(dir, log string) error {
	bin := filepath.Join(dir, "vsynth")
	real := filepath.Join(dir, "timed", "vsynth") // the same base name: usage lines name it
	if err := os.Mkdir(filepath.Dir(real), 0o755); err != nil {
		return fmt.Errorf("wrapping vsynth for VSYNTH_SCRIPT_CPU: %w", err)
	}
	if err := os.Rename(bin, real); err != nil {
		return fmt.Errorf("wrapping vsynth for VSYNTH_SCRIPT_CPU: %w", err)
	}
	wrapper := "#!/bin/sh\nexec /usr/bin/time -a -o '" + log + "' -f \"%U %S $(basename \"$WORK\")\" '" + real + "' \"$@\"\n"
	return os.WriteFile(bin, []byte(wrapper), 0o755)
}

// BinDir is the directory holding the vsynth binary that Main built.
var BinDir string

// RepoRoot is the repository's root directory (the tests run from the
// source tree).
func RepoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("clitest: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// ScriptDir is the directory of the vsynth command's scripts.
func ScriptDir() string {
	return filepath.Join(RepoRoot(), "cmd", "vsynth", "testdata", "script")
}
