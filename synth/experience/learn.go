package experience

import (
	"path"
	"sort"

	"github.com/vsynth/vsynth/synth"
)

// LearnPrior counts the productions of the recorded answers into a
// prior: each distinct answer to a problem counts once (a store may hold
// the same answer from several runs), every use of a production in it
// counts one. Records without productions (answers recorded by a model
// without a grammar match) are left out. store names the source in the
// provenance.
func LearnPrior(records []Record, store, version string) *synth.Prior {
	counts := map[string]float64{}
	seen := map[string]bool{}
	problems := map[string]bool{}
	answers := 0
	for _, r := range records {
		if len(r.Productions) == 0 {
			continue
		}
		id := r.Hash + "\x00" + r.Problem + "\x00" + r.Term
		if seen[id] {
			continue
		}
		seen[id] = true
		answers++
		problems[problemID(r)] = true
		for _, k := range r.Productions {
			counts[k]++
		}
	}
	var names []string
	for n := range problems {
		names = append(names, n)
	}
	sort.Strings(names)
	return synth.NewPrior(counts, synth.PriorProvenance{Store: store, Answers: answers, Problems: names, Vsynth: version})
}

// problemID names a record's problem in a prior's provenance: its file
// when recorded, else its name.
func problemID(r Record) string {
	if r.File != "" {
		return r.File
	}
	return r.Problem
}

// Dirs are the directories of the problems' files (a problem without
// one is its own name): a prior's corpus.
func Dirs(problems []string) []string {
	var out []string
	for _, p := range problems {
		if d := path.Dir(p); d != "." {
			out = append(out, d)
		} else {
			out = append(out, p)
		}
	}
	return sortedSet(out)
}
