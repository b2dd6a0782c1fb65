// Package mutationtest holds the mutation test of package ssa
// (TestMutants): functions vsynth proves in the examples and in
// testdata/prove are mutated one change at a time, each mutant is run by
// compiled Go on many inputs and proved by vsynth, and a mutant Go kills
// must not be proved, while every counterexample vsynth gives must
// replay. The default run draws a seeded sample of the proved functions,
// proving only what it draws; VSYNTH_LONG=1 mutates every one.
//
// It is a test binary of its own so that ssa's test binaries each stay
// far from go test's 10-minute limit on a loaded machine
// (docs/soundness.md, "The suite under load"); it uses ssa's exported
// API only, with the helpers of internal/provetest.
package mutationtest
