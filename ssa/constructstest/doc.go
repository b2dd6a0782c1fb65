// Package constructstest proves the construct directories of
// testdata/prove (internal/provetest.ConstructDirs: interfaces, generics,
// closures, defer, globals, maps and map ranges, pure functions,
// multisets, the shipped standard-library contracts, string ranges,
// frames, function-typed parameters, zero-width values, clear, interfaces
// in memory) once per test binary, and checks every directory's want
// comments and every counterexample against compiled Go
// (TestProveConstructs); with VSYNTH_LONG=1 it also proves each directory
// alone. The rest of testdata/prove is ssa/corpustest's: the two halves
// are apart so that each test binary stays far from go test's 10-minute
// limit on a loaded machine (docs/soundness.md, "The suite under load").
package constructstest
