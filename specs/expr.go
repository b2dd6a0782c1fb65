package specs

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// Names of the functions that quantifiers desugar to: "forall x T :: E"
// becomes ForallName(func(x T) bool { return E }).
const (
	ForallName = "__vsynth_forall"
	ExistsName = "__vsynth_exists"
)

// MaxNesting bounds how deeply clause expressions may nest, so that
// hostile input gets an error instead of exhausting the stack.
const MaxNesting = 1000

// ParseExpr parses one clause expression. pos is the position of text[0]
// in fset; the text must lie in a file added to fset. The result is plain
// go/ast: implications and quantifiers are desugared (see the package
// documentation) and every node carries its true position. Errors are
// returned as an ErrorList.
func ParseExpr(fset *token.FileSet, pos token.Pos, text string) (ast.Expr, error) {
	parsed, err := parseClauseExpr(fset, pos, text)
	if err != nil {
		return nil, err
	}
	return parsed.expr, nil
}

// ParseExprString parses a clause expression that is not part of any file.
// It places the text in a file of its own in a private FileSet, so node
// positions are 1 + the byte offset in text and error positions are
// "line:col".
func ParseExprString(text string) (ast.Expr, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(text))
	if text != "" { // an empty content would drop the first line
		file.SetLinesForContent([]byte(text))
	}
	return ParseExpr(fset, token.Pos(file.Base()), text)
}

// parsedExpr is a parsed clause expression with the extent of its tokens in
// the text, which leaves out blanks and a trailing comment.
type parsedExpr struct {
	expr       ast.Expr
	start, end int
}

func parseClauseExpr(fset *token.FileSet, pos token.Pos, text string) (parsedExpr, error) {
	errs := &errorCollector{fset: fset}
	toks, lexErr := lex(text)
	if lexErr != nil {
		errs.add(pos+token.Pos(lexErr.off), lexErr.msg)
		return parsedExpr{}, errs.err()
	}
	p := &exprParser{base: pos, toks: toks}
	p.tok = toks[0]
	expr, perr := p.parseAll()
	if perr != nil {
		errs.add(pos+token.Pos(perr.off), perr.msg)
		return parsedExpr{}, errs.err()
	}
	return parsedExpr{expr: expr, start: toks[0].off, end: p.prevEnd}, nil
}

// exprParser is a recursive-descent parser over the lexemes of one clause.
// It stops at the first error by panicking with a bailout, which parseAll
// recovers.
type exprParser struct {
	base    token.Pos
	toks    []lexeme
	index   int    // index of tok in toks
	tok     lexeme // current token
	prevEnd int    // end offset of the last consumed token
	depth   int
	err     *offsetError
}

type bailout struct{}

func (p *exprParser) parseAll() (expr ast.Expr, err *offsetError) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			expr, err = nil, p.err
		}
	}()
	if p.tok.tok == token.EOF {
		p.failAt(p.tok.off, "missing expression")
	}
	expr = p.parseExpr()
	if p.tok.tok != token.EOF {
		p.fail("unexpected %s after expression", describe(p.tok))
	}
	return expr, nil
}

func (p *exprParser) failAt(off int, format string, args ...any) {
	p.err = &offsetError{off: off, msg: fmt.Sprintf(format, args...)}
	panic(bailout{})
}

func (p *exprParser) fail(format string, args ...any) {
	p.failAt(p.tok.off, format, args...)
}

func (p *exprParser) pos(off int) token.Pos { return p.base + token.Pos(off) }

func (p *exprParser) next() {
	p.prevEnd = p.tok.end
	if p.index+1 < len(p.toks) {
		p.index++
	}
	p.tok = p.toks[p.index]
}

func (p *exprParser) peek() lexeme {
	if p.index+1 < len(p.toks) {
		return p.toks[p.index+1]
	}
	return p.tok
}

// expect consumes a token of the given kind and returns its position.
func (p *exprParser) expect(tok token.Token, what string) token.Pos {
	if p.tok.tok != tok {
		p.fail("expected %s, found %s", what, describe(p.tok))
	}
	pos := p.pos(p.tok.off)
	p.next()
	return pos
}

func (p *exprParser) enter() {
	p.depth++
	if p.depth > MaxNesting {
		p.fail("expression nested too deeply (more than %d levels)", MaxNesting)
	}
}

func (p *exprParser) leave() { p.depth-- }

// parseExpr parses a full clause expression: binary expressions joined by
// the right-associative, lowest-precedence ==>.
func (p *exprParser) parseExpr() ast.Expr {
	operands := []ast.Expr{p.parseBinary(1)}
	var arrows []token.Pos
	for p.tok.tok == tokImplies {
		arrows = append(arrows, p.pos(p.tok.off))
		p.next()
		operands = append(operands, p.parseBinary(1))
	}
	x := operands[len(operands)-1]
	for i := len(arrows) - 1; i >= 0; i-- {
		x = implication(operands[i], arrows[i], x)
	}
	return x
}

// implication desugars "a ==> b" to "!(a) || (b)". The ! is placed at the
// start of a, where no source character belongs to it; IsImplication
// relies on that to recognize the result.
func implication(a ast.Expr, arrow token.Pos, b ast.Expr) ast.Expr {
	return &ast.BinaryExpr{
		X: &ast.UnaryExpr{
			OpPos: a.Pos(),
			Op:    token.NOT,
			X:     &ast.ParenExpr{Lparen: a.Pos(), X: a, Rparen: a.End() - 1},
		},
		OpPos: arrow,
		Op:    token.LOR,
		Y:     &ast.ParenExpr{Lparen: b.Pos(), X: b, Rparen: b.End() - 1},
	}
}

// IsImplication reports whether e is the desugaring of "a ==> b" made by
// this package's parser, as opposed to a written "!(a) || (b)".
func IsImplication(e *ast.BinaryExpr) bool {
	if e.Op != token.LOR {
		return false
	}
	not, ok := e.X.(*ast.UnaryExpr)
	if !ok || not.Op != token.NOT {
		return false
	}
	paren, ok := not.X.(*ast.ParenExpr)
	return ok && not.OpPos == paren.Lparen && paren.Lparen == paren.X.Pos()
}

func binaryPrecedence(tok token.Token) int {
	if tok == tokImplies || tok == tokDoubleColon {
		return 0
	}
	return tok.Precedence()
}

// parseBinary parses a binary expression whose operators bind at least as
// tightly as minPrec (Go's precedences, 1 to 5).
func (p *exprParser) parseBinary(minPrec int) ast.Expr {
	x := p.parseUnary()
	for {
		prec := binaryPrecedence(p.tok.tok)
		if prec < minPrec {
			return x
		}
		op, opPos := p.tok.tok, p.pos(p.tok.off)
		p.next()
		y := p.parseBinary(prec + 1)
		x = &ast.BinaryExpr{X: x, OpPos: opPos, Op: op, Y: y}
	}
}

func (p *exprParser) parseUnary() ast.Expr {
	p.enter()
	defer p.leave()
	switch p.tok.tok {
	case token.ADD, token.SUB, token.NOT, token.XOR, token.AND:
		op, opPos := p.tok.tok, p.pos(p.tok.off)
		p.next()
		return &ast.UnaryExpr{OpPos: opPos, Op: op, X: p.parseUnary()}
	case token.MUL:
		star := p.pos(p.tok.off)
		p.next()
		return &ast.StarExpr{Star: star, X: p.parseUnary()}
	case token.ARROW:
		p.fail("unsupported in a spec: channel receive")
	case token.TILDE:
		p.fail("unsupported in a spec: type constraint ~")
	}
	return p.parsePrimary()
}

func (p *exprParser) parsePrimary() ast.Expr {
	x := p.parseOperand()
	for {
		switch p.tok.tok {
		case token.PERIOD:
			x = p.parseSelector(x)
		case token.LBRACK:
			x = p.parseIndexOrSlice(x)
		case token.LPAREN:
			x = p.parseCall(x)
		case token.LBRACE:
			if !isLiteralType(x) {
				return x
			}
			x = p.parseLiteralValue(x)
		default:
			return x
		}
	}
}

func (p *exprParser) parseOperand() ast.Expr {
	switch t := p.tok; t.tok {
	case token.IDENT:
		if (t.lit == "forall" || t.lit == "exists") && p.peek().tok == token.IDENT {
			return p.parseQuantifier()
		}
		p.next()
		return &ast.Ident{NamePos: p.pos(t.off), Name: t.lit}
	case token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING:
		p.next()
		return &ast.BasicLit{ValuePos: p.pos(t.off), ValueEnd: p.pos(t.end), Kind: t.tok, Value: t.lit}
	case token.LPAREN:
		p.next()
		x := p.parseExpr()
		rparen := p.expect(token.RPAREN, "')'")
		return &ast.ParenExpr{Lparen: p.pos(t.off), X: x, Rparen: rparen}
	case token.LBRACK, token.MAP:
		return p.parseType()
	case token.FUNC:
		p.fail("unsupported in a spec: function literal")
	case token.STRUCT, token.INTERFACE, token.CHAN:
		p.fail("unsupported in a spec: %s type", t.lit)
	}
	p.fail("expected operand, found %s", describe(p.tok))
	return nil
}

func (p *exprParser) parseIdent(what string) *ast.Ident {
	t := p.tok
	if t.tok != token.IDENT {
		p.fail("expected %s, found %s", what, describe(t))
	}
	p.next()
	return &ast.Ident{NamePos: p.pos(t.off), Name: t.lit}
}

func (p *exprParser) parseSelector(x ast.Expr) ast.Expr {
	dot := p.tok.off
	p.next()
	if p.tok.tok == token.LPAREN {
		p.failAt(dot, "unsupported in a spec: type assertion")
	}
	return &ast.SelectorExpr{X: x, Sel: p.parseIdent("selector")}
}

// parseIndexOrSlice parses a[i], a[i:j], a[i:j:k] and instantiations
// f[T1, T2].
func (p *exprParser) parseIndexOrSlice(x ast.Expr) ast.Expr {
	p.enter()
	defer p.leave()
	lbrack := p.pos(p.tok.off)
	p.next()
	var index [3]ast.Expr
	if p.tok.tok != token.COLON {
		index[0] = p.parseExpr()
	}
	colons := 0
	for p.tok.tok == token.COLON && colons < 2 {
		colons++
		p.next()
		if p.tok.tok != token.COLON && p.tok.tok != token.RBRACK {
			index[colons] = p.parseExpr()
		}
	}
	if colons == 0 && p.tok.tok == token.COMMA {
		return p.parseIndexList(x, lbrack, index[0])
	}
	rbrackOff := p.tok.off
	rbrack := p.expect(token.RBRACK, "']'")
	switch {
	case colons == 2 && index[1] == nil:
		p.failAt(rbrackOff, "middle index required in 3-index slice")
	case colons == 2 && index[2] == nil:
		p.failAt(rbrackOff, "final index required in 3-index slice")
	case colons > 0:
		return &ast.SliceExpr{X: x, Lbrack: lbrack, Low: index[0], High: index[1], Max: index[2], Slice3: colons == 2, Rbrack: rbrack}
	case index[0] == nil:
		p.failAt(rbrackOff, "expected operand, found ']'")
	}
	return &ast.IndexExpr{X: x, Lbrack: lbrack, Index: index[0], Rbrack: rbrack}
}

func (p *exprParser) parseIndexList(x ast.Expr, lbrack token.Pos, first ast.Expr) ast.Expr {
	indices := []ast.Expr{first}
	for p.tok.tok == token.COMMA {
		p.next()
		if p.tok.tok == token.RBRACK {
			break
		}
		indices = append(indices, p.parseExpr())
	}
	rbrack := p.expect(token.RBRACK, "']'")
	return &ast.IndexListExpr{X: x, Lbrack: lbrack, Indices: indices, Rbrack: rbrack}
}

func (p *exprParser) parseCall(fun ast.Expr) ast.Expr {
	p.enter()
	defer p.leave()
	lparen := p.pos(p.tok.off)
	p.next()
	var args []ast.Expr
	var ellipsis token.Pos
	for p.tok.tok != token.RPAREN && p.tok.tok != token.EOF {
		args = append(args, p.parseExpr())
		if p.tok.tok == token.ELLIPSIS {
			ellipsis = p.pos(p.tok.off)
			p.next()
		}
		if p.tok.tok != token.COMMA || ellipsis.IsValid() {
			if p.tok.tok == token.COMMA {
				p.next() // a trailing comma may follow xs...
			}
			break
		}
		p.next()
	}
	rparen := p.expect(token.RPAREN, "')'")
	return &ast.CallExpr{Fun: fun, Lparen: lparen, Args: args, Ellipsis: ellipsis, Rparen: rparen}
}

// isLiteralType reports whether x can be the type of a composite literal,
// so that a following '{' opens one.
func isLiteralType(x ast.Expr) bool {
	switch t := x.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		_, ok := t.X.(*ast.Ident)
		return ok
	case *ast.ArrayType, *ast.MapType:
		return true
	case *ast.IndexExpr:
		return isLiteralType(t.X)
	case *ast.IndexListExpr:
		return isLiteralType(t.X)
	}
	return false
}

// parseLiteralValue parses "{ elements }"; typ is nil for an elided type
// inside another composite literal.
func (p *exprParser) parseLiteralValue(typ ast.Expr) ast.Expr {
	p.enter()
	defer p.leave()
	lbrace := p.pos(p.tok.off)
	p.next()
	var elts []ast.Expr
	for p.tok.tok != token.RBRACE && p.tok.tok != token.EOF {
		elts = append(elts, p.parseElement())
		if p.tok.tok != token.COMMA {
			break
		}
		p.next()
	}
	rbrace := p.expect(token.RBRACE, "'}'")
	return &ast.CompositeLit{Type: typ, Lbrace: lbrace, Elts: elts, Rbrace: rbrace}
}

func (p *exprParser) parseElement() ast.Expr {
	x := p.parseElementValue()
	if p.tok.tok != token.COLON {
		return x
	}
	colon := p.pos(p.tok.off)
	p.next()
	return &ast.KeyValueExpr{Key: x, Colon: colon, Value: p.parseElementValue()}
}

func (p *exprParser) parseElementValue() ast.Expr {
	if p.tok.tok == token.LBRACE {
		return p.parseLiteralValue(nil)
	}
	return p.parseExpr()
}

// parseType parses the types that may appear in a clause: names, qualified
// names, pointers, arrays, slices and maps.
func (p *exprParser) parseType() ast.Expr {
	p.enter()
	defer p.leave()
	switch t := p.tok; t.tok {
	case token.IDENT:
		var x ast.Expr = p.parseIdent("type")
		if p.tok.tok == token.PERIOD {
			p.next()
			x = &ast.SelectorExpr{X: x, Sel: p.parseIdent("type name")}
		}
		return x
	case token.MUL:
		p.next()
		return &ast.StarExpr{Star: p.pos(t.off), X: p.parseType()}
	case token.LPAREN:
		p.next()
		x := p.parseType()
		rparen := p.expect(token.RPAREN, "')'")
		return &ast.ParenExpr{Lparen: p.pos(t.off), X: x, Rparen: rparen}
	case token.LBRACK:
		return p.parseArrayType()
	case token.MAP:
		p.next()
		p.expect(token.LBRACK, "'['")
		key := p.parseType()
		p.expect(token.RBRACK, "']'")
		return &ast.MapType{Map: p.pos(t.off), Key: key, Value: p.parseType()}
	case token.FUNC, token.STRUCT, token.INTERFACE, token.CHAN:
		p.fail("unsupported in a spec: %s type", t.lit)
	}
	p.fail("expected type, found %s", describe(p.tok))
	return nil
}

// parseArrayType parses "[N]T", "[...]T" and "[]T".
func (p *exprParser) parseArrayType() ast.Expr {
	lbrack := p.pos(p.tok.off)
	p.next()
	var length ast.Expr
	switch p.tok.tok {
	case token.RBRACK:
	case token.ELLIPSIS:
		length = &ast.Ellipsis{Ellipsis: p.pos(p.tok.off)}
		p.next()
	default:
		length = p.parseExpr()
	}
	p.expect(token.RBRACK, "']'")
	return &ast.ArrayType{Lbrack: lbrack, Len: length, Elt: p.parseType()}
}

// parseQuantifier parses "forall x, y T :: body" (or exists) and desugars
// it to nested calls of ForallName or ExistsName with one-parameter
// function literals.
func (p *exprParser) parseQuantifier() ast.Expr {
	p.enter()
	defer p.leave()
	keyword := p.tok
	name := ForallName
	if keyword.lit == "exists" {
		name = ExistsName
	}
	p.next()
	vars := []*ast.Ident{p.parseIdent("variable name")}
	for p.tok.tok == token.COMMA {
		p.next()
		vars = append(vars, p.parseIdent("variable name"))
	}
	typeStart := p.index
	types := []ast.Expr{p.parseQuantifierType()}
	typeEnd := p.index
	for range vars[1:] {
		// Parse the type again so that every variable has its own nodes.
		p.seek(typeStart)
		types = append(types, p.parseQuantifierType())
	}
	p.seek(typeEnd)
	if p.tok.tok != tokDoubleColon {
		p.fail("expected '::' after the quantified variables, found %s", describe(p.tok))
	}
	colons := p.pos(p.tok.off)
	p.next()
	body := p.parseExpr()
	kwPos := p.pos(keyword.off)
	for i := len(vars) - 1; i >= 0; i-- {
		body = quantifierCall(name, kwPos, colons, vars[i], types[i], body)
	}
	return body
}

// parseQuantifierType parses the type of quantified variables: a type
// name, possibly qualified, since quantifiers range over integer types.
func (p *exprParser) parseQuantifierType() ast.Expr {
	if p.tok.tok != token.IDENT {
		p.fail("expected an integer type name, found %s", describe(p.tok))
	}
	var x ast.Expr = p.parseIdent("type")
	if p.tok.tok == token.PERIOD {
		p.next()
		x = &ast.SelectorExpr{X: x, Sel: p.parseIdent("type name")}
	}
	return x
}

// seek makes toks[index] the current token.
func (p *exprParser) seek(index int) {
	p.index = index
	p.tok = p.toks[index]
	if index > 0 {
		p.prevEnd = p.toks[index-1].end
	}
}

// quantifierCall builds name(func(v T) bool { return body }). Nodes with no
// source text of their own are placed at the keyword or at the "::"; the
// callee identifier starts at the keyword, but as its name is longer than
// the keyword its End is not a source position.
func quantifierCall(name string, kwPos, colons token.Pos, v *ast.Ident, typ, body ast.Expr) ast.Expr {
	lit := &ast.FuncLit{
		Type: &ast.FuncType{
			Func:    kwPos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{v}, Type: typ}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: &ast.Ident{NamePos: kwPos, Name: "bool"}}}},
		},
		Body: &ast.BlockStmt{
			Lbrace: colons,
			List:   []ast.Stmt{&ast.ReturnStmt{Return: colons, Results: []ast.Expr{body}}},
		},
	}
	return &ast.CallExpr{
		Fun:    &ast.Ident{NamePos: kwPos, Name: name},
		Lparen: kwPos,
		Args:   []ast.Expr{lit},
		Rparen: body.End() - 1,
	}
}

// Quantifier is a desugared forall or exists, taken apart again.
type Quantifier struct {
	Forall bool // false for exists
	Call   *ast.CallExpr
	Var    *ast.Ident // the bound variable
	Type   ast.Expr   // its type
	Body   ast.Expr   // the quantified expression
}

// QuantifierOf recognizes the call that a quantifier desugars to.
func QuantifierOf(e ast.Expr) (*Quantifier, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	fun, ok := call.Fun.(*ast.Ident)
	if !ok || (fun.Name != ForallName && fun.Name != ExistsName) {
		return nil, false
	}
	lit, ok := call.Args[0].(*ast.FuncLit)
	if !ok || lit.Type.Params == nil || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return nil, false
	}
	if lit.Body == nil || len(lit.Body.List) != 1 {
		return nil, false
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, false
	}
	field := lit.Type.Params.List[0]
	return &Quantifier{
		Forall: fun.Name == ForallName,
		Call:   call,
		Var:    field.Names[0],
		Type:   field.Type,
		Body:   ret.Results[0],
	}, true
}

// text returns the expression's source without surrounding blanks.
func (pe parsedExpr) text(src string) string {
	return strings.TrimSpace(src[pe.start:pe.end])
}
