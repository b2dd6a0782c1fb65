package specs

import (
	"fmt"
	"go/types"
	"path"
	"strconv"
)

// The spec language's own names and how they meet the package's.
//
// The clauses are checked in a file of a shadow package that holds the
// package's objects (check.go), so Go's scoping decides what a name means:
// a parameter, result or quantified variable shadows a package-level name,
// which shadows the universe (min, max, len, ...). The language adds
// these functions to that file:
//
//   - old, the entry state, declared only when neither the package nor the
//     file's imports bind the name: a package's own old is the one a
//     clause calls, like any other function of the package (and the spec
//     has no entry state to refer to); has, the test of key presence in
//     a map (has.go), and the type mathint (mathint.go) likewise;
//   - __vsynth_forall and __vsynth_exists, what quantifiers desugar to;
//     with the clause functions __vsynth_pre, __vsynth_post and
//     __vsynth_loop they are reserved: a package that declares one of
//     these names gets a spec error at its declaration.
//
// Later stages recognize old and the quantifiers by object (Checked.IsOld,
// Checked.Quantifier), never by name.

// reservedNames are declared by the synthetic file whatever the package
// declares.
var reservedNames = []string{ForallName, ExistsName, preName, postName, loopName}

// checkReserved reports the package-level declarations of pkg that take a
// reserved name.
func checkReserved(errs *errorCollector, pkg *types.Package) {
	for _, name := range reservedNames {
		if obj := pkg.Scope().Lookup(name); obj != nil {
			errs.add(obj.Pos(), fmt.Sprintf("%s is a name vsynth reserves for its specs; the package may not declare it", name))
		}
	}
}

// declaresOld reports whether the synthetic file for f should declare the
// spec language's old: the package does not declare old and no import of
// the spec's file is named old.
func declaresOld(pkg *types.Package, f *Func) bool { return declaresName(pkg, f, OldName) }

// declaresName reports whether the synthetic file for f should declare
// the spec language's name: the package does not declare it and no
// import of the spec's file is named so.
func declaresName(pkg *types.Package, f *Func, name string) bool {
	if pkg.Scope().Lookup(name) != nil {
		return false
	}
	for _, spec := range f.Imports {
		imported := ""
		if spec.Name != nil {
			imported = spec.Name.Name
		} else if p, err := strconv.Unquote(spec.Path.Value); err == nil {
			imported = path.Base(p)
		}
		if imported == name {
			return false
		}
	}
	return true
}

// helpers records on c the objects the synthetic file declared for the
// spec language: those of spkg's scope that are not pkg's.
func (c *Checked) helpers(pkg, spkg *types.Package) {
	own := func(name string) types.Object {
		obj := spkg.Scope().Lookup(name)
		if obj == nil || pkg.Scope().Lookup(name) == obj {
			return nil
		}
		return obj
	}
	c.old, c.forall, c.exists = own(OldName), own(ForallName), own(ExistsName)
	c.mathint = own(MathIntName)
	c.has = own(HasName)
	c.mset, c.multiset = own(MsetName), own(MultisetName)
}

// IsOld reports whether obj is the spec language's old (and not a function
// of the package that happens to be called old).
func (c *Checked) IsOld(obj types.Object) bool { return obj != nil && obj == c.old }

// HasOld reports whether the clauses' old is the spec language's: false
// when the package's own old (or an import named old) takes the name.
func (c *Checked) HasOld() bool { return c.old != nil }

// Quantifier reports whether obj is one of the functions quantifiers
// desugar to, and which.
func (c *Checked) Quantifier(obj types.Object) (forall, ok bool) {
	switch {
	case obj == nil:
		return false, false
	case obj == c.forall:
		return true, true
	case obj == c.exists:
		return false, true
	}
	return false, false
}
