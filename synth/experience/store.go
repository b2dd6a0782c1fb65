package experience

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vsynth/vsynth/synth"
)

// FileName is the store's file in its directory.
const FileName = "answers.jsonl"

// Record is one proved answer. Signature, Contract and Code have the
// field names of the language model's solutions (synth/llm.Solution), of
// which the Go records are the view.
type Record struct {
	Problem string `json:"problem"`        // the function's name (package.Func, or the SyGuS file's function)
	File    string `json:"file,omitempty"` // the source file, as given
	Hash    string `json:"hash"`           // the problem: sha256 of the SyGuS file, or of a .vspec function's signature and contract
	Lang    string `json:"lang"`           // "go" or "sygus": the language of Code
	Grammar string `json:"grammar"`        // synth.GrammarSignature of the problem's grammar
	Term    string `json:"term"`           // the answer in the term language
	// Key is the answer by what it computes, typed (synth.TermKey): what
	// a component library is mined from.
	Key  string `json:"key,omitempty"`
	Size int    `json:"size"`
	// Productions are the keys (synth.ProdKey) of the answer's
	// derivation's productions, chain rules left out: what a prior
	// learns from.
	Productions []string `json:"productions,omitempty"`
	Strategy    string   `json:"strategy,omitempty"`
	ProofMS     int64    `json:"proof_ms"` // the proof of this answer
	TimeMS      int64    `json:"time_ms"`  // the whole search
	Vsynth      string   `json:"vsynth"`
	When        string   `json:"when,omitempty"` // RFC 3339, UTC

	Signature string   `json:"signature,omitempty"` // "F(x uint32) uint32" for Go problems
	Contract  []string `json:"contract,omitempty"`  // //vsynth: lines
	Code      string   `json:"code"`                // the answer as printed
}

// NewRecord is the record of answer t to p (proof and search times and
// File left for the caller).
func NewRecord(p *synth.Problem, t *synth.Term, code, lang, version string) Record {
	r := Record{
		Problem: p.Name, Lang: lang, Grammar: synth.GrammarSignature(p.Grammar),
		Term: t.String(), Key: synth.TermKey(t), Size: t.Size(), Vsynth: version, Code: strings.TrimSpace(code),
		When: time.Now().UTC().Format(time.RFC3339),
	}
	if p.GoName != "" {
		r.Signature, r.Contract = synth.GoSignature(p), p.Contract
		r.Hash = hashOf(r.Signature + "\n" + strings.Join(r.Contract, "\n"))
	}
	r.Productions = Productions(p.Grammar, t)
	return r
}

// Productions are the keys of the productions deriving t in g (chain
// rules left out), nil when t is not a term of g.
func Productions(g *synth.Grammar, t *synth.Term) []string {
	used, ok := synth.Derivation(g, t)
	if !ok {
		return nil
	}
	var out []string
	for _, r := range used {
		if k := synth.ProdKey(g, g.NTs[r.NT].Prods[r.Prod]); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// GoRecord is the record of a Go solution known only by its signature,
// contract and code (no grammar, no term): what a language model's
// solutions store held before this store existed.
func GoRecord(signature string, contract []string, code, strategy, version string) Record {
	return Record{
		Problem: signature, Hash: hashOf(signature + "\n" + strings.Join(contract, "\n")), Lang: "go",
		Signature: signature, Contract: contract, Code: strings.TrimSpace(code), Strategy: strategy, Vsynth: version,
		When: time.Now().UTC().Format(time.RFC3339),
	}
}

// HashSource is a problem's hash from its source text.
func HashSource(src []byte) string { return hashOf(string(src)) }

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(h[:])
}

// Store is a directory holding the answers file. It is safe for
// concurrent use within a process; appends of whole lines keep
// concurrent processes from mixing records.
type Store struct {
	Dir string
	// File, when set, is the store's file instead of Dir's FileName.
	File string
	mu   sync.Mutex
	// stored are the answers in the file (see answerKey), read at the
	// first Append and kept up to date by this Store's appends.
	stored map[string]bool
}

// answerKey identifies an answer to a problem.
func answerKey(r Record) string { return r.Hash + "\x00" + r.Problem + "\x00" + r.Code }

// DefaultDir is the store's directory unless configured: vsynth/experience
// under the user cache directory ($XDG_CACHE_HOME, os.UserCacheDir).
func DefaultDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("experience store: %w", err)
	}
	return filepath.Join(dir, "vsynth", "experience"), nil
}

// Path is the store's file.
func (s *Store) Path() string {
	if s.File != "" {
		return s.File
	}
	return filepath.Join(s.Dir, FileName)
}

// Load reads every record of a store file (a directory's FileName, or
// the file itself); unreadable lines are skipped. A missing file is an
// empty store.
func Load(path string) ([]Record, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		path = filepath.Join(path, FileName)
	}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("experience store: %w", err)
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var r Record
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Code != "" {
			out = append(out, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("experience store %s: %w", path, err)
	}
	return out, nil
}

// Load reads the store's records.
func (s *Store) Load() ([]Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Load(s.Path())
}

// Append adds a record unless the store holds the same answer to the
// same problem (same hash and name, same code). The file is read once,
// at the first Append; records other processes append meanwhile are not
// seen, so the file may hold a duplicate, which LearnPrior counts once.
func (s *Store) Append(r Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stored == nil {
		all, err := Load(s.Path())
		if err != nil {
			return err
		}
		s.stored = map[string]bool{}
		for _, o := range all {
			s.stored[answerKey(o)] = true
		}
	}
	if s.stored[answerKey(r)] {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o755); err != nil {
		return fmt.Errorf("experience store: %w", err)
	}
	f, err := os.OpenFile(s.Path(), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("experience store: %w", err)
	}
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false) // terms and keys hold & and <<
	if err := enc.Encode(r); err != nil {
		f.Close()
		return fmt.Errorf("experience store: %w", err)
	}
	_, werr := f.Write(line.Bytes())
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("experience store: %w", err)
	}
	s.stored[answerKey(r)] = true
	return nil
}
