package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// PriorSchema names the format of a prior file (see Prior).
const PriorSchema = "vsynth-prior/1"

// DefaultPriorPenalty is the largest extra cost a learned prior gives a
// production unless its file says otherwise: every production keeps a
// finite cost, so the prior-ordered enumeration still reaches every
// term of the grammar (at a cost of at most its size times
// 1+DefaultPriorPenalty). A penalty of 3, rounded rather than
// floored, lost problems on hd held out by program (docs/learning.md).
const DefaultPriorPenalty = 2

// Prior is a probabilistic grammar learned from proved answers (see
// package synth/experience): how often each production was used, keyed
// by what the production computes (ProdKey), not by its name, so that it
// applies to every grammar holding the same production. Within a
// nonterminal, an operator production's probability is proportional to
// its count plus Alpha (additive smoothing: never zero), and its extra
// cost is floor(log2(pmax/p)), at most MaxPenalty, where pmax is the
// probability of the most likely operator production of the same
// nonterminal: the cost of a production is then its size plus −log2 of
// its probability relative to the best one, as in Probe's cost-ordered
// enumeration. Leaves are counted but not ordered (see Extra).
type Prior struct {
	Schema     string  `json:"schema"`
	Alpha      float64 `json:"alpha"`
	MaxPenalty int     `json:"max_penalty"`
	// Provenance says what the prior was learned from.
	Provenance PriorProvenance `json:"provenance"`
	// Productions are the keys seen in the answers, sorted by key.
	Productions []PriorEntry `json:"productions"`
	// SHA256 seals a file vsynth learn prior --apply wrote: the digest of
	// the file with this field empty (see CheckAppliedPrior).
	SHA256 string `json:"sha256,omitempty"`

	counts map[string]float64
}

// PriorProvenance is where a prior comes from: the store, how many
// answers, and the problems they answer (so that an evaluation can check
// that none of its held-out problems was learned from).
type PriorProvenance struct {
	Store string `json:"store"`
	// Corpus are the directories of the problems learned from.
	Corpus Corpus `json:"corpus,omitempty"`
	// Exclude is the --exclude pattern: problems matching it were left
	// out.
	Exclude string `json:"exclude,omitempty"`
	// Folds are the held-out folds (regular expressions matched against
	// a problem's file or name, as Exclude) the prior is evaluated on:
	// their problems were left out, and none of Problems matches one.
	Folds    []string `json:"folds,omitempty"`
	Answers  int      `json:"answers"`
	Problems []string `json:"problems"`
	Vsynth   string   `json:"vsynth,omitempty"`
	// Commit is the repository commit the prior was learned at, Command
	// the command that learned it (both required by --apply).
	Commit  string `json:"commit,omitempty"`
	Command string `json:"command,omitempty"`
	// Shuffle, when not 0, is the seed of a control: the operator
	// productions' counts were permuted at random (see Shuffled).
	Shuffle int64 `json:"shuffle,omitempty"`
}

// PriorEntry is one production key's count in the answers, and for
// reading only, its cost −log2 p in the whole training set (the search
// normalizes within each nonterminal instead).
type PriorEntry struct {
	Key   string  `json:"key"`
	Count float64 `json:"count"`
	Cost  float64 `json:"cost"`
}

// NewPrior makes a prior from production counts.
func NewPrior(counts map[string]float64, prov PriorProvenance) *Prior {
	pr := &Prior{Schema: PriorSchema, Alpha: 1, MaxPenalty: DefaultPriorPenalty, Provenance: prov}
	total := 0.0
	for _, c := range counts {
		total += c
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := (counts[k] + pr.Alpha) / (total + pr.Alpha*float64(len(keys)+1))
		pr.Productions = append(pr.Productions, PriorEntry{Key: k, Count: counts[k], Cost: math.Round(-math.Log2(p)*100) / 100})
	}
	sort.Strings(pr.Provenance.Problems)
	return pr
}

func (pr *Prior) count(key string) float64 {
	if pr.counts == nil {
		pr.counts = map[string]float64{}
		for _, e := range pr.Productions {
			pr.counts[e.Key] += e.Count
		}
	}
	return pr.counts[key]
}

// Extra is the extra cost of every production of g under the prior:
// extra[nt][prod], nil when none has one. Only productions that apply an
// operator (with holes) are ordered: leaves (parameters, constants)
// keep their cost, since an answer uses its parameters many times and
// their counts would push every operator to the largest penalty.
func (pr *Prior) Extra(g *Grammar) [][]int {
	var out [][]int
	for nt, sym := range g.NTs {
		best := 0.0
		w := make([]float64, len(sym.Prods))
		for pi, p := range sym.Prods {
			if !ordered(p) {
				continue
			}
			w[pi] = pr.count(ProdKey(g, p)) + pr.Alpha
			best = max(best, w[pi])
		}
		for pi, p := range sym.Prods {
			if !ordered(p) {
				continue
			}
			extra := pr.MaxPenalty // also for an infinite or undefined ratio
			if r := math.Log2(best / w[pi]); r < float64(pr.MaxPenalty) {
				extra = int(math.Floor(r))
			}
			if extra <= 0 {
				continue
			}
			if out == nil {
				out = make([][]int, len(g.NTs))
				for i := range out {
					out[i] = make([]int, len(g.NTs[i].Prods))
				}
			}
			out[nt][pi] = extra
		}
	}
	return out
}

// ordered reports whether a prior orders production p: an operator
// applied to holes, not a chain rule or a leaf.
func ordered(p *Prod) bool { return !unit(p) && len(p.Holes) > 0 }

// ReadPrior reads and checks a prior file.
func ReadPrior(path string) (*Prior, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("prior: %w", err)
	}
	pr, err := ParsePrior(data)
	if err != nil {
		return nil, fmt.Errorf("prior %s: %w", path, err)
	}
	return pr, nil
}

// ParsePrior reads and checks a prior file's contents: its schema, no
// unknown field, a positive alpha, a penalty in 0..16, well-formed
// entries.
func ParsePrior(data []byte) (*Prior, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var pr Prior
	if err := dec.Decode(&pr); err != nil {
		return nil, err
	}
	if err := pr.check(); err != nil {
		return nil, err
	}
	return &pr, nil
}

func (pr *Prior) check() error {
	switch {
	case pr.Schema != PriorSchema:
		return fmt.Errorf("schema %q, want %q", pr.Schema, PriorSchema)
	case !(pr.Alpha > 0) || math.IsInf(pr.Alpha, 0):
		return fmt.Errorf("alpha %v must be positive", pr.Alpha)
	case pr.MaxPenalty < 0 || pr.MaxPenalty > 16:
		return fmt.Errorf("max_penalty %d out of 0..16", pr.MaxPenalty)
	}
	for _, e := range pr.Productions {
		if e.Key == "" || !(e.Count >= 0) || math.IsInf(e.Count, 0) {
			return fmt.Errorf("bad production entry %q (count %v)", e.Key, e.Count)
		}
	}
	return nil
}

// WritePrior writes a prior file atomically (a temporary file renamed),
// in the canonical form, without a seal: a scratch file, for a
// measurement. Shipped priors are written by Apply.
func WritePrior(path string, pr *Prior) error {
	pr.SHA256 = ""
	data, err := canonical(pr)
	if err != nil {
		return fmt.Errorf("prior: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".prior-*.json")
	if err != nil {
		return fmt.Errorf("prior: %w", err)
	}
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("prior: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("prior: %w", err)
	}
	return nil
}

// ProdKey says what a production computes, independent of the names in
// the source: its template with macros expanded, operators by their
// semantics (the term language's operator and its types), holes
// numbered by first occurrence and typed by their nonterminal's type,
// parameters by type only. Two SyGuS files naming the same function
// differently get the same key. Chain rules have the key "".
func ProdKey(g *Grammar, p *Prod) string {
	if unit(p) {
		return ""
	}
	var b strings.Builder
	renum := map[int]int{}
	var walk func(t *Tmpl)
	walk = func(t *Tmpl) {
		switch {
		case t.Hole >= 0:
			n, ok := renum[t.Hole]
			if !ok {
				n = len(renum)
				renum[t.Hole] = n
			}
			b.WriteString("_" + strconv.Itoa(n) + ":" + typeKey(g.NTs[p.Holes[t.Hole]].Type))
			return
		case t.Op == OpParam:
			b.WriteString("param:" + typeKey(t.Type))
			return
		case t.Op == OpConst:
			b.WriteString(strconv.FormatUint(t.Value, 10) + ":" + typeKey(t.Type))
			return
		}
		b.WriteString("(" + ops[t.Op].name + ":" + typeKey(t.Type))
		for _, a := range t.Args {
			b.WriteByte(' ')
			walk(a)
		}
		b.WriteByte(')')
	}
	walk(p.Tmpl)
	return b.String()
}

// typeKey is a type by its semantics: bool, or signedness and width
// (Go's int and int64 are the same).
func typeKey(t Type) string {
	switch {
	case t.Bool:
		return "bool"
	case t.Signed:
		return "i" + strconv.Itoa(t.Width)
	}
	return "u" + strconv.Itoa(t.Width)
}

// GrammarSignature identifies a grammar by what it computes: a hash of
// its nonterminals' types and their productions' keys, with the holes'
// nonterminals by position (names left out).
func GrammarSignature(g *Grammar) string {
	h := sha256.New()
	for _, sym := range g.NTs {
		fmt.Fprintf(h, "nt %s\n", typeKey(sym.Type))
		for _, p := range sym.Prods {
			fmt.Fprintf(h, "  %s %v\n", ProdKey(g, p), p.Holes)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Derivation finds the productions that derive t from the start symbol
// of g (each production applied, leaves first; chain rules included),
// or ok false when t is not a term of g. A term built from a macro
// production is matched only by a production of the same macro.
func Derivation(g *Grammar, t *Term) (used []ProdRef, ok bool) {
	return deriveTerm(g, t, 0, map[int]bool{})
}

func deriveTerm(g *Grammar, t *Term, nt int, chain map[int]bool) ([]ProdRef, bool) {
	sym := g.NTs[nt]
	if typeKey(t.Type) != typeKey(sym.Type) {
		return nil, false
	}
	for pi, p := range sym.Prods {
		if unit(p) || (t.Macro != "" && p.Tmpl.Macro != t.Macro) {
			continue
		}
		kids := make([]*Term, len(p.Holes))
		if !matchTmpl(p.Tmpl, t, kids) {
			continue
		}
		var used []ProdRef
		ok := true
		for h, kid := range kids {
			if kid == nil {
				ok = false
				break
			}
			u, kok := deriveTerm(g, kid, p.Holes[h], map[int]bool{})
			if !kok {
				ok = false
				break
			}
			used = append(used, u...)
		}
		if ok {
			return append(used, ProdRef{nt, pi}), true
		}
	}
	if chain[nt] {
		return nil, false
	}
	chain[nt] = true
	defer delete(chain, nt)
	for pi, p := range sym.Prods {
		if !unit(p) {
			continue
		}
		if u, ok := deriveTerm(g, t, p.Holes[0], chain); ok {
			return append(u, ProdRef{nt, pi}), true
		}
	}
	return nil, false
}

// matchTmpl matches a template (its macro expanded) against t, binding
// the holes' subterms in kids.
func matchTmpl(tm *Tmpl, t *Term, kids []*Term) bool {
	if tm.Hole >= 0 {
		if kids[tm.Hole] == nil {
			kids[tm.Hole] = t
			return true
		}
		return kids[tm.Hole].Equal(t)
	}
	if tm.Op != t.Op || typeKey(tm.Type) != typeKey(t.Type) || len(tm.Args) != len(t.Args) {
		return false
	}
	switch tm.Op {
	case OpParam:
		return tm.Param == t.Param
	case OpConst:
		return tm.Value == t.Value
	}
	for i, a := range tm.Args {
		if !matchTmpl(a, t.Args[i], kids) {
			return false
		}
	}
	return true
}
