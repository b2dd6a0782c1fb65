package specs

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// ParseFile parses a .vspec file. The file is added to fset under filename,
// so positions in the result and in errors point into it. All errors are
// returned as an ErrorList.
func ParseFile(fset *token.FileSet, filename string, src []byte) (*File, error) {
	errs := &errorCollector{fset: fset}
	scan := scanVspec(src)
	base := fset.Base()
	const mode = parser.ParseComments | parser.SkipObjectResolution
	astFile, parseErr := parser.ParseFile(fset, filename, scan.blanked, mode)
	if astFile == nil || astFile.Name == nil {
		errs.add(token.NoPos, "cannot parse "+filename)
		addParserErrors(errs, parseErr)
		return nil, errs.err()
	}
	tokFile := addedFile(fset, astFile, filename, base, len(src))
	if tokFile == nil {
		return nil, ErrorList{{Pos: token.Position{Filename: filename}, Msg: "cannot locate the parsed file in the file set"}}
	}
	p := &vspecParser{fset: fset, errs: errs, tokFile: tokFile, src: string(src)}
	for _, e := range scan.errors {
		errs.add(p.pos(e.off), e.msg)
	}
	if parseErr != nil {
		addParserErrors(errs, parseErr)
	}
	file := &File{
		Name:       filename,
		Package:    astFile.Name.Name,
		PackagePos: astFile.Name.Pos(),
		Imports:    astFile.Imports,
	}
	file.Funcs = p.funcs(astFile, scan)
	p.attachClauses(file.Funcs, astFile, scan.clauses, parseErr == nil)
	p.checkDuplicates(file.Funcs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return file, nil
}

// addedFile finds the token.File that go/parser added for the source.
func addedFile(fset *token.FileSet, astFile *ast.File, filename string, base, size int) *token.File {
	if astFile != nil && astFile.FileStart.IsValid() {
		return fset.File(astFile.FileStart)
	}
	if f := fset.File(token.Pos(base)); f != nil && f.Base() == base && f.Name() == filename {
		return f
	}
	var found *token.File
	fset.Iterate(func(f *token.File) bool {
		if f.Name() == filename && f.Size() == size && f.Base() >= base {
			found = f
		}
		return true
	})
	return found
}

func addParserErrors(errs *errorCollector, err error) {
	if err == nil {
		return
	}
	if list, ok := err.(scanner.ErrorList); ok {
		for _, e := range list {
			errs.list = append(errs.list, &Error{Pos: e.Pos, Msg: e.Msg})
		}
		return
	}
	errs.list = append(errs.list, &Error{Msg: err.Error()})
}

// vspecParser turns the go/parser result and the scanned clauses of one
// .vspec file into specs.
type vspecParser struct {
	fset    *token.FileSet
	errs    *errorCollector
	tokFile *token.File
	src     string
}

func (p *vspecParser) pos(off int) token.Pos { return token.Pos(p.tokFile.Base() + off) }

// funcs makes a Func for every func declaration and reports declarations
// that do not belong in a .vspec.
func (p *vspecParser) funcs(astFile *ast.File, scan *vspecScan) []*Func {
	synth := make(map[token.Pos]bool)
	for _, off := range scan.synthFuncs {
		synth[p.pos(off)] = true
	}
	var funcs []*Func
	for _, decl := range astFile.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			if d.Tok != token.IMPORT {
				p.errs.add(d.Pos(), fmt.Sprintf("unexpected %s declaration: a .vspec declares only imports and funcs", d.Tok))
			}
		case *ast.FuncDecl:
			if d.Body != nil {
				p.errs.add(d.Body.Lbrace, fmt.Sprintf("func %s has a body: a .vspec declares signatures only", d.Name.Name))
			}
			funcs = append(funcs, &Func{
				Name:    d.Name.Name,
				Pos:     d.Name.Pos(),
				Decl:    d,
				Synth:   synth[d.Type.Func],
				Imports: astFile.Imports,
				File:    p.tokFile.Name(),
			})
		}
	}
	return funcs
}

// attachClauses gives every clause to the func declared before it.
// Placement errors are only reported for files that parsed, since a broken
// declaration would make them noise. Clauses and declarations are both in
// source order, so one pass over each suffices.
func (p *vspecParser) attachClauses(funcs []*Func, astFile *ast.File, clauses []rawClause, parsed bool) {
	funcOf := make(map[ast.Decl]*Func, len(funcs))
	for _, f := range funcs {
		funcOf[f.Decl] = f
	}
	next := 0 // index of the first declaration not known to precede the clause
	funcBefore := false
	for _, raw := range clauses {
		kwPos := p.pos(raw.kwOff)
		for next < len(astFile.Decls) && astFile.Decls[next].Pos() < kwPos {
			if funcOf[astFile.Decls[next]] != nil {
				funcBefore = true
			}
			next++
		}
		var owner *Func
		if next > 0 {
			owner = funcOf[astFile.Decls[next-1]]
		}
		if owner == nil {
			switch {
			case !parsed:
			case !funcBefore:
				p.errs.add(kwPos, raw.keyword+" clause before any func declaration")
			default:
				p.errs.add(kwPos, raw.keyword+" clause must directly follow its func declaration")
			}
			continue
		}
		if raw.indent == 0 {
			p.errs.add(kwPos, raw.keyword+" clause must be indented below its func declaration")
		}
		p.addClause(owner, raw)
	}
}

func (p *vspecParser) addClause(f *Func, raw rawClause) {
	kwPos := p.pos(raw.kwOff)
	text := p.src[raw.textOff:raw.textEnd]
	switch raw.keyword {
	case "requires", "ensures":
		kind := Requires
		if raw.keyword == "ensures" {
			kind = Ensures
		}
		if strings.TrimSpace(text) == "" {
			p.errs.add(kwPos, "missing expression after "+raw.keyword)
			return
		}
		clause, err := parseClause(p.fset, kind, p.pos(raw.textOff), text)
		if err != nil {
			p.errs.addAll(err)
			return
		}
		f.Clauses = append(f.Clauses, clause)
	case "modifies":
		if strings.TrimSpace(text) == "" {
			p.errs.add(kwPos, "missing locations after modifies (write modifies nothing for a function that writes no memory it did not allocate)")
			return
		}
		clause, err := parseFrame(p.fset, p.pos(raw.textOff), text)
		if err != nil {
			p.errs.addAll(err)
			return
		}
		f.Clauses = append(f.Clauses, clause)
	case "ops":
		if p.synthOnly(f, raw, f.OpsPos) {
			f.OpsPos = kwPos
			f.Ops = p.words(raw, "ops clause lists no operators", isSynthOp, func(word string) string {
				return fmt.Sprintf("unknown op %q; want one of %s", word, strings.Join(SynthOps, " "))
			})
		}
	case "consts":
		if p.synthOnly(f, raw, f.ConstsPos) {
			f.ConstsPos = kwPos
			f.Consts = p.words(raw, "consts clause lists no constants", isIntegerLiteral, func(word string) string {
				return fmt.Sprintf("invalid integer constant %q", word)
			})
		}
	}
}

// synthOnly reports whether an ops or consts clause may be added to f,
// reporting why not otherwise. seen is the position of an earlier clause
// of the same keyword.
func (p *vspecParser) synthOnly(f *Func, raw rawClause, seen token.Pos) bool {
	kwPos := p.pos(raw.kwOff)
	if !f.Synth {
		p.errs.add(kwPos, raw.keyword+" clause is only allowed on a synth func")
		return false
	}
	if seen.IsValid() {
		p.errs.add(kwPos, fmt.Sprintf("duplicate %s clause (first at %s)", raw.keyword, p.fset.Position(seen)))
		return false
	}
	return true
}

// words splits the text of an ops or consts clause into blank-separated
// words, stopping each line at a // comment, and validates them.
func (p *vspecParser) words(raw rawClause, emptyMsg string, valid func(string) bool, invalidMsg func(string) string) []string {
	var words []string
	invalid := 0
	text := p.src[raw.textOff:raw.textEnd]
	for lineOff := 0; lineOff <= len(text); {
		lineEnd := strings.IndexByte(text[lineOff:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineOff
		}
		for off := lineOff; off < lineEnd; {
			start := off + indexNonBlank(text[off:lineEnd])
			if start == lineEnd || strings.HasPrefix(text[start:lineEnd], "//") {
				break
			}
			end := start + indexBlank(text[start:lineEnd])
			word := text[start:end]
			if valid(word) {
				words = append(words, word)
			} else {
				p.errs.add(p.pos(raw.textOff+start), invalidMsg(word))
				invalid++
			}
			off = end
		}
		lineOff = lineEnd + 1
	}
	if len(words) == 0 && invalid == 0 {
		p.errs.add(p.pos(raw.kwOff), emptyMsg)
	}
	return words
}

func indexNonBlank(s string) int {
	for i := 0; i < len(s); i++ {
		if !isBlankByte(s[i]) {
			return i
		}
	}
	return len(s)
}

func indexBlank(s string) int {
	for i := 0; i < len(s); i++ {
		if isBlankByte(s[i]) {
			return i
		}
	}
	return len(s)
}

func isBlankByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' }

// isIntegerLiteral reports whether s is a Go integer literal with an
// optional leading minus sign.
func isIntegerLiteral(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || digits[0] < '0' || digits[0] > '9' {
		return false
	}
	return constant.MakeFromLiteral(digits, token.INT, 0).Kind() == constant.Int
}

// checkDuplicates reports two specs for the same function or method.
func (p *vspecParser) checkDuplicates(funcs []*Func) {
	first := make(map[string]*Func)
	for _, f := range funcs {
		name := f.FullName()
		if prev, ok := first[name]; ok {
			p.errs.add(f.Pos, "duplicate spec for "+name+" (first at "+p.fset.Position(prev.Pos).String()+")")
			continue
		}
		first[name] = f
	}
}

// CheckPackageName reports a .vspec whose package clause names another
// package than the Go package it specifies.
func CheckPackageName(fset *token.FileSet, f *File, pkgName string) error {
	if f.Package == pkgName {
		return nil
	}
	errs := &errorCollector{fset: fset}
	errs.add(f.PackagePos, "package "+f.Package+" does not match the Go package "+pkgName)
	return errs.err()
}
