package ssa

import (
	"go/importer"
	"go/token"
	"go/types"
	"path"
	"testing"
)

// stdlibReadOnly are the shipped functions that take a slice (or another
// reference) but only read through it, checked by reading their GOROOT
// source. Every other shipped function with such a parameter must be
// listed by stdlibWrites, or a call would leave the caller's memory
// unchanged where Go writes it.
var stdlibReadOnly = map[string]bool{
	"bytes/Equal": true, "bytes/HasPrefix": true, "bytes/HasSuffix": true,
	"bytes/IndexByte": true, "bytes/Compare": true,
	"unicode/utf8/RuneCount": true, "unicode/utf8/Valid": true,
	"unicode/utf8/DecodeRune": true, "unicode/utf8/FullRune": true,
}

// TestStdlibWritesClassified checks that every shipped function that
// takes a pointer, slice, map, channel, function or interface is either
// known to write through it (stdlibWrites) or known to only read
// (stdlibReadOnly): a contract added for a writing function (say
// utf8.AppendRune) must say what it writes before callers rely on it.
func TestStdlibWritesClassified(t *testing.T) {
	cs, err := shippedContracts()
	if err != nil {
		t.Fatal(err)
	}
	imp := importer.ForCompiler(token.NewFileSet(), "source", nil)
	pkgs := map[string]*types.Package{}
	for _, c := range cs {
		pkg, ok := pkgs[c.Path]
		if !ok {
			if pkg, err = imp.Import(c.Path); err != nil {
				t.Fatalf("importing %s: %v", c.Path, err)
			}
			pkgs[c.Path] = pkg
		}
		name := path.Join(c.Path, c.Name)
		fn, ok := pkg.Scope().Lookup(c.Name).(*types.Func)
		if !ok {
			t.Errorf("%s: no such function", name)
			continue
		}
		params := fn.Type().(*types.Signature).Params()
		reference := false
		for i := range params.Len() {
			switch params.At(i).Type().Underlying().(type) {
			case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
				reference = true
			}
		}
		writes, readOnly := stdlibWrites(c) != nil, stdlibReadOnly[name]
		switch {
		case writes && readOnly:
			t.Errorf("%s: both in stdlibWrites and stdlibReadOnly", name)
		case reference && !writes && !readOnly:
			t.Errorf("%s takes a reference but is neither in stdlibWrites nor in stdlibReadOnly", name)
		case !reference && readOnly:
			t.Errorf("%s: in stdlibReadOnly but takes no reference", name)
		}
	}
}
