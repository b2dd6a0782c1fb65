package synth

import "fmt"

// applied is the provenance --apply requires of a prior.
func (pr *Prior) applied() AppliedProvenance {
	p := pr.Provenance
	return AppliedProvenance{Store: p.Store, Corpus: p.Corpus, Folds: p.Folds, Commit: p.Commit, Names: p.Problems}
}

// Apply writes the prior to path as vsynth learn prior --apply does, the
// only way a shipped prior changes: its provenance must name the store,
// the corpus, the folds it is evaluated on (none of its problems in
// one) and the commit; it is sealed (SHA256) and written in its
// canonical form, atomically (see applyFile), over nothing but a prior
// file.
func (pr *Prior) Apply(path string) error {
	if err := pr.check(); err != nil {
		return fmt.Errorf("prior: %w", err)
	}
	if err := pr.applied().check(); err != nil {
		return fmt.Errorf("prior: refusing to apply: %w", err)
	}
	data, err := seal(pr, &pr.SHA256)
	if err != nil {
		return fmt.Errorf("prior: %w", err)
	}
	parse := func(b []byte) error { _, err := ParsePrior(b); return err }
	if err := applyFile(path, data, "prior", parse, CheckAppliedPrior); err != nil {
		return fmt.Errorf("prior: %w", err)
	}
	return nil
}

// CheckAppliedPrior checks a shipped prior file: it reads as a prior, is
// sealed and unedited since vsynth learn prior --apply wrote it, names
// its store, corpus, folds and commit, and was learned from no problem
// of a fold it is evaluated on.
func CheckAppliedPrior(data []byte) error {
	pr, err := ParsePrior(data)
	if err != nil {
		return err
	}
	if err := checkSealed(data, pr, &pr.SHA256); err != nil {
		return err
	}
	return pr.applied().check()
}
