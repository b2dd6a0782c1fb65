package ssa

import (
	"context"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/smt"
)

const loadSourceProved = `package bitops

//vsynth:ensures x == 0 ==> result == 0
//vsynth:ensures x != 0 ==> result == 1 << bits.TrailingZeros32(x)
func IsolateLowest(x uint32) uint32 {
	return x & -x
}
`

const loadSourceRefuted = `package bitops

//vsynth:ensures result == Plain(x)
func Twice(x uint32) uint32 {
	return x << 1
}

func Plain(x uint32) uint32 {
	return x + x + 1
}
`

// TestLoadSource proves and refutes functions loaded from source without
// the go command, with a contract using math/bits and one calling a
// reference function of the package (inlined).
func TestLoadSource(t *testing.T) {
	fset := token.NewFileSet()
	imp := NewSourceImporter(fset)
	for _, tc := range []struct {
		src  string
		want Verdict
	}{
		{loadSourceProved, Proved},
		{loadSourceRefuted, Failed},
	} {
		prog, err := LoadSource(fset, imp, "vsynth.test/bitops", []SourceFile{{Name: "/vsynth-virtual/bitops/f.go", Src: []byte(tc.src)}})
		if err != nil {
			t.Fatal(err)
		}
		if len(prog.Targets) != 1 {
			t.Fatalf("got %d targets, want 1", len(prog.Targets))
		}
		results, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Limits: smt.Limits{}})
		if err != nil {
			t.Fatal(err)
		}
		if got := results[0].Verdict; got != tc.want {
			t.Errorf("%s: verdict %s, want %s", prog.Targets[0].Name, got, tc.want)
		}
		if tc.want == Failed {
			_, cex := results[0].Counterexample()
			if cex == nil || len(cex.Inputs) != 1 || cex.Inputs[0].Name != "x" {
				t.Errorf("counterexample %+v, want one input x", cex)
			}
		}
	}
}

// TestLoadSourceTypeError reports type errors with positions.
func TestLoadSourceTypeError(t *testing.T) {
	fset := token.NewFileSet()
	_, err := LoadSource(fset, NewSourceImporter(fset), "p", []SourceFile{{Name: "/v/p/f.go", Src: []byte("package p\nfunc F() int { return \"s\" }\n")}})
	if err == nil {
		t.Fatal("no error for a type error")
	}
	// An import that does not resolve is an error, not a panic of the
	// SSA builder.
	_, err = LoadSource(fset, NewSourceImporter(fset), "p", []SourceFile{{Name: "/v/p/f.go", Src: []byte("package p\nimport \"vsynth.invalid/nothing\"\nfunc F() int { return nothing.X }\n")}})
	if err == nil || !strings.Contains(err.Error(), "/v/p/f.go:2:8") {
		t.Errorf("missing import: got %v, want an error at /v/p/f.go:2:8", err)
	}
}

// TestLoadFileErrors: LoadFile (generated rule code) shares LoadSource's
// path; it refuses imports and reports parse and type errors with their
// positions.
func TestLoadFileErrors(t *testing.T) {
	for src, want := range map[string]string{
		"package p\nimport \"math/bits\"\nfunc F(x uint) int { return bits.Len(x) }\n": "r.go:2:8: could not import math/bits (importing \"math/bits\": imports are not allowed in generated source)",
		"package p\nfunc F() int { return \"s\" }\n":                                   "r.go:2:23: cannot use \"s\"",
		"package p\nfunc F( {\n":                                                       "r.go:2:9: expected",
	} {
		_, err := LoadFile("r.go", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
	p, err := LoadFile("r.go", []byte("package p\nfunc F(x uint8) uint8 { return x + 1 }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.function("F"); err != nil || p.Pkg.Pkg.Path() != "p" {
		t.Errorf("F: %v, package path %q", err, p.Pkg.Pkg.Path())
	}
}

// BenchmarkLoadSourceProve measures one candidate check on the in-memory
// path: parse, type-check, SSA, lower and prove.
func BenchmarkLoadSourceProve(b *testing.B) {
	fset := token.NewFileSet()
	imp := NewSourceImporter(fset)
	for b.Loop() {
		prog, err := LoadSource(fset, imp, "vsynth.test/bitops", []SourceFile{{Name: "/vsynth-virtual/bitops/f.go", Src: []byte(loadSourceProved)}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Jobs: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadGoListProve is the same check through Load (go list):
// what a candidate proof would cost without LoadSource.
func BenchmarkLoadGoListProve(b *testing.B) {
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module vsynth.test/bitops\n\ngo 1.24\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "f.go"), []byte(loadSourceProved), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		prog, err := Load(LoadConfig{Dir: dir}, []string{"."})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := prog.Prove(context.Background(), prog.Targets, Options{NewSolver: testsolver.New, Jobs: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
