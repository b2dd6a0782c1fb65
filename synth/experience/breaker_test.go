package experience_test

import (
	"context"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// TestBreakerRecords: records that do not read are rejected; an accepted
// one ends the run; MaxRejects in a row trip the breaker, and learning
// stops there.
func TestBreakerRecords(t *testing.T) {
	good := applyRecords()[0]
	bad := []experience.Record{
		{Problem: "f", File: "x.sl", Hash: "h", Key: "(&:u32 p0:u32"},                       // key does not parse
		{Problem: "f", File: "x.sl", Hash: "h", Productions: []string{"(frob:u32 _0:u32)"}}, // unknown operator
		{Problem: "f", File: "x.sl", Productions: []string{"param:u32"}},                    // no hash
		{Problem: "f", File: "x.sl", Hash: "h", Productions: []string{"param:u99"}},         // bad type
	}
	for _, r := range bad {
		if err := experience.CheckRecord(r); err == nil {
			t.Errorf("bad record accepted: %+v", r)
		}
	}
	if err := experience.CheckRecord(good); err != nil {
		t.Fatalf("good record rejected: %v", err)
	}
	// Two bad, one good, two bad: with MaxRejects 3 the breaker holds.
	b := &experience.Breaker{MaxRejects: 3}
	kept := experience.Checked([]experience.Record{bad[0], bad[1], good, bad[2], bad[3]}, b)
	if b.Tripped != "" || len(kept) != 1 || b.Rejected() != 4 {
		t.Errorf("tripped %q, kept %d, rejected %d", b.Tripped, len(kept), b.Rejected())
	}
	// Three bad in a row trip it; the good record after is not read.
	b = &experience.Breaker{MaxRejects: 3}
	kept = experience.Checked([]experience.Record{bad[0], bad[1], bad[2], good}, b)
	if !strings.Contains(b.Tripped, "3 rejected in a row") || len(kept) != 0 {
		t.Errorf("tripped %q, kept %d", b.Tripped, len(kept))
	}
}

// TestShippedStoreRecordsRead: every record of the shipped store reads
// (the breaker never trips on it).
func TestShippedStoreRecordsRead(t *testing.T) {
	recs, err := experience.Load("libraries/hd-answers.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := experience.CheckRecord(r); err != nil {
			t.Error(err)
		}
	}
}

// TestProveLibraryBreaker: a prover that proves nothing trips the
// breaker after MaxRejects proofs in a row and is not called again;
// nothing is recorded as proved.
func TestProveLibraryBreaker(t *testing.T) {
	lib := experience.LearnLibrary(applyRecords(), "store", "test", experience.LibraryOptions{})
	p := hidden(parseFile(t, "testdata/apply-train.sl"))
	grammars := []experience.Grammar{{File: "a", Problem: p}, {File: "b", Problem: p}, {File: "c", Problem: p}}
	calls := 0
	refuse := func(ctx context.Context, pat, exp *synth.Term) (synth.Verdict, string, error) {
		calls++
		return synth.Unknown, "refused", nil
	}
	b := &experience.Breaker{MaxRejects: 2}
	if err := experience.ProveLibrary(context.Background(), lib, grammars, refuse, b); err != nil {
		t.Fatal(err)
	}
	if b.Tripped == "" || calls != 2 {
		t.Errorf("tripped %q after %d proofs", b.Tripped, calls)
	}
	for _, c := range lib.Components {
		if len(c.Proofs) > 0 {
			t.Errorf("%s recorded as proved", c.Name)
		}
	}
}
