// Package vsynthlint registers vsynth's analyzer (package
// analysis/vsynthanalyzer) with golangci-lint's module plugin system, under
// the name "vsynth". A custom golangci-lint binary that imports this
// package (golangci-lint custom, with
// `import: github.com/vsynth/vsynth/analysis/vsynthlint` in
// .custom-gcl.yml, or scripts/golangci-custom.sh) runs vsynth's proofs as
// one of its linters, with the contracts of imported packages carried as
// facts.
//
// The linter's settings in .golangci.yml are the analyzer's flags
// (rlimit, timeout, unroll, infer, confirm, jobs); an unknown key is an
// error. Settings left out keep the analyzer's defaults ($VSYNTH_RLIMIT
// and $VSYNTH_TIMEOUT, then vsynth prove's).
package vsynthlint
