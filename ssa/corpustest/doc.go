// Package corpustest holds the tests of package ssa that prove the corpus
// testdata/prove, but for its construct directories (ssa/constructstest),
// and check every verdict against compiled Go: the corpus is proved once
// per test binary and shared (internal/provetest/corpus.go) by the checks
// of its // want comments and the replay of every counterexample
// (TestProveTestdata), the emitted
// playback tests (TestPlaybackTestsFail), the bounded model checking after
// a failed inductive proof (TestBoundedAfterInductive); ghost code and
// termination proved on their own; the real-Go sample (TestRealGoSample);
// and the counterexamples of the CLI scripts
// (TestScriptCounterexamplesReplay).
//
// They are a package of their own, apart from ssa's unit tests, the
// construct directories (ssa/constructstest), the examples
// (ssa/examplestest), the generators (ssa/gentest) and the mutation test
// (ssa/mutationtest), so that each test binary stays far
// from go test's 10-minute limit on a loaded machine (docs/soundness.md,
// "The suite under load"). They use ssa's exported API only, with the
// helpers of internal/provetest.
package corpustest
