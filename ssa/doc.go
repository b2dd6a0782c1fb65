// Package ssa loads Go packages, builds their SSA form with go/ssa, and
// lowers functions and their specs to verification conditions.
//
// The story of a function, from source to verdict:
//
//   - Load (load.go) runs go/packages on the patterns, builds SSA for the
//     packages loaded from source, and collects every function with a spec:
//     //vsynth: directives in its doc comment or a declaration in a .vspec
//     file of its package, type-checked by package specs.
//   - Lower (vc.go, lower.go, value.go) turns the function into SMT terms.
//     Blocks are visited in reverse postorder; each has a guard, the
//     condition under which control reaches it without having panicked.
//     Phi nodes become if-then-else over the incoming edges, calls to
//     functions of the module are inlined, math/bits is modelled (bits.go),
//     and every operation that can panic raises an obligation that it does
//     not, at its position. semantics.go gives each Go operator its exact
//     meaning on bit vectors; spec.go lowers spec clauses through the same
//     semantics; a function called from a clause is inlined too, and must
//     not write memory it did not allocate (clausecalls.go), and a loop in
//     it that may run past the unrolling bound leaves the obligations that
//     rest on it unknown, not failed (beyond.go). A //vsynth:pure
//     function (pure.go) is checked to write nothing it did not allocate
//     and to terminate; clauses know it by its ensures clauses, or inline
//     it with its recursion unfolded a bounded number of times and cut
//     below. mset(a) in clauses (spec_seq.go) is a multiset code per
//     memory state with lemmas for stores, swaps and merges; a model is
//     kept only when its codes are those of its slices. Strings are immutable
//     byte sequences in a memory region of their own (strings.go, with
//     their spec forms in strings_spec.go and their counterexample
//     literals in strings_cex.go). Anything not modelled —
//     floats, interfaces, maps, strings in aggregates — stops the lowering with
//     an UnsupportedError naming the construct and its position, so that
//     no such function is ever proved. Ghost lines (ghost.go) apply at
//     one SSA point each: an assert is an obligation there, an assume
//     narrows the guard and is recorded; measures (termination.go) add
//     termination obligations on back edges and recursive calls.
//   - Prove (prove.go) decides each obligation, Assume ∧ Guard ∧ ¬Goal, with
//     a fresh solver per function, and reads counterexamples off the models
//     as Go literals. With Options.Cache (cache.go) definite answers are
//     stored under a hash of the query and answered from there next time;
//     with Options.CheckVacuity (vacuity.go) a proof that holds only
//     because requires is unsatisfiable, or because no allowed input
//     returns, is flagged. When an inductive proof over loop invariants
//     fails (an obligation not provable from the invariants, or an
//     invariant not preserved from some loop state), bmc.go unrolls every
//     loop from the entry up to the bound and looks for a counterexample
//     that is a real run (refuteByUnrolling).
//     With Options.Infer (infer.go, infer_candidates.go) the loops without
//     invariants first get inferred ones: candidates from the loop's
//     syntax and the contract, filtered Houdini-style until the rest are
//     inductive, then the function is proved with them through the same
//     lowering as written invariants; only a proved verdict is kept, and
//     otherwise the function is proved by unrolling as before.
//   - Confirm (confirm.go and the confirm_*.go files) replays every
//     counterexample in compiled Go — one overlay build for the run, a
//     child process per counterexample under a time and a memory limit —
//     and turns each that Go does not reproduce into unknown with the
//     reason, so that no failed verdict rests on the model alone. The
//     test suite's replays use it too.
//   - PlaybackTests (playback.go) writes, for refuted functions, Go tests
//     that call them on the counterexample and fail the way the spec is
//     violated.
//
// The package is named after what it works on; it imports x/tools' go/ssa
// as gossa.
package ssa
