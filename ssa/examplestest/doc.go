// Package examplestest proves the examples (examples/...) once per test
// binary and checks every verdict against compiled Go: every
// counterexample replays (TestProveExamplesReplay), and the playback
// tests of every refuted function fail with the violated clause or the
// panic (TestPlaybackTestsFail). The README's output of vsynth prove on
// the examples is checked by cmd/vsynth/readmetest.
//
// It is a test binary of its own, apart from ssa's unit tests and the
// other corpus (ssa/corpustest), so that each stays far from go test's
// 10-minute limit on a loaded machine (docs/soundness.md, "The suite
// under load"); it uses ssa's exported API only, with the helpers of
// internal/provetest.
package examplestest
