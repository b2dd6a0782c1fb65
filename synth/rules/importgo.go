package rules

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// This file translates the Go compiler's generic SSA rules
// ($GOROOT/src/cmd/compile/internal/ssa/_gen/generic.rules) into vsynth
// rules, for the part that is fixed-width integer algebra: Add, Sub, Mul,
// And, Or, Xor, Neg, Com, Div, Mod, Lsh, Rsh, Eq, Neq, Less, Leq over
// Const8…Const64 and ConstBool, with conditions over the constants.
//
// Semantics of the translation. A width-n operation that does not care
// about signedness (Add, Sub, Mul, And, Or, Xor, Neg, Com, Lsh, Eq, Neq)
// gives a rule for intn and uintn; Div, Mod, Less, Leq and Rsh give intn,
// their U forms uintn; a rule mixing the two is skipped. Auxint
// arithmetic in the compiler is done in the typed auxint (int8 for
// Const8), which wraps like intn; conditions and auxint expressions that
// compare or divide are signed there, so a rule whose condition or
// right-side constants use <, <=, >, >=, /, %, >> or the helpers that
// depend on sign is kept only for intn. SSA shift counts are unsigned
// while a Go shift by a negative count panics: shifts are kept only where
// the count's type is the unsigned type of the rule (so Lsh and RshU with
// a same-width count, for uintn).

// ImportSkip is a compiler rule that was not translated, and why.
type ImportSkip struct {
	Line   int
	Rule   string
	Reason string
}

// ImportGo translates the rules in src (a generic.rules file). It returns
// the translated rules as rule-file text and the rules it skipped.
func ImportGo(src string) (string, []ImportSkip) {
	var out strings.Builder
	var skips []ImportSkip
	for _, gr := range splitGoRules(src) {
		for i, inst := range expandAlternatives(gr.text) {
			line, err := translateGoRule(inst)
			if err != nil {
				skips = append(skips, ImportSkip{Line: gr.line, Rule: inst, Reason: err.Error()})
				continue
			}
			fmt.Fprintf(&out, "go%d-%d: %s  // generic.rules:%d\n", gr.line, i+1, line, gr.line)
		}
	}
	return out.String(), skips
}

type goRule struct {
	line int
	text string
}

// splitGoRules joins each rule's lines (a rule starts with "(" in the
// first column and continues on indented lines) and drops comments.
func splitGoRules(src string) []goRule {
	var rules []goRule
	var cur *goRule
	for i, line := range strings.Split(src, "\n") {
		if c := strings.Index(line, "//"); c >= 0 {
			line = line[:c]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "(") && (cur == nil || balanced(cur.text) && strings.Contains(cur.text, "=>")) {
			rules = append(rules, goRule{line: i + 1, text: strings.TrimSpace(line)})
			cur = &rules[len(rules)-1]
			continue
		}
		if cur != nil {
			cur.text += " " + strings.TrimSpace(line)
		}
	}
	return rules
}

func balanced(s string) bool {
	d := 0
	for _, c := range s {
		switch c {
		case '(':
			d++
		case ')':
			d--
		}
	}
	return d == 0
}

var altRE = regexp.MustCompile(`\(([A-Za-z0-9]+(?:\|[A-Za-z0-9]+)+)\)`)

// expandAlternatives expands (a|b|c) groups in parallel, as rulegen does.
func expandAlternatives(s string) []string {
	groups := altRE.FindAllStringSubmatch(s, -1)
	if len(groups) == 0 {
		return []string{s}
	}
	k := len(strings.Split(groups[0][1], "|"))
	for _, g := range groups {
		if len(strings.Split(g[1], "|")) != k {
			return []string{s} // will fail to translate, and be reported
		}
	}
	var out []string
	for i := range k {
		out = append(out, altRE.ReplaceAllStringFunc(s, func(m string) string {
			return strings.Split(m[1:len(m)-1], "|")[i]
		}))
	}
	return out
}

// sexp is a parsed rule term.
type sexp struct {
	bind  string // name: prefix
	op    string // "" for a variable
	name  string // variable name
	aux   string // [auxint] text
	args  []*sexp
	typed bool
}

type sexpParser struct {
	s   string
	pos int
}

func (p *sexpParser) skip() {
	for p.pos < len(p.s) && p.s[p.pos] == ' ' {
		p.pos++
	}
}

func (p *sexpParser) word() string {
	start := p.pos
	for p.pos < len(p.s) && (isWordByte(p.s[p.pos])) {
		p.pos++
	}
	return p.s[start:p.pos]
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// bracket reads a balanced [..], <..> or {..} group.
func (p *sexpParser) bracket(open, close byte) (string, error) {
	start := p.pos + 1
	d := 0
	for ; p.pos < len(p.s); p.pos++ {
		switch p.s[p.pos] {
		case open:
			d++
		case close:
			d--
			if d == 0 {
				p.pos++
				return p.s[start : p.pos-1], nil
			}
		}
	}
	return "", fmt.Errorf("unbalanced %c", open)
}

func (p *sexpParser) term() (*sexp, error) {
	p.skip()
	w := p.word()
	if p.pos < len(p.s) && p.s[p.pos] == ':' {
		p.pos++
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		t.bind = w
		return t, nil
	}
	if w != "" {
		return &sexp{name: w}, nil
	}
	if p.pos >= len(p.s) || p.s[p.pos] != '(' {
		return nil, fmt.Errorf("expected a term at %q", p.s[p.pos:])
	}
	p.pos++
	p.skip()
	t := &sexp{op: p.word()}
	for {
		p.skip()
		if p.pos >= len(p.s) {
			return nil, fmt.Errorf("unterminated term")
		}
		switch p.s[p.pos] {
		case ')':
			p.pos++
			return t, nil
		case '<':
			if _, err := p.bracket('<', '>'); err != nil {
				return nil, err
			}
			t.typed = true
		case '[':
			aux, err := p.bracket('[', ']')
			if err != nil {
				return nil, err
			}
			t.aux = aux
		case '{':
			return nil, fmt.Errorf("symbolic aux {...}")
		default:
			a, err := p.term()
			if err != nil {
				return nil, err
			}
			t.args = append(t.args, a)
		}
	}
}

var opRE = regexp.MustCompile(`^(Add|Sub|Mul|And|Or|Xor|Neg|Com|Div|Mod|Lsh|Rsh|Eq|Neq|Less|Leq|Const)(8|16|32|64)(U|u)?(?:x(8|16|32|64))?$`)

// signedness of a rule being translated: which types it may claim.
type goTranslation struct {
	width    int
	signed   bool // some operation is signed
	unsigned bool // some operation is unsigned
	signOnly bool // condition or constants need signed semantics
	bind     map[string]*Expr
	consts   map[string]string // auxint name -> constant name
	wild     int               // wildcards seen
}

func (g *goTranslation) setWidth(w int) error {
	if g.width != 0 && g.width != w {
		return fmt.Errorf("mixes widths %d and %d", g.width, w)
	}
	g.width = w
	return nil
}

// expr translates a term of the left (lhs true) or right side.
func (g *goTranslation) expr(t *sexp, lhs bool) (*Expr, error) {
	e, err := g.expr1(t, lhs)
	if err != nil {
		return nil, err
	}
	if t.bind != "" {
		if !lhs {
			return nil, fmt.Errorf("binding on the right side")
		}
		g.bind[t.bind] = e
	}
	return e, nil
}

func (g *goTranslation) expr1(t *sexp, lhs bool) (*Expr, error) {
	if t.op == "" {
		if t.name == "_" && lhs {
			// A wildcard: a hole of its own.
			g.wild++
			return &Expr{Kind: Var, Name: fmt.Sprintf("w%d", g.wild)}, nil
		}
		if b, ok := g.bind[t.name]; ok && !lhs {
			return b, nil
		}
		if !lhs {
			if _, ok := g.bind[t.name]; !ok && !g.holeSeen(t.name) {
				return nil, fmt.Errorf("unbound %s", t.name)
			}
		}
		if t.name == "" || !('a' <= t.name[0] && t.name[0] <= 'z') {
			return nil, fmt.Errorf("variable %q", t.name)
		}
		g.bind[t.name] = &Expr{Kind: Var, Name: t.name}
		return g.bind[t.name], nil
	}
	switch t.op {
	case "ConstBool":
		switch t.aux {
		case "true", "false":
			return &Expr{Kind: Bool, Val: b2i(t.aux == "true")}, nil
		}
		if lhs {
			return nil, fmt.Errorf("ConstBool with a variable auxint")
		}
		return g.aux(t.aux)
	case "Not", "AndB", "OrB", "EqB", "NeqB":
		var args []*Expr
		for _, a := range t.args {
			x, err := g.expr(a, lhs)
			if err != nil {
				return nil, err
			}
			args = append(args, x)
		}
		op := map[string]string{"Not": "!", "AndB": "&&", "OrB": "||", "EqB": "==", "NeqB": "!="}[t.op]
		if t.op == "Not" {
			if len(args) != 1 {
				return nil, fmt.Errorf("Not with %d arguments", len(args))
			}
			return &Expr{Kind: Unary, Op: op, Args: args}, nil
		}
		if len(args) != 2 {
			return nil, fmt.Errorf("%s with %d arguments", t.op, len(args))
		}
		return &Expr{Kind: Binary, Op: op, Args: args}, nil
	}
	m := opRE.FindStringSubmatch(t.op)
	if m == nil {
		return nil, fmt.Errorf("operation %s is not fixed-width integer algebra", t.op)
	}
	w, _ := strconv.Atoi(m[2])
	if err := g.setWidth(w); err != nil {
		return nil, err
	}
	base, u := m[1], m[3] != ""
	if m[4] != "" && m[4] != m[2] {
		return nil, fmt.Errorf("shift %s with a count of another width", t.op)
	}
	if base == "Const" {
		if len(t.args) != 0 {
			return nil, fmt.Errorf("Const with arguments")
		}
		if v, err := strconv.ParseInt(t.aux, 10, 64); err == nil {
			return &Expr{Kind: Lit, Val: v}, nil
		}
		if lhs && t.aux == "" {
			// (Const64 <t>) matches any constant: a constant of its own.
			g.wild++
			c := fmt.Sprintf("K%d", g.wild)
			if t.bind != "" {
				g.consts[t.bind] = c
			}
			return &Expr{Kind: Const, Name: c}, nil
		}
		if lhs {
			if !isIdent(t.aux) {
				return nil, fmt.Errorf("constant pattern [%s]", t.aux)
			}
			c := strings.ToUpper(t.aux[:1]) + t.aux[1:]
			g.consts[t.aux] = c
			return &Expr{Kind: Const, Name: c}, nil
		}
		return g.aux(t.aux)
	}
	switch base {
	case "Div", "Mod", "Less", "Leq":
		if u {
			g.unsigned = true
		} else {
			g.signed = true
		}
	case "Rsh":
		if !u {
			return nil, fmt.Errorf("signed right shift %s: SSA shift counts are unsigned, Go's panic when negative", t.op)
		}
		g.unsigned = true
	case "Lsh":
		g.unsigned = true // the count is unsigned: only the unsigned type agrees
	}
	var args []*Expr
	for _, a := range t.args {
		x, err := g.expr(a, lhs)
		if err != nil {
			return nil, err
		}
		args = append(args, x)
	}
	ops := map[string]string{"Add": "+", "Sub": "-", "Mul": "*", "And": "&", "Or": "|", "Xor": "^", "Div": "/", "Mod": "%", "Lsh": "<<", "Rsh": ">>", "Eq": "==", "Neq": "!=", "Less": "<", "Leq": "<="}
	switch base {
	case "Neg", "Com":
		if len(args) != 1 {
			return nil, fmt.Errorf("%s with %d arguments", t.op, len(args))
		}
		return &Expr{Kind: Unary, Op: map[string]string{"Neg": "-", "Com": "^"}[base], Args: args}, nil
	}
	if len(args) != 2 {
		return nil, fmt.Errorf("%s with %d arguments", t.op, len(args))
	}
	return &Expr{Kind: Binary, Op: ops[base], Args: args}, nil
}

func (g *goTranslation) holeSeen(name string) bool {
	_, ok := g.bind[name]
	return ok
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isWordByte(s[i]) || s[i] == '.' {
			return false
		}
	}
	return true
}

// aux translates a Go expression over auxints (a condition or a right
// side [..]) into a constant expression.
func (g *goTranslation) aux(src string) (*Expr, error) {
	x, err := parser.ParseExpr(src)
	if err != nil {
		return nil, fmt.Errorf("auxint expression %q: %v", src, err)
	}
	return g.auxExpr(x)
}

func (g *goTranslation) auxExpr(x ast.Expr) (*Expr, error) {
	switch x := x.(type) {
	case *ast.ParenExpr:
		return g.auxExpr(x.X)
	case *ast.BasicLit:
		if x.Kind != token.INT {
			return nil, fmt.Errorf("literal %s", x.Value)
		}
		v, err := strconv.ParseInt(x.Value, 0, 64)
		if err != nil {
			return nil, fmt.Errorf("literal %s", x.Value)
		}
		return &Expr{Kind: Lit, Val: v}, nil
	case *ast.Ident:
		switch x.Name {
		case "true", "false":
			return &Expr{Kind: Bool, Val: b2i(x.Name == "true")}, nil
		}
		c, ok := g.consts[x.Name]
		if !ok {
			return nil, fmt.Errorf("condition mentions %s, which is not a constant of the left side", x.Name)
		}
		return &Expr{Kind: Const, Name: c}, nil
	case *ast.UnaryExpr:
		if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.SUB && lit.Kind == token.INT {
			v, err := strconv.ParseInt("-"+lit.Value, 0, 64)
			if err != nil {
				return nil, fmt.Errorf("literal -%s", lit.Value)
			}
			return &Expr{Kind: Lit, Val: v}, nil
		}
		a, err := g.auxExpr(x.X)
		if err != nil {
			return nil, err
		}
		switch x.Op {
		case token.SUB, token.XOR, token.NOT:
			return &Expr{Kind: Unary, Op: x.Op.String(), Args: []*Expr{a}}, nil
		}
		return nil, fmt.Errorf("unary %s", x.Op)
	case *ast.BinaryExpr:
		if !binaryOps[x.Op] {
			return nil, fmt.Errorf("operator %s", x.Op)
		}
		switch x.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.QUO, token.REM, token.SHR:
			if !unsignedOperands(x, g.width) {
				g.signOnly = true
			}
		}
		a, err := g.auxExpr(x.X)
		if err != nil {
			return nil, err
		}
		b, err := g.auxExpr(x.Y)
		if err != nil {
			return nil, err
		}
		return &Expr{Kind: Binary, Op: x.Op.String(), Args: []*Expr{a, b}}, nil
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		if !ok || len(x.Args) != 1 {
			return nil, fmt.Errorf("call %s", exprText(x.Fun))
		}
		a, err := g.auxExpr(x.Args[0])
		if err != nil {
			return nil, err
		}
		w := strconv.Itoa(g.width)
		switch id.Name {
		case "isPowerOfTwo":
			g.signOnly = true
			return &Expr{Kind: Call, Name: "isPow2", Args: []*Expr{a}}, nil
		case "log8", "log16", "log32", "log64":
			g.signOnly = true
			return &Expr{Kind: Call, Name: "log2", Args: []*Expr{a}}, nil
		case "ntz8", "ntz16", "ntz32", "ntz64":
			return &Expr{Kind: Call, Name: "ntz", Args: []*Expr{a}}, nil
		case "nlz8", "nlz16", "nlz32", "nlz64":
			return &Expr{Kind: Call, Name: "nlz", Args: []*Expr{a}}, nil
		case "oneBit", "oneBit8", "oneBit16", "oneBit32", "oneBit64":
			// x != 0 && x&(x-1) == 0
			return &Expr{Kind: Binary, Op: "&&", Args: []*Expr{
				{Kind: Binary, Op: "!=", Args: []*Expr{a, {Kind: Lit}}},
				{Kind: Binary, Op: "==", Args: []*Expr{{Kind: Binary, Op: "&", Args: []*Expr{a, {Kind: Binary, Op: "-", Args: []*Expr{a, {Kind: Lit, Val: 1}}}}}, {Kind: Lit}}},
			}}, nil
		case "int" + w:
			return a, nil // the auxint's own type
		case "uint" + w:
			g.unsigned = true // reinterpreting as unsigned: only the unsigned type agrees
			return a, nil
		}
		return nil, fmt.Errorf("call %s", id.Name)
	}
	return nil, fmt.Errorf("%s in an auxint expression", exprText(x))
}

func exprText(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprText(x.X) + "." + x.Sel.Name
	}
	return fmt.Sprintf("%T", x)
}

// translateGoRule translates one expanded compiler rule to a rule line
// (without the name).
func translateGoRule(text string) (string, error) {
	arrow := strings.Index(text, "=>")
	if arrow < 0 {
		return "", fmt.Errorf("no =>")
	}
	left, right := strings.TrimSpace(text[:arrow]), strings.TrimSpace(text[arrow+2:])
	cond := ""
	p := &sexpParser{s: left}
	lt, err := p.term()
	if err != nil {
		return "", err
	}
	rest := strings.TrimSpace(left[p.pos:])
	if rest != "" {
		if !strings.HasPrefix(rest, "&&") {
			return "", fmt.Errorf("unexpected %q after the match", rest)
		}
		cond = strings.TrimSpace(rest[2:])
	}
	cond = dropShapeConditions(cond)
	g := &goTranslation{bind: map[string]*Expr{}, consts: map[string]string{}}
	lhs, err := g.expr(lt, true)
	if err != nil {
		return "", err
	}
	var c *Expr
	if cond != "" {
		if c, err = g.aux(cond); err != nil {
			return "", err
		}
	}
	rp := &sexpParser{s: right}
	rt, err := rp.term()
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(right[rp.pos:]) != "" {
		return "", fmt.Errorf("unexpected text after the result")
	}
	rhs, err := g.expr(rt, false)
	if err != nil {
		return "", err
	}
	if g.width == 0 {
		return "", fmt.Errorf("no integer operation")
	}
	var types string
	switch {
	case g.signed && g.unsigned:
		return "", fmt.Errorf("mixes signed and unsigned operations")
	case g.unsigned && g.signOnly:
		return "", fmt.Errorf("unsigned operations with a condition or constants in signed auxint arithmetic")
	case g.unsigned:
		types = fmt.Sprintf("uint%d", g.width)
	case g.signed || g.signOnly:
		types = fmt.Sprintf("int%d", g.width)
	default:
		types = fmt.Sprintf("int%d, uint%d", g.width, g.width)
	}
	line := fmt.Sprintf(": %s => %s", lhs, rhs)
	if c != nil {
		line += " if " + c.String()
	}
	line += " for " + types
	// The translation must be a valid vsynth rule.
	if _, err := parseLine("import", 1, "x"+line); err != nil {
		var e *Error
		if ok := asError(err, &e); ok {
			return "", fmt.Errorf("not a valid vsynth rule: %s", e.Msg)
		}
		return "", err
	}
	return line[2:], nil
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*target = e
	}
	return ok
}

// unsignedOperands reports whether both operands of x are conversions to
// uintW: then the comparison or division is unsigned, as in the unsigned
// type of the rule.
func unsignedOperands(x *ast.BinaryExpr, w int) bool {
	isU := func(e ast.Expr) bool {
		c, ok := e.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := c.Fun.(*ast.Ident)
		return ok && id.Name == "uint"+strconv.Itoa(w)
	}
	return isU(x.X) && isU(x.Y)
}

var shapeRE = regexp.MustCompile(`^\(?\s*[a-z]\w*\.Op\s*[!=]=\s*OpConst(8|16|32|64)\s*\)?$`)

// dropShapeConditions removes the conjuncts of cond that test the shape
// of a matched value (z.Op != OpConst64), not its value: they only keep
// the compiler from looping, and the rule without them is a stronger
// claim, so proving it proves the compiler's rule.
func dropShapeConditions(cond string) string {
	if cond == "" {
		return ""
	}
	var keep []string
	for _, c := range splitTopLevel(cond, "&&") {
		c = strings.TrimSpace(c)
		if inner, ok := unparen(c); ok && len(splitTopLevel(inner, "&&")) > 1 {
			if c = dropShapeConditions(inner); c == "" {
				continue
			}
		}
		if !shapeRE.MatchString(c) {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " && ")
}

// unparen strips parentheses around the whole of s.
func unparen(s string) (string, bool) {
	if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") {
		return s, false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i != len(s)-1 {
				return s, false
			}
		}
	}
	return s[1 : len(s)-1], true
}

// splitTopLevel splits s at sep outside parentheses.
func splitTopLevel(s, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[start:i])
			start = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[start:])
}
