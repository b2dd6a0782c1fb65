// Package testsolver starts the solvers of vsynth's tests that prove: Z3
// in process (or a z3 process, for the suite of a build without cgo) with
// the tests' deterministic limits (internal/testlimits), and cvc5 to
// cross-check what Z3 proves. It depends on no package of the verifier,
// so that ssa's own tests and the test packages beside it
// (internal/provetest) start their solvers the same way.
package testsolver
