package ssa

import (
	"fmt"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// SourceProgram is one Go file given as text, type-checked and built to
// SSA without the go command: the way generated code (the two sides of a
// rewrite rule rendered as Go functions) reaches the same lowering as the
// functions prove loads from disk. The file may import nothing.
type SourceProgram struct {
	Fset  *token.FileSet
	Pkg   *gossa.Package
	funcs map[string]*gossa.Function
}

// LoadFile parses, type-checks and builds src, a complete Go file named
// filename, through the same in-memory path as LoadSource (without specs:
// nothing in it has a contract). Errors are parse and type errors with
// their positions.
func LoadFile(filename string, src []byte) (*SourceProgram, error) {
	fset := token.NewFileSet()
	b, err := buildSource(fset, noImports{}, "", []SourceFile{{Name: filename, Src: src}})
	if err != nil {
		return nil, fmt.Errorf("loading generated source: %w", err)
	}
	p := &SourceProgram{Fset: fset, Pkg: b.pkg, funcs: map[string]*gossa.Function{}}
	for name, m := range b.pkg.Members {
		if fn, ok := m.(*gossa.Function); ok {
			p.funcs[name] = fn
		}
	}
	return p, nil
}

// noImports refuses every import: generated source stands alone.
type noImports struct{}

func (noImports) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("importing %q: imports are not allowed in generated source", path)
}

// lowering returns a fresh lowering for functions of p: calls to functions
// of the file are inlined, nothing has a contract.
func (p *SourceProgram) lowering() *lowering {
	inlinable := func(fn *gossa.Function) bool {
		return (fn.Pkg == p.Pkg || fn.Pkg == nil && fn.Origin() != nil && fn.Origin().Pkg == p.Pkg) && len(fn.Blocks) > 0
	}
	noContract := func(*gossa.Function) *Target { return nil }
	noInvariants := func(*loop) *specs.Loop { return nil }
	return newLowering(p.Pkg.Prog, inlinable, noContract, noInvariants, DefaultUnroll)
}

// function looks up a top-level function of the file.
func (p *SourceProgram) function(name string) (*gossa.Function, error) {
	fn, ok := p.funcs[name]
	if !ok {
		return nil, fmt.Errorf("generated source has no function %s", name)
	}
	return fn, nil
}
