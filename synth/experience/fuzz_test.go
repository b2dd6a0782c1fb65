package experience_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// FuzzReadPrior: any file is refused or read as a prior whose extra
// costs, on a grammar with its keys, stay within 0..max_penalty.
func FuzzReadPrior(f *testing.F) {
	f.Add(`{"schema":"vsynth-prior/1","alpha":1,"max_penalty":2,"provenance":{"store":"s","answers":1,"problems":["a.sl"]},"productions":[{"key":"(+:u8 _0:u8 _1:u8)","count":5,"cost":1}]}`)
	f.Add(`{"schema":"vsynth-prior/1","alpha":1e-300,"max_penalty":16,"provenance":{"store":"","answers":0,"problems":null},"productions":[{"key":"(&:u8 _0:u8 _1:u8)","count":1e308,"cost":0}]}`)
	f.Add(`{"schema":"vsynth-prior/1","alpha":-1}`)
	f.Add(`[]`)
	u8 := synth.IntType(8, false)
	g := &synth.Grammar{NTs: []*synth.Nonterminal{{Name: "S", Type: u8}}}
	g.NTs[0].Prods = []*synth.Prod{
		synth.LeafProd(&synth.Term{Op: synth.OpParam, Type: u8}),
		synth.OpProd(synth.OpAdd, u8, 0, 0), synth.OpProd(synth.OpAnd, u8, 0, 0), synth.OpProd(synth.OpNeg, u8, 0),
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(dir, "p.json")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		pr, err := synth.ReadPrior(path)
		if err != nil {
			return
		}
		for _, row := range pr.Extra(g) {
			for _, x := range row {
				if x < 0 || x > pr.MaxPenalty {
					t.Fatalf("extra cost %d outside 0..%d", x, pr.MaxPenalty)
				}
			}
		}
	})
}

// FuzzLoadStore: any store file loads without error or panic (bad lines
// are skipped) and every record it gives has code.
func FuzzLoadStore(f *testing.F) {
	f.Add("{\"problem\":\"f\",\"hash\":\"h\",\"lang\":\"sygus\",\"term\":\"p0\",\"size\":0,\"code\":\"(define-fun f ...)\",\"productions\":[\"param:u8\"]}\n{broken\n")
	f.Add(`{"signature":"F(x uint8) uint8","contract":[],"code":"func F(x uint8) uint8 { return x }"}`)
	f.Add("\n\n{}\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(dir, experience.FileName)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		recs, err := experience.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.Code == "" {
				t.Fatalf("record without code: %+v", r)
			}
		}
		experience.LearnPrior(recs, "fuzz", "test")
	})
}
