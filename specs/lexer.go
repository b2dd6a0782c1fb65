package specs

import (
	"go/scanner"
	"go/token"
	"strings"
)

// Tokens that the spec language adds to Go's. go/scanner reports "==>" as
// "==" followed by ">" and "::" as two ":"; the lexer joins them when the
// parts are adjacent.
const (
	tokImplies     token.Token = 1 << 16 // ==>
	tokDoubleColon token.Token = 1<<16 + 1
)

// lexeme is one token of a clause expression. Offsets are byte offsets in
// the clause text.
type lexeme struct {
	tok token.Token
	lit string
	off int // offset of the first byte
	end int // offset just past the last byte
}

// offsetError is a problem at a byte offset of the clause text.
type offsetError struct {
	off int
	msg string
}

// lex splits a clause expression into tokens. Comments and the semicolons
// that Go would insert at line ends are dropped, so expressions may span
// lines and end in a comment. The last lexeme is always EOF.
func lex(text string) ([]lexeme, *offsetError) {
	src := []byte(text)
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var firstErr *offsetError
	handler := func(pos token.Position, msg string) {
		if firstErr == nil {
			firstErr = &offsetError{off: pos.Offset, msg: msg}
		}
	}
	var s scanner.Scanner
	s.Init(file, src, handler, 0)

	var toks []lexeme
	for {
		pos, tok, lit := s.Scan()
		if firstErr != nil {
			return nil, firstErr
		}
		off := file.Offset(pos)
		if tok == token.EOF {
			toks = append(toks, lexeme{tok: token.EOF, off: len(text), end: len(text)})
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner, not written
		}
		toks = append(toks, lexeme{tok: tok, lit: lit, off: off, end: off + tokenLength(text, off, tok, lit)})
	}
	return joinSpecTokens(toks), nil
}

// tokenLength returns the source length of a token starting at off.
func tokenLength(text string, off int, tok token.Token, lit string) int {
	switch {
	case tok == token.STRING && strings.HasPrefix(lit, "`"):
		// The scanner drops carriage returns from raw strings, so
		// measure the source instead of the literal.
		if i := strings.IndexByte(text[off+1:], '`'); i >= 0 {
			return i + 2
		}
		return len(text) - off
	case lit != "":
		return len(lit)
	default:
		return len(tok.String())
	}
}

// joinSpecTokens merges adjacent "==" ">" into ==> and ":" ":" into ::.
func joinSpecTokens(toks []lexeme) []lexeme {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && toks[i+1].off == t.end {
			next := toks[i+1]
			switch {
			case t.tok == token.EQL && next.tok == token.GTR:
				t = lexeme{tok: tokImplies, off: t.off, end: next.end}
				i++
			case t.tok == token.COLON && next.tok == token.COLON:
				t = lexeme{tok: tokDoubleColon, off: t.off, end: next.end}
				i++
			}
		}
		out = append(out, t)
	}
	return out
}

// describe renders a token for error messages.
func describe(t lexeme) string {
	switch {
	case t.tok == token.EOF:
		return "end of expression"
	case t.tok == tokImplies:
		return "'==>'"
	case t.tok == tokDoubleColon:
		return "'::'"
	case t.tok == token.IDENT:
		return "identifier " + t.lit
	case t.tok.IsLiteral():
		return "literal " + t.lit
	case t.tok.IsKeyword():
		return "keyword " + t.lit
	}
	return "'" + t.tok.String() + "'"
}
