// Command vsynth-vet runs vsynth's proofs as a go vet tool:
//
//	go vet -vettool=$(which vsynth-vet) ./...
//
// It proves every function with a //vsynth: contract (or a .vspec
// declaration) in each package and reports the functions that are not
// proved: failed with a counterexample replayed in compiled Go, unknown or
// unsupported with the reason. Calls into other packages use the callee's
// contract, carried from the callee's package as an analysis fact, so the
// verdicts do not depend on the packages named. Run on its own
// (vsynth-vet ./...), it loads the packages itself, as a standalone
// analysis driver. The analyzer is package
// github.com/vsynth/vsynth/analysis/vsynthanalyzer.
package main

import (
	"encoding/json"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/vsynth/vsynth/analysis/vsynthanalyzer"
)

func main() {
	if factsOnly(os.Args[1:]) {
		// go vet runs the tool on the dependencies of the packages named
		// for their facts only, and drops the diagnostics: replaying
		// counterexamples there would build for nothing, since a failed
		// verdict and one that a replay turns unknown export the same
		// fact (not proved).
		_ = vsynthanalyzer.Analyzer.Flags.Set("confirm", "false")
	}
	singlechecker.Main(vsynthanalyzer.Analyzer)
}

// factsOnly reports whether the go command runs the tool on a vet.cfg
// that asks for facts only (VetxOnly).
func factsOnly(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	data, err := os.ReadFile(args[len(args)-1])
	if err != nil {
		return false // unitchecker reports it
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}
