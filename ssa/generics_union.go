package ssa

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A generic function with a contract whose type parameters are each
// constrained to a finite union of integer types (~int8 | ~int16 | ...,
// constraints.Integer and its like) is verified at every type the
// constraint allows, not only at those the code instantiates it with: the
// loader adds, in an overlay file of the package that only vsynth sees,
// an init function that instantiates it at each (at most
// maxUnionInstances combinations), and loads again, so that go/ssa
// builds those instances too. A named type in a union (~T) is checked at
// its underlying type, which has the same operations.

// maxUnionInstances bounds the instances added for one function.
const maxUnionInstances = 64

// unionInstancesFile names the overlay file.
const unionInstancesFile = "zz_vsynth_instances.go"

// unionOverlay returns the overlay files instantiating the generic
// functions with contracts of pkgs at every type their constraints
// allow, by file name.
func unionOverlay(pkgs []*packages.Package) map[string][]byte {
	out := map[string][]byte{}
	for _, pkg := range pkgs {
		if isTestVariant(pkg) || strings.HasSuffix(pkg.Name, "_test") || len(pkg.GoFiles) == 0 {
			continue
		}
		var lines []string
		for _, file := range pkg.Syntax {
			for _, d := range file.Decls {
				decl, ok := d.(*ast.FuncDecl)
				if !ok || decl.Recv != nil || decl.Type.TypeParams == nil || !hasDirective(decl) {
					continue
				}
				fn, ok := pkg.TypesInfo.Defs[decl.Name].(*types.Func)
				if !ok {
					continue
				}
				lines = append(lines, unionInstantiations(fn, pkg.Types)...)
			}
		}
		if len(lines) == 0 {
			continue
		}
		name := filepath.Join(packageDir(pkg), unionInstancesFile)
		if _, err := os.Stat(name); err == nil {
			continue // a file of that name exists: leave the package alone
		}
		src := fmt.Sprintf("package %s\n\nfunc init() {\n%s}\n", pkg.Name, strings.Join(lines, ""))
		out[name] = []byte(src)
	}
	return out
}

// hasDirective reports whether decl's doc comment holds a //vsynth: line.
func hasDirective(decl *ast.FuncDecl) bool {
	if decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(c.Text, "//vsynth:") {
			return true
		}
	}
	return false
}

// unionInstantiations writes "\t_ = F[T1, T2]\n" for every combination
// of the types fn's constraints allow, when each is a finite union of
// integer types.
func unionInstantiations(fn *types.Func, pkg *types.Package) []string {
	tps := fn.Type().(*types.Signature).TypeParams()
	var sets [][]types.Type
	total := 1
	for i := 0; i < tps.Len(); i++ {
		set, ok := integerTypeSet(tps.At(i).Constraint(), 0)
		if !ok {
			return nil
		}
		sets = append(sets, set)
		total *= len(set)
		if total > maxUnionInstances {
			return nil
		}
	}
	var out []string
	var rec func(i int, args []string)
	rec = func(i int, args []string) {
		if i == len(sets) {
			out = append(out, fmt.Sprintf("\t_ = %s[%s]\n", fn.Name(), strings.Join(args, ", ")))
			return
		}
		for _, t := range sets[i] {
			rec(i+1, append(args, types.TypeString(t, types.RelativeTo(pkg))))
		}
	}
	rec(0, nil)
	return out
}

// integerTypeSet returns the integer types a constraint allows, when it
// is a finite union of integer types (possibly through named interfaces).
func integerTypeSet(c types.Type, depth int) ([]types.Type, bool) {
	iface, ok := c.Underlying().(*types.Interface)
	if !ok || depth > 8 || iface.NumMethods() > 0 || iface.NumEmbeddeds() != 1 {
		return nil, false
	}
	var set []types.Type
	switch e := iface.EmbeddedType(0).(type) {
	case *types.Union:
		for i := 0; i < e.Len(); i++ {
			t := e.Term(i).Type()
			if _, isIface := t.Underlying().(*types.Interface); isIface {
				inner, ok := integerTypeSet(t, depth+1)
				if !ok {
					return nil, false
				}
				set = append(set, inner...)
				continue
			}
			b, ok := t.Underlying().(*types.Basic)
			if !ok || b.Info()&types.IsInteger == 0 {
				return nil, false
			}
			set = append(set, types.Typ[b.Kind()])
		}
	default:
		return integerTypeSet(e, depth+1)
	}
	sort.Slice(set, func(i, j int) bool { return set[i].String() < set[j].String() })
	uniq := set[:0]
	for i, t := range set {
		if i == 0 || !types.Identical(t, set[i-1]) {
			uniq = append(uniq, t)
		}
	}
	return uniq, len(uniq) > 0
}
