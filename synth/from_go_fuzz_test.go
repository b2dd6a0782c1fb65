package synth

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	fuzzOnce     sync.Once
	fuzzProblems []*Problem
)

// FuzzTermFromGo feeds arbitrary text (a model's answer) to TermFromGo
// for the bitops example's problems: it must not panic, and an accepted
// function's rendering must be read back to a term that computes the
// same on the seed inputs. Seeds: testdata/fromgo and
// testdata/fuzz/FuzzTermFromGo.
//
//	go test -fuzz=FuzzTermFromGo ./synth
func FuzzTermFromGo(f *testing.F) {
	names, _ := filepath.Glob("testdata/fromgo/*.go.txt")
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		fuzzOnce.Do(func() {
			for _, target := range loadVspec(t, "../examples/synth/bitops.vspec") {
				fuzzProblems = append(fuzzProblems, target.Problem)
			}
		})
		for _, p := range fuzzProblems {
			start := time.Now()
			term, _, err := TermFromGo(src, p)
			if d := time.Since(start); d > 20*time.Second { // wide, for loaded machines
				t.Fatalf("%s: TermFromGo took %v", p.Name, d)
			}
			if err != nil {
				if _, ok := err.(*RejectError); !ok {
					t.Fatalf("%s: not a rejection: %v", p.Name, err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("%s: rejection of more than one line: %q", p.Name, err)
				}
				continue
			}
			back, _, err := TermFromGo(GoFunc(p.GoName, p.Params, p.Result, term), p)
			if err != nil {
				t.Fatalf("%s: the rendering of %s is rejected: %v\n%s", p.Name, term, err, GoFunc(p.GoName, p.Params, p.Result, term))
			}
			for _, in := range seeds(p.Vars) {
				a, okA := EvalTerm(term, in)
				b, okB := EvalTerm(back, in)
				if okA != okB || okA && a != b {
					t.Fatalf("%s: %s and its rendering read back %s differ at %v", p.Name, term, back, in)
				}
			}
		}
	})
}
