package main

import (
	"os"
	"os/exec"
	"testing"
)

// TestCrossBuild builds vsynth without cgo for Windows and macOS (issue
// 15: "macOS and Windows builds fail"), as a team's release job would:
// such a vsynth drives a z3 process. The build of synth/rules' file lock
// for Windows (LockFileEx) was the last thing missing. It compiles the
// standard library for two more platforms, so it runs with VSYNTH_LONG=1.
func TestCrossBuild(t *testing.T) {
	if os.Getenv("VSYNTH_LONG") == "" {
		t.Skip("compiles vsynth for two other platforms; set VSYNTH_LONG=1")
	}
	for _, target := range [][2]string{{"windows", "amd64"}, {"darwin", "arm64"}, {"darwin", "amd64"}, {"linux", "386"}} {
		build := exec.Command("go", "build", "-o", os.DevNull, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+target[0], "GOARCH="+target[1])
		if out, err := build.CombinedOutput(); err != nil {
			t.Errorf("CGO_ENABLED=0 GOOS=%s GOARCH=%s go build: %v\n%s", target[0], target[1], err, out)
		}
	}
}
