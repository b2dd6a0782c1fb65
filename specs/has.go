package specs

import (
	"go/ast"
	"go/types"
)

// HasName is the spec language's test of key presence: has(m, k) is
// true when the map m holds the key k, which Go writes as
//
//	_, ok := m[k]
//
// and which an expression cannot say. It reads as a call of a generic Go
// function and is one: the clauses' file declares
//
//	func has[K comparable, V interface{}](m map[K]V, k K) bool { for {} }
//
// (its body names nothing a package could redeclare), only when the
// package and the spec file's imports do not take the name, like old; a
// package's own has is the one a clause calls. The lowering recognizes
// it by object (Checked.IsHas). A replay declares it with the body
// above.
const HasName = "has"

// hasDecl builds the declaration of has.
func hasDecl() *ast.FuncDecl {
	id := ast.NewIdent
	return &ast.FuncDecl{
		Name: id(HasName),
		Type: &ast.FuncType{
			TypeParams: &ast.FieldList{List: []*ast.Field{
				{Names: []*ast.Ident{id("K")}, Type: id("comparable")},
				{Names: []*ast.Ident{id("V")}, Type: &ast.InterfaceType{Methods: &ast.FieldList{}}},
			}},
			Params: &ast.FieldList{List: []*ast.Field{
				{Names: []*ast.Ident{id("m")}, Type: &ast.MapType{Key: id("K"), Value: id("V")}},
				{Names: []*ast.Ident{id("k")}, Type: id("K")},
			}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: id("bool")}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ForStmt{Body: &ast.BlockStmt{}}}},
	}
}

// IsHas reports whether obj is the spec language's has (and not a
// function of the package that happens to be called has).
func (c *Checked) IsHas(obj types.Object) bool { return obj != nil && obj == c.has }
