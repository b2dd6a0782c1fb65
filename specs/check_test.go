package specs

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

const checkGoSrc = `package mathx

import (
	"math"
	"math/bits"
)

const Limit = 100

type Point struct {
	X, Y   int32
	secret int32
}

func (p *Point) Norm() int32 { return p.X*p.X + p.Y*p.Y + p.secret }

//vsynth:ensures result == p.X + p.Y && p.secret == p.secret
func (p Point) Sum() int32 { return p.X + p.Y }

//vsynth:requires x != math.MinInt32
//vsynth:ensures result >= 0 && (result == x || result == -x)
func Abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

func DivMod(a, b int) (q, r int) { return a / b, a % b }

func Pair(a int) (int, int) { return a, a }

func Count(x uint32) int { return bits.OnesCount32(x) }

func Max(xs []int) int { return 0 }

func Variadic(xs ...int) int { return len(xs) }

func Unnamed(int, int) bool { return true }

func Void(x int) {}

func Shadow(result int) int { return result }

var _ = math.Pi
`

// loadCheckPackage type-checks checkGoSrc as package example.com/mathx.
func loadCheckPackage(t *testing.T) (*token.FileSet, *types.Package, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "mathx.go", checkGoSrc, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/mathx", fset, []*ast.File{file}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fset, pkg, file
}

// checkVspec parses a .vspec and checks its only func against pkg.
func checkVspec(t *testing.T, fset *token.FileSet, pkg *types.Package, src string) (*Checked, error) {
	t.Helper()
	f, err := ParseFile(fset, "mathx.vspec", []byte(src))
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	if len(f.Funcs) != 1 {
		t.Fatalf("%d funcs in the vspec, want 1", len(f.Funcs))
	}
	spec := f.Funcs[0]
	fn, err := Lookup(fset, pkg, spec)
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	return Check(fset, pkg, fn, spec, importer.Default())
}

// uses returns the objects that identifiers of the given name refer to in
// the checked clauses.
func uses(c *Checked, name string) []types.Object {
	var objs []types.Object
	for _, clause := range c.Func.Clauses {
		ast.Inspect(clause.Expr, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == name {
				if obj := c.Info.Uses[id]; obj != nil {
					objs = append(objs, obj)
				}
			}
			return true
		})
	}
	return objs
}

func TestCheckDirectives(t *testing.T) {
	fset, pkg, file := loadCheckPackage(t)
	var decl *ast.FuncDecl
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "Abs" {
			decl = fd
		}
	}
	spec, err := FromDecl(fset, file, decl)
	if err != nil {
		t.Fatal(err)
	}
	fn := pkg.Scope().Lookup("Abs").(*types.Func)
	checked, err := Check(fset, pkg, fn, spec, importer.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(checked.Params) != 1 || checked.Params[0].Name() != "x" || len(checked.Results) != 1 || checked.Results[0].Name() != "result" {
		t.Fatalf("params %v results %v", checked.Params, checked.Results)
	}
	xs := uses(checked, "x")
	if len(xs) != 3 {
		t.Fatalf("x used %d times, want 3", len(xs))
	}
	for _, obj := range xs {
		if i, ok := checked.ParamIndex(obj.(*types.Var)); !ok || i != 0 {
			t.Errorf("ParamIndex(x) = %d, %v", i, ok)
		}
	}
	for _, obj := range uses(checked, "result") {
		if i, ok := checked.ResultIndex(obj.(*types.Var)); !ok || i != 0 {
			t.Errorf("ResultIndex(result) = %d, %v", i, ok)
		}
	}
	minInt := uses(checked, "MinInt32")
	if len(minInt) != 1 || minInt[0].Pkg().Path() != "math" {
		t.Errorf("MinInt32 resolves to %v", minInt)
	}
	for _, c := range spec.Clauses {
		if tv := checked.Info.Types[c.Expr]; !isBoolean(tv.Type) {
			t.Errorf("clause %q has type %v", c.Text, tv.Type)
		}
	}
}

func TestCheckVspec(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	tests := []struct {
		name, src string
		params    []string
		results   []string
	}{
		{"package constant", "package mathx\nfunc Abs(x int32) int32\n\trequires x < Limit && x > -Limit\n\tensures result <= Limit\n",
			[]string{"x"}, []string{"result"}},
		{"imported package", "package mathx\nimport \"math/bits\"\nfunc Count(x uint32) int\n\tensures result == bits.OnesCount32(x)\n",
			[]string{"x"}, []string{"result"}},
		{"named results", "package mathx\nfunc DivMod(a, b int) (q, r int)\n\trequires b != 0\n\tensures q*b + r == a\n",
			[]string{"a", "b"}, []string{"q", "r"}},
		{"several unnamed results", "package mathx\nfunc Pair(a int) (int, int)\n\tensures result0 == result1\n",
			[]string{"a"}, []string{"result0", "result1"}},
		{"pointer method", "package mathx\nfunc (p *Point) Norm() int32\n\trequires p != nil && p.secret == 0\n\tensures result >= 0 || p.X < 0\n",
			[]string{"p"}, []string{"result"}},
		{"value method", "package mathx\nfunc (Point) Sum() int32\n\tensures result == result\n",
			[]string{"_"}, []string{"result"}},
		{"quantifiers", "package mathx\nfunc Max(xs []int) int\n\trequires len(xs) > 0\n" +
			"\tensures forall i int :: 0 <= i && i < len(xs) ==> xs[i] <= result\n" +
			"\tensures exists i, j int :: i == j && xs[i] == result\n",
			[]string{"xs"}, []string{"result"}},
		{"variadic", "package mathx\nfunc Variadic(xs ...int) int\n\tensures result == len(xs)\n",
			[]string{"xs"}, []string{"result"}},
		{"unnamed parameters", "package mathx\nfunc Unnamed(int, int) bool\n\tensures result || !result\n",
			[]string{"_", "_"}, []string{"result"}},
		{"no results", "package mathx\nfunc Void(x int)\n\trequires x > 0\n",
			[]string{"x"}, nil},
		{"composite literal", "package mathx\nfunc Abs(x int32) int32\n\tensures Point{X: result}.X >= 0 && [2]int32{x, result}[1] == result\n",
			[]string{"x"}, []string{"result"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checked, err := checkVspec(t, fset, pkg, tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := varNames(checked.Params); got != strings.Join(tt.params, " ") {
				t.Errorf("params %q, want %q", got, tt.params)
			}
			if got := varNames(checked.Results); got != strings.Join(tt.results, " ") {
				t.Errorf("results %q, want %q", got, tt.results)
			}
			for _, c := range checked.Func.Clauses {
				assertResolved(t, checked, c)
			}
		})
	}
}

// assertResolved checks that every parameter or result identifier of a
// clause maps to the index of the variable of that name.
func assertResolved(t *testing.T, checked *Checked, c *Clause) {
	t.Helper()
	ast.Inspect(c.Expr, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := checked.Info.Uses[id].(*types.Var)
		if !ok || v.IsField() {
			return true
		}
		if i, ok := checked.ParamIndex(v); ok {
			if checked.Params[i].Name() != id.Name {
				t.Errorf("%s resolves to parameter %s", id.Name, checked.Params[i].Name())
			}
			return true
		}
		if i, ok := checked.ResultIndex(v); ok {
			if checked.Results[i].Name() != id.Name {
				t.Errorf("%s resolves to result %s", id.Name, checked.Results[i].Name())
			}
			if c.Kind == Requires {
				t.Errorf("requires clause %q uses result %s", c.Text, id.Name)
			}
			return true
		}
		if v.Parent() == nil || v.Parent().Parent() == types.Universe {
			return true
		}
		// Only quantified variables remain.
		if _, isLit := enclosingFuncLit(c.Expr, v); !isLit {
			t.Errorf("%s in %q resolves to neither a parameter nor a result", id.Name, c.Text)
		}
		return true
	})
}

func enclosingFuncLit(root ast.Expr, v *types.Var) (*ast.FuncLit, bool) {
	var found *ast.FuncLit
	ast.Inspect(root, func(n ast.Node) bool {
		if q, ok := QuantifierOf(exprOrNil(n)); ok && q.Var.Name == v.Name() && q.Var.Pos() == v.Pos() {
			found = q.Call.Args[0].(*ast.FuncLit)
		}
		return true
	})
	return found, found != nil
}

func exprOrNil(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

func varNames(vars []*types.Var) string {
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.Name()
	}
	return strings.Join(names, " ")
}

func TestCheckDirectiveMethod(t *testing.T) {
	fset, pkg, file := loadCheckPackage(t)
	var decl *ast.FuncDecl
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "Sum" {
			decl = fd
		}
	}
	spec, err := FromDecl(fset, file, decl)
	if err != nil || spec == nil {
		t.Fatalf("FromDecl: %v, %v", spec, err)
	}
	fn, err := Lookup(fset, pkg, spec)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := Check(fset, pkg, fn, spec, importer.Default())
	if err != nil {
		t.Fatal(err)
	}
	if varNames(checked.Params) != "p" || varNames(checked.Results) != "result" {
		t.Errorf("params %v results %v", checked.Params, checked.Results)
	}
	assertResolved(t, checked, spec.Clauses[0])
}

func TestCheckRejectsInvariantClauses(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	f, err := ParseFile(fset, "inv.vspec", []byte("package mathx\nfunc Abs(x int32) int32\n\tensures x > 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	spec := f.Funcs[0]
	spec.Clauses[0].Kind = Invariant
	_, err = Check(fset, pkg, pkg.Scope().Lookup("Abs").(*types.Func), spec, importer.Default())
	want := "inv.vspec:3:10: invariant clause in a function spec: only requires, ensures, decreases, panics and modifies are checked here"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestCheckResolvesToPackageObjects(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	checked, err := checkVspec(t, fset, pkg, "package mathx\nfunc (p *Point) Norm() int32\n\tensures result == p.secret + Limit\n")
	if err != nil {
		t.Fatal(err)
	}
	limit := uses(checked, "Limit")
	if len(limit) != 1 || limit[0] != pkg.Scope().Lookup("Limit") {
		t.Errorf("Limit resolves to %v, want the package's constant", limit)
	}
	if len(checked.Params) != 1 {
		t.Fatalf("params %v", checked.Params)
	}
	point := pkg.Scope().Lookup("Point").Type()
	if !types.Identical(checked.Params[0].Type(), types.NewPointer(point)) {
		t.Errorf("receiver type %v, want *Point", checked.Params[0].Type())
	}
	var sel *types.Selection
	for e, s := range checked.Info.Selections {
		if e.Sel.Name == "secret" {
			sel = s
		}
	}
	if sel == nil || sel.Kind() != types.FieldVal || sel.Obj().Pkg() != pkg {
		t.Errorf("p.secret selection = %v", sel)
	}
}

func TestCheckErrors(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	tests := []struct {
		name, src, want string
	}{
		{"unknown identifier", "package mathx\nfunc Abs(x int32) int32\n\trequires x > y\n",
			"mathx.vspec:3:15: undefined: y"},
		{"result in requires", "package mathx\nfunc Abs(x int32) int32\n\trequires result > 0\n",
			"mathx.vspec:3:11: undefined: result"},
		{"non-boolean clause", "package mathx\nfunc Abs(x int32) int32\n\tensures x + 1\n",
			"mathx.vspec:3:10: clause is not boolean: x + 1 (type int32)"},
		{"signature mismatch", "package mathx\nfunc Abs(x int64) int32\n\tensures result >= 0\n",
			"mathx.vspec:2:6: spec signature func Abs(x int64) int32 does not match func Abs(x int32) int32"},
		{"result count mismatch", "package mathx\nfunc DivMod(a, b int) int\n",
			"mathx.vspec:2:6: spec signature func DivMod(a int, b int) int does not match func DivMod(a int, b int) (q int, r int)"},
		{"receiver mismatch", "package mathx\nfunc (p Point) Norm() int32\n",
			"mathx.vspec:2:16: spec signature func (p Point) Norm() int32 does not match func (p *Point) Norm() int32"},
		{"variadic mismatch", "package mathx\nfunc Variadic(xs []int) int\n",
			"mathx.vspec:2:6: spec signature func Variadic(xs []int) int does not match func Variadic(xs ...int) int"},
		{"string quantifier", "package mathx\nfunc Abs(x int32) int32\n\tensures forall s string :: len(s) >= 0\n",
			"mathx.vspec:3:19: quantified variable s has type string; quantifiers range over integer types only"},
		{"unknown type in signature", "package mathx\nfunc Abs(x Int32) int32\n",
			"mathx.vspec:2:12: undefined: Int32"},
		{"unknown import", "package mathx\nimport \"no/such/pkg\"\nfunc Abs(x int32) int32\n\tensures pkg.X\n",
			"mathx.vspec:2:8: could not import no/such/pkg"},
		{"implication on non-booleans", "package mathx\nfunc Abs(x int32) int32\n\tensures x ==> result\n",
			"mathx.vspec:3:10: invalid operation: operator ! not defined on (x) (variable of type int32)"},
		{"result name taken", "package mathx\nfunc Shadow(result int) int\n\tensures result > 0\n",
			"mathx.vspec:2:6: parameter result hides the unnamed result of the same name; name the results"},
		{"several errors", "package mathx\nfunc Abs(x int32) int32\n\trequires a\n\tensures b\n",
			"mathx.vspec:3:11: undefined: a\nmathx.vspec:4:10: undefined: b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := checkVspec(t, fset, pkg, tt.src)
			if err == nil {
				t.Fatalf("Check succeeded, want %q", tt.want)
			}
			if _, ok := err.(ErrorList); !ok {
				t.Errorf("error is %T, want ErrorList", err)
			}
			got := err.Error()
			if tt.name == "unknown import" {
				got, _, _ = strings.Cut(got, " (") // the importer adds its reason
				got, _, _ = strings.Cut(got, ":\n")
			}
			if got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	fset, pkg, _ := loadCheckPackage(t)
	src := "package mathx\nfunc Abs(x int32) int32\nfunc (p *Point) Norm() int32\nfunc (Point) Sum() int32\n" +
		"func Missing()\nfunc (p *Point) Missing()\nfunc (n *Nothing) M()\n"
	f, err := ParseFile(fset, "lookup.vspec", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"func example.com/mathx.Abs(x int32) int32",
		"func (*example.com/mathx.Point).Norm() int32",
		"func (example.com/mathx.Point).Sum() int32",
		"lookup.vspec:5:6: no function Missing in package mathx",
		"lookup.vspec:6:17: no method (*Point).Missing in package mathx",
		"lookup.vspec:7:10: no type Nothing in package mathx",
	}
	for i, spec := range f.Funcs {
		fn, err := Lookup(fset, pkg, spec)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = fn.String()
		}
		if got != want[i] {
			t.Errorf("Lookup(%s) = %s, want %s", spec.FullName(), got, want[i])
		}
	}
}
