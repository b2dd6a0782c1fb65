package specs

import (
	"go/ast"
	"go/token"
	"strings"
)

// IgnoreKeyword is the directive of a suppression, written in a function's
// doc comment:
//
//	//vsynth:ignore KIND REASON...
//
// It accepts the function's findings of KIND (an obligation kind such as
// unwinding, or unsupported) that are not refuted; the reason is
// mandatory. What KIND may be is the reporter's business.
const IgnoreKeyword = "ignore"

// Ignore is one suppression.
type Ignore struct {
	Kind   string
	Reason string
	Pos    token.Position
}

// Ignores reads the suppressions in decl's doc comment. A suppression
// without a kind and a reason is an error.
func Ignores(fset *token.FileSet, decl *ast.FuncDecl) ([]Ignore, error) {
	if decl == nil || decl.Doc == nil {
		return nil, nil
	}
	errs := &errorCollector{fset: fset}
	var out []Ignore
	for _, c := range decl.Doc.List {
		rest, ok := strings.CutPrefix(c.Text, DirectivePrefix+IgnoreKeyword)
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) < 2 {
			errs.add(c.Slash+2, "vsynth:ignore needs a kind and a reason: //vsynth:ignore KIND REASON...")
			continue
		}
		out = append(out, Ignore{Kind: fields[0], Reason: strings.Join(fields[1:], " "), Pos: fset.Position(c.Slash)})
	}
	return out, errs.err()
}
