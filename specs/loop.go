package specs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
)

// Loop is the spec of one for statement: the invariant directives written
// directly above it.
type Loop struct {
	Stmt    ast.Stmt  // the *ast.ForStmt or *ast.RangeStmt
	Clauses []*Clause // invariant clauses, in source order
	Imports []*ast.ImportSpec
	File    string
	Locals  []*types.Var // the variables in scope at the loop, as Checked.Params
	Checked *Checked     // the clauses type-checked with Locals as parameters
}

// LoopDirectives finds the //vsynth:invariant directives of file and the
// for statements they stand directly above. A directive that is not
// followed by a for statement (on the next line, possibly after more
// directives) is an error.
func LoopDirectives(fset *token.FileSet, file *ast.File) ([]*Loop, error) {
	errs := &errorCollector{fset: fset}
	stmts := map[int]ast.Stmt{} // line of the for keyword -> statement
	ast.Inspect(file, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			stmts[fset.Position(s.Pos()).Line] = s.(ast.Stmt)
		}
		return true
	})
	byStmt := map[ast.Stmt]*Loop{}
	var loops []*Loop
	docs := funcDocs(file)
	for _, group := range file.Comments {
		var pending []*Clause
		for _, c := range group.List {
			if ok, _ := noOverflowDirective(fset, c); ok && docs[group] {
				continue // FromDecl's
			}
			if ok, _ := pureDirective(fset, c); ok && docs[group] {
				continue // FromDecl's
			}
			clause, err := ParseDirective(fset, c)
			if err != nil {
				errs.addAll(err)
				continue
			}
			if clause == nil || clause.Kind != Invariant {
				continue
			}
			pending = append(pending, clause)
		}
		if len(pending) == 0 {
			continue
		}
		line := fset.Position(group.End()).Line + 1
		stmt, ok := stmts[line]
		if !ok {
			errs.add(pending[0].Pos, "vsynth:invariant must stand directly above a for statement")
			continue
		}
		lp := byStmt[stmt]
		if lp == nil {
			lp = &Loop{Stmt: stmt, Imports: file.Imports, File: fset.Position(stmt.Pos()).Filename}
			byStmt[stmt] = lp
			loops = append(loops, lp)
		}
		lp.Clauses = append(lp.Clauses, pending...)
	}
	return loops, errs.err()
}

// CheckLoop type-checks the invariants of lp in package pkg, where info
// is the package's type information (with Scopes). Every variable in
// scope at the loop's condition, the loop's own init variables included,
// may appear in an invariant; lp.Locals lists them, innermost first.
func CheckLoop(fset *token.FileSet, pkg *types.Package, info *types.Info, lp *Loop, imp types.Importer) error {
	errs := &errorCollector{fset: fset}
	if checkReserved(errs, pkg); errs.err() != nil {
		return errs.err()
	}
	at, scope := loopScope(lp.Stmt, info)
	if scope == nil {
		errs.add(lp.Clauses[0].Pos, "internal error: no scope for the loop")
		return errs.err()
	}
	seen := map[string]bool{}
	qf := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	var fields []*ast.Field
	tparams, tpFields := enclosingTypeParams(scope, pkg, qf)
	for s := scope; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || seen[name] || name == "_" || v.Pos() > at {
				continue
			}
			seen[name] = true
			typ, err := parser.ParseExpr(types.TypeString(v.Type(), qf))
			if err != nil || !declarableWith(v.Type(), pkg, tparams) {
				continue // a type the invariant cannot name (a local type): the variable is not visible
			}
			lp.Locals = append(lp.Locals, v)
			fields = append(fields, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: typ})
		}
	}
	var clauses []*Clause
	for _, c := range lp.Clauses {
		r := *c
		r.Kind = Requires
		clauses = append(clauses, &r)
	}
	decl := &ast.FuncDecl{
		Name: ast.NewIdent(loopName),
		Type: &ast.FuncType{Params: &ast.FieldList{List: fields}, TypeParams: tpFields},
	}
	f := withImplicitImports(pkg, &Func{Name: decl.Name.Name, Pos: lp.Stmt.Pos(), Decl: decl, Clauses: clauses, Imports: lp.Imports, File: lp.File})
	spkg := shadowPackage(pkg)
	file := synthFile(pkg, f, &synthBuilder{decl: decl})
	tinfo, err := typeCheck(fset, spkg, file, imp, lp.Stmt.Pos())
	if err != nil {
		return err
	}
	pre := synthSignature(spkg, preName)
	if pre == nil {
		errs.add(lp.Stmt.Pos(), "internal error: synthetic clause function is missing")
		return errs.err()
	}
	checkClauseTypes(errs, spkg, tinfo, f, nil)
	if err := errs.err(); err != nil {
		return err
	}
	params := tupleVars(pre.Params())
	lp.Checked = &Checked{Func: f, Info: tinfo, Params: params, preParams: params}
	lp.Checked.helpers(pkg, spkg)
	return nil
}

// loopScope returns the position up to which declarations are visible to
// the invariants (the loop condition) and the innermost scope there.
func loopScope(stmt ast.Stmt, info *types.Info) (token.Pos, *types.Scope) {
	switch s := stmt.(type) {
	case *ast.ForStmt:
		at := s.Body.Lbrace
		if s.Cond != nil {
			at = s.Cond.Pos()
		}
		if sc := info.Scopes[s]; sc != nil {
			return at, sc
		}
		return at, enclosingScope(info, s)
	case *ast.RangeStmt:
		// The key and value variables (when declared with :=) are in
		// the statement's own scope; the lowering decides which it can
		// give a value at the head.
		if sc := info.Scopes[s]; sc != nil {
			return s.Body.Lbrace, sc
		}
		return s.Body.Lbrace, enclosingScope(info, s)
	}
	return token.NoPos, nil
}

// enclosingScope finds the innermost scope of info containing n.
func enclosingScope(info *types.Info, n ast.Node) *types.Scope {
	var best *types.Scope
	for node, sc := range info.Scopes {
		if _, isFile := node.(*ast.File); isFile {
			continue
		}
		if node.Pos() <= n.Pos() && n.End() <= node.End() && node != n {
			if best == nil || sc.Pos() >= best.Pos() && sc.End() <= best.End() {
				best = sc
			}
		}
	}
	return best
}

// enclosingTypeParams returns the type parameters of the generic
// function whose body holds scope, and their declaration for the
// synthetic clause function (its type parameters take the same names, so
// the lowering substitutes an instance's type arguments by name). None
// when a constraint cannot be written outside the function.
func enclosingTypeParams(scope *types.Scope, pkg *types.Package, qf types.Qualifier) (map[*types.TypeParam]bool, *ast.FieldList) {
	var tps []*types.TypeParam
	for s := scope; s != nil && s != pkg.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			if tn, ok := s.Lookup(name).(*types.TypeName); ok {
				if tp, ok := tn.Type().(*types.TypeParam); ok {
					tps = append(tps, tp)
				}
			}
		}
	}
	if len(tps) == 0 {
		return nil, nil
	}
	sort.Slice(tps, func(i, j int) bool { return tps[i].Index() < tps[j].Index() })
	set := map[*types.TypeParam]bool{}
	list := &ast.FieldList{}
	for _, tp := range tps {
		c, err := parser.ParseExpr(types.TypeString(tp.Constraint(), qf))
		if err != nil || !declarableWith(tp.Constraint(), pkg, nil) {
			return nil, nil
		}
		set[tp] = true
		list.List = append(list.List, &ast.Field{Names: []*ast.Ident{ast.NewIdent(tp.Obj().Name())}, Type: c})
	}
	return set, list
}

// declarable reports whether t can be written in a declaration outside the
// function: it mentions no types declared inside a function.
func declarable(t types.Type, pkg *types.Package) bool {
	return declarableWith(t, pkg, nil)
}

// declarableWith is declarable, where the type parameters of tparams may
// be named too (they are declared with the same names).
func declarableWith(t types.Type, pkg *types.Package, tparams map[*types.TypeParam]bool) bool {
	ok := true
	var visit func(t types.Type)
	seen := map[types.Type]bool{}
	visit = func(t types.Type) {
		if !ok || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Named:
			if obj := t.Obj(); obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && obj.Pkg() != nil {
				ok = false
			}
			if t.TypeArgs().Len() > 0 {
				ok = false
			}
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Array:
			visit(t.Elem())
		case *types.Map:
			visit(t.Key())
			visit(t.Elem())
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				visit(t.Field(i).Type())
			}
		case *types.TypeParam:
			ok = tparams[t]
		case *types.Interface:
			for i := 0; i < t.NumEmbeddeds(); i++ {
				visit(t.EmbeddedType(i))
			}
		case *types.Union:
			for i := 0; i < t.Len(); i++ {
				visit(t.Term(i).Type())
			}
		}
	}
	visit(t)
	return ok
}
