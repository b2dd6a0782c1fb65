package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// shipped holds the rule set vsynth ships: the hand-written seed rules and
// the rules vsynth learned (with their provenance comments).
//
//go:embed sets/*.rules
var shipped embed.FS

// ShippedFiles names the files of the shipped set, as they appear in the
// repository below synth/rules.
func ShippedFiles() []string {
	names, _ := fs.Glob(shipped, "sets/*.rules")
	sort.Strings(names)
	return names
}

// Shipped parses the shipped rule set. Rule names are unique across it.
func Shipped() ([]*Rule, error) {
	var files []File
	for _, name := range ShippedFiles() {
		src, err := shipped.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: path.Join("synth/rules", name), Src: src})
	}
	return ParseSet(files)
}

// ShippedSource returns the text of a shipped file ("seed.rules").
func ShippedSource(base string) ([]byte, error) {
	return shipped.ReadFile("sets/" + base)
}

// File is a rule file's name and text.
type File struct {
	Name string
	Src  []byte
}

// ParseSet parses files as one set: names must be unique across them.
func ParseSet(files []File) ([]*Rule, error) {
	var all []*Rule
	var errs ErrorList
	where := map[string]*Rule{}
	for _, f := range files {
		rs, err := Parse(f.Name, f.Src)
		if list, ok := err.(ErrorList); ok {
			errs = append(errs, list...)
			continue
		} else if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if prev, ok := where[r.Name]; ok && prev.File != r.File {
				errs = append(errs, &Error{File: r.File, Line: r.Line, Col: 1, Msg: fmt.Sprintf("rule %s is already defined at %s", r.Name, prev.Position())})
				continue
			}
			where[r.Name] = r
			all = append(all, r)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return all, nil
}
