package specs

import (
	"go/ast"
	"strings"
)

// render prints a clause expression in spec syntax with every binary and
// unary expression parenthesized, so that tests can assert the shape of the
// tree. Written parentheses around those are not repeated, so the output
// parses back to a tree that renders the same.
func render(e ast.Expr) string {
	var b strings.Builder
	renderTo(&b, e)
	return b.String()
}

func renderList(b *strings.Builder, list []ast.Expr) {
	for i, e := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		renderTo(b, e)
	}
}

func renderTo(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case nil:
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.BasicLit:
		b.WriteString(e.Value)
	case *ast.ParenExpr:
		switch e.X.(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr:
			renderTo(b, e.X)
		default:
			b.WriteString("(")
			renderTo(b, e.X)
			b.WriteString(")")
		}
	case *ast.BinaryExpr:
		b.WriteString("(")
		if IsImplication(e) {
			renderTo(b, e.X.(*ast.UnaryExpr).X.(*ast.ParenExpr).X)
			b.WriteString(" ==> ")
			renderTo(b, e.Y.(*ast.ParenExpr).X)
		} else {
			renderTo(b, e.X)
			b.WriteString(" " + e.Op.String() + " ")
			renderTo(b, e.Y)
		}
		b.WriteString(")")
	case *ast.UnaryExpr:
		b.WriteString("(" + e.Op.String())
		renderTo(b, e.X)
		b.WriteString(")")
	case *ast.StarExpr:
		b.WriteString("*")
		renderTo(b, e.X)
	case *ast.CallExpr:
		if q, ok := QuantifierOf(e); ok {
			kind := "exists"
			if q.Forall {
				kind = "forall"
			}
			b.WriteString(kind + " " + q.Var.Name + " ")
			renderTo(b, q.Type)
			b.WriteString(" :: ")
			renderTo(b, q.Body)
			return
		}
		renderTo(b, e.Fun)
		b.WriteString("(")
		renderList(b, e.Args)
		if e.Ellipsis.IsValid() {
			b.WriteString("...")
		}
		b.WriteString(")")
	case *ast.SelectorExpr:
		renderTo(b, e.X)
		if _, ok := e.X.(*ast.BasicLit); ok {
			b.WriteString(" ") // "0 .A" must not become the float "0."
		}
		b.WriteString("." + e.Sel.Name)
	case *ast.IndexExpr:
		renderTo(b, e.X)
		b.WriteString("[")
		renderTo(b, e.Index)
		b.WriteString("]")
	case *ast.IndexListExpr:
		renderTo(b, e.X)
		b.WriteString("[")
		renderList(b, e.Indices)
		b.WriteString("]")
	case *ast.SliceExpr:
		renderTo(b, e.X)
		b.WriteString("[")
		renderTo(b, e.Low)
		b.WriteString(":")
		renderTo(b, e.High)
		if e.Slice3 {
			b.WriteString(":")
			renderTo(b, e.Max)
		}
		b.WriteString("]")
	case *ast.CompositeLit:
		renderTo(b, e.Type)
		b.WriteString("{")
		renderList(b, e.Elts)
		b.WriteString("}")
	case *ast.KeyValueExpr:
		renderTo(b, e.Key)
		b.WriteString(": ")
		renderTo(b, e.Value)
	case *ast.ArrayType:
		b.WriteString("[")
		renderTo(b, e.Len)
		b.WriteString("]")
		renderTo(b, e.Elt)
	case *ast.Ellipsis:
		b.WriteString("...")
	case *ast.MapType:
		b.WriteString("map[")
		renderTo(b, e.Key)
		b.WriteString("]")
		renderTo(b, e.Value)
	default:
		b.WriteString("<?>")
	}
}
