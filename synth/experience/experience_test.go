package experience_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
	"github.com/vsynth/vsynth/synth/sygus"
)

// hdLike is an hd-style problem whose grammar names two macros; %s and
// %s are their names, so that two files can spell the same grammar with
// different names.
const hdLike = `(set-logic BV)
(define-fun %s ((a (_ BitVec 32)) (b (_ BitVec 32))) (_ BitVec 32) (bvand a (bvnot b)))
(define-fun %s ((a (_ BitVec 32))) (_ BitVec 32) (bvadd a #x00000001))
(define-fun spec ((x (_ BitVec 32))) (_ BitVec 32) (bvand x (bvnot (bvadd x #x00000001))))
(synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
    ((Start (_ BitVec 32)))
    ((Start (_ BitVec 32) ((%s Start Start) (%s Start) (bvor Start Start) (bvxor Start Start) x #x00000000 #x00000001))))
(declare-var x (_ BitVec 32))
(constraint (= (spec x) (f x)))
(check-synth)
`

func parse(t *testing.T, andNot, inc string) *sygus.Problem {
	t.Helper()
	src := fmt.Sprintf(hdLike, andNot, inc, andNot, inc)
	p, err := sygus.Parse(andNot+".sl", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// solve proves p's answer with the plain enumerator, the reference
// hidden, and returns its record as the CLI makes it.
func solve(t *testing.T, p *sygus.Problem) experience.Record {
	t.Helper()
	sp := p.Synth(&synth.Prover{Limits: testlimits.Limits})
	sp.Reference = nil
	timer := experience.TimeProofs(sp)
	res, err := synth.Enum{}.Solve(context.Background(), sp, synth.Budget{Timeout: 60 * time.Second, MaxSize: 8})
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != synth.Solved {
		t.Fatalf("%s: %s (%s)", p.Name, res.Verdict, res.Reason)
	}
	r := experience.NewRecord(sp, res.Term, p.Answer(res.Term), "sygus", "test")
	r.ProofMS = timer.ProofTime(res.Term).Milliseconds()
	if timer.ProofTime(res.Term) <= 0 {
		t.Errorf("no proof time recorded for %s", res.Term)
	}
	return r
}

// TestRenamedMacrosSameKeys: the same grammar with its macros renamed
// has the same signature, the same answer gets the same production keys,
// and the prior learned from one file gives the other's productions the
// same costs.
func TestRenamedMacrosSameKeys(t *testing.T) {
	a, b := parse(t, "andnot", "inc"), parse(t, "hd_mask", "plus_one")
	ra, rb := solve(t, a), solve(t, b)
	if ra.Grammar != rb.Grammar {
		t.Errorf("grammar signatures differ: %s vs %s", ra.Grammar, rb.Grammar)
	}
	if len(ra.Productions) == 0 || !reflect.DeepEqual(ra.Productions, rb.Productions) {
		t.Fatalf("production keys differ or are empty:\n%q\n%q", ra.Productions, rb.Productions)
	}
	for _, k := range ra.Productions {
		if strings.Contains(k, "andnot") || strings.Contains(k, "inc") || strings.Contains(k, "hd_mask") {
			t.Errorf("key %q names a macro", k)
		}
	}
	// The answer andnot(x, inc(x)) uses both macros: their keys are the
	// expanded bodies.
	want := "(&:u32 _0:u32 (com:u32 _1:u32))"
	if !contains(ra.Productions, want) {
		t.Errorf("keys %q lack the and-not macro's body %s", ra.Productions, want)
	}
	pa := experience.LearnPrior([]experience.Record{ra}, "a", "test")
	ga, gb := a.Grammar, b.Grammar
	if ea, eb := pa.Extra(ga), pa.Extra(gb); !reflect.DeepEqual(ea, eb) || ea == nil {
		t.Errorf("the prior's extra costs differ between the renamed grammars (or are nil): %v vs %v", ea, eb)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestStoreAppendLoad: records round-trip through the file in a
// temporary directory, the same answer to the same problem is stored
// once, unreadable lines are skipped, and a missing store is empty.
func TestStoreAppendLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exp")
	s := &experience.Store{Dir: dir}
	if got, err := s.Load(); err != nil || got != nil {
		t.Fatalf("missing store: %v, %v", got, err)
	}
	r1 := experience.Record{Problem: "f", Hash: "sha256:1", Lang: "sygus", Term: "(+ p0 1)", Size: 1, Code: "(define-fun f ...)", Productions: []string{"(+:u8 _0:u8 _1:u8)", "param:u8", "1:u8"}}
	r2 := r1
	r2.Hash = "sha256:2"
	for _, r := range []experience.Record{r1, r1, r2} {
		if err := s.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.OpenFile(s.Path(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("{not json\n")
	f.Close()
	got, err := experience.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !reflect.DeepEqual(got[0], r1) || got[1].Hash != "sha256:2" {
		t.Fatalf("loaded %+v", got)
	}
	pr := experience.LearnPrior(got, dir, "test")
	if pr.Provenance.Answers != 2 || len(pr.Productions) != 3 {
		t.Errorf("prior from 2 answers: %+v", pr)
	}
}

// TestPriorFileRoundTrip: a learned prior is written atomically, read
// back with its schema checked, and a file with another schema or an
// unknown field is refused.
func TestPriorFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	pr := experience.LearnPrior([]experience.Record{{Problem: "f", Hash: "h", Term: "t", Code: "c", Productions: []string{"a", "a", "b"}}}, "store", "test")
	path := filepath.Join(dir, "prior.json")
	if err := synth.WritePrior(path, pr); err != nil {
		t.Fatal(err)
	}
	back, err := synth.ReadPrior(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Productions, pr.Productions) || back.Provenance.Problems[0] != "f" {
		t.Errorf("round trip: %+v vs %+v", back, pr)
	}
	for name, text := range map[string]string{
		"schema":  `{"schema":"vsynth-prior/0","alpha":1,"max_penalty":3,"provenance":{"store":"","answers":0,"problems":null},"productions":[]}`,
		"unknown": `{"schema":"vsynth-prior/1","alpha":1,"max_penalty":3,"bigrams":{},"provenance":{"store":"","answers":0,"problems":null},"productions":[]}`,
		"alpha":   `{"schema":"vsynth-prior/1","alpha":0,"max_penalty":3,"provenance":{"store":"","answers":0,"problems":null},"productions":[]}`,
	} {
		bad := filepath.Join(dir, name+".json")
		os.WriteFile(bad, []byte(text), 0o644)
		if _, err := synth.ReadPrior(bad); err == nil {
			t.Errorf("%s: bad prior accepted", name)
		}
	}
}
