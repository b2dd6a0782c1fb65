package sygus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary text to the SyGuS reader: it must return a
// problem or a positioned error, never panic or hang; a parsed problem's
// answer printer must work on its reference when there is one.
func FuzzParse(f *testing.F) {
	names, _ := filepath.Glob("testdata/*.sl")
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse("fuzz.sl", src)
		if err != nil {
			var se *SyntaxError
			var ue *UnsupportedError
			if !errors.As(err, &se) && !errors.As(err, &ue) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if ref := p.reference(); ref != nil {
			if p.Answer(ref) == "" || p.GoSource(ref) == "" {
				t.Fatal("empty answer or Go source")
			}
		}
	})
}
