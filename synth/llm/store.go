package llm

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/vsynth/vsynth/synth"
)

// Solution is a proved function kept for later prompts.
type Solution struct {
	Signature string   `json:"signature"` // "F(x uint32) uint32"
	Contract  []string `json:"contract"`  // //vsynth: lines
	Code      string   `json:"code"`      // the proved Go function
}

// Store is a local file of proved solutions, one JSON object per line,
// from which prompts take the solutions whose specs are most similar.
// Unreadable lines are skipped. It is safe for concurrent use within a
// process.
type Store struct {
	Path string
	mu   sync.Mutex
}

// DefaultStorePath is where the store lives unless configured:
// $XDG_CACHE_HOME/vsynth/llm-solutions.jsonl (os.UserCacheDir).
func DefaultStorePath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("llm store: %w", err)
	}
	return filepath.Join(dir, "vsynth", "llm-solutions.jsonl"), nil
}

// ProblemSolution is the Solution of p with code.
func ProblemSolution(p *synth.Problem, code string) Solution {
	return Solution{Signature: synth.GoSignature(p), Contract: p.Contract, Code: strings.TrimSpace(code)}
}

func (s *Store) load() ([]Solution, error) {
	f, err := os.Open(s.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("llm store: %w", err)
	}
	defer f.Close()
	var out []Solution
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		var sol Solution
		if json.Unmarshal(sc.Bytes(), &sol) == nil && sol.Code != "" {
			out = append(out, sol)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("llm store %s: %w", s.Path, err)
	}
	return out, nil
}

// Add appends a solution unless the same one is stored.
func (s *Store) Add(sol Solution) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	all, err := s.load()
	if err != nil {
		return err
	}
	for _, o := range all {
		if o.Signature == sol.Signature && o.Code == sol.Code && strings.Join(o.Contract, "\n") == strings.Join(sol.Contract, "\n") {
			return nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o755); err != nil {
		return fmt.Errorf("llm store: %w", err)
	}
	f, err := os.OpenFile(s.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("llm store: %w", err)
	}
	line, _ := json.Marshal(sol)
	_, werr := f.Write(append(line, '\n'))
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("llm store: %w", err)
	}
	return nil
}

// Similar returns up to k stored solutions ranked by the similarity of
// their spec to p's (Jaccard similarity of the identifier, operator and
// type tokens of signature and contract), most similar first; ties keep
// the file's order. Solutions sharing no token are left out.
func (s *Store) Similar(p *synth.Problem, k int) ([]Solution, error) {
	s.mu.Lock()
	all, err := s.load()
	s.mu.Unlock()
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
