package ssa

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/vsynth/vsynth/specs"
)

// old(E) in a loop invariant, in the replay program: the instrumented
// function copies (zzvDeepCopy) on entry each parameter an old(E) of its
// invariants mentions, and the check evaluates E with those parameters
// replaced by their copies. The lowering admits only old(E) whose value
// and local variables have no pointers (invariant_old.go), so the memory
// E reads is reached from the parameters, as it was on entry, and the
// copy gives E's value exactly.

// oldInvariant rewrites, in place, every old(E) of invariant e, written
// in the function whose declaration or literal is fn, and returns the
// result with the parameters to copy on entry. ok is false when a
// parameter an old(E) mentions is declared again in the function: the
// name could denote the other variable, and the replay cannot evaluate
// the clause exactly.
func oldInvariant(e ast.Expr, fn ast.Node) (out ast.Expr, copies []string, ok bool) {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	params := map[string]bool{}
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ftype, body = fn.Type, fn.Body
		if fn.Recv != nil {
			for _, f := range fn.Recv.List {
				for _, n := range f.Names {
					params[n.Name] = true
				}
			}
		}
	case *ast.FuncLit:
		ftype, body = fn.Type, fn.Body
	default:
		return e, nil, !hasOld(e)
	}
	for _, f := range ftype.Params.List {
		for _, n := range f.Names {
			params[n.Name] = true
		}
	}
	redeclared := declaredIn(body)
	ok = true
	seen := map[string]bool{}
	out = astutil.Apply(e, func(c *astutil.Cursor) bool {
		call, isCall := c.Node().(*ast.CallExpr)
		if !isCall || len(call.Args) != 1 {
			return true
		}
		if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != specs.OldName {
			return true
		}
		arg := astutil.Apply(call.Args[0], func(c *astutil.Cursor) bool {
			if sel, isSel := c.Parent().(*ast.SelectorExpr); isSel && c.Node() == sel.Sel {
				return false
			}
			if kv, isKV := c.Parent().(*ast.KeyValueExpr); isKV && c.Node() == kv.Key {
				return false
			}
			id, isID := c.Node().(*ast.Ident)
			if !isID || !params[id.Name] {
				return true
			}
			if redeclared[id.Name] {
				ok = false
			}
			if !seen[id.Name] {
				seen[id.Name] = true
				copies = append(copies, id.Name)
			}
			c.Replace(ast.NewIdent(preName(id.Name)))
			return true
		}, nil)
		c.Replace(&ast.ParenExpr{X: arg.(ast.Expr)})
		return false
	}, nil).(ast.Expr)
	return out, copies, ok
}

// hasOld reports whether e calls old.
func hasOld(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == specs.OldName {
				found = true
			}
		}
		return !found
	})
	return found
}

// declaredIn lists the names declared inside body (by :=, var, range,
// or as parameters and results of function literals).
func declaredIn(body *ast.BlockStmt) map[string]bool {
	names := map[string]bool{}
	if body == nil {
		return names
	}
	add := func(es ...ast.Expr) {
		for _, e := range es {
			if id, ok := e.(*ast.Ident); ok {
				names[id.Name] = true
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				add(n.Lhs...)
			}
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				add(n.Key, n.Value)
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				add(id)
			}
		case *ast.FuncType:
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, id := range f.Names {
						add(id)
					}
				}
			}
		}
		return true
	})
	return names
}

// enclosingFunc is the innermost function declaration or literal of f
// around n.
func enclosingFunc(f *ast.File, n ast.Node) ast.Node {
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	for _, p := range path {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// funcBody is the body of a function declaration or literal.
func funcBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}
