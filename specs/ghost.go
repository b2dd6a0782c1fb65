package specs

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// Ghost code and termination measures.
//
//   - //vsynth:assert EXPR and //vsynth:assume EXPR stand on lines of
//     their own between the statements of a function body. An assert is
//     proved where it stands and then known; an assume is trusted there.
//     GhostDirectives finds them with the statements around them, and
//     CheckGhost type-checks each against the variables in scope at its
//     line.
//   - //vsynth:decreases EXPR[, EXPR...] stands directly above a for
//     statement (LoopMeasures, CheckLoopMeasure) or in the doc comment of
//     a function (FromDecl, Check). Every component has an integer type.

// Ghost is one assert or assume line inside a function body.
type Ghost struct {
	Clause  *Clause
	Comment *ast.Comment
	Func    ast.Node // the innermost *ast.FuncDecl or *ast.FuncLit whose body holds it
	// Prev and Next are the statements before and after the line in the
	// statement list that holds it (nil at either end of the list).
	Prev, Next ast.Stmt
	Imports    []*ast.ImportSpec
	File       string
	Locals     []*types.Var // the variables in scope at the line, as Checked.Params
	Checked    *Checked     // the clause type-checked with Locals as parameters
}

// LoopMeasure is the decreases clause written directly above a for
// statement.
type LoopMeasure struct {
	Stmt       ast.Stmt  // the *ast.ForStmt or *ast.RangeStmt
	Components []*Clause // most significant first
	Imports    []*ast.ImportSpec
	File       string
	Locals     []*types.Var
	Checked    *Checked
}

// hasKind reports whether clauses has one of kind.
func hasKind(clauses []*Clause, kind ClauseKind) bool {
	for _, c := range clauses {
		if c.Kind == kind {
			return true
		}
	}
	return false
}

// parseMeasure parses the text of a decreases directive: one expression,
// or several separated by commas at the top level (a lexicographic
// tuple).
func parseMeasure(fset *token.FileSet, pos token.Pos, text string) (*Clause, error) {
	var first *Clause
	start := 0
	for _, end := range append(topLevelCommas(text), len(text)) {
		part := text[start:end]
		c, err := parseClause(fset, Decreases, pos+token.Pos(start), part)
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = c
		} else {
			first.Rest = append(first.Rest, c)
		}
		start = end + 1
	}
	return first, nil
}

// topLevelCommas returns the offsets of the commas of text outside
// brackets, literals and a trailing comment.
func topLevelCommas(text string) []int {
	toks, err := lex(text)
	if err != nil {
		return nil // parseClause reports the error
	}
	var out []int
	depth := 0
	for _, t := range toks {
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.COMMA:
			if depth == 0 {
				out = append(out, t.off)
			}
		}
	}
	return out
}

// checkMeasureTypes reports the components of a decreases clause that are
// not integers.
// integerTypeParam reports whether t is a type parameter whose
// constraint allows integer types only (a generic function's measure is
// lowered per instance, at an integer type).
func integerTypeParam(t types.Type, depth int) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		t = tp.Constraint()
	} else if depth == 0 {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || depth > 8 || iface.NumEmbeddeds() == 0 {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for k := 0; k < e.Len(); k++ {
				if !isInteger(e.Term(k).Type()) && !integerTypeParam(e.Term(k).Type(), depth+1) {
					return false
				}
			}
		default:
			if !integerTypeParam(e, depth+1) {
				return false
			}
		}
	}
	return true
}

func checkMeasureTypes(errs *errorCollector, info *types.Info, c *Clause) {
	for _, m := range append([]*Clause{c}, c.Rest...) {
		if tv, ok := info.Types[m.Expr]; ok && !isInteger(tv.Type) && !integerTypeParam(tv.Type, 0) {
			errs.add(m.Pos, fmt.Sprintf("decreases measure is not an integer: %s (type %s)", m.Text, tv.Type))
		}
	}
}

// docComments returns the doc comment groups of the functions of file.
func docComments(file *ast.File) map[*ast.CommentGroup]bool {
	docs := map[*ast.CommentGroup]bool{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			docs[fd.Doc] = true
		}
	}
	return docs
}

// LoopMeasures finds the //vsynth:decreases directives of file that stand
// directly above for statements (possibly among invariant lines). One in
// a function's doc comment is FromDecl's; one anywhere else is an error.
func LoopMeasures(fset *token.FileSet, file *ast.File) ([]*LoopMeasure, error) {
	errs := &errorCollector{fset: fset}
	stmts := map[int]ast.Stmt{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			stmts[fset.Position(s.Pos()).Line] = s.(ast.Stmt)
		}
		return true
	})
	docs := docComments(file)
	var out []*LoopMeasure
	for _, group := range file.Comments {
		if docs[group] {
			continue
		}
		var found *Clause
		for _, c := range group.List {
			clause, err := ParseDirective(fset, c)
			if err != nil || clause == nil || clause.Kind != Decreases {
				continue // LoopDirectives and GhostDirectives report parse errors
			}
			if found != nil {
				errs.add(clause.Pos, "second vsynth:decreases for the loop (write one measure; a tuple is decreases a, b)")
				continue
			}
			found = clause
		}
		if found == nil {
			continue
		}
		stmt, ok := stmts[fset.Position(group.End()).Line+1]
		if !ok {
			errs.add(found.Pos, "vsynth:decreases must stand directly above a for statement or in a function's doc comment")
			continue
		}
		out = append(out, &LoopMeasure{
			Stmt:       stmt,
			Components: append([]*Clause{found}, found.Rest...),
			Imports:    file.Imports,
			File:       fset.Position(stmt.Pos()).Filename,
		})
	}
	return out, errs.err()
}

// CheckLoopMeasure type-checks m in the scope of its loop, as CheckLoop
// does the invariants.
func CheckLoopMeasure(fset *token.FileSet, pkg *types.Package, info *types.Info, m *LoopMeasure, imp types.Importer) error {
	at, scope := loopScope(m.Stmt, info)
	if scope == nil {
		errs := &errorCollector{fset: fset}
		errs.add(m.Components[0].Pos, "internal error: no scope for the loop")
		return errs.err()
	}
	locals, checked, err := checkScoped(fset, pkg, at, scope, m.Components, m.Imports, m.File, m.Stmt.Pos(), imp)
	if err != nil {
		return err
	}
	m.Locals, m.Checked = locals, checked
	return nil
}

// GhostDirectives finds the //vsynth:assert and //vsynth:assume lines of
// file, each with the statements around it. One that is not on a line of
// its own between the statements of a function body is an error.
// (LoopDirectives reports the malformed directives of every comment.)
func GhostDirectives(fset *token.FileSet, file *ast.File) ([]*Ghost, error) {
	errs := &errorCollector{fset: fset}
	docs := docComments(file)
	var out []*Ghost
	for _, group := range file.Comments {
		if docs[group] {
			continue
		}
		for _, c := range group.List {
			clause, err := ParseDirective(fset, c)
			if err != nil || clause == nil || (clause.Kind != Assert && clause.Kind != Assume) {
				continue
			}
			g := &Ghost{Clause: clause, Comment: c, Imports: file.Imports, File: fset.Position(c.Pos()).Filename}
			if !locateGhost(file, g) {
				errs.add(c.Slash+2, "vsynth:"+clause.Kind.String()+" must stand on a line of its own between the statements of a function body")
				continue
			}
			out = append(out, g)
		}
	}
	return out, errs.err()
}

// locateGhost finds the innermost function body and statement list around
// g's comment, and the statements before and after it there.
func locateGhost(file *ast.File, g *Ghost) bool {
	pos := g.Comment.Pos()
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			g.Func = n
		case *ast.FuncLit:
			g.Func = n
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			return true
		}
		if list == nil && !isList(n) {
			return true
		}
		for i, s := range list {
			if s.Pos() <= pos && pos < s.End() {
				return true // inside a statement: look deeper
			}
			if pos < s.Pos() {
				g.Next = s
				if i > 0 {
					g.Prev = list[i-1]
				}
				found = true
				return false
			}
		}
		if len(list) > 0 {
			g.Prev = list[len(list)-1]
		}
		found = true
		return false
	}
	ast.Inspect(file, visit)
	return found && g.Func != nil
}

// isList reports whether n holds a statement list (possibly empty).
func isList(n ast.Node) bool {
	switch n.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return true
	}
	return false
}

// CheckGhost type-checks g's clause against the variables in scope at its
// line: the function's parameters and the locals declared before it.
func CheckGhost(fset *token.FileSet, pkg *types.Package, info *types.Info, g *Ghost, imp types.Importer) error {
	at := g.Comment.Pos()
	scope := innermostScope(info, at)
	if scope == nil {
		errs := &errorCollector{fset: fset}
		errs.add(g.Clause.Pos, "internal error: no scope for the ghost line")
		return errs.err()
	}
	locals, checked, err := checkScoped(fset, pkg, at, scope, []*Clause{g.Clause}, g.Imports, g.File, at, imp)
	if err != nil {
		return err
	}
	g.Locals, g.Checked = locals, checked
	return nil
}

// innermostScope is the innermost function-level scope of info that
// contains pos.
func innermostScope(info *types.Info, pos token.Pos) *types.Scope {
	var best *types.Scope
	for node, sc := range info.Scopes {
		if _, isFile := node.(*ast.File); isFile {
			continue
		}
		if sc.Pos() <= pos && pos < sc.End() {
			if best == nil || sc.Pos() >= best.Pos() && sc.End() <= best.End() {
				best = sc
			}
		}
	}
	return best
}

// checkScoped type-checks clauses (boolean, or integer measures) with the
// variables of scope and its parents declared before at as parameters,
// innermost first, as CheckLoop does invariants.
func checkScoped(fset *token.FileSet, pkg *types.Package, at token.Pos, scope *types.Scope, clauses []*Clause, imports []*ast.ImportSpec, file string, pos token.Pos, imp types.Importer) ([]*types.Var, *Checked, error) {
	errs := &errorCollector{fset: fset}
	if checkReserved(errs, pkg); errs.err() != nil {
		return nil, nil, errs.err()
	}
	qf := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	seen := map[string]bool{}
	var locals []*types.Var
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
				continue
			}
			locals = append(locals, v)
			fields = append(fields, &ast.Field{Names: []*ast.Ident{ast.NewIdent(name)}, Type: typ})
		}
	}
	var checkedClauses []*Clause
	for _, c := range clauses {
		r := *c
		r.Kind, r.Rest = Requires, nil
		checkedClauses = append(checkedClauses, &r)
	}
	decl := &ast.FuncDecl{
		Name: ast.NewIdent(loopName),
		Type: &ast.FuncType{Params: &ast.FieldList{List: fields}, TypeParams: tpFields},
	}
	f := withImplicitImports(pkg, &Func{Name: decl.Name.Name, Pos: pos, Decl: decl, Clauses: checkedClauses, Imports: imports, File: file})
	spkg := shadowPackage(pkg)
	tinfo, err := typeCheck(fset, spkg, synthFile(pkg, f, &synthBuilder{decl: decl}), imp, pos)
	if err != nil {
		return nil, nil, err
	}
	pre := synthSignature(spkg, preName)
	if pre == nil {
		errs.add(pos, "internal error: synthetic clause function is missing")
		return nil, nil, errs.err()
	}
	for i, c := range clauses {
		if c.Kind == Decreases {
			checked := *checkedClauses[i]
			checked.Kind = Decreases
			checkMeasureTypes(errs, tinfo, &checked)
		} else {
			checkClauseTypes(errs, spkg, tinfo, &Func{Clauses: []*Clause{checkedClauses[i]}}, nil)
		}
	}
	if err := errs.err(); err != nil {
		return nil, nil, err
	}
	params := tupleVars(pre.Params())
	checked := &Checked{Func: f, Info: tinfo, Params: params, preParams: params}
	checked.helpers(pkg, spkg)
	return locals, checked, nil
}
