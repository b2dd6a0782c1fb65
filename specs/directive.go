package specs

import (
	"go/ast"
	"go/token"
	"strings"
)

// DirectivePrefix starts every spec comment: //vsynth:KEYWORD EXPR.
const DirectivePrefix = "//vsynth:"

// directiveKinds maps directive keywords to clause kinds.
var directiveKinds = map[string]ClauseKind{
	"requires":  Requires,
	"ensures":   Ensures,
	"invariant": Invariant,
	"assert":    Assert,
	"assume":    Assume,
	"decreases": Decreases,
	"panics":    Panics,
	"modifies":  Modifies,
}

// ParseDirective parses one //vsynth:KEYWORD EXPR comment into a clause.
// It returns nil, nil when c is not a vsynth directive. Invariant clauses
// are accepted here; FromDecl rejects them in doc comments.
func ParseDirective(fset *token.FileSet, c *ast.Comment) (*Clause, error) {
	if !strings.HasPrefix(c.Text, DirectivePrefix) {
		return nil, nil
	}
	errs := &errorCollector{fset: fset}
	if ok, _ := noOverflowDirective(fset, c); ok {
		// A flag, read by FromDecl in doc comments only (nooverflow.go).
		errs.add(c.Slash+2, "vsynth:nooverflow belongs in a function's doc comment")
		return nil, errs.err()
	}
	if ok, _ := pureDirective(fset, c); ok {
		errs.add(c.Slash+2, "vsynth:pure belongs in a function's doc comment")
		return nil, errs.err()
	}
	rest := c.Text[len(DirectivePrefix):]
	keyword, _, _ := strings.Cut(rest, " ")
	keyword, _, _ = strings.Cut(keyword, "\t")
	if keyword == IgnoreKeyword {
		return nil, nil // a suppression, not a clause: see Ignores
	}
	kind, ok := directiveKinds[keyword]
	if !ok {
		errs.add(c.Slash+2, "unknown directive vsynth:"+keyword)
		return nil, errs.err()
	}
	exprOff := len(DirectivePrefix) + len(keyword)
	text := c.Text[exprOff:]
	if strings.TrimSpace(text) == "" {
		errs.add(c.Slash+2, "missing expression after vsynth:"+keyword)
		return nil, errs.err()
	}
	if kind == Decreases {
		return parseMeasure(fset, c.Slash+token.Pos(exprOff), text)
	}
	if kind == Modifies {
		return parseFrame(fset, c.Slash+token.Pos(exprOff), text)
	}
	return parseClause(fset, kind, c.Slash+token.Pos(exprOff), text)
}

// parseClause parses the expression of a clause whose text starts at pos.
func parseClause(fset *token.FileSet, kind ClauseKind, pos token.Pos, text string) (*Clause, error) {
	parsed, err := parseClauseExpr(fset, pos, text)
	if err != nil {
		return nil, err
	}
	return &Clause{
		Kind: kind,
		Text: parsed.text(text),
		Pos:  pos + token.Pos(parsed.start),
		Expr: parsed.expr,
	}, nil
}

// FromDecl returns the spec written as //vsynth: directives in decl's doc
// comment, or nil, nil when there is none. file is the Go file containing
// decl; its imports are visible to the clauses. The file must have been
// parsed with parser.ParseComments.
func FromDecl(fset *token.FileSet, file *ast.File, decl *ast.FuncDecl) (*Func, error) {
	if decl == nil || decl.Doc == nil {
		return nil, nil
	}
	errs := &errorCollector{fset: fset}
	var clauses []*Clause
	found := false
	noOverflow, pure := false, false
	for _, c := range decl.Doc.List {
		if ok, err := noOverflowDirective(fset, c); ok {
			errs.addAll(err)
			found, noOverflow = true, true
			continue
		}
		if ok, err := pureDirective(fset, c); ok {
			errs.addAll(err)
			found, pure = true, true
			continue
		}
		clause, err := ParseDirective(fset, c)
		if err != nil {
			errs.addAll(err)
			found = true
			continue
		}
		if clause == nil {
			continue
		}
		found = true
		if clause.Kind == Invariant {
			errs.add(c.Slash+2, "vsynth:invariant belongs above a for loop, not in a function's doc comment")
			continue
		}
		if clause.Kind == Assert || clause.Kind == Assume {
			errs.add(c.Slash+2, "vsynth:"+clause.Kind.String()+" belongs inside a function body, not in its doc comment")
			continue
		}
		if clause.Kind == Panics && hasKind(clauses, Panics) {
			errs.add(c.Slash+2, "second vsynth:panics for the function (write one condition; join them with ||)")
			continue
		}
		if clause.Kind == Decreases && hasKind(clauses, Decreases) {
			errs.add(c.Slash+2, "second vsynth:decreases for the function (write one measure; a tuple is decreases a, b)")
			continue
		}
		clauses = append(clauses, clause)
	}
	if !found {
		return nil, nil
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	spec := &Func{
		Name:    decl.Name.Name,
		Pos:     decl.Name.Pos(),
		Decl:    decl,
		Clauses: clauses,
		File:    fset.Position(decl.Pos()).Filename,

		NoOverflow: noOverflow,
		Pure:       pure,
	}
	if file != nil {
		spec.Imports = file.Imports
	}
	return spec, nil
}
