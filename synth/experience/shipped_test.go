package experience_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// TestShippedLibraryProved re-proves the expansions recorded in the
// libraries shipped in libraries/ through ProveComponent: in the
// default run the first of every component, with VSYNTH_LONG=1 every
// distinct one. It also checks each file as CheckAppliedLibrary does:
// written by vsynth learn library --apply and not edited since (sealed,
// canonical), naming its store, corpus, folds and commit, and learned
// from no problem or family of a fold it is evaluated on.
func TestShippedLibraryProved(t *testing.T) {
	files, err := filepath.Glob("libraries/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipped library: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lib, err := synth.ParseLibrary(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := synth.CheckAppliedLibrary(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		done := map[string]bool{}
		proofs := 0
		for i := range lib.Components {
			c := &lib.Components[i]
			pat, err := c.Term()
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Proofs) == 0 {
				t.Errorf("%s: component %s has no recorded proof", f, c.Name)
			}
			for j, p := range c.Proofs {
				if j > 0 && os.Getenv("VSYNTH_LONG") == "" {
					break
				}
				if done[c.Pattern+" "+p.Expansion] {
					continue
				}
				done[c.Pattern+" "+p.Expansion] = true
				exp, err := synth.ParseKey(p.Expansion)
				if err != nil {
					t.Fatal(err)
				}
				v, reason, err := synth.ProveComponent(context.Background(), pat, exp)
				if err != nil {
					t.Fatal(err)
				}
				if v != synth.Solved {
					t.Errorf("%s: %s = %s: %s %s", f, c.Pattern, p.Expansion, v, reason)
				}
				proofs++
			}
		}
		t.Logf("%s: %d components, %d distinct expansions proved", f, len(lib.Components), proofs)
	}
}

// TestShippedPriors checks every prior shipped in priors/ as
// CheckAppliedPrior does (written by vsynth learn prior --apply, sealed,
// unedited; store, corpus, folds and commit named; no problem of a fold
// it is evaluated on learned from), and that its provenance is true: the
// prior learned again from the store it names, with its exclusion and
// folds, has the same counts.
func TestShippedPriors(t *testing.T) {
	files, err := filepath.Glob("priors/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipped prior: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := synth.CheckAppliedPrior(data); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		pr, _ := synth.ParsePrior(data)
		recs, err := experience.Load(filepath.Join("..", "..", pr.Provenance.Store))
		if err != nil {
			t.Fatalf("%s: its store: %v", f, err)
		}
		pats := pr.Provenance.Folds
		if pr.Provenance.Exclude != "" {
			pats = append(pats, pr.Provenance.Exclude)
		}
		for _, p := range pats {
			recs = experience.Exclude(recs, regexp.MustCompile(p))
		}
		again := experience.LearnPrior(recs, pr.Provenance.Store, pr.Provenance.Vsynth)
		if pr.Provenance.Shuffle != 0 {
			again = again.Shuffled(pr.Provenance.Shuffle)
		}
		if len(again.Productions) != len(pr.Productions) || again.Provenance.Answers != pr.Provenance.Answers {
			t.Errorf("%s: learned again from %s: %d productions from %d answers, the file has %d from %d",
				f, pr.Provenance.Store, len(again.Productions), again.Provenance.Answers, len(pr.Productions), pr.Provenance.Answers)
			continue
		}
		for i, e := range again.Productions {
			if e.Key != pr.Productions[i].Key || e.Count != pr.Productions[i].Count {
				t.Errorf("%s: learned again, %s counts %v; the file says %s %v", f, e.Key, e.Count, pr.Productions[i].Key, pr.Productions[i].Count)
			}
		}
		t.Logf("%s: %d productions from %d answers, folds %v, commit %s", f, len(pr.Productions), pr.Provenance.Answers, pr.Provenance.Folds, pr.Provenance.Commit)
	}
}
