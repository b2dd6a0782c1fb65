package main

import (
	"fmt"
	"go/ast"

	"github.com/vsynth/vsynth/specs"
	"github.com/vsynth/vsynth/ssa"
)

// jsonSuppression is a //vsynth:ignore KIND REASON in a function's doc
// comment: the function's findings of KIND that are not refuted are
// accepted, with the reason.
type jsonSuppression struct {
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	Pos    string `json:"pos"`
}

// suppressions reads the //vsynth:ignore lines of the targets' doc
// comments, by function name. A line without a reason, or with a kind
// that names no rule, is an error.
func suppressions(prog *ssa.Program) (map[string][]jsonSuppression, error) {
	rules := map[string]bool{}
	for _, r := range findingRules {
		rules[r.id] = true
	}
	out := map[string][]jsonSuppression{}
	var errs specs.ErrorList
	for _, t := range prog.Targets {
		decl := targetDecl(t)
		ignores, err := specs.Ignores(prog.Fset, decl)
		if list, ok := err.(specs.ErrorList); ok {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, err
		}
		for _, ig := range ignores {
			if !rules[ig.Kind] || ig.Kind == "directive" {
				errs = append(errs, &specs.Error{Pos: ig.Pos, Msg: fmt.Sprintf("vsynth:ignore: unknown kind %q (want an obligation kind such as unwinding, or unsupported)", ig.Kind)})
				continue
			}
			pos := ig.Pos
			pos.Filename = relFile(pos.Filename)
			out[t.Name] = append(out[t.Name], jsonSuppression{Kind: ig.Kind, Reason: ig.Reason, Pos: pos.String()})
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, relErrors(errs)
	}
	return out, nil
}

// targetDecl finds the declaration of t's function in its package's
// syntax, or nil (a function specified in a .vspec file).
func targetDecl(t *ssa.Target) *ast.FuncDecl {
	if t.Package == nil || !t.Pos.IsValid() {
		return nil
	}
	for _, file := range t.Package.Syntax {
		if t.Pos < file.Pos() || t.Pos > file.End() {
			continue
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= t.Pos && t.Pos <= fd.End() {
				return fd
			}
		}
	}
	return nil
}

// suppressedBy returns the reason of the suppression that accepts a
// finding of function f, or "".
func (f *funcReport) suppressedBy(rule string) string {
	for _, s := range f.Suppressed {
		if s.Kind == rule {
			return s.Reason
		}
	}
	return ""
}
