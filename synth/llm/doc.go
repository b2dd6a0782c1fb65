// Package llm is LLM-guided synthesis behind vsynth's proof gate: a
// language model proposes Go functions and Z3 decides. The model is a
// source of guesses, never of truth — every candidate is parsed, checked
// against the problem's signature and grammar, type-checked, translated
// to a term (synth.TermFromGo) and proved through the same go/ssa → SMT
// path as vsynth prove; nothing the model writes is compiled or run.
//
// The package holds an OpenAI-compatible chat-completions client over
// net/http (HTTPClient) with a call budget and bounded retries, a
// cassette that records and replays model answers (Cassette), the
// prompt builder, a view of the proven Go solutions of the experience store
// (package synth/experience) retrieved by spec similarity (Store), the model-only strategy (Strategy) and the hybrid
// of the model and the enumerator (Hybrid).
package llm
