package sygus

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a SyGuS file.
type Pos struct{ Line, Col int }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Sexp is an S-expression: an atom or a list.
type Sexp struct {
	Atom string // "" for a list
	List []*Sexp
	Pos  Pos
	// Kind of atom: symbol, numeral, hex (#x), binary (#b), string or keyword.
	Kind AtomKind
}

// AtomKind classifies atoms.
type AtomKind int

const (
	ListNode AtomKind = iota
	Symbol
	Numeral
	Hex
	Binary
	String
	Keyword
)

// SyntaxError is a malformed file, with the position of the problem.
type SyntaxError struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s:%s: %s", e.File, e.Pos, e.Msg) }

// IsList reports whether s is a list.
func (s *Sexp) IsList() bool { return s.Kind == ListNode }

// Head is the symbol at the front of a list, or "".
func (s *Sexp) Head() string {
	if s.IsList() && len(s.List) > 0 && s.List[0].Kind == Symbol {
		return s.List[0].Atom
	}
	return ""
}

func (s *Sexp) String() string {
	if !s.IsList() {
		return s.Atom
	}
	parts := make([]string, len(s.List))
	for i, x := range s.List {
		parts[i] = x.String()
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// ReadAll reads every top-level S-expression of src.
func ReadAll(file string, src []byte) ([]*Sexp, error) {
	if err := validUTF8(file, src); err != nil {
		return nil, err
	}
	r := &reader{file: file, src: src, line: 1, col: 1}
	var out []*Sexp
	for {
		r.skip()
		if r.i >= len(r.src) {
			return out, nil
		}
		s, err := r.read(0)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

type reader struct {
	file      string
	src       []byte
	i         int
	line, col int
}

func (r *reader) errorf(p Pos, format string, args ...any) error {
	return &SyntaxError{File: r.file, Pos: p, Msg: fmt.Sprintf(format, args...)}
}

func (r *reader) advance() {
	if r.src[r.i] == '\n' {
		r.line++
		r.col = 1
	} else {
		r.col++
	}
	r.i++
}

func (r *reader) skip() {
	for r.i < len(r.src) {
		c := r.src[r.i]
		switch {
		case c == ';':
			for r.i < len(r.src) && r.src[r.i] != '\n' {
				r.advance()
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			r.advance()
		default:
			return
		}
	}
}

const maxDepth = 1000

func (r *reader) read(depth int) (*Sexp, error) {
	r.skip()
	p := Pos{r.line, r.col}
	if r.i >= len(r.src) {
		return nil, r.errorf(p, "unexpected end of file")
	}
	if depth > maxDepth {
		return nil, r.errorf(p, "nesting deeper than %d", maxDepth)
	}
	c := r.src[r.i]
	switch {
	case c == '(':
		r.advance()
		s := &Sexp{Pos: p, Kind: ListNode}
		for {
			r.skip()
			if r.i >= len(r.src) {
				return nil, r.errorf(p, "unclosed parenthesis")
			}
			if r.src[r.i] == ')' {
				r.advance()
				return s, nil
			}
			x, err := r.read(depth + 1)
			if err != nil {
				return nil, err
			}
			s.List = append(s.List, x)
		}
	case c == ')':
		return nil, r.errorf(p, "unexpected )")
	case c == '"':
		start := r.i
		r.advance()
		for {
			if r.i >= len(r.src) {
				return nil, r.errorf(p, "unterminated string")
			}
			if r.src[r.i] == '"' {
				r.advance()
				if r.i < len(r.src) && r.src[r.i] == '"' { // "" escapes a quote
					r.advance()
					continue
				}
				return &Sexp{Atom: string(r.src[start:r.i]), Pos: p, Kind: String}, nil
			}
			r.advance()
		}
	case c == '|':
		start := r.i
		r.advance()
		for {
			if r.i >= len(r.src) {
				return nil, r.errorf(p, "unterminated |symbol|")
			}
			if r.src[r.i] == '|' {
				r.advance()
				return &Sexp{Atom: string(r.src[start+1 : r.i-1]), Pos: p, Kind: Symbol}, nil
			}
			r.advance()
		}
	}
	start := r.i
	for r.i < len(r.src) {
		c := r.src[r.i]
		if c == '(' || c == ')' || c == ';' || c == '"' || c == '|' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		r.advance()
	}
	atom := string(r.src[start:r.i])
	s := &Sexp{Atom: atom, Pos: p, Kind: Symbol}
	switch {
	case strings.HasPrefix(atom, "#x"):
		s.Kind = Hex
		if len(atom) == 2 || strings.Trim(atom[2:], "0123456789abcdefABCDEF") != "" {
			return nil, r.errorf(p, "malformed hexadecimal %q", atom)
		}
	case strings.HasPrefix(atom, "#b"):
		s.Kind = Binary
		if len(atom) == 2 || strings.Trim(atom[2:], "01") != "" {
			return nil, r.errorf(p, "malformed binary %q", atom)
		}
	case strings.HasPrefix(atom, "#"):
		return nil, r.errorf(p, "malformed literal %q", atom)
	case atom[0] >= '0' && atom[0] <= '9':
		s.Kind = Numeral
		if strings.Trim(atom, "0123456789") != "" {
			return nil, r.errorf(p, "malformed numeral %q", atom)
		}
	case atom[0] == ':':
		s.Kind = Keyword
	}
	return s, nil
}

// validUTF8 rejects a file that is not UTF-8 text, comments included,
// naming the first bad byte's position.
func validUTF8(file string, src []byte) error {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return &SyntaxError{File: file, Pos: Pos{Line: line, Col: col}, Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02x", src[i])}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return nil
}
