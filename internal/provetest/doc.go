// Package provetest holds what the tests of package ssa and the test
// packages beside it (ssa/corpustest, ssa/gentest) share: proving a
// directory with the tests' limits and cvc5's cross-check (ProveDir),
// replaying counterexamples in compiled Go through the core
// confirmation and failing on every one Go does not reproduce
// (ConfirmReplays, Replay), checking // want comments against verdicts
// (CheckWants), and leaving out the functions marked as long tests
// (WithoutLongTests). It imports ssa, so ssa's own tests that use it are
// in the external package ssa_test.
package provetest
