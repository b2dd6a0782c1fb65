package ssa

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"

	"github.com/vsynth/vsynth/specs"
)

// maxCandidates bounds the candidate invariants of one loop: each is
// lowered and decided in every round of the filter (infer.go).
const maxCandidates = 64

// candidateGen proposes invariants for one loop from its syntax and the
// function's contract. A candidate is only a guess: the filter keeps the
// ones that hold on entry and are preserved, so nothing here needs to be
// right, only likely.
type candidateGen struct {
	p    *Program
	t    *Target
	info *types.Info
	decl *ast.FuncDecl
	stmt ast.Stmt
	src  []byte    // the file the loop is in
	at   token.Pos // where the invariants' names are resolved (loopScope)

	modified map[*types.Var]bool // variables declared outside the body and assigned in the loop
	index    *types.Var          // the loop's counter, when it has one
	indexLo  string              // the counter's value on entry ("" when unknown)
	bounds   []boundSubst        // expressions the counter runs up to

	out  []string
	seen map[string]bool
}

// boundSubst replaces an expression the loop's counter runs up to by the
// counter: the postcondition about all of a slice becomes an invariant
// about the part the loop has done.
type boundSubst struct {
	expr string // types.ExprString of the bound
	by   []string
}

// add records a candidate once.
func (g *candidateGen) add(text string) {
	text = strings.TrimSpace(text)
	key := normalClause(text)
	if text == "" || g.seen[key] || len(g.out) >= maxCandidates || tautology(text) {
		return
	}
	g.seen[key] = true
	g.out = append(g.out, text)
}

// tautology reports whether text compares an operand with itself
// (x == x, x <= x): a substitution can make one, and it says nothing.
func tautology(text string) bool {
	for _, op := range []string{" == ", " <= ", " >= "} {
		if x, y, ok := strings.Cut(text, op); ok && x == y && !strings.ContainsAny(x, "&|=<>!") {
			return true
		}
	}
	return false
}

// normalClause writes "x >= y" as "y <= x" and "x > y" as "y < x" for
// a clause with one comparison of two simple operands, so that both
// spellings count as one candidate.
func normalClause(text string) string {
	for _, op := range []struct{ from, to string }{{" >= ", " <= "}, {" > ", " < "}} {
		if x, y, ok := strings.Cut(text, op.from); ok && !strings.ContainsAny(x+y, "&|!=<>") {
			return y + op.to + x
		}
	}
	return text
}

// text is the source text of n.
func (g *candidateGen) text(n ast.Node) string {
	start, end := g.p.Fset.Position(n.Pos()).Offset, g.p.Fset.Position(n.End()).Offset
	if start < 0 || end > len(g.src) || start > end {
		return ""
	}
	return string(g.src[start:end])
}

// loopCandidates returns the candidate invariants of stmt, a loop of t's
// function without invariants, most promising first.
func (p *Program) loopCandidates(t *Target, stmt ast.Stmt) []string {
	decl, ok := t.Func.Syntax().(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return nil
	}
	src, err := os.ReadFile(p.Fset.Position(stmt.Pos()).Filename)
	if err != nil {
		return nil
	}
	g := &candidateGen{p: p, t: t, info: t.Package.TypesInfo, decl: decl, stmt: stmt, src: src, seen: map[string]bool{}}
	g.at, _ = loopScopePos(stmt)
	g.findModified()
	g.findIndex()
	g.fromContract()
	g.fromBody()
	g.fromCondition()
	g.fromRanges()
	g.fromEntry()
	g.fromPairs()
	g.fromSteps()
	return g.out
}

// loopScopePos is where the invariants of stmt see their variables (as
// specs.CheckLoop resolves them) and the loop body.
func loopScopePos(stmt ast.Stmt) (token.Pos, *ast.BlockStmt) {
	switch s := stmt.(type) {
	case *ast.ForStmt:
		if s.Cond != nil {
			return s.Cond.Pos(), s.Body
		}
		return s.Body.Lbrace, s.Body
	case *ast.RangeStmt:
		return s.Body.Lbrace, s.Body
	}
	return token.NoPos, nil
}

// varOf is the variable e names, or nil.
func (g *candidateGen) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := g.info.ObjectOf(id).(*types.Var)
	return v
}

// findModified collects the variables declared before the body that the
// loop assigns.
func (g *candidateGen) findModified() {
	g.modified = map[*types.Var]bool{}
	_, body := loopScopePos(g.stmt)
	record := func(e ast.Expr) {
		if v := g.varOf(e); v != nil && v.Pos() < body.Lbrace {
			g.modified[v] = true
		}
	}
	ast.Inspect(g.stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				record(l)
			}
		case *ast.IncDecStmt:
			record(n.X)
		case *ast.RangeStmt:
			if n == g.stmt && n.Tok == token.ASSIGN {
				record(n.Key)
				record(n.Value)
			}
		}
		return true
	})
}

// isInteger reports whether t is an integer type.
func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// hasLen reports whether len applies to values of t (and means the
// number of elements a range over it visits).
func hasLen(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, ok := u.Elem().Underlying().(*types.Array)
		return ok
	}
	return false
}

// asInt writes name so that it compares with an int: converted when its
// type is a narrower integer (exact), as is for int.
func asInt(name string, t types.Type) string {
	b, ok := t.Underlying().(*types.Basic)
	if ok && b.Kind() == types.Int {
		return name
	}
	return "int(" + name + ")"
}

// findIndex finds the loop's counter: the key of a range loop, or the
// modified integer variable the condition compares with a bound.
func (g *candidateGen) findIndex() {
	switch s := g.stmt.(type) {
	case *ast.RangeStmt:
		v := g.varOf(s.Key)
		if v == nil || v.Name() == "_" {
			return
		}
		g.index, g.indexLo = v, "0"
		x := g.text(s.X)
		if tx := g.info.TypeOf(s.X); tx != nil && isInteger(tx) {
			g.bounds = append(g.bounds, boundSubst{types.ExprString(s.X), []string{v.Name()}})
		} else if tx != nil && hasLen(tx) {
			g.bounds = append(g.bounds, boundSubst{"len(" + types.ExprString(s.X) + ")", []string{asInt(v.Name(), v.Type())}})
			_ = x
		}
	case *ast.ForStmt:
		for _, c := range condConjuncts(s.Cond) {
			b, ok := c.(*ast.BinaryExpr)
			if !ok {
				continue
			}
			x, y, op := b.X, b.Y, b.Op
			if v := g.varOf(y); v != nil && g.modified[v] && g.varOf(x) == nil {
				x, y, op = y, x, flip(op)
			}
			v := g.varOf(x)
			if v == nil || !g.modified[v] || !isInteger(v.Type()) {
				continue
			}
			switch op {
			case token.LSS, token.LEQ, token.NEQ:
			default:
				continue
			}
			if g.index == nil {
				g.index = v
				g.indexLo = g.entryValue(v)
			}
			if v == g.index && !mentionsModified(g, y) {
				by := []string{v.Name()}
				if tv := g.info.TypeOf(y); tv != nil && !types.Identical(tv, v.Type()) {
					by = append(by, asInt(v.Name(), v.Type()))
				}
				g.bounds = append(g.bounds, boundSubst{types.ExprString(y), by})
			}
		}
	}
}

// mentionsModified reports whether e reads a variable the loop assigns.
func mentionsModified(g *candidateGen, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := g.info.Uses[id].(*types.Var); ok && g.modified[v] {
				found = true
			}
		}
		return !found
	})
	return found
}

// flip mirrors a comparison: x op y is y flip(op) x.
func flip(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// condConjuncts splits e at its top-level &&.
func condConjuncts(e ast.Expr) []ast.Expr {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(condConjuncts(b.X), condConjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

// entryValue is the source text of the value v has when the loop is
// entered, when a plain assignment in the loop's init or just before the
// loop in the same block says it ("" otherwise).
func (g *candidateGen) entryValue(v *types.Var) string {
	if fs, ok := g.stmt.(*ast.ForStmt); ok && fs.Init != nil {
		if e := g.assigned(fs.Init, v); e != "" {
			return e
		}
	}
	var before []ast.Stmt
	ast.Inspect(g.decl.Body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BlockStmt); ok {
			for i, s := range b.List {
				if s == g.stmt || isLabeled(s, g.stmt) {
					before = b.List[:i]
				}
			}
		}
		return before == nil
	})
	for i := len(before) - 1; i >= 0; i-- {
		if e := g.assigned(before[i], v); e != "" {
			return e
		}
		if writes(g, before[i], v) {
			return ""
		}
	}
	return ""
}

func isLabeled(s, stmt ast.Stmt) bool {
	l, ok := s.(*ast.LabeledStmt)
	return ok && l.Stmt == stmt
}

// assigned is the text of the value s assigns v, or "".
func (g *candidateGen) assigned(s ast.Stmt, v *types.Var) string {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok != token.ASSIGN && s.Tok != token.DEFINE || len(s.Lhs) != len(s.Rhs) {
			return ""
		}
		for i, l := range s.Lhs {
			if g.varOf(l) == v {
				return g.text(s.Rhs[i])
			}
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return ""
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if g.info.Defs[name] != v {
					continue
				}
				switch {
				case len(vs.Values) == len(vs.Names):
					return g.text(vs.Values[i])
				case len(vs.Values) == 0 && isInteger(v.Type()):
					return "0"
				}
			}
		}
	}
	return ""
}

// writes reports whether s may assign v.
func writes(g *candidateGen, s ast.Stmt, v *types.Var) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || g.varOf(l) == v
			}
		case *ast.IncDecStmt:
			found = found || g.varOf(n.X) == v
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && g.varOf(n.X) == v
		}
		return !found
	})
	return found
}

// visible lists the variables the invariants may name, innermost first.
func (g *candidateGen) visible() []*types.Var {
	scope := g.t.Package.Types.Scope().Innermost(g.at)
	var vs []*types.Var
	seen := map[string]bool{}
	for s := scope; s != nil && s != g.t.Package.Types.Scope() && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || seen[name] || name == "_" || v.Pos() > g.at {
				continue
			}
			seen[name] = true
			vs = append(vs, v)
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Pos() < vs[j].Pos() })
	return vs
}

// modifiedInts lists the integer variables the loop assigns, in source
// order.
func (g *candidateGen) modifiedInts() []*types.Var {
	var vs []*types.Var
	for v := range g.modified {
		if isInteger(v.Type()) && v.Name() != "_" {
			vs = append(vs, v)
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Pos() < vs[j].Pos() })
	return vs
}

// fromContract turns the ensures clauses into invariants: each conjunct,
// and each consequent of an implication, with the result replaced by a
// variable the function returns and each bound the counter runs up to
// replaced by the counter.
func (g *candidateGen) fromContract() {
	returned := g.returnedVars()
	for _, c := range g.t.Spec.Func.Ensures() {
		for _, piece := range clausePieces(c.Expr) {
			g.substituted(c, piece, returned)
		}
	}
}

// clausePieces splits a clause at its top-level conjunctions and
// implications: the whole, each conjunct, each consequent.
func clausePieces(e ast.Expr) []ast.Expr {
	out := []ast.Expr{e}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch {
		case x.Op == token.LAND:
			out = append(out, clausePieces(x.X)...)
			out = append(out, clausePieces(x.Y)...)
		case specs.IsImplication(x):
			out = append(out, clausePieces(ast.Unparen(x.Y))...)
		}
	}
	return out
}

// splice is one replacement of a span of a clause's text.
type splice struct {
	start, end int
	with       string
}

// substituted adds the variants of piece (a subexpression of clause c)
// under the substitutions of result and of the bounds.
func (g *candidateGen) substituted(c *specs.Clause, piece ast.Expr, returned []*types.Var) {
	base := int(c.Pos)
	start, end := int(piece.Pos())-base, int(piece.End())-base
	if start < 0 || end > len(c.Text) || start >= end {
		return
	}
	var resultSpans []splice
	info := g.t.Spec.Info
	ast.Inspect(piece, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && isResult(g.t.Spec, v) && !namedResult(g.decl, v.Name()) {
				resultSpans = append(resultSpans, splice{int(id.Pos()) - base, int(id.End()) - base, ""})
			}
		}
		return true
	})
	// Choices for result: the variables returned (or nothing to replace).
	resultChoices := [][]splice{nil}
	if len(resultSpans) > 0 {
		resultChoices = nil
		for _, r := range returned {
			var sp []splice
			for _, s := range resultSpans {
				sp = append(sp, splice{s.start, s.end, r.Name()})
			}
			resultChoices = append(resultChoices, sp)
		}
	}
	// Choices for the bounds: none, or one bound replaced by the counter.
	boundChoices := [][]splice{nil}
	for _, b := range g.bounds {
		for _, by := range b.by {
			var sp []splice
			ast.Inspect(piece, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				if !ok {
					return true
				}
				if _, isIdent := e.(*ast.Ident); isIdent && types.ExprString(e) != b.expr {
					return true
				}
				if types.ExprString(e) == b.expr {
					sp = append(sp, splice{int(e.Pos()) - base, int(e.End()) - base, by})
					return false
				}
				return true
			})
			if len(sp) > 0 {
				boundChoices = append(boundChoices, sp)
			}
		}
	}
	for _, bc := range boundChoices {
		for _, rc := range resultChoices {
			all := append(append([]splice(nil), bc...), rc...)
			if text, ok := applySplices(c.Text, start, end, all); ok {
				g.add(text)
			}
		}
	}
}

// applySplices rewrites text[start:end] with the splices (which must not
// overlap).
func applySplices(text string, start, end int, sp []splice) (string, bool) {
	sort.Slice(sp, func(i, j int) bool { return sp[i].start < sp[j].start })
	var b strings.Builder
	at := start
	for _, s := range sp {
		if s.start < at || s.end > end {
			return "", false
		}
		b.WriteString(text[at:s.start])
		b.WriteString(s.with)
		at = s.end
	}
	b.WriteString(text[at:end])
	return b.String(), true
}

// isResult reports whether v is one of the results of spec.
func isResult(spec *specs.Checked, v *types.Var) bool {
	for _, r := range spec.Results {
		if r == v {
			return true
		}
	}
	return false
}

// namedResult reports whether decl names a result name (visible in the
// body as a variable: nothing to replace).
func namedResult(decl *ast.FuncDecl, name string) bool {
	if decl.Type.Results == nil {
		return false
	}
	for _, f := range decl.Type.Results.List {
		for _, n := range f.Names {
			if n.Name == name {
				return true
			}
		}
	}
	return false
}

// returnedVars lists the variables the function returns (return v)
// after the loop, in source order: what the loop computes for the
// result. (A return inside the loop leaves it: the result is then not
// what the loop state holds at the head.)
func (g *candidateGen) returnedVars() []*types.Var {
	var vs []*types.Var
	seen := map[*types.Var]bool{}
	ast.Inspect(g.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if n.Pos() < g.stmt.End() {
				return true
			}
			if len(n.Results) == 1 {
				if v := g.varOf(n.Results[0]); v != nil && !seen[v] {
					seen[v] = true
					vs = append(vs, v)
				}
			}
		}
		return true
	})
	return vs
}

// quantVar is a name for a quantified variable that no variable in scope
// has.
func (g *candidateGen) quantVar() string {
	names := map[string]bool{}
	for _, v := range g.visible() {
		names[v.Name()] = true
	}
	for _, n := range []string{"k", "j", "kk", "k0", "k1", "k2"} {
		if !names[n] {
			return n
		}
	}
	return "k_"
}

// fromBody proposes prefix quantifiers over the iterations done: what a
// write a[i] = e left in a[k] for every earlier k, and that the condition
// of a top-level if that mentions the counter was false for every earlier
// k (the loop would have left, or the state records it).
func (g *candidateGen) fromBody() {
	if g.index == nil || g.indexLo == "" {
		return
	}
	_, body := loopScopePos(g.stmt)
	k := g.quantVar()
	i := g.index
	typ := types.TypeString(i.Type(), types.RelativeTo(g.t.Package.Types))
	prefix := "forall " + k + " " + typ + " :: " + g.indexLo + " <= " + k + " && " + k + " < " + i.Name() + " ==> "
	for _, s := range body.List {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok != token.ASSIGN || len(s.Lhs) != 1 || len(s.Rhs) != 1 {
				continue
			}
			ix, ok := ast.Unparen(s.Lhs[0]).(*ast.IndexExpr)
			if !ok || g.varOf(ix.Index) != i || g.varOf(ix.X) == nil {
				continue
			}
			lhs, ok1 := g.renamed(ix, i, k)
			rhs, ok2 := g.renamed(s.Rhs[0], i, k)
			if ok1 && ok2 {
				g.add(prefix + lhs + " == " + rhs)
			}
		case *ast.IfStmt:
			if s.Init != nil || !mentionsVar(g, s.Cond, i) {
				continue
			}
			if cond, ok := g.negatedRenamed(s.Cond, i, k); ok {
				g.add(prefix + cond)
			} else if cond, ok := g.renamed(s.Cond, i, k); ok {
				g.add(prefix + "!(" + cond + ")")
			}
		}
	}
}

// negatedRenamed is the comparison e negated, written as the opposite
// comparison of the same operands, with v renamed k; false when e is not
// a comparison.
func (g *candidateGen) negatedRenamed(e ast.Expr, v *types.Var, k string) (string, bool) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return "", false
	}
	opp, ok := map[token.Token]token.Token{token.EQL: token.NEQ, token.NEQ: token.EQL, token.LSS: token.GEQ, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR}[b.Op]
	if !ok {
		return "", false
	}
	x, ok1 := g.renamed(b.X, v, k)
	y, ok2 := g.renamed(b.Y, v, k)
	return x + " " + opp.String() + " " + y, ok1 && ok2
}

// mentionsVar reports whether e reads v.
func mentionsVar(g *candidateGen, e ast.Expr, v *types.Var) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && g.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// renamed is the text of e with v replaced by name k; false when e
// calls a function (a call in an invariant must be pure, which is for
// the checker to say of a written one, not for a guess).
func (g *candidateGen) renamed(e ast.Expr, v *types.Var, k string) (string, bool) {
	ok := true
	var sp []splice
	base := g.p.Fset.Position(e.Pos()).Offset
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, isType := g.info.Types[n.Fun]; !isType || !tv.IsType() {
				if id, isIdent := n.Fun.(*ast.Ident); !isIdent || (id.Name != "len" && id.Name != "cap") {
					ok = false
				}
			}
		case *ast.FuncLit:
			ok = false
		case *ast.Ident:
			if g.info.Uses[n] == v {
				off := g.p.Fset.Position(n.Pos()).Offset - base
				sp = append(sp, splice{off, off + len(n.Name), k})
			}
		}
		return ok
	})
	text := g.text(e)
	if !ok || text == "" {
		return "", false
	}
	return applySplices(text, 0, len(text), sp)
}

// fromCondition proposes the loop condition's comparisons, made
// non-strict: they hold at the head after the last iteration too.
func (g *candidateGen) fromCondition() {
	fs, ok := g.stmt.(*ast.ForStmt)
	if !ok {
		return
	}
	for _, c := range condConjuncts(fs.Cond) {
		b, ok := c.(*ast.BinaryExpr)
		if !ok {
			continue
		}
		x, y := g.text(b.X), g.text(b.Y)
		if x == "" || y == "" {
			continue
		}
		switch b.Op {
		case token.LSS, token.LEQ:
			g.add(x + " <= " + y)
		case token.GTR, token.GEQ:
			g.add(x + " >= " + y)
		case token.NEQ:
			g.add(x + " <= " + y)
			g.add(x + " >= " + y)
		}
	}
}

// fromRanges proposes the counter's range: from its entry value up to
// each length in scope, and its bounds.
func (g *candidateGen) fromRanges() {
	if rs, ok := g.stmt.(*ast.RangeStmt); ok && g.index != nil {
		i := g.index.Name()
		g.add("0 <= " + i)
		if tx := g.info.TypeOf(rs.X); tx != nil && isInteger(tx) {
			x := g.text(rs.X)
			g.add(i + " < " + x)
			g.add(i + " <= " + x)
		} else if tx != nil && hasLen(tx) {
			g.add(i + " <= len(" + g.text(rs.X) + ")")
		}
	}
	var lens []string
	for _, v := range g.visible() {
		if hasLen(v.Type()) && !g.modified[v] {
			lens = append(lens, "len("+v.Name()+")")
		}
	}
	for _, v := range g.modifiedInts() {
		if !isUnsigned(v.Type()) {
			g.add("0 <= " + v.Name())
		}
		for _, l := range lens {
			g.add(asInt(v.Name(), v.Type()) + " <= " + l)
		}
	}
}

func isUnsigned(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsUnsigned != 0
}

// fromEntry proposes that a variable the loop assigns stays on one side
// of its value on entry (counters that only grow or only shrink).
func (g *candidateGen) fromEntry() {
	for _, v := range g.modifiedInts() {
		e := g.entryValue(v)
		if e == "" {
			continue
		}
		if e != "0" || isUnsigned(v.Type()) {
			g.add(v.Name() + " >= " + e) // 0 <= v is proposed with the ranges
		}
		g.add(v.Name() + " <= " + e)
	}
}

// fromPairs proposes orderings between the integer variables of one type
// that the loop assigns.
func (g *candidateGen) fromPairs() {
	vs := g.modifiedInts()
	for a := range vs {
		for b := a + 1; b < len(vs); b++ {
			if !types.Identical(vs[a].Type(), vs[b].Type()) {
				continue
			}
			g.add(vs[a].Name() + " <= " + vs[b].Name())
			g.add(vs[b].Name() + " <= " + vs[a].Name())
		}
	}
}

// fromSteps proposes bounds on accumulators: a variable the body
// increases by v += e once per iteration, where e lies in [lo, hi] (a
// constant, or a conversion from a narrower integer type), stays within
// lo*n and hi*n of its entry value after n iterations. Stated for
// counters that start at 0 and accumulators that start at 0.
func (g *candidateGen) fromSteps() {
	if g.index == nil || g.indexLo != "0" {
		return
	}
	_, body := loopScopePos(g.stmt)
	i := g.index.Name()
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ADD_ASSIGN || len(as.Lhs) != 1 {
			continue
		}
		v := g.varOf(as.Lhs[0])
		if v == nil || v == g.index || !g.modified[v] || g.entryValue(v) != "0" || !isInteger(v.Type()) {
			continue
		}
		lo, hi, ok := g.stepRange(as.Rhs[0])
		if !ok {
			continue
		}
		idx := i
		if !types.Identical(v.Type(), g.index.Type()) {
			idx = types.TypeString(v.Type(), types.RelativeTo(g.t.Package.Types)) + "(" + i + ")"
		}
		g.add(v.Name() + " <= " + hi + "*" + idx)
		if lo == "0" {
			g.add("0 <= " + v.Name())
		} else {
			g.add(lo + "*" + idx + " <= " + v.Name())
		}
	}
}

// stepRange bounds the value of e: a constant, or a conversion of a
// narrower integer.
func (g *candidateGen) stepRange(e ast.Expr) (lo, hi string, ok bool) {
	tv := g.info.Types[e]
	if tv.Value != nil {
		return tv.Value.ExactString(), tv.Value.ExactString(), true
	}
	call, isCall := ast.Unparen(e).(*ast.CallExpr)
	if !isCall || len(call.Args) != 1 {
		return "", "", false
	}
	if ftv, isType := g.info.Types[call.Fun]; !isType || !ftv.IsType() {
		return "", "", false
	}
	b, isBasic := g.info.TypeOf(call.Args[0]).Underlying().(*types.Basic)
	if !isBasic {
		return "", "", false
	}
	switch b.Kind() {
	case types.Uint8:
		return "0", "255", true
	case types.Int8:
		return "-128", "127", true
	case types.Uint16:
		return "0", "65535", true
	case types.Int16:
		return "-32768", "32767", true
	}
	return "", "", false
}
