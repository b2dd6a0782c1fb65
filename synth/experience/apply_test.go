package experience_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// applyRecords are two answers of two families, sharing x | (x - 1).
func applyRecords() []experience.Record {
	prods := []string{"param:u32", "param:u32", "1:u32", "(-:u32 _0:u32 _1:u32)", "(|:u32 _0:u32 _1:u32)"}
	return []experience.Record{
		{Problem: "f", File: "train/a-1.sl", Hash: "h1", Term: "t1", Key: "(^:u32 (|:u32 p0:u32 (-:u32 p0:u32 1:u32)) 5:u32)", Productions: prods},
		{Problem: "f", File: "train/b-1.sl", Hash: "h2", Term: "t2", Key: "(&:u32 (|:u32 p0:u32 (-:u32 p0:u32 1:u32)) 7:u32)", Productions: prods},
	}
}

func appliedPrior() *synth.Prior {
	pr := experience.LearnPrior(applyRecords(), "store", "test")
	pr.Provenance.Corpus = experience.Dirs(pr.Provenance.Problems)
	pr.Provenance.Folds = []string{"held"}
	pr.Provenance.Commit = "0123abc"
	return pr
}

// TestApplyPriorSealed: --apply writes a sealed prior in its canonical
// form, which CheckAppliedPrior accepts; a hand edit (a count changed, or
// only the layout), a missing seal, and a file whose provenance names a
// problem of its fold are refused.
func TestApplyPriorSealed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	if err := appliedPrior().Apply(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.CheckAppliedPrior(data); err != nil {
		t.Fatalf("applied prior refused: %v", err)
	}
	if _, err := synth.ReadPrior(path); err != nil {
		t.Fatalf("applied prior does not read as a prior: %v", err)
	}
	edits := map[string][]byte{
		"count":  bytes.Replace(data, []byte(`"count": 2`), []byte(`"count": 3`), 1),
		"layout": bytes.ReplaceAll(data, []byte("\n    "), []byte("\n  ")),
		"seal":   bytes.Replace(data, []byte(`"sha256"`), []byte(`"sha256": "", "x"`), 1),
		"unseal": regexpReplace(data, `,\n  "sha256": "[0-9a-f]+"`, ""),
	}
	for name, d := range edits {
		if bytes.Equal(d, data) {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if err := synth.CheckAppliedPrior(d); err == nil {
			t.Errorf("%s: an edited prior accepted", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
	// A prior whose provenance names a problem of its fold: refused to
	// apply, and refused when found shipped (sealed by hand).
	leak := appliedPrior()
	leak.Provenance.Folds = []string{"a-1"}
	if err := leak.Apply(filepath.Join(t.TempDir(), "leak.json")); err == nil || !strings.Contains(err.Error(), "in the fold") {
		t.Errorf("a leaking prior applied: %v", err)
	}
}

// TestApplyPriorProvenanceRequired: --apply refuses a prior without a
// store, corpus, fold or commit.
func TestApplyPriorProvenanceRequired(t *testing.T) {
	for name, edit := range map[string]func(*synth.Prior){
		"store":  func(p *synth.Prior) { p.Provenance.Store = "" },
		"corpus": func(p *synth.Prior) { p.Provenance.Corpus = nil },
		"folds":  func(p *synth.Prior) { p.Provenance.Folds = nil },
		"commit": func(p *synth.Prior) { p.Provenance.Commit = "" },
		"fold":   func(p *synth.Prior) { p.Provenance.Folds = []string{"("} },
	} {
		pr := appliedPrior()
		edit(pr)
		path := filepath.Join(t.TempDir(), "p.json")
		if err := pr.Apply(path); err == nil {
			t.Errorf("%s: applied without it", name)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s: a refused apply wrote %s", name, path)
		}
	}
}

// TestApplyOverwritesOnlyItsKind: --apply never replaces a file that is
// not of its kind (Go source, a library for a prior); the file is left
// as it was.
func TestApplyOverwritesOnlyItsKind(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "x.go")
	os.WriteFile(src, []byte("package x\n"), 0o644)
	if err := appliedPrior().Apply(src); err == nil {
		t.Error("a prior applied over Go source")
	}
	if b, _ := os.ReadFile(src); string(b) != "package x\n" {
		t.Errorf("the file changed: %q", b)
	}
	lib := appliedLibrary(t)
	lpath := filepath.Join(dir, "lib.json")
	if err := lib.Apply(lpath); err != nil {
		t.Fatal(err)
	}
	if err := appliedPrior().Apply(lpath); err == nil {
		t.Error("a prior applied over a library")
	}
	// Over a prior, a prior is applied; no temporary file is left.
	ppath := filepath.Join(dir, "p.json")
	for range 2 {
		if err := appliedPrior().Apply(ppath); err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// appliedLibrary is a library learned from applyRecords, its component
// proved in trainA's grammar.
func appliedLibrary(t *testing.T) *synth.Library {
	t.Helper()
	lib := experience.LearnLibrary(applyRecords(), "store", "test", experience.LibraryOptions{})
	if len(lib.Components) == 0 {
		t.Fatal("nothing mined")
	}
	p := parseFile(t, "testdata/apply-train.sl")
	if err := experience.ProveLibrary(context.Background(), lib, []experience.Grammar{{File: "testdata/apply-train.sl", Problem: hidden(p)}}, synth.ProveComponent, &experience.Breaker{}); err != nil {
		t.Fatal(err)
	}
	lib.Provenance.Folds = []string{"held"}
	lib.Provenance.Commit = "0123abc"
	return lib
}

// TestApplyLibrarySealed: an applied library is sealed, canonical and
// checked; a component without a recorded proof, a family in a fold,
// and an edit after the seal are refused.
func TestApplyLibrarySealed(t *testing.T) {
	lib := appliedLibrary(t)
	path := filepath.Join(t.TempDir(), "lib.json")
	if err := lib.Apply(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if err := synth.CheckAppliedLibrary(data); err != nil {
		t.Fatalf("applied library refused: %v", err)
	}
	edited := bytes.Replace(data, []byte(`"verdict": "proved"`), []byte(`"verdict": "proved" `), 1)
	if err := synth.CheckAppliedLibrary(edited); err == nil {
		t.Error("an edited library accepted")
	}
	unproved := appliedLibrary(t)
	unproved.Components[0].Proofs = nil
	if err := unproved.Apply(filepath.Join(t.TempDir(), "u.json")); err == nil || !strings.Contains(err.Error(), "no proved expansion") {
		t.Errorf("a component without a proof applied: %v", err)
	}
	leak := appliedLibrary(t)
	leak.Provenance.Folds = []string{"^b$"} // the family of train/b-1.sl
	if err := leak.Apply(filepath.Join(t.TempDir(), "l.json")); err == nil || !strings.Contains(err.Error(), "in the fold") {
		t.Errorf("a library learned from its fold's family applied: %v", err)
	}
}

// TestCorpusReadsString: a library written when the corpus was one
// string of names reads as the list of those names.
func TestCorpusReadsString(t *testing.T) {
	lib, err := synth.ParseLibrary([]byte(`{"schema":"vsynth-library/1","derive_spec_operators":false,"provenance":{"store":"s","corpus":"a.sl b.sl","answers":0,"families":[]},"components":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lib.Provenance.Corpus, ","); got != "a.sl,b.sl" {
		t.Errorf("corpus %q", got)
	}
}

// regexpReplace replaces every match of pat in data by repl.
func regexpReplace(data []byte, pat, repl string) []byte {
	return regexp.MustCompile(pat).ReplaceAll(data, []byte(repl))
}
