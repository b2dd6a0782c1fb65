package ssa

import (
	"errors"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/packages"
	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/specs"
)

// SourceFile is one Go file of a package loaded by LoadSource.
type SourceFile struct {
	// Name is the file name used in positions. Specs are collected from
	// //vsynth: directives and from the .vspec files of Name's directory,
	// so a virtual directory keeps LoadSource off the disk.
	Name string
	Src  []byte
}

// SourceImporter resolves the imports of packages loaded by LoadSource:
// standard-library packages are type-checked from source once and shared
// by every load. It is safe for concurrent use.
type SourceImporter struct {
	mu   sync.Mutex
	fset *token.FileSet
	imp  types.Importer
	pkgs map[string]*types.Package
}

// NewSourceImporter returns an importer whose packages live in fset. Every
// LoadSource that uses it must use the same fset.
func NewSourceImporter(fset *token.FileSet) *SourceImporter {
	return &SourceImporter{fset: fset, imp: importer.ForCompiler(fset, "source", nil), pkgs: map[string]*types.Package{}}
}

// Import implements types.Importer.
func (si *SourceImporter) Import(path string) (*types.Package, error) {
	si.mu.Lock()
	defer si.mu.Unlock()
	if p, ok := si.pkgs[path]; ok {
		return p, nil
	}
	p, err := si.imp.Import(path)
	if err != nil {
		return nil, fmt.Errorf("importing %q: %w", path, err)
	}
	si.pkgs[path] = p
	return p, nil
}

// LoadSource is Load for one package given as source: it parses and
// type-checks files with go/types, builds their SSA form and collects the
// functions with //vsynth: directives, without running the go command.
// The files form the package pkgPath; imports are resolved by imp, whose
// file set must be fset. Synthesis uses it to prove candidates cheaply:
// the lowering and the proof are the same as for Load.
func LoadSource(fset *token.FileSet, imp *SourceImporter, pkgPath string, files []SourceFile) (*Program, error) {
	if len(files) == 0 {
		return nil, errors.New("load source: no files")
	}
	prog := &Program{Fset: fset, local: make(map[*types.Package]bool), contracts: make(map[*gossa.Function]*Target), loops: make(map[ast.Node]*specs.Loop)}
	prog.platform = platform{intBits: wordSize, ptrBits: wordSize, goarch: "amd64"} // sourceSizes
	start := time.Now()
	src, err := buildSource(fset, imp, pkgPath, files)
	if err != nil {
		return nil, fmt.Errorf("load source: %w", err)
	}
	prog.Timing.Load = time.Since(start)
	prog.SSA = src.pkg.Prog
	tpkg := src.pkg.Pkg
	prog.local[tpkg] = true
	pkg := &packages.Package{
		ID: pkgPath, Name: tpkg.Name(), PkgPath: pkgPath,
		GoFiles: src.names, CompiledGoFiles: src.names,
		Syntax: src.syntax, Types: tpkg, TypesInfo: src.info, Fset: fset,
		TypesSizes: sourceSizes,
	}
	prog.Packages = []*packages.Package{pkg}
	start = time.Now()
	errs := prog.collect(pkg, imp, nil)
	prog.Timing.Specs = time.Since(start)
	return prog.finish(errs)
}

// sourceSizes are the sizes of the platform proofs assume (see Load).
var sourceSizes = types.SizesFor("gc", "amd64")

// builtSource is a package built from source by buildSource.
type builtSource struct {
	pkg    *gossa.Package
	info   *types.Info
	syntax []*ast.File
	names  []string
}

// buildSource parses files, type-checks them as the package pkgPath
// (the package name when pkgPath is empty; imports resolved by imp) and
// builds their SSA form: the one in-memory
// load path, shared by LoadSource (synthesis candidates, with specs) and
// LoadFile (generated rule code, without). Errors are parse and type
// errors with their positions.
func buildSource(fset *token.FileSet, imp types.Importer, pkgPath string, files []SourceFile) (*builtSource, error) {
	b := &builtSource{}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		b.syntax = append(b.syntax, af)
		b.names = append(b.names, f.Name)
	}
	var typeErrs []string
	conf := &types.Config{
		Importer: imp,
		Sizes:    sourceSizes,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) && te.Soft && strings.Contains(te.Msg, "imported and not used") {
				return // an import only the contracts use
			}
			typeErrs = append(typeErrs, err.Error())
		},
	}
	if pkgPath == "" {
		pkgPath = b.syntax[0].Name.Name
	}
	tpkg := types.NewPackage(pkgPath, b.syntax[0].Name.Name)
	mode := gossa.InstantiateGenerics | gossa.GlobalDebug // debug references place loop variables (locals.go)
	ssaPkg, info := buildPackage(conf, fset, tpkg, b.syntax, mode, func() bool { return len(typeErrs) == 0 })
	if len(typeErrs) > 0 {
		return nil, errors.New(strings.Join(typeErrs, "\n"))
	}
	if ssaPkg == nil {
		return nil, errors.New("building SSA failed")
	}
	b.pkg, b.info = ssaPkg, info
	return b, nil
}

// buildPackage type-checks files and builds their SSA package, like
// ssautil.BuildPackage, but keeps going past soft errors that the caller
// filtered out in conf.Error: typed reports, after type-checking, whether
// the package may be built (SSA building panics on ill-typed code).
func buildPackage(conf *types.Config, fset *token.FileSet, pkg *types.Package, files []*ast.File, mode gossa.BuilderMode, typed func() bool) (*gossa.Package, *types.Info) {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	_ = types.NewChecker(conf, fset, pkg, info).Files(files)
	if !typed() {
		return nil, info
	}
	prog := gossa.NewProgram(fset, mode)
	createImports(prog, pkg)
	ssaPkg := prog.CreatePackage(pkg, files, info, false)
	ssaPkg.Build()
	return ssaPkg, info
}
