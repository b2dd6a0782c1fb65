package specs

import (
	"go/ast"
	"go/token"
	"strings"
)

// DirectiveWarnings finds the comments of file that look like vsynth
// directives but are read as none, so that a typo does not silently drop a
// contract (as go vet's directive analyzer does for //go: lines):
//
//   - "// vsynth:ensures ...": a space between // and vsynth: makes a
//     plain comment;
//   - "//VSynth:ensures ...": the prefix is lower case;
//   - "/* vsynth:ensures ... */": directives are // line comments;
//   - a //vsynth:requires, ensures, panics or ignore line that is not in a
//     function's doc comment (a blank line between it and the func, or
//     above something else) applies to no function.
//
// Unknown directive names are errors, reported when the directives are
// parsed. file must have been parsed with parser.ParseComments.
func DirectiveWarnings(fset *token.FileSet, file *ast.File) ErrorList {
	docs := map[*ast.CommentGroup]bool{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			docs[fd.Doc] = true
		}
	}
	var warns ErrorList
	add := func(pos token.Pos, msg string) {
		warns = append(warns, &Error{Pos: fset.Position(pos), Msg: msg})
	}
	for _, group := range file.Comments {
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, DirectivePrefix) {
				keyword := directiveKeyword(c.Text[len(DirectivePrefix):])
				if (keyword == "requires" || keyword == "ensures" || keyword == "panics" || keyword == IgnoreKeyword) && !docs[group] {
					add(c.Slash, "vsynth:"+keyword+" is not in a function's doc comment (directly above func, no blank line): it applies to no function and is ignored")
				}
				continue
			}
			body, block := strings.CutPrefix(c.Text, "/*")
			if !block {
				body = strings.TrimPrefix(c.Text, "//")
			}
			trimmed := strings.TrimLeft(body, " \t")
			if !strings.HasPrefix(strings.ToLower(trimmed), "vsynth:") {
				continue
			}
			example := "//vsynth:" + directiveKeyword(trimmed[len("vsynth:"):])
			switch {
			case block:
				add(c.Slash, "malformed vsynth directive: a directive is a // line comment ("+example+"); this one is ignored")
			case trimmed != body:
				add(c.Slash, "malformed vsynth directive: no space may stand between // and vsynth: (write "+example+"); this comment is ignored")
			default:
				add(c.Slash, "malformed vsynth directive: vsynth: is lower case (write "+example+"); this comment is ignored")
			}
		}
	}
	return warns
}

// directiveKeyword is the first word of a directive's text after
// "vsynth:".
func directiveKeyword(rest string) string {
	keyword, _, _ := strings.Cut(rest, " ")
	keyword, _, _ = strings.Cut(keyword, "\t")
	return strings.TrimSuffix(keyword, "*/")
}
