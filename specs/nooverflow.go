package specs

import (
	"go/ast"
	"go/token"
	"strings"
)

// NoOverflowDirective, in a function's doc comment, asks vsynth to prove
// that no integer operation of the function wraps: every +, -, *, unary
// -, / and << of integers and every conversion between integer types
// gets an overflow obligation (see the ssa package). It takes no
// expression.
const NoOverflowDirective = DirectivePrefix + "nooverflow"

// noOverflowDirective reports whether c is the nooverflow directive, and
// an error when it is followed by anything but a comment.
func noOverflowDirective(fset *token.FileSet, c *ast.Comment) (bool, error) {
	return flagDirective(fset, c, NoOverflowDirective)
}

// flagDirective reports whether c is the flag directive (one that takes
// no expression, such as nooverflow and pure), and an error when it is
// followed by anything but a comment.
func flagDirective(fset *token.FileSet, c *ast.Comment, directive string) (bool, error) {
	rest, ok := strings.CutPrefix(c.Text, directive)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return false, nil
	}
	if trimmed := strings.TrimSpace(rest); trimmed != "" && !strings.HasPrefix(trimmed, "//") {
		errs := &errorCollector{fset: fset}
		at := len(directive) + len(rest) - len(strings.TrimLeft(rest, " \t"))
		errs.add(c.Slash+token.Pos(at), directive[2:]+" takes no expression")
		return true, errs.err()
	}
	return true, nil
}

// HasNoOverflow reports whether decl's doc comment holds the nooverflow
// directive.
func HasNoOverflow(decl *ast.FuncDecl) bool {
	if decl == nil || decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if ok, _ := noOverflowDirective(nil, c); ok {
			return true
		}
	}
	return false
}

// funcDocs is the set of the doc comments of file's functions.
func funcDocs(file *ast.File) map[*ast.CommentGroup]bool {
	docs := map[*ast.CommentGroup]bool{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			docs[fd.Doc] = true
		}
	}
	return docs
}
