package ssa

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
)

// specImporter resolves the imports of spec files: first among the
// packages already loaded (and everything they import), then by loading
// the package's export data with go/packages.
type specImporter struct {
	cfg   LoadConfig
	fset  *token.FileSet
	known map[string]*types.Package
}

func newImporter(cfg LoadConfig, fset *token.FileSet, pkgs []*packages.Package) *specImporter {
	imp := &specImporter{cfg: cfg, fset: fset, known: make(map[string]*types.Package)}
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
	for _, p := range pkgs {
		if p.Types != nil {
			visit(p.Types)
		}
	}
	return imp
}

// Import implements types.Importer.
func (imp *specImporter) Import(path string) (*types.Package, error) {
	if p, ok := imp.known[path]; ok {
		return p, nil
	}
	mode := packages.NeedName | packages.NeedTypes
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: imp.cfg.Dir, Env: imp.cfg.Env, Fset: imp.fset}, path)
	if err != nil {
		return nil, fmt.Errorf("importing %q: %w", path, err)
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].Types == nil {
		if len(pkgs) == 1 && len(pkgs[0].Errors) > 0 {
			return nil, fmt.Errorf("importing %q: %v", path, pkgs[0].Errors[0])
		}
		return nil, fmt.Errorf("importing %q: package not found", path)
	}
	imp.known[path] = pkgs[0].Types
	return pkgs[0].Types, nil
}
