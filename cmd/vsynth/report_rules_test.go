package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRulesCoverKinds reads the ssa package's source for every constant of
// type ObligationKind and checks that the machine formats have a rule for
// it, with descriptions and help: a kind added to ssa without a rule would
// make its SARIF results point at another rule.
func TestRulesCoverKinds(t *testing.T) {
	kinds := obligationKinds(t, "../../ssa")
	if len(kinds) < 13 {
		t.Fatalf("found %d ObligationKind constants in ssa, want at least 13: is the parse right?", len(kinds))
	}
	rules := map[string]findingRule{}
	names := map[string]bool{}
	for _, r := range findingRules {
		if _, dup := rules[r.id]; dup {
			t.Errorf("rule %q is listed twice", r.id)
		}
		if names[r.name] {
			t.Errorf("rule name %q is used twice", r.name)
		}
		rules[r.id], names[r.name] = r, true
		if r.name == "" || r.short == "" || r.full == "" || r.help == "" {
			t.Errorf("rule %q lacks a name, a description or help: %+v", r.id, r)
		}
	}
	for kind, pos := range kinds {
		if _, ok := rules[kind]; !ok {
			t.Errorf("%s: obligation kind %q has no rule in findingRules (report_findings.go)", pos, kind)
		}
	}
}

// obligationKinds parses the non-test Go files of dir and returns the value
// of every constant declared with type ObligationKind (or converted to it),
// with its position.
func obligationKinds(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	kinds := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, v := range vs.Values {
					lit := kindLiteral(vs.Type, v)
					if lit == nil {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
					}
					kinds[s] = fset.Position(lit.Pos()).String()
				}
			}
		}
	}
	return kinds
}

// kindLiteral returns the string literal of `X ObligationKind = "..."` or
// `X = ObligationKind("...")`, or nil.
func kindLiteral(typ ast.Expr, v ast.Expr) *ast.BasicLit {
	isKind := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && id.Name == "ObligationKind"
	}
	if call, ok := v.(*ast.CallExpr); ok && isKind(call.Fun) && len(call.Args) == 1 {
		v, typ = call.Args[0], call.Fun
	}
	lit, ok := v.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || typ == nil || !isKind(typ) {
		return nil
	}
	return lit
}
