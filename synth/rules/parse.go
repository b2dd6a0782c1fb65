package rules

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Rule is one rewrite rule: LHS => RHS if Cond for Types.
type Rule struct {
	Name  string
	LHS   *Expr
	RHS   *Expr
	Cond  *Expr  // nil: always
	Types []Type // the domain
	// TypesText is the for clause as written, "" for the default.
	TypesText string
	File      string
	Line      int
	// Comment holds the // lines just above the rule (its provenance,
	// for learned rules), without the slashes.
	Comment []string

	boolHoles map[string]bool // holes used as bools (operands of !, &&, ||)
}

// Position is where the rule is, as file:line.
func (r *Rule) Position() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// String writes the rule in the rule-file syntax.
func (r *Rule) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s => %s", r.Name, r.LHS, r.RHS)
	if r.Cond != nil {
		fmt.Fprintf(&b, " if %s", r.Cond)
	}
	if r.TypesText != "" {
		fmt.Fprintf(&b, " for %s", r.TypesText)
	}
	return b.String()
}

// Holes and Consts list the rule's holes and constants in order of first
// appearance in the left side.
func (r *Rule) Holes() []string  { return r.LHS.names(Var, nil) }
func (r *Rule) Consts() []string { return r.LHS.names(Const, nil) }

// Error is a problem in a rule file at file:line:col.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ErrorList is every problem found in a rule file.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var s []string
	for _, e := range l {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

// Parse reads a rule file. Every problem is reported, as an ErrorList.
func Parse(file string, src []byte) ([]*Rule, error) {
	var rules []*Rule
	var errs ErrorList
	var comment []string
	seen := map[string]int{}
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "//") {
			comment = append(comment, strings.TrimSpace(strings.TrimPrefix(trimmed, "//")))
			continue
		}
		if trimmed == "" {
			comment = nil
			continue
		}
		r, err := parseLine(file, i+1, line)
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				errs = append(errs, e)
			} else {
				errs = append(errs, &Error{File: file, Line: i + 1, Col: 1, Msg: err.Error()})
			}
			comment = nil
			continue
		}
		if prev, ok := seen[r.Name]; ok {
			errs = append(errs, &Error{File: file, Line: i + 1, Col: 1 + strings.Index(line, r.Name), Msg: fmt.Sprintf("rule %s is already defined at line %d", r.Name, prev)})
		}
		seen[r.Name] = i + 1
		r.Comment = comment
		comment = nil
		rules = append(rules, r)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return rules, nil
}

// ParseRule parses one rule written on a line of its own.
func ParseRule(line string) (*Rule, error) {
	return parseLine("rule", 1, line)
}

// parseLine parses `name: LHS => RHS [if COND] [for TYPES]`.
func parseLine(file string, lineNo int, line string) (*Rule, error) {
	errAt := func(off int, format string, args ...any) error {
		return &Error{File: file, Line: lineNo, Col: columnOf(line, off), Msg: fmt.Sprintf(format, args...)}
	}
	if !utf8Valid(line) {
		return nil, errAt(0, "line is not valid UTF-8")
	}
	start := len(line) - len(strings.TrimLeft(line, " \t"))
	colon := strings.IndexByte(line, ':')
	if colon < 0 {
		return nil, errAt(start, "expected name: LHS => RHS")
	}
	name := strings.TrimSpace(line[start:colon])
	if !validName(name) {
		return nil, errAt(start, "bad rule name %q (letters, digits, - _ and .)", name)
	}
	// Find =>, if and for at the top level with Go's scanner.
	body := line[colon+1:]
	base := colon + 1
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(body))
	var scanErr error
	s.Init(f, []byte(body), func(pos token.Position, msg string) {
		if scanErr == nil {
			scanErr = errAt(base+pos.Offset, "%s", msg)
		}
	}, 0)
	arrow, ifAt, forAt := -1, -1, -1
	prevAssign := -1
	depth := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := f.Offset(pos)
		switch tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
		case token.ASSIGN:
			prevAssign = off
			continue
		case token.GTR:
			if prevAssign == off-1 && arrow < 0 {
				arrow = prevAssign
			}
		case token.IF:
			if depth == 0 && ifAt < 0 && arrow >= 0 {
				ifAt = off
			}
		case token.FOR:
			if depth == 0 && forAt < 0 && arrow >= 0 {
				forAt = off
			}
		case token.COMMENT:
			_ = lit
		}
		prevAssign = -1
	}
	if scanErr != nil {
		return nil, scanErr
	}
	if arrow < 0 {
		return nil, errAt(base+len(body)-len(strings.TrimLeft(body, " \t")), "expected =>")
	}
	if ifAt >= 0 && forAt >= 0 && forAt < ifAt {
		return nil, errAt(base+ifAt, "the if clause comes before the for clause")
	}
	end := len(body)
	if c := commentStart(body); c >= 0 {
		end = c
	}
	rhsEnd := end
	if ifAt >= 0 {
		rhsEnd = ifAt
	} else if forAt >= 0 {
		rhsEnd = forAt
	}
	r := &Rule{Name: name, File: file, Line: lineNo, Types: AllTypes}
	p := &exprParser{line: line, errAt: errAt}
	var err error
	if r.LHS, err = p.parse(base, body[:arrow]); err != nil {
		return nil, err
	}
	if r.RHS, err = p.parse(base+arrow+2, body[arrow+2:rhsEnd]); err != nil {
		return nil, err
	}
	if ifAt >= 0 {
		condEnd := end
		if forAt >= 0 {
			condEnd = forAt
		}
		if r.Cond, err = p.parse(base+ifAt+2, body[ifAt+2:condEnd]); err != nil {
			return nil, err
		}
	}
	if forAt >= 0 {
		text := strings.TrimSpace(body[forAt+3 : end])
		if text == "" {
			return nil, errAt(base+forAt, "empty for clause")
		}
		ts, err := parseTypes(text)
		if err != nil {
			return nil, errAt(base+forAt+3+strings.Index(body[forAt+3:end], text), "%v", err)
		}
		r.Types, r.TypesText = ts, strings.Join(strings.Fields(text), " ")
	}
	if err := r.validate(errAt); err != nil {
		return nil, err
	}
	return r, nil
}

// commentStart finds a // comment outside the expression text, or -1.
func commentStart(s string) int { return strings.Index(s, "//") }

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// columnOf is the 1-based column (in bytes) of offset off.
func columnOf(line string, off int) int {
	if off < 0 {
		off = 0
	}
	if off > len(line) {
		off = len(line)
	}
	return off + 1
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// exprParser turns Go expression text into Exprs.
type exprParser struct {
	line  string
	errAt func(off int, format string, args ...any) error
}

// parse parses text, which starts at offset base of the line.
func (p *exprParser) parse(base int, text string) (*Expr, error) {
	if strings.TrimSpace(text) == "" {
		return nil, p.errAt(base, "missing expression")
	}
	fset := token.NewFileSet()
	x, err := parser.ParseExprFrom(fset, "", text, parser.SkipObjectResolution)
	if err != nil {
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, p.errAt(base+list[0].Pos.Offset, "%s", list[0].Msg)
		}
		return nil, p.errAt(base, "%v", err)
	}
	off := func(n ast.Node) int { return base + fset.Position(n.Pos()).Offset }
	return p.convert(x, off)
}

var helpers = map[string]bool{"isPow2": true, "log2": true, "ntz": true, "nlz": true}
var builtins = map[string]bool{"W": true, "MinInt": true, "MaxInt": true, "MaxUint": true}

var binaryOps = map[token.Token]bool{
	token.ADD: true, token.SUB: true, token.MUL: true, token.QUO: true, token.REM: true,
	token.AND: true, token.OR: true, token.XOR: true, token.AND_NOT: true, token.SHL: true, token.SHR: true,
	token.EQL: true, token.NEQ: true, token.LSS: true, token.LEQ: true, token.GTR: true, token.GEQ: true,
	token.LAND: true, token.LOR: true,
}

func (p *exprParser) convert(x ast.Expr, off func(ast.Node) int) (*Expr, error) {
	switch x := x.(type) {
	case *ast.ParenExpr:
		return p.convert(x.X, off)
	case *ast.Ident:
		switch {
		case x.Name == "true" || x.Name == "false":
			return &Expr{Kind: Bool, Val: b2i(x.Name == "true"), Pos: off(x)}, nil
		case builtins[x.Name]:
			return &Expr{Kind: Builtin, Name: x.Name, Pos: off(x)}, nil
		case x.Name == "_":
			return nil, p.errAt(off(x), "_ is not a hole name")
		case unicode.IsUpper([]rune(x.Name)[0]):
			return &Expr{Kind: Const, Name: x.Name, Pos: off(x)}, nil
		case unicode.IsLower([]rune(x.Name)[0]):
			return &Expr{Kind: Var, Name: x.Name, Pos: off(x)}, nil
		}
		return nil, p.errAt(off(x), "identifier %s is neither a hole (lower case) nor a constant (upper case)", x.Name)
	case *ast.BasicLit:
		if x.Kind != token.INT {
			return nil, p.errAt(off(x), "only integer literals are allowed, not %s", x.Value)
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(x.Value, "_", ""), 0, 64)
		if err != nil {
			u, uerr := strconv.ParseUint(strings.ReplaceAll(x.Value, "_", ""), 0, 64)
			if uerr != nil {
				return nil, p.errAt(off(x), "integer literal %s does not fit in 64 bits", x.Value)
			}
			v = int64(u)
		}
		return &Expr{Kind: Lit, Val: v, Pos: off(x)}, nil
	case *ast.UnaryExpr:
		op := x.Op.String()
		if op != "-" && op != "^" && op != "!" && op != "+" {
			return nil, p.errAt(off(x), "unary operator %s is not allowed", op)
		}
		a, err := p.convert(x.X, off)
		if err != nil {
			return nil, err
		}
		if op == "+" {
			return a, nil
		}
		if _, lit := x.X.(*ast.BasicLit); op == "-" && lit {
			// -5 is the literal -5 (and -9223372036854775808 the
			// smallest int64); -(5) stays an operation.
			return &Expr{Kind: Lit, Val: -a.Val, Pos: off(x)}, nil
		}
		return &Expr{Kind: Unary, Op: op, Args: []*Expr{a}, Pos: off(x)}, nil
	case *ast.BinaryExpr:
		if !binaryOps[x.Op] {
			return nil, p.errAt(off(x)+int(x.OpPos-x.Pos()), "operator %s is not allowed", x.Op)
		}
		a, err := p.convert(x.X, off)
		if err != nil {
			return nil, err
		}
		b, err := p.convert(x.Y, off)
		if err != nil {
			return nil, err
		}
		return &Expr{Kind: Binary, Op: x.Op.String(), Args: []*Expr{a, b}, Pos: off(x)}, nil
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		if !ok || !helpers[id.Name] {
			return nil, p.errAt(off(x), "only the helpers isPow2, log2, ntz and nlz may be called")
		}
		if len(x.Args) != 1 || x.Ellipsis.IsValid() {
			return nil, p.errAt(off(x), "%s takes one argument", id.Name)
		}
		a, err := p.convert(x.Args[0], off)
		if err != nil {
			return nil, err
		}
		return &Expr{Kind: Call, Name: id.Name, Args: []*Expr{a}, Pos: off(x)}, nil
	}
	return nil, p.errAt(off(x), "%T is not allowed in a rule", x)
}

// validate checks what the grammar does not: scoping of holes and
// constants, bool versus integer operands, and the shape of the left side.
func (r *Rule) validate(errAt func(int, string, ...any) error) error {
	if r.LHS.Kind == Var || r.LHS.Kind == Const || r.LHS.closed() {
		return errAt(r.LHS.Pos, "the left side must be an operation on holes or constants")
	}
	if err := checkLHS(r.LHS, errAt); err != nil {
		return err
	}
	holes := setOf(r.LHS.names(Var, nil))
	consts := setOf(r.LHS.names(Const, nil))
	for _, side := range []*Expr{r.RHS, r.Cond} {
		if side == nil {
			continue
		}
		if err := walk(side, func(e *Expr) error {
			switch {
			case e.Kind == Var && side == r.Cond:
				return errAt(e.Pos, "the condition may mention only constants, not the hole %s", e.Name)
			case e.Kind == Var && !holes[e.Name]:
				return errAt(e.Pos, "hole %s is not bound by the left side", e.Name)
			case e.Kind == Const && !consts[e.Name]:
				return errAt(e.Pos, "constant %s is not bound by the left side", e.Name)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	r.boolHoles = map[string]bool{}
	for _, side := range []*Expr{r.LHS, r.RHS} {
		markBoolHoles(side, r.boolHoles)
	}
	for _, side := range []*Expr{r.LHS, r.RHS, r.Cond} {
		if side == nil {
			continue
		}
		if err := typecheck(side, r.boolHoles, errAt); err != nil {
			return err
		}
	}
	if r.LHS.isBool() != r.RHS.isBool() && !(r.RHS.Kind == Var && r.boolHoles[r.RHS.Name] == r.LHS.isBool()) {
		return errAt(r.RHS.Pos, "the right side is %s but the left side is %s", kindName(r.RHS, r.boolHoles), kindName(r.LHS, r.boolHoles))
	}
	if r.Cond != nil && !r.Cond.isBool() {
		return errAt(r.Cond.Pos, "the condition must be a boolean expression")
	}
	return nil
}

// checkLHS rejects helper calls that depend on what is matched: a left
// side is a pattern, not a computation.
func checkLHS(e *Expr, errAt func(int, string, ...any) error) error {
	return walk(e, func(x *Expr) error {
		if x.Kind == Call && !x.closed() {
			return errAt(x.Pos, "%s of a hole or constant cannot be matched: move it to the condition", x.Name)
		}
		return nil
	})
}

func walk(e *Expr, f func(*Expr) error) error {
	if err := f(e); err != nil {
		return err
	}
	for _, a := range e.Args {
		if err := walk(a, f); err != nil {
			return err
		}
	}
	return nil
}

func setOf(names []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// markBoolHoles records the holes that are operands of !, && or ||.
func markBoolHoles(e *Expr, m map[string]bool) {
	if e.Kind == Unary && e.Op == "!" || e.Kind == Binary && (e.Op == "&&" || e.Op == "||") {
		for _, a := range e.Args {
			if a.Kind == Var {
				m[a.Name] = true
			}
		}
	}
	for _, a := range e.Args {
		markBoolHoles(a, m)
	}
}

func exprIsBool(e *Expr, boolHoles map[string]bool) bool {
	if e.Kind == Var {
		return boolHoles[e.Name]
	}
	return e.isBool()
}

func kindName(e *Expr, boolHoles map[string]bool) string {
	if exprIsBool(e, boolHoles) {
		return "boolean"
	}
	return "an integer"
}

// typecheck checks that operators get operands of the right kind.
func typecheck(e *Expr, boolHoles map[string]bool, errAt func(int, string, ...any) error) error {
	for _, a := range e.Args {
		if err := typecheck(a, boolHoles, errAt); err != nil {
			return err
		}
	}
	want := func(a *Expr, b bool) error {
		if exprIsBool(a, boolHoles) != b {
			return errAt(a.Pos, "operand of %s%s must be %s", e.Op, e.Name, map[bool]string{true: "boolean", false: "an integer"}[b])
		}
		return nil
	}
	switch e.Kind {
	case Call:
		return want(e.Args[0], false)
	case Unary:
		return want(e.Args[0], e.Op == "!")
	case Binary:
		switch e.Op {
		case "&&", "||":
			if err := want(e.Args[0], true); err != nil {
				return err
			}
			return want(e.Args[1], true)
		case "==", "!=":
			return want(e.Args[1], exprIsBool(e.Args[0], boolHoles))
		default:
			if err := want(e.Args[0], false); err != nil {
				return err
			}
			return want(e.Args[1], false)
		}
	}
	return nil
}

// sortedKeys returns m's keys in order.
func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
