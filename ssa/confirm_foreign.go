package ssa

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Replays across a load of one package (LoadTyped). A call-requires
// counterexample at a call into another package is confirmed when Go,
// running the caller on it, enters the callee outside its requires; the
// callee's package is not loaded, so its requires checks are inserted
// into the files its export data names (the overlay of the replay
// build). A file that is not there, or a declaration whose parameters
// are not the contract's, is left alone: its counterexamples stay
// unknown.

// foreignRequiresOverlay returns the Go files of other packages with the
// requires checks of their imported contracts (file name -> content).
func (p *Program) foreignRequiresOverlay() map[string][]byte {
	byFile := map[string][]*Target{}
	for _, t := range p.contracts {
		if t.foreign == nil || t.stdlib != nil || t.Spec == nil || len(t.Spec.Func.Requires()) == 0 {
			continue
		}
		name := p.Fset.Position(t.Func.Pos()).Filename
		if !filepath.IsAbs(name) || !strings.HasSuffix(name, ".go") {
			continue
		}
		byFile[name] = append(byFile[name], t)
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	out := map[string][]byte{}
	for _, name := range names {
		if src, ok := p.instrumentForeignFile(name, byFile[name]); ok {
			out[name] = src
		}
	}
	return out
}

// instrumentForeignFile inserts the requires checks of targets into the
// declarations of the file name.
func (p *Program) instrumentForeignFile(name string, targets []*Target) ([]byte, bool) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, false
	}
	byName := map[string]*Target{}
	for _, t := range targets {
		byName[strings.TrimPrefix(t.Short, t.Package.Name+".")] = t
	}
	ed := &textEdits{fset: fset}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		t := byName[declName(fd)]
		if t == nil || !sameDeclParams(fd, t.Spec.Func.Decl) {
			continue
		}
		var checks []string
		for _, c := range t.Spec.Func.Requires() {
			if t.Spec.UsesMathInt(c.Expr) {
				continue
			}
			cp, _ := cloneExpr(c.Expr)
			expr, err := oneLineSource(printExpr(p.Fset, rewriteQuantifiers(cp)))
			if err != nil {
				return nil, false
			}
			checks = append(checks, fmt.Sprintf("if !(%s) { panic(%q) }; ", expr, requiresViolated+declName(fd)+": "+c.Text))
		}
		if len(checks) > 0 {
			ed.insert(fd.Body.Lbrace+1, strings.Join(checks, ""))
		}
	}
	if len(ed.edits) == 0 {
		return nil, false
	}
	return ed.apply(src, f), true
}

// sameDeclParams reports whether two declarations of a function name
// their receiver and parameters alike: the contract's clauses then mean
// the same in the body.
func sameDeclParams(a, b *ast.FuncDecl) bool {
	names := func(d *ast.FuncDecl) []string {
		var out []string
		for _, fl := range []*ast.FieldList{d.Recv, d.Type.Params} {
			if fl == nil {
				continue
			}
			for _, field := range fl.List {
				if len(field.Names) == 0 {
					out = append(out, "_")
				}
				for _, n := range field.Names {
					out = append(out, n.Name)
				}
			}
		}
		return out
	}
	x, y := names(a), names(b)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
