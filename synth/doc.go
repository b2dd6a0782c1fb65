// Package synth synthesizes Go functions from their contracts: a
// bottom-up enumerator with observational-equivalence pruning, driven by
// counterexample-guided inductive synthesis (CEGIS), where every
// candidate is accepted only when its Go rendering is proved by Z3
// through the same go/ssa lowering as vsynth prove.
//
// The search is one Strategy among possible others (see Strategy; the
// LLM-guided ones are in package synth/llm); the enumerator takes a
// pruning predicate (Enumerator.Prune) for rule-based pruning and a
// production cost (Enumerator.Cost, from Weights) for a probabilistic
// grammar. TermFromGo reads a Go function (a model's answer) back as a
// term of a problem's grammar. Problems come from synth func declarations in .vspec files
// (FromVspec) or from SyGuS files (package synth/sygus).
package synth
