package z3proc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// An sexpr is a response of Z3: an atom or a list.
type sexpr struct {
	atom string // when list is nil
	list []sexpr
}

func (e sexpr) isList() bool { return e.list != nil }

func (e sexpr) String() string {
	if !e.isList() {
		return e.atom
	}
	parts := make([]string, len(e.list))
	for i, x := range e.list {
		parts[i] = x.String()
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// readSexpr reads one s-expression from r: an atom, a "string", a |quoted
// symbol| or a balanced list.
func readSexpr(r *bufio.Reader) (sexpr, error) {
	if err := skipSpace(r); err != nil {
		return sexpr{}, err
	}
	c, err := r.ReadByte()
	if err != nil {
		return sexpr{}, err
	}
	switch c {
	case '(':
		list := []sexpr{}
		for {
			if err := skipSpace(r); err != nil {
				return sexpr{}, unexpectedEOF(err)
			}
			c, err := r.ReadByte()
			if err != nil {
				return sexpr{}, unexpectedEOF(err)
			}
			if c == ')' {
				return sexpr{list: list}, nil
			}
			if err := r.UnreadByte(); err != nil {
				return sexpr{}, err
			}
			x, err := readSexpr(r)
			if err != nil {
				return sexpr{}, unexpectedEOF(err)
			}
			list = append(list, x)
		}
	case ')':
		return sexpr{}, errors.New("unbalanced )")
	case '"':
		return readQuoted(r, '"', true)
	case '|':
		return readQuoted(r, '|', false)
	}
	var b strings.Builder
	b.WriteByte(c)
	for {
		c, err := r.ReadByte()
		if err == io.EOF {
			return sexpr{atom: b.String()}, nil
		}
		if err != nil {
			return sexpr{}, err
		}
		if c == '(' || c == ')' || isSpace(c) {
			return sexpr{atom: b.String()}, r.UnreadByte()
		}
		b.WriteByte(c)
	}
}

// readQuoted reads up to the closing quote; in a string, a doubled quote
// stands for one.
func readQuoted(r *bufio.Reader, quote byte, doubled bool) (sexpr, error) {
	var b strings.Builder
	b.WriteByte(quote)
	for {
		c, err := r.ReadByte()
		if err != nil {
			return sexpr{}, unexpectedEOF(err)
		}
		b.WriteByte(c)
		if c != quote {
			continue
		}
		if doubled {
			next, err := r.Peek(1)
			if err == nil && next[0] == quote {
				r.ReadByte()
				b.WriteByte(quote)
				continue
			}
		}
		return sexpr{atom: b.String()}, nil
	}
}

func skipSpace(r *bufio.Reader) error {
	for {
		c, err := r.ReadByte()
		if err != nil {
			return err
		}
		if c == ';' { // a comment, to the end of the line
			if _, err := r.ReadString('\n'); err != nil {
				return err
			}
			continue
		}
		if !isSpace(c) {
			return r.UnreadByte()
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// unquote is a string atom's text.
func unquote(atom string) string {
	if len(atom) >= 2 && atom[0] == '"' && atom[len(atom)-1] == '"' {
		return strings.ReplaceAll(atom[1:len(atom)-1], `""`, `"`)
	}
	return atom
}

// errorResponse is the message of an (error "...") response, if e is one.
func errorResponse(e sexpr) (string, bool) {
	if e.isList() && len(e.list) == 2 && !e.list[0].isList() && e.list[0].atom == "error" {
		return unquote(e.list[1].atom), true
	}
	return "", false
}

func (e sexpr) mustAtom() (string, error) {
	if e.isList() {
		return "", fmt.Errorf("unexpected response %s", e)
	}
	return e.atom, nil
}
