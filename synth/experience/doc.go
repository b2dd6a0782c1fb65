// Package experience is vsynth's memory of what it has proved: every
// answer a synthesis run proves (SyGuS or .vspec, enumerated or from a
// language model) is appended, after its proof, to one store (Store), a
// JSON-lines file in a directory the user chooses, with the problem, the
// grammar's signature, the answer term, its size, its derivation's
// productions keyed by what they compute (synth.ProdKey), the proof time
// and the vsynth version. The language model's store of solutions
// (synth/llm.Store) is a view of the same file.
//
// LearnPrior turns the recorded answers into a synth.Prior: production
// counts from which the enumeration takes costs (−log2 of the smoothed
// probability within a nonterminal), so that the productions proved
// answers use are tried first. LearnLibrary mines a component library
// (synth.Library) from the answers' typed terms: fragments used by
// several problem families (or, with RankSaving, by the operators they
// save). CheckRecord and a Breaker guard what is learned from: records
// that do not read are rejected, and a run of rejections (or of
// components Z3 does not prove, ProveLibrary) stops learning, as the
// rule learner's circuit breaker does. Nothing learned here is trusted: a prior
// only orders the search, a component enters a grammar only after Z3
// proves its expansion, and every candidate is proved as before.
package experience
