// Package synth synthesizes Go functions from their contracts: a
// bottom-up enumerator with observational-equivalence pruning, driven by
// counterexample-guided inductive synthesis (CEGIS), where every
// candidate is accepted only when its Go rendering is proved by Z3
// through the same go/ssa lowering as vsynth prove.
//
// The search is one Strategy among possible others (see Strategy; the
// LLM-guided ones are in package synth/llm). The enumerator takes pruning
// hooks: Enumerator.Skip, asked about a production applied to kept
// entries before it is evaluated, where RulePruner plugs in the rewrite
// rules compiled for the grammar, and Enumerator.Prune, a predicate on
// built terms; and a production cost (Enumerator.Cost, from Weights) for
// a probabilistic grammar; a Prior learned from proved answers (package
// synth/experience) gives such costs by what each production computes
// (ProdKey); a Library holds components (library*.go), admitted into a
// grammar only through their smallest expansion in it, proved equal by
// Z3 through the lowering prove uses (AdmitComponents, ProveComponent),
// and searched as one production. Enum with a Prior or a Library races
// the guided search against the plain one, one worker each, and improves
// a guided answer by the plain size order (race.go); with PriorJIT the
// costs are updated between CEGIS rounds from the programs meeting new
// subsets of the inputs (prior_jit.go). Enum.RacePlain and
// Prior.Shuffled are controls for measurements. Prior.Apply and
// Library.Apply write shipped files (apply.go): provenance with the
// held-out folds and the commit, no learned problem in a fold, sealed,
// canonical, atomic; CheckAppliedPrior and CheckAppliedLibrary check
// them.
// The enumerator keeps the time limit without relying on the context's
// timer, which fires late on a loaded machine: it reads the deadline from
// the clock every 1024 combinations and before each work block of about
// 4096 combinations, and keeps values in chunks that are never copied
// (enum_vals.go), so that no copy of hundreds of MB stalls it or the
// garbage collector past the deadline.
// TermFromGo reads a Go function (a model's
// answer) back as a term of a problem's grammar. Problems come from synth
// func declarations in .vspec files
// (FromVspec) or from SyGuS files (package synth/sygus).
//
// When a problem's spec is a list of input/output examples
// (Problem.Examples) and its grammar has a conditional at the start
// symbol, the search divides and conquers (solvePBE, pbe.go): terms are
// collected by the examples they meet and conditions by how they split
// them, on a prefix of the examples with exact checks on all of them for
// the few that matter, and a decision tree over the examples
// (information gain, pbe_tree.go) becomes the candidate that is proved.
// Without such a conditional, the search runs CEGIS over the examples
// (solveExamples, examples_plain.go): the equivalence is on a subset of
// them, a term meeting the subset is evaluated on all, and the first
// example it misses joins the subset.
//
// The enumerator's memory is bounded (Enumerator.MaxBytes, from
// Budget.MaxMemory): each kept term is estimated at TermBytes(points)
// bytes, and at the bound the enumeration ends ("memory budget
// reached"); it never grows past it. Work blocks hold at most about
// half a million values, and a level's blocks are made in batches, so
// neither grows with the banks.
//
// Terms may mix integer widths: the width-changing SMT-LIB operators
// (OpExtract, OpConcat, OpZExt, OpSExt; ops_width.go) carry their index
// in Term.Value and are evaluated with their result type, and GoFunc
// renders them as Go conversions (narrowing truncates, a signed source
// sign-extends, bits above a narrow width are masked off).
package synth
