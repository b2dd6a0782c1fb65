package z3proc

import (
	"os/exec"
	"strings"
	"sync"
)

var (
	versionOnce sync.Once
	version     string
)

// Version is the executable's version ("4.8.12"), from `z3 --version`,
// or "unavailable" when it does not run.
func Version() string {
	versionOnce.Do(func() {
		version = "unavailable"
		out, err := exec.Command(Command, "--version").Output()
		if err != nil {
			return
		}
		// "Z3 version 4.8.12 - 64 bit"
		f := strings.Fields(string(out))
		for i, w := range f {
			if w == "version" && i+1 < len(f) {
				version = f[i+1]
			}
		}
	})
	return version
}
