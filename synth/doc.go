// Package synth synthesizes Go functions from their contracts: a
// bottom-up enumerator with observational-equivalence pruning, driven by
// counterexample-guided inductive synthesis (CEGIS), where every
// candidate is accepted only when its Go rendering is proved by Z3
// through the same go/ssa lowering as vsynth prove.
//
// The search is one Strategy among possible others (see Strategy); the
// enumerator takes pruning hooks: Enumerator.Skip, asked about a
// production applied to kept entries before it is evaluated, where
// RulePruner plugs in the rewrite rules compiled for the grammar, and
// Enumerator.Prune, a predicate on built terms. Problems come from synth func declarations in .vspec files
// (FromVspec) or from SyGuS files (package synth/sygus).
package synth
