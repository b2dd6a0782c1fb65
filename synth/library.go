package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// LibrarySchema names the format of a component library file.
const LibrarySchema = "vsynth-library/1"

// Component kinds.
const (
	// ComponentMined is a fragment of proved answers, reused across
	// problem families.
	ComponentMined = "mined"
	// ComponentDerived is an operator a problem's spec uses and its
	// grammar lacks (the library only says whether to derive them: see
	// Library.DeriveSpecOperators); a file may also list one.
	ComponentDerived = "derived"
)

// Library is a component library: terms the search may build as one
// production. A component is its pattern (what it computes, in the key
// syntax of TermKey with holes _0, _1, ...); it enters a grammar only
// through an expansion, the smallest term of that grammar over the holes
// that Z3 proves equal to the pattern through the lowering prove uses
// (see AdmitComponents). The expansion is what answers hold: they are
// printed in the file's own grammar and proved like any candidate. The
// library is data: learned (vsynth learn library) and checked, never
// trusted.
type Library struct {
	Schema string `json:"schema"`
	// DeriveSpecOperators adds, for each problem, a derived component for
	// each operator its spec uses that its grammar lacks.
	DeriveSpecOperators bool              `json:"derive_spec_operators"`
	Provenance          LibraryProvenance `json:"provenance"`
	Components          []Component       `json:"components"`
	// SHA256 seals a file vsynth learn library --apply wrote: the digest
	// of the file with this field empty (see CheckAppliedLibrary).
	SHA256 string `json:"sha256,omitempty"`
}

// LibraryProvenance says what a library was learned from.
type LibraryProvenance struct {
	Store string `json:"store"`
	// Corpus are the files whose grammars the expansions were proved in.
	Corpus  Corpus `json:"corpus,omitempty"`
	Exclude string `json:"exclude,omitempty"` // the held-out fold: problems matching it were left out
	// Folds are the held-out folds (regular expressions matched as
	// Exclude) the library is evaluated on: their problems were left
	// out, and none of Problems and Families matches one.
	Folds   []string `json:"folds,omitempty"`
	Answers int      `json:"answers"`
	// Problems are the problems (files) whose answers were mined.
	Problems []string `json:"problems,omitempty"`
	// Families are the problem families learned from.
	Families []string `json:"families"`
	Vsynth   string   `json:"vsynth,omitempty"` // the version (commit) that learned it
	// Commit is the repository commit the library was learned at,
	// Command the command that learned it (both required by --apply).
	Commit  string `json:"commit,omitempty"`
	Command string `json:"command,omitempty"`
}

// Component is one entry of a library.
type Component struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Pattern string `json:"pattern"`
	// Families are the problem families whose answers hold the fragment
	// (mined components).
	Families []string `json:"families,omitempty"`
	// Proofs are expansions proved when the library was written: CI
	// proves them again (TestShippedLibraryProved).
	Proofs []ComponentProof `json:"proofs,omitempty"`

	pattern *Term
}

// ComponentProof is a component's expansion in one grammar, proved equal
// to its pattern.
type ComponentProof struct {
	Grammar   string `json:"grammar"`   // GrammarSignature
	Expansion string `json:"expansion"` // the expansion's key, holes _N
	Verdict   string `json:"verdict"`   // "proved"
}

// Term is the component's pattern, holes as parameters.
func (c *Component) Term() (*Term, error) {
	if c.pattern != nil {
		return c.pattern, nil
	}
	t, err := ParseKey(c.Pattern)
	if err != nil {
		return nil, fmt.Errorf("component %s: %w", c.Name, err)
	}
	if err := checkPattern(t); err != nil {
		return nil, fmt.Errorf("component %s: %w", c.Name, err)
	}
	c.pattern = t
	return t, nil
}

// checkPattern checks a pattern's holes: numbered 0, 1, ... by first
// use, each with one type, at most 3, and at least one operator.
func checkPattern(t *Term) error {
	if t.Op == OpParam || t.Op == OpConst {
		return fmt.Errorf("pattern is a leaf")
	}
	types := map[int]Type{}
	next := 0
	var walk func(t *Term) error
	walk = func(t *Term) error {
		if t.Op == OpParam {
			ty, ok := types[t.Param]
			switch {
			case !ok && t.Param != next:
				return fmt.Errorf("holes are not numbered by first use")
			case !ok:
				types[t.Param] = t.Type
				next++
			case typeKey(ty) != typeKey(t.Type):
				return fmt.Errorf("hole _%d has two types", t.Param)
			}
			return nil
		}
		for _, a := range t.Args {
			if err := walk(a); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(t); err != nil {
		return err
	}
	if next == 0 || next > 3 {
		return fmt.Errorf("a pattern has 1 to 3 holes, not %d", next)
	}
	return nil
}

// ReadLibrary reads and checks a library file: the schema, no unknown
// fields, known kinds, and patterns that parse.
func ReadLibrary(path string) (*Library, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	return ParseLibrary(data)
}

// ParseLibrary is ReadLibrary on the file's contents.
func ParseLibrary(data []byte) (*Library, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var lib Library
	if err := dec.Decode(&lib); err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	if lib.Schema != LibrarySchema {
		return nil, fmt.Errorf("library: schema %q, want %q", lib.Schema, LibrarySchema)
	}
	names := map[string]bool{}
	for i := range lib.Components {
		c := &lib.Components[i]
		if c.Name == "" || names[c.Name] {
			return nil, fmt.Errorf("library: component %d: empty or repeated name %q", i, c.Name)
		}
		names[c.Name] = true
		if c.Kind != ComponentMined && c.Kind != ComponentDerived {
			return nil, fmt.Errorf("library: component %s: unknown kind %q", c.Name, c.Kind)
		}
		if _, err := c.Term(); err != nil {
			return nil, fmt.Errorf("library: %w", err)
		}
		for _, pf := range c.Proofs {
			if pf.Verdict != "proved" {
				return nil, fmt.Errorf("library: component %s: a proof with verdict %q (only proved expansions are kept)", c.Name, pf.Verdict)
			}
			if _, err := ParseKey(pf.Expansion); err != nil {
				return nil, fmt.Errorf("library: component %s: expansion: %w", c.Name, err)
			}
		}
	}
	return &lib, nil
}

// Write writes the library to path atomically (a temporary file in the
// same directory, then a rename), in its canonical form (components
// sorted by name, their proofs by grammar and expansion), without a
// seal: a scratch file, for a measurement. Shipped libraries are
// written by Apply.
func (lib *Library) Write(path string) error {
	lib.SHA256 = ""
	data, err := lib.encode()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".library-*.json")
	if err != nil {
		return fmt.Errorf("library: %w", err)
	}
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Sync(), tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("library: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("library: %w", err)
	}
	return nil
}

// sortEntries puts the components and their proofs in the canonical
// order.
func (lib *Library) sortEntries() {
	sort.Slice(lib.Components, func(i, j int) bool { return lib.Components[i].Name < lib.Components[j].Name })
	for i := range lib.Components {
		ps := lib.Components[i].Proofs
		sort.Slice(ps, func(a, b int) bool {
			if ps[a].Grammar != ps[b].Grammar {
				return ps[a].Grammar < ps[b].Grammar
			}
			return ps[a].Expansion < ps[b].Expansion
		})
	}
}

// encode is the library's canonical encoding, checked to read back.
func (lib *Library) encode() ([]byte, error) {
	lib.sortEntries()
	data, err := canonical(lib)
	if err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	if _, err := ParseLibrary(data); err != nil {
		return nil, fmt.Errorf("library: the file written would not read back: %w", err)
	}
	return data, nil
}
