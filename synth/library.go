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
}

// LibraryProvenance says what a library was learned from.
type LibraryProvenance struct {
	Store   string `json:"store"`
	Corpus  string `json:"corpus,omitempty"`  // the files the answers were recorded on
	Exclude string `json:"exclude,omitempty"` // the held-out fold: problems matching it were left out
	Answers int    `json:"answers"`
	// Families are the problem families learned from.
	Families []string `json:"families"`
	Vsynth   string   `json:"vsynth,omitempty"` // the version (commit) that learned it
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
// same directory, then a rename), components sorted by name.
func (lib *Library) Write(path string) error {
	sort.Slice(lib.Components, func(i, j int) bool { return lib.Components[i].Name < lib.Components[j].Name })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keys hold & and <<
	if err := enc.Encode(lib); err != nil {
		return fmt.Errorf("library: %w", err)
	}
	data := buf.Bytes()
	if _, err := ParseLibrary(data); err != nil {
		return fmt.Errorf("library: the file written would not read back: %w", err)
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
