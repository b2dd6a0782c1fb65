package ssa

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// Loading one package that is already type-checked: what a go/analysis
// pass gives (the vsynth analyzer, analysis/vsynthanalyzer). The package
// is built into SSA on its own, its imports from their types alone, so a
// call into another package cannot be inlined: it is lowered with the
// callee's contract, which the callee's own load exported (contract_fact.go)
// and which is imported here (TypedPackage.Contracts), or it is
// unsupported.

// TypedPackage is one type-checked package with its syntax.
type TypedPackage struct {
	Fset  *token.FileSet
	Types *types.Package
	Files []*ast.File // parsed with comments
	Info  *types.Info // with Types, Defs, Uses, Implicits, Instances, Scopes and Selections
	Sizes types.Sizes // the target's sizes (nil: amd64's)
	// Contracts are the contracts of other packages' functions, as
	// their packages' loads exported them (Program.ExportContracts).
	Contracts []*ImportedContract
}

// LoadTyped is Load for a package that is already type-checked: it builds
// the package's SSA form and collects its functions with specs, from its
// directives and from the .vspec files of its directory. The lowering and
// the proofs are the same as for Load.
func LoadTyped(in TypedPackage) (prog *Program, err error) {
	if in.Types == nil || in.Info == nil || len(in.Files) == 0 {
		return nil, errors.New("load typed package: no package")
	}
	defer func() {
		if e := recover(); e != nil {
			prog, err = nil, fmt.Errorf("load typed package %s: building SSA: %v", in.Types.Path(), e)
		}
	}()
	sizes := in.Sizes
	if sizes == nil {
		sizes = sourceSizes
	}
	prog = &Program{Fset: in.Fset, local: make(map[*types.Package]bool), contracts: make(map[*gossa.Function]*Target), loops: make(map[ast.Node]*specs.Loop)}
	pkg := &packages.Package{
		ID: in.Types.Path(), Name: in.Types.Name(), PkgPath: in.Types.Path(),
		Syntax: in.Files, Types: in.Types, TypesInfo: in.Info, TypesSizes: sizes, Fset: in.Fset,
	}
	for _, f := range in.Files {
		name := in.Fset.File(f.Pos()).Name()
		pkg.GoFiles = append(pkg.GoFiles, name)
		pkg.CompiledGoFiles = append(pkg.CompiledGoFiles, name)
	}
	pkg.Dir = filepath.Dir(pkg.GoFiles[0])
	prog.dir = pkg.Dir
	prog.Packages = []*packages.Package{pkg}
	prog.platform = platformOf(prog.Packages, nil)
	ssaProg := gossa.NewProgram(in.Fset, gossa.InstantiateGenerics|gossa.GlobalDebug)
	createImports(ssaProg, in.Types)
	ssaPkg := ssaProg.CreatePackage(in.Types, in.Files, in.Info, false)
	ssaPkg.Build()
	prog.SSA = ssaProg
	prog.local[in.Types] = true
	imp := newTypesImporter(in.Fset, in.Types)
	prog.imp = imp
	prog.importContracts(in.Contracts, imp)
	// A pass has no go command to ask: the release the analyzer was
	// built with is the one go vet runs it with.
	if err := prog.shipStdlibContracts(imp, runtime.Version); err != nil {
		return nil, err
	}
	errs := prog.collect(pkg, imp, nil)
	return prog.finish(errs)
}

// createImports creates, from their types, the SSA packages of everything
// pkg imports, directly or not.
func createImports(prog *gossa.Program, pkg *types.Package) {
	created := map[*types.Package]bool{}
	var createAll func([]*types.Package)
	createAll = func(pkgs []*types.Package) {
		for _, p := range pkgs {
			if !created[p] {
				created[p] = true
				prog.CreatePackage(p, nil, nil, true)
				createAll(p.Imports())
			}
		}
	}
	createAll(pkg.Imports())
}

// typesImporter resolves the imports of clauses among the packages a
// type-checked package imports, directly or not, and otherwise, for the
// standard library only (math and math/bits are visible to every
// directive), from source: a pass has no go command to load others with.
type typesImporter struct {
	known map[string]*types.Package
	std   *SourceImporter
}

func newTypesImporter(fset *token.FileSet, pkg *types.Package) *typesImporter {
	imp := &typesImporter{known: map[string]*types.Package{}}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if _, ok := imp.known[p.Path()]; ok {
			return
		}
		imp.known[p.Path()] = p
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(pkg)
	imp.std = NewSourceImporter(fset)
	return imp
}

// Import implements types.Importer.
func (imp *typesImporter) Import(path string) (*types.Package, error) {
	if p, ok := imp.known[path]; ok {
		return p, nil
	}
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
		return nil, fmt.Errorf("importing %q: the package is not among the imports of the package checked (import it in a Go file)", path)
	}
	p, err := imp.std.Import(path)
	if err != nil {
		return nil, err
	}
	imp.known[path] = p
	return p, nil
}
