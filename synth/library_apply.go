package synth

import "fmt"

// applied is the provenance --apply requires of a library: its
// problems and families are the names no fold may match.
func (lib *Library) applied() AppliedProvenance {
	p := lib.Provenance
	names := append(append([]string(nil), p.Problems...), p.Families...)
	return AppliedProvenance{Store: p.Store, Corpus: p.Corpus, Folds: p.Folds, Commit: p.Commit, Names: names}
}

// checkProofs checks that every component records at least one proved
// expansion (CI proves them again: TestShippedLibraryProved).
func (lib *Library) checkProofs() error {
	for _, c := range lib.Components {
		if len(c.Proofs) == 0 {
			return fmt.Errorf("component %s has no proved expansion in the corpus", c.Name)
		}
	}
	return nil
}

// Apply writes the library to path as vsynth learn library --apply
// does, the only way a shipped library changes: its provenance must name
// the store, the corpus, the folds it is evaluated on (none of its
// problems or families in one) and the commit, and every component must
// record a proved expansion; it is sealed (SHA256) and written in its
// canonical form, atomically (see applyFile), over nothing but a library
// file.
func (lib *Library) Apply(path string) error {
	if err := lib.applied().check(); err != nil {
		return fmt.Errorf("library: refusing to apply: %w", err)
	}
	if err := lib.checkProofs(); err != nil {
		return fmt.Errorf("library: refusing to apply: %w", err)
	}
	lib.sortEntries()
	data, err := seal(lib, &lib.SHA256)
	if err != nil {
		return fmt.Errorf("library: %w", err)
	}
	parse := func(b []byte) error { _, err := ParseLibrary(b); return err }
	if err := applyFile(path, data, "library", parse, CheckAppliedLibrary); err != nil {
		return fmt.Errorf("library: %w", err)
	}
	return nil
}

// CheckAppliedLibrary checks a shipped library file: it reads as a
// library, is sealed and unedited since vsynth learn library --apply
// wrote it, names its store, corpus, folds and commit, every component
// records a proved expansion, and no problem or family it was learned
// from is in a fold it is evaluated on. The proofs themselves are
// checked by proving them again (TestShippedLibraryProved).
func CheckAppliedLibrary(data []byte) error {
	lib, err := ParseLibrary(data)
	if err != nil {
		return err
	}
	if err := checkSealed(data, lib, &lib.SHA256); err != nil {
		return err
	}
	if err := lib.checkProofs(); err != nil {
		return err
	}
	return lib.applied().check()
}
