package experience_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/synth"
)

// TestShippedLibraryProved re-proves the expansions recorded in the
// libraries shipped in libraries/ through ProveComponent: in the
// default run the first of every component, with VSYNTH_LONG=1 every
// distinct one. It also checks that no shipped library was learned from
// the parity problems it is evaluated on.
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
		for _, fam := range lib.Provenance.Families {
			if strings.Contains(fam, "parity") {
				t.Errorf("%s: learned from %s, a problem it is evaluated on", f, fam)
			}
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
