package experience_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/synth/experience"

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

// TestLibraryRaceSolvesXor4: four-input xor in an AND/NOT grammar is
// found through the derived xor component, which the plain search (one
// worker in the race) does not reach first; the answer is a term of the
// file's own grammar (expanded, not a call), proved, and not claimed
// minimal unless the improve pass proves it.
func TestLibraryRaceSolvesXor4(t *testing.T) {
	p := parseFile(t, "testdata/aig-xor4.sl")
	sp := hidden(p)
	lib := &synth.Library{Schema: synth.LibrarySchema, DeriveSpecOperators: true}
	res, err := synth.Enum{Library: lib}.Solve(context.Background(), sp, synth.Budget{Timeout: 60 * time.Second, MaxSize: 20, Improve: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved {
		t.Fatalf("%s: %s", res.Verdict, res.Reason)
	}
	if res.Strategy != "race:library+enum" {
		t.Errorf("strategy %s, want the library's search", res.Strategy)
	}
	if _, ok := synth.Derivation(sp.Grammar, res.Term); !ok {
		t.Errorf("the answer %s is not a term of the file's grammar", res.Term)
	}
	if res.Size != res.Term.Size() || res.Size < 12 {
		t.Errorf("size %d for %s: an expanded answer counts every operator", res.Size, res.Term)
	}
	ans := p.Answer(res.Term)
	if strings.Contains(ans, "xor") || strings.Contains(ans, "spec") {
		t.Errorf("the answer is printed outside the grammar: %s", ans)
	}
	// Every input agrees with the spec.
	for in := range uint64(16) {
		a, b, c, d := in&1, in>>1&1, in>>2&1, in>>3&1
		if v, ok := synth.EvalTerm(res.Term, []uint64{a, b, c, d}); !ok || v != a^b^c^d {
			t.Fatalf("answer wrong at %d%d%d%d", a, b, c, d)
		}
	}
}

// TestComponentGate: a component enters a grammar only when its proof
// says proved: a prover that refutes, or cannot decide, keeps every
// component out; ProveComponent refutes a wrong expansion.
func TestComponentGate(t *testing.T) {
	sp := hidden(parseFile(t, "testdata/aig-parity.sl"))
	lib := &synth.Library{Schema: synth.LibrarySchema, DeriveSpecOperators: true}
	for _, v := range []synth.Verdict{synth.Unsolved, synth.Unknown} {
		no := func(context.Context, *synth.Term, *synth.Term) (synth.Verdict, string, error) { return v, "test", nil }
		g, adm, err := synth.AdmitComponents(context.Background(), lib, sp, no)
		if err != nil {
			t.Fatal(err)
		}
		if len(adm) != 0 || g != sp.Grammar {
			t.Errorf("prover %s: %d components admitted", v, len(adm))
		}
	}
	pat, _ := synth.ParseKey("(&:u32 _0:u32 (com:u32 _1:u32))")
	wrong, _ := synth.ParseKey("(&:u32 _0:u32 _1:u32)")
	if v, _, err := synth.ProveComponent(context.Background(), pat, wrong); err != nil || v != synth.Unsolved {
		t.Errorf("a wrong expansion: %s %v, want refuted", v, err)
	}
	right, _ := synth.ParseKey("(-:u32 _0:u32 (&:u32 _0:u32 _1:u32))")
	if v, _, err := synth.ProveComponent(context.Background(), pat, right); err != nil || v != synth.Solved {
		t.Errorf("a right expansion: %s %v, want proved", v, err)
	}
}

// TestLearnLibraryFamilies: a fragment enters the library only when the
// answers of two families use it; a held-out fold is not learned from.
func TestLearnLibraryFamilies(t *testing.T) {
	rec := func(file, key string) experience.Record {
		return experience.Record{Problem: "f", File: file, Hash: file, Key: key, Code: key}
	}
	shared := "(|:u32 p0:u32 (-:u32 p0:u32 1:u32))"
	records := []experience.Record{
		rec("hd-05-d1-prog.sl", "(^:u32 "+shared+" 7:u32)"),
		rec("hd-17-d1-prog.sl", "(&:u32 p0:u32 "+shared+")"),
		rec("hd-17-d5-prog.sl", "(neg:u32 (com:u32 (+:u32 p0:u32 p0:u32)))"),
	}
	lib := experience.LearnLibrary(records, "test", "test", experience.LibraryOptions{})
	var pats []string
	for _, c := range lib.Components {
		pats = append(pats, c.Pattern)
	}
	want := "(|:u32 _0:u32 (-:u32 _0:u32 1:u32))"
	if len(pats) == 0 || pats[0] != want {
		t.Fatalf("components %v, want %s first", pats, want)
	}
	for _, p := range pats {
		if strings.Contains(p, "neg") {
			t.Errorf("%s is from one family only", p)
		}
	}
	held := experience.Exclude(records, regexp.MustCompile("hd-17-"))
	lib = experience.LearnLibrary(held, "test", "test", experience.LibraryOptions{})
	if len(lib.Components) != 0 || strings.Join(lib.Provenance.Families, " ") != "hd-05" {
		t.Errorf("held out hd-17: %v from %v", lib.Components, lib.Provenance.Families)
	}
}

// TestLibraryFileChecked: the library file is schema-checked and strict.
func TestLibraryFileChecked(t *testing.T) {
	ok := `{"schema":"vsynth-library/1","derive_spec_operators":false,"provenance":{"store":"s","answers":1,"families":["a"]},"components":[{"name":"c","kind":"mined","pattern":"(&:u32 _0:u32 (com:u32 _1:u32))"}]}`
	if _, err := synth.ParseLibrary([]byte(ok)); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{
		"schema":       strings.Replace(ok, "vsynth-library/1", "vsynth-library/0", 1),
		"unknown":      strings.Replace(ok, `"derive_spec_operators"`, `"extra":1,"derive_spec_operators"`, 1),
		"kind":         strings.Replace(ok, `"mined"`, `"magic"`, 1),
		"pattern":      strings.Replace(ok, "(com:u32 _1:u32)", "(com:u32 _1:u32 _0:u32)", 1),
		"hole order":   strings.Replace(ok, "_0:u32 (com:u32 _1:u32)", "_1:u32 (com:u32 _0:u32)", 1),
		"leaf pattern": strings.Replace(ok, "(&:u32 _0:u32 (com:u32 _1:u32))", "_0:u32", 1),
		"unproved":     strings.Replace(ok, `"mined",`, `"mined","proofs":[{"grammar":"g","expansion":"(com:u32 _0:u32)","verdict":"unknown"}],`, 1),
	} {
		if _, err := synth.ParseLibrary([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
