package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/vsynth/vsynth/smt/z3"
)

// versionInfo says what this vsynth is: its release, how it was built
// (module version and VCS revision from the build info, when the go
// command recorded them), the Go toolchain, the platform and the Z3 it is
// linked against.
func versionInfo() string {
	s := fmt.Sprintf("vsynth %s\n", version)
	if bi, ok := debug.ReadBuildInfo(); ok {
		s += fmt.Sprintf("module %s %s\n", bi.Main.Path, bi.Main.Version)
		var rev, when, modified string
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				rev = kv.Value
			case "vcs.time":
				when = kv.Value
			case "vcs.modified":
				if kv.Value == "true" {
					modified = " (modified)"
				}
			}
		}
		if rev != "" {
			s += fmt.Sprintf("revision %s %s%s\n", rev, when, modified)
		}
	}
	s += fmt.Sprintf("go %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	s += fmt.Sprintf("z3 %s\n", z3.Version())
	return s
}

// printVersion is urfave/cli's --version printer.
func printVersion(w io.Writer) {
	fmt.Fprint(w, versionInfo())
}
