package ssa

import (
	"go/ast"
	"go/build/constraint"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"
)

// A playback test is compiled exactly when the source file it tests is:
// it carries the source file's //go:build line and, as a //go:build term,
// the GOOS and GOARCH its file name implies (FILE_linux.go's test is
// FILE_linux_vsynth_test.go, whose name no longer implies linux).

// playbackConstraint is the //go:build line for the test of the source
// file src (named filename), or "" when the file is always built.
func playbackConstraint(src *ast.File, filename string) string {
	var terms []constraint.Expr
	if src != nil {
		for _, cg := range src.Comments {
			if cg.Pos() >= src.Package {
				break
			}
			for _, c := range cg.List {
				if constraint.IsGoBuild(c.Text) {
					if x, err := constraint.Parse(c.Text); err == nil {
						terms = append(terms, x)
					}
				}
			}
		}
	}
	if x := fileNameConstraint(filename); x != nil {
		terms = append(terms, x)
	}
	if len(terms) == 0 {
		return ""
	}
	all := terms[0]
	for _, t := range terms[1:] {
		all = &constraint.AndExpr{X: all, Y: t}
	}
	return "//go:build " + all.String()
}

// fileNameConstraint is the constraint a file name's _GOOS, _GOARCH or
// _GOOS_GOARCH suffix implies (go/build's rule), or nil.
func fileNameConstraint(filename string) constraint.Expr {
	name := strings.TrimSuffix(filepath.Base(filename), ".go")
	name = strings.TrimSuffix(name, "_test")
	if i := strings.Index(name, "_"); i >= 0 {
		name = name[i:] // go/build ignores a leading word: "linux.go" is always built
	} else {
		return nil
	}
	parts := strings.Split(name, "_")
	n := len(parts)
	if n >= 3 && knownOS[parts[n-2]] && knownArch[parts[n-1]] {
		return &constraint.AndExpr{X: &constraint.TagExpr{Tag: parts[n-2]}, Y: &constraint.TagExpr{Tag: parts[n-1]}}
	}
	if n >= 2 && (knownOS[parts[n-1]] || knownArch[parts[n-1]]) {
		return &constraint.TagExpr{Tag: parts[n-1]}
	}
	return nil
}

// knownOS and knownArch are go/build's lists of the GOOS and GOARCH
// values a file name suffix may name (go/build/syslist.go).
var knownOS = setOf("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")

var knownArch = setOf("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// syntaxOf is pkg's syntax tree of the file named filename, or nil.
func syntaxOf(pkg *packages.Package, fset *token.FileSet, filename string) *ast.File {
	if pkg == nil {
		return nil
	}
	for _, f := range pkg.Syntax {
		if fset.Position(f.Package).Filename == filename {
			return f
		}
	}
	return nil
}
