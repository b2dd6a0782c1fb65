package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"

	"github.com/vsynth/vsynth/specs"
)

// The packages of a replay run instrumented: every function with a
// contract checks its requires clauses on entry, and every loop with
// invariants checks them at its head, panicking with requiresViolated or
// invariantViolated when one is false. A call-requires counterexample is
// real when the run trips the callee's check, an invariant-entry one when
// it trips the loop's; any other counterexample that trips a check is not
// confirmed (the function is outside a contract it relies on).

// requiresViolated starts the panic of an instrumented requires check:
// requiresViolated + function + ": " + clause.
const requiresViolated = "vsynth replay: requires violated: "

// invariantViolated starts the panic of an instrumented invariant check:
// invariantViolated + clause.
const invariantViolated = "vsynth replay: invariant violated: "

// instrumentPackage returns the instrumented source of the Go files of
// pkg that change (file name -> content).
func (p *Program) instrumentPackage(pkg *packages.Package) (map[string][]byte, error) {
	checks := map[string][]string{} // function name (Type.Method for a method) -> check statements
	for _, tg := range p.Targets {
		if tg.Package != pkg || tg.Spec == nil || tg.Func == nil || !sameParamNames(tg) {
			continue
		}
		name := strings.TrimPrefix(tg.Short, pkg.Name+".")
		for _, c := range tg.Spec.Func.Requires() {
			cp, _ := cloneExpr(c.Expr)
			expr := printExpr(p.Fset, rewriteQuantifiers(cp))
			checks[name] = append(checks[name], fmt.Sprintf("if !(%s) { panic(%q) }", expr, requiresViolated+name+": "+c.Text))
		}
	}
	out := map[string][]byte{}
	for _, name := range pkg.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		changed, err := instrumentInvariants(fset, f)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			list := checks[declName(fd)]
			if list == nil {
				continue
			}
			var stmts []ast.Stmt
			for _, src := range list {
				s, err := parseStmt(src)
				if err != nil {
					return nil, err
				}
				stmts = append(stmts, s)
				addUsedImports(fset, f, src)
			}
			fd.Body.List = append(stmts, fd.Body.List...)
			changed = true
		}
		if !changed {
			continue
		}
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, f); err != nil {
			return nil, fmt.Errorf("instrumenting %s: %w", name, err)
		}
		out[name] = buf.Bytes()
	}
	return out, nil
}

// sameParamNames reports whether the spec of tg names the receiver and
// parameters as its Go declaration does (a .vspec may rename them): only
// then can a check written with the spec's names go into the body.
func sameParamNames(tg *Target) bool {
	params := tg.Func.Params
	if len(params) != len(tg.Spec.Params) {
		return false
	}
	for i, v := range params {
		if v.Name() != tg.Spec.Params[i].Name() || v.Name() == "_" || v.Name() == "" {
			return false
		}
	}
	return true
}

// declName is the name of fd as Target.Short writes it after the package
// name: F, or T.M for a method.
func declName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return "" // a method of a generic type: not a target
}

// addUsedImports imports math and math/bits into f when the check src
// uses them.
func addUsedImports(fset *token.FileSet, f *ast.File, src string) {
	if strings.Contains(src, "math.") {
		astutil.AddImport(fset, f, "math")
	}
	if strings.Contains(src, "bits.") {
		astutil.AddImport(fset, f, "math/bits")
	}
}

// parseStmt parses one Go statement.
func parseStmt(src string) (ast.Stmt, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\nfunc _() {\n"+src+"\n}\n", 0)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", src, err)
	}
	return f.Decls[0].(*ast.FuncDecl).Body.List[0], nil
}

// instrumentInvariants makes every for statement of f with invariants
// check them each time before its condition.
func instrumentInvariants(fset *token.FileSet, f *ast.File) (bool, error) {
	loops, err := specs.LoopDirectives(fset, f)
	if err != nil {
		return false, err
	}
	changed := false
	for _, lp := range loops {
		if rs, ok := lp.Stmt.(*ast.RangeStmt); ok {
			ok, err := instrumentRange(fset, f, rs, lp.Clauses)
			if err != nil {
				return false, err
			}
			changed = ok || changed
			continue
		}
		fs, ok := lp.Stmt.(*ast.ForStmt)
		if !ok {
			continue
		}
		for i := len(lp.Clauses) - 1; i >= 0; i-- {
			c := lp.Clauses[i]
			src := fmt.Sprintf("func() bool { if !(%s) { panic(%q) }; return true }()", printExpr(fset, rewriteQuantifiers(c.Expr)), invariantViolated+c.Text)
			check, err := parser.ParseExpr(src)
			if err != nil {
				return false, fmt.Errorf("parsing %q: %w", src, err)
			}
			addUsedImports(fset, f, src)
			if fs.Cond == nil {
				fs.Cond = check
			} else {
				fs.Cond = &ast.BinaryExpr{X: check, Op: token.LAND, Y: &ast.ParenExpr{X: fs.Cond}}
			}
			changed = true
		}
	}
	return changed, nil
}

// instrumentRange makes a range loop with a key declared by := check its
// invariants at each head: with the key 0 before the loop (through
// __vsynth_range_entry, around the ranged expression), and at the start
// of each iteration, where the key is the index of the iteration about to
// start, as in vsynth's reading of range invariants. (The head after the
// last iteration is not checked: an entry replay does not need it.)
func instrumentRange(fset *token.FileSet, f *ast.File, rs *ast.RangeStmt, clauses []*specs.Clause) (bool, error) {
	key, ok := rs.Key.(*ast.Ident)
	if !ok || rs.Tok != token.DEFINE || key.Name == "_" {
		return false, nil
	}
	var checks []ast.Stmt
	for _, c := range clauses {
		src := fmt.Sprintf("func() { if !(%s) { panic(%q) } }()", printExpr(fset, rewriteQuantifiers(c.Expr)), invariantViolated+c.Text)
		check, err := parser.ParseExpr(src)
		if err != nil {
			return false, fmt.Errorf("parsing %q: %w", src, err)
		}
		addUsedImports(fset, f, src)
		checks = append(checks, &ast.ExprStmt{X: check})
	}
	entry := &ast.FuncLit{
		Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{ast.NewIdent(key.Name)}, Type: ast.NewIdent("int")}}}},
		Body: &ast.BlockStmt{List: append([]ast.Stmt(nil), checks...)},
	}
	rs.X = &ast.CallExpr{Fun: ast.NewIdent("__vsynth_range_entry"), Args: []ast.Expr{rs.X, entry}}
	rs.Body.List = append(checks, rs.Body.List...)
	return true, nil
}
