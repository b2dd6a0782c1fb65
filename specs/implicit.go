package specs

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"
)

// implicitImports are visible to the clauses of //vsynth: directives even
// when the Go file does not import them: a file cannot import a package
// that only its comments use.
var implicitImports = []string{"math", "math/bits"}

// withImplicitImports returns f, for a directive spec with the implicit
// imports added where neither the file nor the package binds their names.
func withImplicitImports(pkg *types.Package, f *Func) *Func {
	if !strings.HasSuffix(f.File, ".go") {
		return f
	}
	bound := map[string]bool{}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := path.Base(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		bound[name] = true
	}
	g := *f
	g.Imports = append([]*ast.ImportSpec(nil), f.Imports...)
	for _, p := range implicitImports {
		name := path.Base(p)
		if bound[name] || pkg.Scope().Lookup(name) != nil {
			continue
		}
		g.Imports = append(g.Imports, &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(p)}})
	}
	return &g
}

// VisibleImports returns the imports f's clauses see in package pkg: the
// ones written in its file, and for a directive spec the implicit ones
// (math, math/bits) that nothing there binds. Rendering f as a .vspec
// file with these imports keeps its meaning (ssa's contract facts).
func (f *Func) VisibleImports(pkg *types.Package) []*ast.ImportSpec {
	return withImplicitImports(pkg, f).Imports
}
