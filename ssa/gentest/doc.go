// Package gentest holds the generator tests of package ssa: each
// generates random Go functions of one class with contracts, proves them
// with vsynth, and judges every verdict in compiled Go (a proved function
// must not break its contract on the edge values, a failed one's
// counterexample must replay). The classes are Go's operator semantics
// (TestDifferentialSemantics, diff*_test.go) and call order
// (TestDifferentialCallOrder), fresh allocations, bounded model checking,
// clauses that call functions, effects, frames, generics, ghost code,
// interfaces, maps, strings and string ranges, counterexample rendering
// of narrow types (TestRenderGenerator), and vsynth's own names used as
// Go identifiers (TestGenNames).
//
// The generators of math/bits domains and of caches that must not keep a
// stale verdict stay in package ssa (gen_bits_test.go, gen_cache_test.go:
// they use its internals). This package uses ssa's exported API only,
// with the helpers of internal/provetest; it is apart from ssa's unit
// tests so that each test binary stays far from go test's 10-minute
// limit on a loaded machine (docs/soundness.md, "The suite under load").
package gentest
