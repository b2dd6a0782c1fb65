package experience

import (
	"context"
	"fmt"

	"github.com/vsynth/vsynth/synth"
)

// Grammar is a problem whose grammar a library's expansions are proved
// in, with the file it comes from (the library's corpus).
type Grammar struct {
	File    string
	Problem *synth.Problem
}

// ProveLibrary proves each of lib's components in each grammar given
// (synth.AdmitComponents, with prove) and records the proved expansions
// in the components, and the files in the provenance's corpus. Every
// proof prove does not give (refuted, unknown, failed to run) counts
// against the breaker, every proved one resets it; when it trips,
// proving stops. A component with no small expansion in a grammar is
// not a rejection: it is left out of that grammar.
func ProveLibrary(ctx context.Context, lib *synth.Library, grammars []Grammar, prove synth.ComponentProofs, b *Breaker) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	guarded := func(ctx context.Context, pat, exp *synth.Term) (synth.Verdict, string, error) {
		v, reason, err := prove(ctx, pat, exp)
		switch {
		case err != nil:
			b.Reject(fmt.Sprintf("%s = %s: %v", synth.TermKey(pat), synth.TermKey(exp), err))
			return synth.Unknown, err.Error(), nil
		case v != synth.Solved:
			b.Reject(fmt.Sprintf("%s = %s: %s %s", synth.TermKey(pat), synth.TermKey(exp), v, reason))
		default:
			b.Accept()
		}
		if b != nil && b.Tripped != "" {
			cancel()
		}
		return v, reason, nil
	}
	only := *lib
	only.DeriveSpecOperators = false
	for _, gr := range grammars {
		if ctx.Err() != nil {
			break
		}
		lib.Provenance.Corpus = append(lib.Provenance.Corpus, gr.File)
		_, adm, err := synth.AdmitComponents(ctx, &only, gr.Problem, guarded)
		if err != nil {
			return err
		}
		sig := synth.GrammarSignature(gr.Problem.Grammar)
		for _, a := range adm {
			for i := range lib.Components {
				comp := &lib.Components[i]
				if comp.Name == a.Name && !hasProof(comp, sig, a.Expansion) {
					comp.Proofs = append(comp.Proofs, synth.ComponentProof{Grammar: sig, Expansion: a.Expansion, Verdict: "proved"})
				}
			}
		}
	}
	if b != nil && b.Tripped != "" {
		return nil
	}
	return ctx.Err()
}

func hasProof(c *synth.Component, grammar, expansion string) bool {
	for _, p := range c.Proofs {
		if p.Grammar == grammar && p.Expansion == expansion {
			return true
		}
	}
	return false
}
