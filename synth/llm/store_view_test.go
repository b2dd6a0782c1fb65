package llm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// TestStoreIsExperienceView: the solutions store reads the experience
// store's Go records only (not its SyGuS answers), reads a line of the
// older solutions-only format, and AddProved writes a full experience
// record (grammar signature, productions) that the store shows.
func TestStoreIsExperienceView(t *testing.T) {
	dir := t.TempDir()
	exp := &experience.Store{Dir: dir}
	if err := exp.Append(experience.Record{Problem: "f", Hash: "h", Lang: "sygus", Term: "(& p0 p0)", Code: "(define-fun f ((x (_ BitVec 32))) (_ BitVec 32) (bvand x x))"}); err != nil {
		t.Fatal(err)
	}
	old := `{"signature":"Max(x, y int32) int32","contract":["//vsynth:ensures result >= x"],"code":"func Max(x, y int32) int32 { return x }"}` + "\n"
	f, err := os.OpenFile(exp.Path(), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(old)
	f.Close()

	s := &Store{Path: filepath.Join(dir, experience.FileName)}
	p := bitops(t)["IsolateLowest"]
	lowest := &synth.Term{Op: synth.OpAnd, Type: p.Result, Args: []*synth.Term{
		{Op: synth.OpParam, Type: p.Result},
		{Op: synth.OpNeg, Type: p.Result, Args: []*synth.Term{{Op: synth.OpParam, Type: p.Result}}},
	}}
	if err := s.AddProved(p, lowest, "llm"); err != nil {
		t.Fatal(err)
	}
	sols, err := s.load()
	if err != nil {
		t.Fatal(err)
	}
	if len(sols) != 2 || sols[0].Signature != "Max(x, y int32) int32" || !strings.Contains(sols[1].Code, "func IsolateLowest") {
		t.Fatalf("the view shows %+v, want the old Max line and IsolateLowest", sols)
	}
	recs, err := experience.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	last := recs[len(recs)-1]
	if last.Lang != "go" || last.Grammar == "" || len(last.Productions) == 0 || last.Strategy != "llm" {
		t.Errorf("AddProved wrote %+v, want a Go record with grammar signature and productions", last)
	}
}
