// Package ssa loads Go packages, builds their SSA form with go/ssa, and
// lowers functions and their specs to verification conditions.
//
// The story of a function, from source to verdict:
//
//   - Load (load.go) runs go/packages on the patterns, builds SSA for the
//     packages loaded from source, and collects every function with a spec:
//     //vsynth: directives in its doc comment or a declaration in a .vspec
//     file of its package, type-checked by package specs. The module's
//     packages that a loaded package imports are loaded from source too
//     (load_deps.go): their functions with specs are Deps, whose
//     contracts calls use and which Prove proves when relied on, so that
//     verdicts do not depend on the pattern. LoadTyped (loadtyped.go)
//     loads one package that is already type-checked, as a go/analysis
//     pass gives it; calls into other packages then use the contracts
//     their own loads exported (contract_fact.go: the contract as a
//     .vspec file, the verdict, the memory written), which the analyzer
//     (analysis/vsynthanalyzer) carries as facts.
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
//     literals in strings_cex.go); for range over a string decodes UTF-8
//     as the runtime does, with the iterator's position in memory
//     (strings_range.go), and []rune(s) and string(runes) are unrolled
//     with an unwinding obligation (strings_runes.go). Maps are references into memory: an
//     address, with the entries and the length in regions of their own
//     (maps.go: reads, writes with a nil-map obligation, delete, len,
//     make and literals, and the lemmas tying a map's length on entry
//     to its keys; maps_spec.go: m[k], len(m) and has(m, k) in specs;
//     maps_cex.go: Go map literals in counterexamples; maps_range.go:
//     for range over a map in every order, the solver choosing each key,
//     and confirm_order.go replaying such a counterexample until Go's
//     random order is the one it names). Function values
//     (closures.go) are numbers into the lowering's table of closures,
//     each a function and its captured cells; a call of one dispatches
//     over the closures it may be, inlining each; a function-typed
//     parameter is nil or an unknown function (funcparam.go) with
//     arbitrary results and writes, assumed to return. A function with defers
//     (defer.go) runs its deferred calls in LIFO order at every return,
//     and routes the panics of its body into a panicking path that runs
//     them too, where a direct recover() stops the panic and the function
//     returns its named results; //vsynth:panics EXPR (panics.go) allows
//     the panics where EXPR holds and asks that none is missing.
//     Package-level variables (globals.go) are objects below alloc0 with
//     arbitrary contents on entry; clauses name them, counterexamples list
//     them, and the replay sets them. Interface values are a tag naming
//     the dynamic type and a payload holding the value (ifaces.go, with
//     their counterexample literals in ifaces_cex.go and their spec forms
//     in ifaces_spec.go); in memory an interface takes a tag slot and a
//     payload slot (ifaces_memory.go), and a method call through one in a
//     clause is lowered like the code's (ifaces_spec_call.go); the types an interface may hold are those of
//     the loaded packages, a closed world (ifaces_world.go) each verdict
//     states; a method call through an interface is lowered for each of
//     them and merged (ifaces_call.go), and a call that may reach an
//     implementation vsynth cannot lower is a dynamic-call obligation that
//     leaves the function unknown. errors.New and fmt.Errorf make opaque
//     non-nil errors (ifaces_errors.go). Generic functions are verified
//     per instance go/ssa builds (generics.go), and at every type a
//     constraint that is a finite union of integer types allows
//     (generics_union.go); cmp.Compare and slices.Index, Contains, Max,
//     Min and Grow are modelled exactly (stdlib_generic.go). Values of
//     zero-size types (struct{}, [0]T, stateless receivers) have a
//     layout without slots and a stand-in bit that is always 0
//     (layout.go); clear on a slice zeroes its elements (append.go). Calls of the
//     strings, bytes, unicode/utf8, strconv and unicode functions real
//     code calls most use contracts vsynth ships as data (stdlib/*.vspec,
//     stdlib_contracts.go), checked against GOROOT by proof or by
//     randomized runs; a call outside one's requires is replayed by the
//     library's own panic (stdlib_confirm.go). Anything not
//     modelled — floats, strings and maps in
//     aggregates, methods of generic
//     types — stops the lowering with an UnsupportedError naming the
//     construct and its position, so that no such function is ever
//     proved. Ghost lines (ghost.go) apply at
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
//     reason, so that no failed verdict rests on the model alone. In a
//     load of one package (LoadTyped), the callees of other packages get
//     their requires checks in their own files' overlay
//     (confirm_foreign.go). The test suite's replays use it too.
//   - PlaybackTests (playback.go) writes, for refuted functions, Go tests
//     that call them on the counterexample and fail the way the spec is
//     violated.
//
// The package is named after what it works on; it imports x/tools' go/ssa
// as gossa.
package ssa
