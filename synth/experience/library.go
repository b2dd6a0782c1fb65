package experience

import (
	"path/filepath"
	"regexp"
	"sort"

	"github.com/vsynth/vsynth/synth"
)

// DefaultFamily is the pattern whose first group names a problem's
// family from its file's base name: hd-13-d1-prog.sl is hd-13,
// parity-AIG-d1.sl is parity.
var DefaultFamily = regexp.MustCompile(`^(hd-[0-9]+|[^-_.]+)`)

// Family is the family of a record's problem by re: the first group of
// re on its file's base name (or its problem's name without a file).
func Family(r Record, re *regexp.Regexp) string {
	name := r.Problem
	if r.File != "" {
		name = filepath.Base(r.File)
	}
	if m := re.FindStringSubmatch(name); len(m) > 1 && m[1] != "" {
		return m[1]
	}
	return name
}

// LibraryOptions control LearnLibrary.
type LibraryOptions struct {
	Family      *regexp.Regexp // nil: DefaultFamily
	MinOps      int            // smallest fragment, in operators (default 2)
	MaxOps      int            // largest (default 3)
	MinFamilies int            // a fragment must occur in answers of this many families (default 2)
	Max         int            // components kept (default 6)
	Derive      bool           // Library.DeriveSpecOperators
	// Rank orders the fragments kept: RankFamilies (the default) by
	// the number of families, then size; RankSaving by the operators
	// the fragment saves over the answers that use it ((size-1) times
	// their number, as Stitch's compression), then families.
	Rank string
}

// Fragment rankings (LibraryOptions.Rank).
const (
	RankFamilies = "families"
	RankSaving   = "saving"
)

// LearnLibrary mines a component library from the recorded answers: the
// fragments (synth.Fragments) of each distinct answer's typed term (Key;
// records without one are left out), counted once per problem family;
// those found in at least MinFamilies families are ranked by families,
// then by size (larger first: a component saves more), then by key, and
// the first Max kept. Proofs are left for the caller (see
// synth.AdmitComponents): nothing here is trusted.
func LearnLibrary(records []Record, store, version string, o LibraryOptions) *synth.Library {
	if o.Family == nil {
		o.Family = DefaultFamily
	}
	o.MinOps = max(o.MinOps, 2)
	if o.MaxOps == 0 {
		o.MaxOps = 3
	}
	if o.MinFamilies == 0 {
		o.MinFamilies = 2
	}
	if o.Max == 0 {
		o.Max = 6
	}
	fams := map[string]map[string]bool{} // fragment -> families
	uses := map[string]int{}             // fragment -> answers using it
	families := map[string]bool{}
	seen := map[string]bool{}
	var problems []string
	answers := 0
	for _, r := range records {
		if r.Key == "" {
			continue
		}
		id := r.Hash + "\x00" + r.Problem + "\x00" + r.Key
		if seen[id] {
			continue
		}
		seen[id] = true
		t, err := synth.ParseKey(r.Key)
		if err != nil {
			continue
		}
		answers++
		problems = append(problems, problemID(r))
		fam := Family(r, o.Family)
		families[fam] = true
		for _, k := range synth.Fragments(t, o.MinOps, o.MaxOps) {
			if fams[k] == nil {
				fams[k] = map[string]bool{}
			}
			fams[k][fam] = true
			uses[k]++
		}
	}
	type frag struct {
		key  string
		fams []string
		size int
		save int
	}
	var all []frag
	for k, fs := range fams {
		if len(fs) < o.MinFamilies {
			continue
		}
		t, _ := synth.ParseKey(k)
		f := frag{key: k, size: t.Size(), save: (t.Size() - 1) * uses[k]}
		for n := range fs {
			f.fams = append(f.fams, n)
		}
		sort.Strings(f.fams)
		all = append(all, f)
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if o.Rank == RankSaving && a.save != b.save {
			return a.save > b.save
		}
		if len(a.fams) != len(b.fams) {
			return len(a.fams) > len(b.fams)
		}
		if a.size != b.size {
			return a.size > b.size
		}
		return a.key < b.key
	})
	lib := &synth.Library{Schema: synth.LibrarySchema, DeriveSpecOperators: o.Derive}
	for i, f := range all {
		if i == o.Max {
			break
		}
		lib.Components = append(lib.Components, synth.Component{
			Name: synth.ComponentName("mined", i+1), Kind: synth.ComponentMined, Pattern: f.key, Families: f.fams,
		})
	}
	var names []string
	for n := range families {
		names = append(names, n)
	}
	sort.Strings(names)
	lib.Provenance = synth.LibraryProvenance{Store: store, Answers: answers, Problems: sortedSet(problems), Families: names, Vsynth: version}
	return lib
}

// excludeMatches reports whether a record is in a held-out fold.
func excludeMatches(r Record, re *regexp.Regexp) bool {
	return re != nil && (re.MatchString(r.File) || re.MatchString(r.Problem))
}

// Exclude drops the records of a held-out fold (file or problem matching
// re).
func Exclude(records []Record, re *regexp.Regexp) []Record {
	var out []Record
	for _, r := range records {
		if !excludeMatches(r, re) {
			out = append(out, r)
		}
	}
	return out
}

// sortedSet is names sorted, without repeats.
func sortedSet(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
