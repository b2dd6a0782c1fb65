package llm

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// Solution is a proved function kept for later prompts: the Go view of
// an experience record (see synth/experience), with its field names.
type Solution struct {
	Signature string   `json:"signature"` // "F(x uint32) uint32"
	Contract  []string `json:"contract"`  // //vsynth: lines
	Code      string   `json:"code"`      // the proved Go function
}

// Store is the view, for prompts, of the Go answers of an experience
// store file (synth/experience): the proved solutions, from which prompts
// take those whose specs are most similar. Records of other languages
// (SyGuS answers) are not shown; files written before the experience
// store (solutions only) read the same. It is safe for concurrent use
// within a process.
type Store struct {
	Path string
	once sync.Once
	exp  *experience.Store
}

// DefaultStorePath is where the store lives unless configured: the
// default experience store's file.
func DefaultStorePath() (string, error) {
	dir, err := experience.DefaultDir()
	if err != nil {
		return "", fmt.Errorf("llm store: %w", err)
	}
	return filepath.Join(dir, experience.FileName), nil
}

// ProblemSolution is the Solution of p with code.
func ProblemSolution(p *synth.Problem, code string) Solution {
	return Solution{Signature: synth.GoSignature(p), Contract: p.Contract, Code: strings.TrimSpace(code)}
}

func (s *Store) store() *experience.Store {
	s.once.Do(func() { s.exp = &experience.Store{File: s.Path} })
	return s.exp
}

func (s *Store) load() ([]Solution, error) {
	recs, err := s.store().Load()
	if err != nil {
		return nil, fmt.Errorf("llm store: %w", err)
	}
	var out []Solution
	for _, r := range recs {
		if r.Lang == "" || r.Lang == "go" {
			out = append(out, Solution{Signature: r.Signature, Contract: r.Contract, Code: r.Code})
		}
	}
	return out, nil
}

// Add appends a solution unless the same one is stored.
func (s *Store) Add(sol Solution) error {
	return s.store().Append(experience.GoRecord(sol.Signature, sol.Contract, sol.Code, "llm", ""))
}

// AddProved appends the proved answer t to p, with its grammar
// signature and productions, unless the same one is stored.
func (s *Store) AddProved(p *synth.Problem, t *synth.Term, strategy string) error {
	r := experience.NewRecord(p, t, synth.GoFunc(p.GoName, p.Params, p.Result, t), "go", "")
	r.Strategy = strategy
	return s.store().Append(r)
}

// Similar returns up to k stored solutions ranked by the similarity of
// their spec to p's (Jaccard similarity of the identifier, operator and
// type tokens of signature and contract), most similar first; ties keep
// the file's order. Solutions sharing no token are left out.
func (s *Store) Similar(p *synth.Problem, k int) ([]Solution, error) {
	all, err := s.load()
	if err != nil || k <= 0 {
		return nil, err
	}
	want := tokens(synth.GoSignature(p) + "\n" + strings.Join(p.Contract, "\n"))
	type scored struct {
		sol   Solution
		score float64
	}
	var ranked []scored
	for _, sol := range all {
		sc := jaccard(want, tokens(sol.Signature+"\n"+strings.Join(sol.Contract, "\n")))
		if sc > 0 {
			ranked = append(ranked, scored{sol, sc})
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].score > ranked[j].score })
	var out []Solution
	for i := 0; i < len(ranked) && i < k; i++ {
		out = append(out, ranked[i].sol)
	}
	return out, nil
}

// tokens splits text into identifiers, numbers and operator runs.
func tokens(text string) map[string]bool {
	out := map[string]bool{}
	var cur strings.Builder
	kind := 0 // 1 word, 2 operator
	flush := func() {
		if cur.Len() > 0 {
			out[cur.String()] = true
			cur.Reset()
		}
	}
	for _, r := range strings.ReplaceAll(text, "//vsynth:", " ") {
		k := 2
		switch {
		case unicode.IsSpace(r) || strings.ContainsRune("(),", r):
			flush()
			kind = 0
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			k = 1
		}
		if k != kind {
			flush()
		}
		kind = k
		cur.WriteRune(r)
	}
	flush()
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
