package experience_test

import (
	"context"
	"testing"

	"github.com/vsynth/vsynth/synth"
)

// TestAdmitDerivedXor: the parity files' spec uses xor (bool !=) and
// ==, which the AND/NOT and NAND grammars lack; each is admitted with its
// smallest expansion in the grammar, proved by Z3, and the expansion is
// a term of the file's own grammar.
func TestAdmitDerivedXor(t *testing.T) {
	lib := &synth.Library{Schema: synth.LibrarySchema, DeriveSpecOperators: true}
	for _, file := range []string{"testdata/aig-parity.sl", "testdata/nand-parity.sl"} {
		t.Run(file, func(t *testing.T) {
			sp := hidden(parseFile(t, file))
			g, adm, err := synth.AdmitComponents(context.Background(), lib, sp, synth.ProveComponent)
			if err != nil {
				t.Fatal(err)
			}
			keys := map[string]bool{}
			for _, a := range adm {
				t.Logf("%s: %s = %s", a.Name, a.Pattern, a.Expansion)
				keys[a.Pattern] = true
			}
			if !keys["(!=:bool _0:bool _1:bool)"] {
				t.Fatalf("xor not admitted: %v", adm)
			}
			if len(g.NTs[0].Prods) != len(sp.Grammar.NTs[0].Prods)+len(adm) {
				t.Fatalf("the extended grammar has %d productions at the start, want %d", len(g.NTs[0].Prods), len(sp.Grammar.NTs[0].Prods)+len(adm))
			}
		})
	}
}
