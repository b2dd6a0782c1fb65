package experience_test

import (
	"testing"

	"github.com/vsynth/vsynth/synth/experience"
)

// TestLearnLibraryRankSaving: ranked by saving, a two-operator fragment
// used by three answers (saving 3) comes before a three-operator one
// used by one (saving 2), though ranked by families and size it comes
// after; with MinFamilies 1 a fragment of one family is kept.
func TestLearnLibraryRankSaving(t *testing.T) {
	rec := func(file, key string) experience.Record {
		return experience.Record{Problem: "f", File: file, Hash: file, Key: key, Code: key}
	}
	avg := "(>>:u32 (^:u32 p0:u32 p1:u32) 1:u32)"
	records := []experience.Record{
		rec("hd-15-d0-prog.sl", "(-:u32 (|:u32 p0:u32 p1:u32) "+avg+")"),
		rec("hd-15-d1-prog.sl", "(+:u32 p1:u32 "+avg+")"),
		rec("hd-15-d5-prog.sl", "(^:u32 p1:u32 "+avg+")"),
		rec("hd-02-d1-prog.sl", "(neg:u32 (com:u32 (+:u32 p0:u32 p0:u32)))"),
	}
	want := "(>>:u32 (^:u32 _0:u32 _1:u32) 1:u32)"
	first := func(o experience.LibraryOptions) string {
		lib := experience.LearnLibrary(records, "test", "test", o)
		if len(lib.Components) == 0 {
			return ""
		}
		return lib.Components[0].Pattern
	}
	if got := first(experience.LibraryOptions{MinFamilies: 1, Rank: experience.RankSaving}); got != want {
		t.Errorf("ranked by saving: first %s, want %s", got, want)
	}
	if got := first(experience.LibraryOptions{MinFamilies: 1}); got == want {
		t.Errorf("ranked by families and size: %s first, want a three-operator fragment", got)
	}
	if got := first(experience.LibraryOptions{Rank: experience.RankSaving}); got != "" {
		t.Errorf("with two families required: %s kept from one family", got)
	}
}
