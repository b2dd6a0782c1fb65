package synth

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"math/big"
	"strings"
)

// RejectReason says why a Go function offered as a candidate (by a
// language model) is not a term of the problem's grammar.
type RejectReason string

const (
	RejectParse     RejectReason = "parse"     // not Go
	RejectSignature RejectReason = "signature" // not exactly the requested function
	RejectGrammar   RejectReason = "grammar"   // a construct, operator or constant the grammar does not allow
	RejectType      RejectReason = "type"      // rejected by the Go type checker
)

// RejectError is a candidate's rejection: data for the caller, which
// tells the model why.
type RejectError struct {
	Reason RejectReason
	Msg    string
}

func (e *RejectError) Error() string { return string(e.Reason) + ": " + e.Msg }

// TermFromGo reads Go source holding one function declaration (with or
// without a package clause) as a term of p's grammar. The function must
// have exactly p's name, parameters and result; its body may only
// declare and assign local variables, branch with if/else and return,
// over the grammar's operators, parameters and constants (conversions to
// the function's own types are identities). Nothing is compiled or run:
// the source is parsed, type-checked by go/types with no importer, and
// translated; the term, rendered back to Go by GoFunc, is what the
// verifier proves. It also returns the derivation's productions.
func TermFromGo(src string, p *Problem) (*Term, []ProdRef, error) {
	fset := token.NewFileSet()
	text := src
	if !strings.HasPrefix(strings.TrimSpace(stripComments(text)), "package ") {
		// The line directive keeps positions those of the model's text.
		text = "package vsynth_candidate\n//line candidate.go:1\n" + text
	}
	file, err := parser.ParseFile(fset, "candidate.go", text, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, reject(RejectParse, "%s", firstLine(err.Error()))
	}
	if len(file.Imports) > 0 {
		return nil, nil, reject(RejectGrammar, "imports %s: candidates may not import packages", file.Imports[0].Path.Value)
	}
	var fn *ast.FuncDecl
	for _, d := range file.Decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok {
			return nil, nil, reject(RejectGrammar, "a declaration other than the function: only the function %s is allowed", p.GoName)
		}
		if fn != nil {
			return nil, nil, reject(RejectGrammar, "more than one function: only %s is allowed", p.GoName)
		}
		fn = f
	}
	if fn == nil {
		return nil, nil, reject(RejectSignature, "no function declaration")
	}
	if err := checkSignature(fn, p); err != nil {
		return nil, nil, err
	}
	if fn.Body == nil {
		return nil, nil, reject(RejectSignature, "the function has no body")
	}
	if err := checkShape(fn.Body, fset); err != nil {
		return nil, nil, err
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: noImports{}, Error: func(error) {}}
	if _, err := conf.Check("vsynth_candidate", fset, []*ast.File{file}, info); err != nil {
		return nil, nil, reject(RejectType, "%s", firstLine(err.Error()))
	}
	c := &goConv{p: p, fset: fset, info: info, params: map[types.Object]int{}}
	sig := info.Defs[fn.Name].(*types.Func).Type().(*types.Signature)
	for i := 0; i < sig.Params().Len(); i++ {
		c.params[sig.Params().At(i)] = i
	}
	env := map[types.Object]*Term{}
	for obj, i := range c.params {
		env[obj] = &Term{Op: OpParam, Type: p.Params[i].Type, Param: i}
	}
	t, err := c.block(fn.Body.List, env, func(map[types.Object]*Term) (*Term, error) {
		return nil, reject(RejectGrammar, "the function does not end in a return")
	})
	if err != nil {
		return nil, nil, err
	}
	// Locals are inlined: a chain of doublings is exponential as a tree.
	if n := treeSize(t, maxCandidateSize+1); n > maxCandidateSize {
		return nil, nil, reject(RejectGrammar, "more than %d operators once local variables are inlined", maxCandidateSize)
	}
	if !p.ConstExprs {
		if c := constSubterm(t); c != nil {
			return nil, nil, reject(RejectGrammar, "%s computes on constants only: write the constant itself, if it is allowed", c.Op)
		}
	}
	d := &deriver{g: p.Grammar}
	t, used, ok := d.derive(t, 0)
	if !ok {
		return nil, nil, reject(RejectGrammar, "%s", d.why())
	}
	return t, used, nil
}

// maxCandidateSize bounds a candidate's operators (as a tree).
const maxCandidateSize = 256

// treeSize counts t's nodes as a tree, stopping past limit.
func treeSize(t *Term, limit int) int {
	n := 1
	for _, a := range t.Args {
		if n > limit {
			break
		}
		n += treeSize(a, limit-n)
	}
	return n
}

// constSubterm returns an operator application without parameters, if
// t has one (the enumerator does not build them for Go output).
func constSubterm(t *Term) *Term {
	if t.Op == OpParam || t.Op == OpConst {
		return nil
	}
	if isConstTerm(t) {
		return t
	}
	for _, a := range t.Args {
		if c := constSubterm(a); c != nil {
			return c
		}
	}
	return nil
}

func reject(r RejectReason, format string, args ...any) *RejectError {
	return &RejectError{Reason: r, Msg: fmt.Sprintf(format, args...)}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// stripComments drops leading comment lines, to find a package clause.
func stripComments(s string) string {
	for {
		s = strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(s, "//"):
			_, rest, _ := strings.Cut(s, "\n")
			s = rest
		case strings.HasPrefix(s, "/*"):
			_, rest, ok := strings.Cut(s, "*/")
			if !ok {
				return s
			}
			s = rest
		default:
			return s
		}
	}
}

type noImports struct{}

func (noImports) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("import %q: candidates may not import packages", path)
}

// checkSignature requires the requested name, parameter names and types
// in order, and result type.
func checkSignature(fn *ast.FuncDecl, p *Problem) error {
	want := GoSignature(p)
	if fn.Recv != nil || fn.Type.TypeParams != nil {
		return reject(RejectSignature, "want func %s, not a method or generic function", want)
	}
	if fn.Name.Name != p.GoName {
		return reject(RejectSignature, "function %s: want func %s", fn.Name.Name, want)
	}
	var names, typs []string
	for _, f := range fn.Type.Params.List {
		id, ok := f.Type.(*ast.Ident)
		if !ok || len(f.Names) == 0 {
			return reject(RejectSignature, "want func %s", want)
		}
		for _, n := range f.Names {
			names, typs = append(names, n.Name), append(typs, id.Name)
		}
	}
	ok := len(names) == len(p.Params)
	for i := 0; ok && i < len(names); i++ {
		ok = names[i] == p.Params[i].Name && typs[i] == p.Params[i].Type.GoName()
	}
	if r := fn.Type.Results; ok && r != nil && len(r.List) == 1 && len(r.List[0].Names) <= 1 {
		id, isID := r.List[0].Type.(*ast.Ident)
		ok = isID && id.Name == p.Result.GoName()
	} else {
		ok = false
	}
	if !ok {
		return reject(RejectSignature, "want func %s", want)
	}
	return nil
}

// GoSignature is the problem's function signature as Go writes it, less
// "func": "Name(x, y uint32) uint32".
func GoSignature(p *Problem) string {
	var b strings.Builder
	b.WriteString(p.GoName + "(")
	for i, prm := range p.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(prm.Name)
		if i+1 == len(p.Params) || p.Params[i+1].Type != prm.Type {
			b.WriteString(" " + prm.Type.GoName())
		}
	}
	b.WriteString(") " + p.Result.GoName())
	return b.String()
}

// checkShape rejects, before type checking, every construct outside the
// straight-line-with-branches subset: loops, calls other than
// conversions, closures, goto, defer, and so on.
func checkShape(body *ast.BlockStmt, fset *token.FileSet) error {
	var bad ast.Node
	what := ""
	ast.Inspect(body, func(n ast.Node) bool {
		if bad != nil {
			return false
		}
		switch n := n.(type) {
		case nil, *ast.BlockStmt, *ast.ReturnStmt, *ast.IfStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.GenDecl, *ast.ValueSpec,
			*ast.Ident, *ast.BasicLit, *ast.BinaryExpr, *ast.UnaryExpr, *ast.ParenExpr, *ast.EmptyStmt:
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND || u != nil && u.Op == token.ARROW {
				bad, what = n, "the operator "+u.Op.String()
			}
			if g, ok := n.(*ast.GenDecl); ok && g.Tok != token.VAR {
				bad, what = n, "a "+g.Tok.String()+" declaration"
			}
			if b, ok := n.(*ast.BasicLit); ok && b.Kind != token.INT {
				bad, what = n, "a "+strings.ToLower(b.Kind.String())+" literal"
			}
			return true
		case *ast.CallExpr:
			if len(n.Args) == 1 {
				if _, ok := n.Fun.(*ast.Ident); ok {
					return true // a conversion, or a call the type check finds
				}
			}
			bad, what = n, "a function call"
		case *ast.ForStmt, *ast.RangeStmt:
			bad, what = n, "a loop"
		default:
			bad, what = n, fmt.Sprintf("%T", n)
			what = strings.TrimPrefix(strings.TrimPrefix(what, "*ast."), "ast.")
		}
		return false
	})
	if bad != nil {
		return reject(RejectGrammar, "line %d: %s is not allowed (only local variables, if/else, return and the allowed operators)", fset.Position(bad.Pos()).Line, what)
	}
	return nil
}

// goConv translates a type-checked function body into a term by
// symbolic execution: locals map to terms, if/else to conditionals.
type goConv struct {
	p      *Problem
	fset   *token.FileSet
	info   *types.Info
	params map[types.Object]int
	steps  int // statements executed, over all paths
}

func (c *goConv) errAt(n ast.Node, format string, args ...any) error {
	return reject(RejectGrammar, "line %d: %s", c.fset.Position(n.Pos()).Line, fmt.Sprintf(format, args...))
}

// maxSteps bounds the statements executed over all paths (sequential
// ifs double the paths).
const maxSteps = 4096

// cont is what runs after a statement list: the rest of the enclosing
// lists, to the function's end.
type cont func(env map[types.Object]*Term) (*Term, error)

// block executes stmts in env, then k: it returns the term the function
// returns on this path. Each branch of an if runs the rest of the
// function itself, so a variable's value is the one of its path.
func (c *goConv) block(stmts []ast.Stmt, env map[types.Object]*Term, k cont) (*Term, error) {
	for i, s := range stmts {
		c.steps++
		if c.steps > maxSteps {
			return nil, c.errAt(s, "too many paths through the function")
		}
		switch s := s.(type) {
		case *ast.ReturnStmt:
			if len(s.Results) != 1 {
				return nil, c.errAt(s, "return needs exactly one value")
			}
			return c.expr(s.Results[0], env)
		case *ast.EmptyStmt:
		case *ast.BlockStmt:
			rest := stmts[i+1:]
			return c.block(s.List, copyEnv(env), func(e map[types.Object]*Term) (*Term, error) { return c.block(rest, e, k) })
		case *ast.DeclStmt:
			for _, spec := range s.Decl.(*ast.GenDecl).Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != 0 && len(vs.Values) != len(vs.Names) {
					return nil, c.errAt(s, "a multi-value declaration")
				}
				for j, name := range vs.Names {
					obj := c.info.Defs[name]
					if obj == nil {
						continue // _
					}
					var t *Term
					var err error
					if len(vs.Values) == 0 {
						t, err = c.zero(name, obj.Type())
					} else {
						t, err = c.expr(vs.Values[j], env)
					}
					if err != nil {
						return nil, err
					}
					env[obj] = t
				}
			}
		case *ast.AssignStmt:
			if err := c.assign(s, env); err != nil {
				return nil, err
			}
		case *ast.IfStmt:
			if s.Init != nil {
				return nil, c.errAt(s, "an if with an init statement")
			}
			cond, err := c.expr(s.Cond, env)
			if err != nil {
				return nil, err
			}
			rest := stmts[i+1:]
			after := func(e map[types.Object]*Term) (*Term, error) { return c.block(rest, e, k) }
			a, err := c.block(s.Body.List, copyEnv(env), after)
			if err != nil {
				return nil, err
			}
			var b *Term
			if s.Else != nil {
				b, err = c.block([]ast.Stmt{s.Else}, copyEnv(env), after)
			} else {
				b, err = after(copyEnv(env))
			}
			if err != nil {
				return nil, err
			}
			return ite(cond, a, b), nil
		default:
			return nil, c.errAt(s, "this statement is not allowed")
		}
	}
	return k(env)
}

func ite(c, a, b *Term) *Term {
	if a == b {
		return a
	}
	return &Term{Op: OpIte, Type: a.Type, Args: []*Term{c, a, b}}
}

func copyEnv(env map[types.Object]*Term) map[types.Object]*Term {
	out := make(map[types.Object]*Term, len(env))
	for k, v := range env {
		out[k] = v
	}
	return out
}

var assignOps = map[token.Token]token.Token{
	token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL, token.QUO_ASSIGN: token.QUO,
	token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND, token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR,
	token.AND_NOT_ASSIGN: token.AND_NOT, token.SHL_ASSIGN: token.SHL, token.SHR_ASSIGN: token.SHR,
}

func (c *goConv) assign(s *ast.AssignStmt, env map[types.Object]*Term) error {
	if op, ok := assignOps[s.Tok]; ok {
		if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
			return c.errAt(s, "a multi-value assignment")
		}
		x, err := c.expr(s.Lhs[0], env)
		if err != nil {
			return err
		}
		y, err := c.expr(s.Rhs[0], env)
		if err != nil {
			return err
		}
		t, err := c.binary(s, binaryOps[op], x.Type, x, y, s.Rhs[0])
		if err != nil {
			return err
		}
		id, ok := s.Lhs[0].(*ast.Ident)
		if !ok {
			return c.errAt(s, "assignment to something other than a variable")
		}
		env[c.info.Uses[id]] = t
		return nil
	}
	if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
		return c.errAt(s, "the statement %s is not allowed", s.Tok)
	}
	if len(s.Lhs) != len(s.Rhs) {
		return c.errAt(s, "a multi-value assignment")
	}
	vals := make([]*Term, len(s.Rhs))
	for i, r := range s.Rhs {
		t, err := c.exprTyped(r, env)
		if err != nil {
			return err
		}
		vals[i] = t
	}
	for i, l := range s.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return c.errAt(s, "assignment to something other than a variable")
		}
		if id.Name == "_" {
			continue
		}
		obj := c.info.Defs[id]
		if obj == nil {
			obj = c.info.Uses[id]
		}
		if obj == nil {
			return c.errAt(s, "assignment to an unknown variable %s", id.Name)
		}
		env[obj] = vals[i]
	}
	return nil
}

// zero is the zero value of a local's type, as a constant term.
func (c *goConv) zero(n ast.Node, t types.Type) (*Term, error) {
	typ, err := c.termType(n, t)
	if err != nil {
		return nil, err
	}
	return &Term{Op: OpConst, Type: typ}, nil
}

// termType maps a Go type to the problem's types: bool, or the integer
// type of the parameters and result.
func (c *goConv) termType(n ast.Node, t types.Type) (Type, error) {
	b, ok := t.Underlying().(*types.Basic)
	if ok && b.Info()&types.IsBoolean != 0 {
		return BoolType, nil
	}
	name := types.TypeString(t, nil)
	for _, prm := range append(append([]Param(nil), c.p.Params...), Param{Type: c.p.Result}) {
		if !prm.Type.Bool && prm.Type.GoName() == name {
			return prm.Type, nil
		}
	}
	return Type{}, c.errAt(n, "a value of type %s: only the function's own types are allowed", name)
}

var binaryOps = map[token.Token]Op{
	token.ADD: OpAdd, token.SUB: OpSub, token.MUL: OpMul, token.QUO: OpQuo, token.REM: OpRem,
	token.AND: OpAnd, token.OR: OpOr, token.XOR: OpXor, token.AND_NOT: OpAndNot, token.SHL: OpShl, token.SHR: OpShr,
	token.EQL: OpEq, token.NEQ: OpNe, token.LSS: OpLt, token.LEQ: OpLe, token.GTR: OpGt, token.GEQ: OpGe,
	token.LAND: OpLAnd, token.LOR: OpLOr,
}

// exprTyped is expr for the right side of an assignment, where an
// untyped constant takes its default type (which must be the problem's).
func (c *goConv) exprTyped(e ast.Expr, env map[types.Object]*Term) (*Term, error) {
	return c.expr(e, env)
}

// expr translates an expression. A constant expression becomes one
// constant (its exact value, as Go folds it); it must be one of the
// grammar's constants, which derive checks.
func (c *goConv) expr(e ast.Expr, env map[types.Object]*Term) (*Term, error) {
	tv, ok := c.info.Types[e]
	if !ok {
		return nil, c.errAt(e, "an expression the type checker did not type")
	}
	if tv.Value != nil {
		return c.constant(e, tv)
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.expr(e.X, env)
	case *ast.Ident:
		obj := c.info.Uses[e]
		t, ok := env[obj]
		if !ok || obj == nil {
			return nil, c.errAt(e, "%s is not a parameter or local variable", e.Name)
		}
		return t, nil
	case *ast.CallExpr:
		if !tv.IsValue() || len(e.Args) != 1 {
			return nil, c.errAt(e, "a function call")
		}
		if ftv := c.info.Types[e.Fun]; !ftv.IsType() {
			return nil, c.errAt(e, "a function call")
		}
		x, err := c.expr(e.Args[0], env)
		if err != nil {
			return nil, err
		}
		to, err := c.termType(e, tv.Type)
		if err != nil {
			return nil, err
		}
		if to != x.Type {
			return nil, c.errAt(e, "a conversion from %s to %s", x.Type.GoName(), to.GoName())
		}
		return x, nil
	case *ast.UnaryExpr:
		x, err := c.expr(e.X, env)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case token.ADD:
			return x, nil
		case token.SUB:
			return &Term{Op: OpNeg, Type: x.Type, Args: []*Term{x}}, nil
		case token.XOR:
			return &Term{Op: OpCom, Type: x.Type, Args: []*Term{x}}, nil
		case token.NOT:
			return &Term{Op: OpNot, Type: BoolType, Args: []*Term{x}}, nil
		}
		return nil, c.errAt(e, "the operator %s", e.Op)
	case *ast.BinaryExpr:
		op, ok := binaryOps[e.Op]
		if !ok {
			return nil, c.errAt(e, "the operator %s", e.Op)
		}
		x, err := c.expr(e.X, env)
		if err != nil {
			return nil, err
		}
		y, err := c.expr(e.Y, env)
		if err != nil {
			return nil, err
		}
		typ, err := c.termType(e, tv.Type)
		if err != nil {
			return nil, err
		}
		return c.binary(e, op, typ, x, y, e.Y)
	}
	return nil, c.errAt(e, "this expression is not allowed")
}

// binary is x op y of type typ; y is the expression ye.
func (c *goConv) binary(n ast.Node, op Op, typ Type, x, y *Term, ye ast.Expr) (*Term, error) {
	if x.Type != y.Type {
		if op != OpShl && op != OpShr || y.Op != OpConst {
			return nil, c.errAt(n, "operands of types %s and %s", x.Type.GoName(), y.Type.GoName())
		}
		y = &Term{Op: OpConst, Type: x.Type, Value: y.Value & x.Type.mask()}
		if y.Value != c.constBits(ye, x.Type) {
			return nil, c.errAt(n, "a shift count that does not fit %s", x.Type.GoName())
		}
	}
	return &Term{Op: op, Type: typ, Args: []*Term{x, y}}, nil
}

// constBits is the bit pattern of a constant expression in type t.
func (c *goConv) constBits(e ast.Expr, t Type) uint64 {
	v := constant.ToInt(c.info.Types[e].Value)
	b, ok := new(big.Int).SetString(v.ExactString(), 10)
	if !ok {
		return 0
	}
	return new(big.Int).And(b, new(big.Int).SetUint64(t.mask())).Uint64()
}

func (c *goConv) constant(e ast.Expr, tv types.TypeAndValue) (*Term, error) {
	if tv.Value.Kind() == constant.Bool {
		return &Term{Op: OpConst, Type: BoolType, Value: b2u(constant.BoolVal(tv.Value))}, nil
	}
	if tv.Value.Kind() != constant.Int {
		return nil, c.errAt(e, "the constant %s", tv.Value)
	}
	var typ Type
	if b, ok := tv.Type.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		// An untyped constant takes the problem's integer type (the only
		// one its operands can have).
		typ = c.intType()
	} else {
		var err error
		if typ, err = c.termType(e, tv.Type); err != nil {
			return nil, err
		}
	}
	v := constant.ToInt(tv.Value)
	b, _ := new(big.Int).SetString(v.ExactString(), 10)
	if b == nil {
		return nil, c.errAt(e, "the constant %s", tv.Value)
	}
	return &Term{Op: OpConst, Type: typ, Value: new(big.Int).And(b, new(big.Int).SetUint64(typ.mask())).Uint64()}, nil
}

func (c *goConv) intType() Type {
	if !c.p.Result.Bool {
		return c.p.Result
	}
	for _, prm := range c.p.Params {
		if !prm.Type.Bool {
			return prm.Type
		}
	}
	return IntType(64, true)
}

// deriver checks that a term is derived by the grammar, and returns the
// derivation's productions. A comparison x > y (x >= y) the grammar lacks
// is read as y < x (y <= x), as the enumerator does.
type deriver struct {
	g     *Grammar
	worst *Term // the deepest subterm that failed, for the message
	depth int
	wdep  int
}

func (d *deriver) why() string {
	if d.worst == nil {
		return "the function is not in the grammar"
	}
	t := d.worst
	switch t.Op {
	case OpConst:
		return fmt.Sprintf("the constant %s is not among the allowed constants", FormatValue(t.Value, t.Type))
	case OpParam:
		return "a parameter where the grammar does not allow it"
	}
	name := goBinary[t.Op]
	switch t.Op {
	case OpNeg:
		name = "unary -"
	case OpCom:
		name = "unary ^"
	case OpNot:
		name = "!"
	case OpIte:
		return fmt.Sprintf("if/else choosing a %s is not allowed here", t.Type.GoName())
	}
	if name == "" {
		name = t.Op.String()
	}
	return fmt.Sprintf("the operator %s on %s is not allowed here", name, t.operandType().GoName())
}

func (d *deriver) derive(t *Term, nt int) (*Term, []ProdRef, bool) {
	seen := map[int]bool{}
	d.depth++
	defer func() { d.depth-- }()
	return d.deriveNT(t, nt, seen)
}

func (d *deriver) deriveNT(t *Term, nt int, seen map[int]bool) (*Term, []ProdRef, bool) {
	if seen[nt] {
		return nil, nil, false
	}
	seen[nt] = true
	sym := d.g.NTs[nt]
	for _, cand := range d.variants(t) {
		if cand.Type != sym.Type {
			continue
		}
		for pi, p := range sym.Prods {
			if unit(p) {
				continue
			}
			if used, err := d.match(p, cand); err == nil {
				return cand, append(used, ProdRef{nt, pi}), true
			}
		}
	}
	for pi, p := range sym.Prods {
		if unit(p) {
			if u, used, ok := d.deriveNT(t, p.Holes[0], seen); ok {
				return u, append(used, ProdRef{nt, pi}), true
			}
		}
	}
	if d.depth >= d.wdep {
		d.worst, d.wdep = t, d.depth
	}
	return nil, nil, false
}

// variants are t and, for > and >=, the swapped < and <=.
func (d *deriver) variants(t *Term) []*Term {
	out := []*Term{t}
	if sw, ok := map[Op]Op{OpGt: OpLt, OpGe: OpLe, OpLt: OpGt, OpLe: OpGe}[t.Op]; ok {
		out = append(out, &Term{Op: sw, Type: t.Type, Args: []*Term{t.Args[1], t.Args[0]}})
	}
	return out
}

// match matches a simple production (an operator on holes, a parameter
// or a constant) against t's root, deriving the holes' subterms; t's
// arguments are replaced by their derived forms in place.
func (d *deriver) match(p *Prod, t *Term) ([]ProdRef, error) {
	tm := p.Tmpl
	if tm.Macro != "" {
		return nil, errNoMatch
	}
	switch tm.Op {
	case OpParam:
		if t.Op == OpParam && t.Param == tm.Param {
			return nil, nil
		}
		return nil, errNoMatch
	case OpConst:
		if t.Op == OpConst && t.Value == tm.Value && t.Type == tm.Type {
			return nil, nil
		}
		return nil, errNoMatch
	}
	if !p.simple() || tm.Op != t.Op || len(tm.Args) != len(t.Args) {
		return nil, errNoMatch
	}
	var used []ProdRef
	for i, h := range p.Holes {
		u, us, ok := d.derive(t.Args[i], h)
		if !ok {
			return nil, errNoMatch
		}
		t.Args[i] = u
		used = append(used, us...)
	}
	return used, nil
}

var errNoMatch = errors.New("no match")

// Vocabulary lists, as Go spells them, the operators and constants a
// term of g may use (what TermFromGo accepts): binary operators first,
// then unary ones (-x, ^x, !x) and if/else.
func Vocabulary(g *Grammar) (operators, consts []string) {
	seen := map[string]bool{}
	add := func(list *[]string, s string) {
		if !seen[s] {
			seen[s] = true
			*list = append(*list, s)
		}
	}
	var unary []string
	for _, nt := range g.NTs {
		for _, p := range nt.Prods {
			tm := p.Tmpl
			switch {
			case unit(p) || tm.Macro != "" || tm.Op == OpParam:
			case tm.Op == OpConst:
				add(&consts, FormatValue(tm.Value, tm.Type))
			case goBinary[tm.Op] != "":
				add(&operators, goBinary[tm.Op])
				switch tm.Op {
				case OpLt:
					add(&operators, ">")
				case OpLe:
					add(&operators, ">=")
				}
			case tm.Op == OpNeg:
				add(&unary, "-x (negation)")
			case tm.Op == OpCom:
				add(&unary, "^x (complement)")
			case tm.Op == OpNot:
				add(&unary, "!x (not)")
			case tm.Op == OpIte:
				add(&unary, "if/else")
			}
		}
	}
	return append(operators, unary...), consts
}
