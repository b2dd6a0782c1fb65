package ssa

import (
	"strings"

	"golang.org/x/tools/go/packages"
)

// Test files. With LoadConfig.Tests, go/packages returns, besides each
// package p, its test variant "p [p.test]" (p's files and its in-package
// _test.go files, type-checked anew), its external test package
// "p_test [p.test]", and the generated "p.test" main. vsynth keeps p for
// the functions of p's own files, so that other packages calling them see
// one function with one contract; from the test variant it takes only the
// functions of the _test.go files; the external test package counts in
// full; the generated main is dropped.

// withTestFiles drops the generated test mains from pkgs.
func withTestFiles(pkgs []*packages.Package) []*packages.Package {
	var kept []*packages.Package
	for _, pkg := range pkgs {
		if pkg.Name == "main" && strings.HasSuffix(pkg.ID, ".test") && !strings.Contains(pkg.ID, " ") {
			continue
		}
		kept = append(kept, pkg)
	}
	return kept
}

// isTestVariant reports whether pkg is the test variant of a package that
// is also loaded on its own: "p [p.test]" (not "p_test [p.test]").
func isTestVariant(pkg *packages.Package) bool {
	path, forTest, ok := strings.Cut(pkg.ID, " [")
	return ok && strings.TrimSuffix(forTest, ".test]") == path
}

// isTestPackage reports whether pkg is a test variant or an external test
// package: one that go build never compiles.
func isTestPackage(pkg *packages.Package) bool {
	return strings.Contains(pkg.ID, " [")
}

// isTestFile reports whether name is a _test.go file.
func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// inTestFile reports whether t is declared in a _test.go file: the replay
// program, built with go build, cannot call it.
func (p *Program) inTestFile(t *Target) bool {
	return t.Pos.IsValid() && isTestFile(p.Fset.Position(t.Pos).Filename)
}
