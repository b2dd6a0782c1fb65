package ssa

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"

	gossa "golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

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
// filename. Errors are parse and type errors with their positions.
func LoadFile(filename string, src []byte) (*SourceProgram, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("loading generated source: %w", err)
	}
	if len(f.Imports) > 0 {
		return nil, fmt.Errorf("loading generated source %s: imports are not allowed", filename)
	}
	conf := &types.Config{Importer: importer.Default()}
	pkg := types.NewPackage(f.Name.Name, f.Name.Name)
	sp, _, err := ssautil.BuildPackage(conf, fset, pkg, []*ast.File{f}, gossa.GlobalDebug)
	if err != nil {
		return nil, fmt.Errorf("loading generated source: %w", err)
	}
	p := &SourceProgram{Fset: fset, Pkg: sp, funcs: map[string]*gossa.Function{}}
	for name, m := range sp.Members {
		if fn, ok := m.(*gossa.Function); ok {
			p.funcs[name] = fn
		}
	}
	return p, nil
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
