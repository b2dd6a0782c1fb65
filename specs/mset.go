package specs

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Multisets in clauses. mset(s) is the multiset of the elements of the
// slice s, a spec-only value that clauses compare with == and !=:
//
//	//vsynth:ensures mset(a) == old(mset(a))
//
// says that the function only permuted a's elements. Like old, mset and
// its type multiset are declared in the clauses' file only when neither
// the package nor the spec file's imports take either name (a package's
// own mset is the one its clauses mean), and later stages recognize them
// by object (Checked.IsMset, Checked.IsMultiset), never by name:
//
//	type multiset[T comparable] struct{ _ [0]T }
//	func mset[T comparable](s []T) multiset[T] { return multiset[T]{} }
//
// The struct is comparable, so go/types accepts == between two multisets
// of the same element type and rejects every other use of one as a Go
// value; it holds no pointers, so old(mset(a)) is allowed in invariants.
const (
	MsetName     = "mset"
	MultisetName = "multiset"
)

// msetDecls builds the declarations of multiset and mset.
func msetDecls() []ast.Decl {
	tparams := func() *ast.FieldList {
		return &ast.FieldList{List: []*ast.Field{{
			Names: []*ast.Ident{ast.NewIdent("T")},
			Type:  ast.NewIdent("comparable"),
		}}}
	}
	instance := func() ast.Expr {
		return &ast.IndexExpr{X: ast.NewIdent(MultisetName), Index: ast.NewIdent("T")}
	}
	typ := &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&ast.TypeSpec{
		Name:       ast.NewIdent(MultisetName),
		TypeParams: tparams(),
		Type: &ast.StructType{Fields: &ast.FieldList{List: []*ast.Field{{
			Names: []*ast.Ident{ast.NewIdent("_")},
			Type:  &ast.ArrayType{Len: &ast.BasicLit{Kind: token.INT, Value: "0"}, Elt: ast.NewIdent("T")},
		}}}},
	}}}
	fn := &ast.FuncDecl{
		Name: ast.NewIdent(MsetName),
		Type: &ast.FuncType{
			TypeParams: tparams(),
			Params: &ast.FieldList{List: []*ast.Field{{
				Names: []*ast.Ident{ast.NewIdent("s")},
				Type:  &ast.ArrayType{Elt: ast.NewIdent("T")},
			}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: instance()}}},
		},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{
			&ast.CompositeLit{Type: instance()},
		}}}},
	}
	return []ast.Decl{typ, fn}
}

// declaresMset reports whether the synthetic file for f should declare
// mset and multiset: the package and the imports take neither name.
func declaresMset(pkg *types.Package, f *Func) bool {
	return declaresName(pkg, f, MsetName) && declaresName(pkg, f, MultisetName)
}

// IsMset reports whether obj is the spec language's mset.
func (c *Checked) IsMset(obj types.Object) bool { return obj != nil && obj == c.mset }

// IsMultiset reports whether t is (an instance of) the spec language's
// multiset type.
func (c *Checked) IsMultiset(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && c.multiset != nil && n.Origin().Obj() == c.multiset
}

// HasMset reports whether the clauses' mset is the spec language's.
func (c *Checked) HasMset() bool { return c.mset != nil }
