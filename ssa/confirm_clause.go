package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/vsynth/vsynth/specs"
)

// A clause evaluated by a replay must mean in Go what it means in the
// spec. Two spec constructs need rewriting:
//
//   - forall and exists (which the spec parser writes as calls of
//     __vsynth_forall and __vsynth_exists on a function literal) range over
//     every value of their variable's type. A replay evaluates one exactly:
//     when its body has a guard bounding the variable on both sides
//     (forall k :: lo <= k && k < hi ==> P, exists k :: lo <= k && k < hi
//     && P), over that range; else, for a type of at most 16 bits, over
//     every value. Any other quantifier, or a range of more than
//     replayQuantMax values, panics with inexactQuantifier, and the
//     counterexample is not confirmed.
//   - old(E) is E evaluated on entry. Without a quantified variable in E,
//     the replay evaluates E before the call (lazily: a panic is raised
//     where the clause would evaluate it). With one, E is read from deep
//     copies of the parameters made before the call, which is exact for
//     values of basic type; other types (whose identity a copy loses) make
//     the counterexample unconfirmable.

// inexactQuantifier starts the panic of a quantifier a replay cannot
// evaluate exactly.
const inexactQuantifier = "vsynth replay: inexact quantifier"

// replayQuantMax bounds the values a replay tries for one quantifier.
const replayQuantMax = 1 << 22

// oldHoist is an old(E) a replay evaluates before the call.
type oldHoist struct {
	name string // the variable holding E's value
	typ  string // E's type, spelled in the package
	expr string // E
}

// replayClause is a clause rewritten for a replay.
type replayClause struct {
	expr   string     // the Go expression
	hoists []oldHoist // old(E) evaluated before the call
	copies []int      // parameters (by index) whose deep copies it reads
}

// clauseRewriter rewrites the clauses of one target for its replay.
type clauseRewriter struct {
	prog  *Program
	tg    *Target
	qual  types.Qualifier
	nOld  *int // counter shared by the clauses of a case
	bound map[types.Object]bool
}

// rewrite rewrites clause e of the target. It fails when the clause
// cannot be evaluated exactly in Go.
func (w *clauseRewriter) rewrite(e ast.Expr) (*replayClause, error) {
	if e == nil {
		return nil, fmt.Errorf("clause not found")
	}
	info := w.tg.Spec.Info
	// The variables of quantifiers in the clause.
	w.bound = map[types.Object]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			for _, f := range lit.Type.Params.List {
				for _, id := range f.Names {
					if obj := info.Defs[id]; obj != nil {
						w.bound[obj] = true
					}
				}
			}
		}
		return true
	})
	cp, orig := cloneExpr(e)
	rc := &replayClause{}
	var failure error
	copied := map[int]bool{}
	res := astutil.Apply(cp, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok || failure != nil {
			return failure == nil
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || id.Name != specs.OldName || len(call.Args) != 1 {
			return true
		}
		oid, _ := orig[id].(*ast.Ident)
		if oid == nil || !w.specOld(info.Uses[oid]) {
			return true // the package's own old
		}
		oarg, _ := orig[call.Args[0]].(ast.Expr)
		tv, ok := info.Types[oarg]
		if oarg == nil || !ok || tv.Type == nil {
			failure = fmt.Errorf("old(%s): no type", w.print(call.Args[0]))
			return false
		}
		if !w.mentionsBound(oarg) {
			name := fmt.Sprintf("zzvOld%d", *w.nOld)
			*w.nOld++
			t := tv.Type
			if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
				t = types.Default(t)
			}
			rc.hoists = append(rc.hoists, oldHoist{name: name, typ: types.TypeString(t, w.qual), expr: w.print(rewriteQuantifiers(call.Args[0]))})
			c.Replace(&ast.CallExpr{Fun: ast.NewIdent("zzvOldGet"), Args: []ast.Expr{ast.NewIdent(name), ast.NewIdent(name + "P")}})
			return false
		}
		if b, ok := tv.Type.Underlying().(*types.Basic); !ok || b.Kind() == types.UntypedNil || b.Kind() == types.UnsafePointer {
			failure = fmt.Errorf("old(%s) under a quantifier has type %s, whose identity a copy of the inputs does not keep", w.print(call.Args[0]), tv.Type)
			return false
		}
		arg := astutil.Apply(call.Args[0], func(c *astutil.Cursor) bool {
			if sel, ok := c.Parent().(*ast.SelectorExpr); ok && c.Node() == sel.Sel {
				return false
			}
			nid, ok := c.Node().(*ast.Ident)
			if !ok {
				return true
			}
			oid, _ := orig[nid].(*ast.Ident)
			v, _ := info.Uses[oid].(*types.Var)
			if v == nil {
				return true
			}
			if k, ok := w.tg.Spec.ParamIndex(v); ok {
				copied[k] = true
				c.Replace(ast.NewIdent(preName(nid.Name)))
			}
			return true
		}, nil)
		c.Replace(&ast.ParenExpr{X: arg.(ast.Expr)})
		return false
	}, nil)
	if failure != nil {
		return nil, failure
	}
	for k := range w.tg.Spec.Params {
		if copied[k] {
			rc.copies = append(rc.copies, k)
		}
	}
	rc.expr = w.print(rewriteQuantifiers(res.(ast.Expr)))
	return rc, nil
}

// specOld reports whether obj, the object an old identifier of a clause
// uses, is the spec's old and not a declaration of the package.
func (w *clauseRewriter) specOld(obj types.Object) bool {
	if obj == nil {
		return true
	}
	return w.tg.Package.Types.Scope().Lookup(specs.OldName) != obj
}

// mentionsBound reports whether e uses a quantified variable.
func (w *clauseRewriter) mentionsBound(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && w.bound[w.tg.Spec.Info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

func (w *clauseRewriter) print(e ast.Expr) string {
	return printExpr(w.prog.Fset, e)
}

// printExpr prints an expression on one line.
func printExpr(fset *token.FileSet, e ast.Expr) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, e); err != nil {
		panic(fmt.Sprintf("printing a clause: %v", err))
	}
	return b.String()
}

// preName names the copy, made before the call, of parameter p.
func preName(p string) string { return "zzvPre_" + p }

// rewriteQuantifiers rewrites, in place, every quantifier of e whose body
// bounds its variable on both sides to a call of zzvForallIn or
// zzvExistsIn over that range; the others stay calls of __vsynth_forall
// and __vsynth_exists, which the replay evaluates over every value of a
// narrow type or reports inexact (replayHelpers).
func rewriteQuantifiers(e ast.Expr) ast.Expr {
	return astutil.Apply(e, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		fun, ok := call.Fun.(*ast.Ident)
		if !ok || fun.Name != specs.ForallName && fun.Name != specs.ExistsName {
			return true
		}
		lit, ok := call.Args[0].(*ast.FuncLit)
		if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 || len(lit.Body.List) != 1 {
			return true
		}
		ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return true
		}
		k := lit.Type.Params.List[0].Names[0].Name
		var guard ast.Expr
		if fun.Name == specs.ForallName {
			// !(G) || P
			or, ok := unparen(ret.Results[0]).(*ast.BinaryExpr)
			if !ok || or.Op != token.LOR {
				return true
			}
			not, ok := unparen(or.X).(*ast.UnaryExpr)
			if !ok || not.Op != token.NOT {
				return true
			}
			guard = not.X
		} else {
			guard = ret.Results[0]
		}
		lo, loStrict, hi, hiIncl := quantBounds(guard, k)
		if lo == nil || hi == nil {
			return true
		}
		name := "zzvForallIn"
		if fun.Name == specs.ExistsName {
			name = "zzvExistsIn"
		}
		c.Replace(&ast.CallExpr{Fun: ast.NewIdent(name), Args: []ast.Expr{
			lo, ast.NewIdent(fmt.Sprint(loStrict)), hi, ast.NewIdent(fmt.Sprint(hiIncl)), lit,
		}})
		return true
	}).(ast.Expr)
}

// quantBounds finds, among the conjuncts of guard, a lower and an upper
// bound of variable k that do not mention k.
func quantBounds(guard ast.Expr, k string) (lo ast.Expr, loStrict bool, hi ast.Expr, hiIncl bool) {
	for _, c := range conjuncts(guard) {
		b, ok := unparen(c).(*ast.BinaryExpr)
		if !ok {
			continue
		}
		op := b.Op
		x, y := unparen(b.X), unparen(b.Y)
		if !isIdent(x, k) && isIdent(y, k) {
			// Put k on the left: L <= k is k >= L.
			x, y = y, x
			switch op {
			case token.LSS:
				op = token.GTR
			case token.LEQ:
				op = token.GEQ
			case token.GTR:
				op = token.LSS
			case token.GEQ:
				op = token.LEQ
			}
		}
		if !isIdent(x, k) || mentionsName(y, k) {
			continue
		}
		switch {
		case op == token.GEQ && lo == nil:
			lo, loStrict = y, false
		case op == token.GTR && lo == nil:
			lo, loStrict = y, true
		case op == token.LSS && hi == nil:
			hi, hiIncl = y, false
		case op == token.LEQ && hi == nil:
			hi, hiIncl = y, true
		}
	}
	return
}

// conjuncts flattens a chain of &&.
func conjuncts(e ast.Expr) []ast.Expr {
	e = unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return append(conjuncts(b.X), conjuncts(b.Y)...)
	}
	return []ast.Expr{e}
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// mentionsName reports whether e uses an identifier named name (a field
// selector aside).
func mentionsName(e ast.Expr, name string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			ast.Inspect(sel.X, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && id.Name == name {
					found = true
				}
				return !found
			})
			return false
		}
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// cloneExpr deep-copies an expression, keeping positions, and maps every
// node of the copy to its original.
func cloneExpr(e ast.Expr) (ast.Expr, map[ast.Node]ast.Node) {
	orig := map[ast.Node]ast.Node{}
	v := cloneValue(reflect.ValueOf(e), orig)
	return v.Interface().(ast.Expr), orig
}

var (
	astObjectType = reflect.TypeOf((*ast.Object)(nil))
	astScopeType  = reflect.TypeOf((*ast.Scope)(nil))
	astNodeType   = reflect.TypeOf((*ast.Node)(nil)).Elem()
)

func cloneValue(v reflect.Value, orig map[ast.Node]ast.Node) reflect.Value {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := cloneValue(v.Elem(), orig)
		out := reflect.New(v.Type()).Elem()
		out.Set(c)
		return out
	case reflect.Pointer:
		if v.IsNil() || v.Type() == astObjectType || v.Type() == astScopeType {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(cloneValue(v.Elem(), orig))
		if v.Type().Implements(astNodeType) {
			orig[c.Interface().(ast.Node)] = v.Interface().(ast.Node)
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(cloneValue(v.Field(i), orig))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(cloneValue(v.Index(i), orig))
		}
		return c
	}
	return v
}
