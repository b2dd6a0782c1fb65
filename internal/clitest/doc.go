// Package clitest runs the vsynth command's txtar scripts
// (cmd/vsynth/testdata/script, one behaviour per file) against the built
// vsynth binary.
//
// The scripts are split by concern into several test packages under
// cmd/vsynth/scripttest (prove's reports, its caches and confirmation,
// its constructs, synth, rules and the rest). Each package's TestMain
// builds cmd/vsynth once (its packages are already in the build cache
// from compiling the tests, so this mostly links), and its TestScripts
// runs the scripts whose names match the package's patterns. Every script
// belongs to exactly one package (TestEveryScriptOnce in
// cmd/vsynth/scripttest checks it), so that go test runs the groups as
// separate test binaries: none of them carries all the scripts and their
// Z3 work, which went past go test's 10-minute limit on a loaded machine
// when one binary ran them all (docs/soundness.md, "The suite under
// load").
//
// Besides testscript's own commands, scripts may use:
//
//	vsynth ARGS...              run the vsynth binary (as exec does)
//	status CODE vsynth ARGS...  run a command and check its exit status
//	corruptcache DIR            overwrite every proof cache entry with garbage
//	validsarif FILE             validate a SARIF log against SARIF 2.1.0
//	validjson FILE              validate a --format json report against docs/report.schema.json
//	svgplot FILE SOLVER=N...    check a vsynth bench plot
//
// This package is imported by tests only.
package clitest
