package mutationtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/printer"
	"go/token"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"
)

// The mutation operators of TestMutants (mutation_test.go). A mutation
// site is one way to change one node of a function body; a mutant applies
// exactly one site. Sites are counted in the order astutil.Apply visits
// the body, so the k-th site of a freshly parsed copy is the same change.

// Mutation kinds, for the figures.
const (
	mutOperator   = "operator"   // an arithmetic, bitwise or logical operator swapped
	mutComparison = "comparison" // a comparison flipped
	mutConstant   = "constant"   // an integer literal shifted by one
	mutBranch     = "branch"     // an if condition made constant, an else or a case dropped
	mutUnary      = "unary"      // a unary operator dropped or changed
	mutIndex      = "index"      // an index i made i+1 or i-1 (a constant index is a constant)
	mutLoopBound  = "loop bound" // a loop's bound b made b+1 or b-1
)

var mutKinds = []string{mutOperator, mutComparison, mutConstant, mutBranch, mutUnary, mutIndex, mutLoopBound}

// offByOne is e+delta, parenthesized where needed.
func offByOne(e ast.Expr, delta token.Token) ast.Expr {
	switch e.(type) {
	case *ast.BinaryExpr, *ast.UnaryExpr:
		e = &ast.ParenExpr{X: e}
	}
	return &ast.BinaryExpr{X: e, Op: delta, Y: &ast.BasicLit{Kind: token.INT, Value: "1"}}
}

// operatorSwaps lists what each binary operator may become.
var operatorSwaps = map[token.Token][]token.Token{
	token.ADD: {token.SUB}, token.SUB: {token.ADD}, token.MUL: {token.ADD},
	token.AND: {token.OR}, token.OR: {token.AND}, token.XOR: {token.OR},
	token.SHL: {token.SHR}, token.SHR: {token.SHL},
	token.QUO: {token.REM}, token.REM: {token.QUO}, token.AND_NOT: {token.AND},
	token.LAND: {token.LOR}, token.LOR: {token.LAND},
}

// comparisonFlips lists what each comparison may become.
var comparisonFlips = map[token.Token][]token.Token{
	token.LSS: {token.LEQ, token.GTR}, token.LEQ: {token.LSS},
	token.GTR: {token.GEQ, token.LSS}, token.GEQ: {token.GTR},
	token.EQL: {token.NEQ}, token.NEQ: {token.EQL},
}

// assignOperators maps each operator-assignment token to its operator.
var assignOperators = map[token.Token]token.Token{
	token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL,
	token.QUO_ASSIGN: token.QUO, token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND,
	token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR, token.SHL_ASSIGN: token.SHL,
	token.SHR_ASSIGN: token.SHR, token.AND_NOT_ASSIGN: token.AND_NOT,
}

// assignTokenOf is the operator-assignment token of operator op.
func assignTokenOf(op token.Token) token.Token {
	for tok, o := range assignOperators {
		if o == op {
			return tok
		}
	}
	panic("no assignment form of " + op.String())
}

// mutationSite is one change to one node. focus is the node the change
// is about; apply makes the change (in place or through the cursor) and
// returns what focus has become, as source.
type mutationSite struct {
	kind  string
	focus ast.Node
	apply func(c *astutil.Cursor, p parsedFunc) string
}

// mutationSitesAt lists the sites of node n, in a fixed order.
func mutationSitesAt(n ast.Node) []mutationSite {
	var sites []mutationSite
	add := func(kind string, focus ast.Node, apply func(c *astutil.Cursor, p parsedFunc) string) {
		sites = append(sites, mutationSite{kind, focus, apply})
	}
	setOp := func(e *ast.BinaryExpr, op token.Token) func(*astutil.Cursor, parsedFunc) string {
		return func(_ *astutil.Cursor, p parsedFunc) string { e.Op = op; return p.nodeString(e) }
	}
	switch n := n.(type) {
	case *ast.BinaryExpr:
		for _, op := range operatorSwaps[n.Op] {
			add(mutOperator, n, setOp(n, op))
		}
		for _, op := range comparisonFlips[n.Op] {
			add(mutComparison, n, setOp(n, op))
		}
	case *ast.AssignStmt:
		for _, op := range operatorSwaps[assignOperators[n.Tok]] {
			add(mutOperator, n, func(_ *astutil.Cursor, p parsedFunc) string {
				n.Tok = assignTokenOf(op)
				return p.nodeString(n)
			})
		}
	case *ast.IncDecStmt:
		add(mutOperator, n, func(_ *astutil.Cursor, p parsedFunc) string {
			n.Tok = map[token.Token]token.Token{token.INC: token.DEC, token.DEC: token.INC}[n.Tok]
			return p.nodeString(n)
		})
	case *ast.BasicLit:
		if n.Kind == token.INT {
			for _, delta := range []int64{1, -1} {
				add(mutConstant, n, func(*astutil.Cursor, parsedFunc) string {
					n.Value = shiftedLiteral(n.Value, delta)
					return n.Value
				})
			}
		}
	case *ast.UnaryExpr:
		if n.Op == token.SUB || n.Op == token.XOR || n.Op == token.NOT {
			add(mutUnary, n, func(c *astutil.Cursor, p parsedFunc) string {
				c.Replace(n.X)
				return p.nodeString(n.X)
			})
		}
		if op, ok := map[token.Token]token.Token{token.SUB: token.XOR, token.XOR: token.SUB}[n.Op]; ok {
			add(mutUnary, n, func(_ *astutil.Cursor, p parsedFunc) string { n.Op = op; return p.nodeString(n) })
		}
	case *ast.IndexExpr:
		if _, constant := n.Index.(*ast.BasicLit); !constant {
			for _, delta := range []token.Token{token.ADD, token.SUB} {
				add(mutIndex, n.Index, func(_ *astutil.Cursor, p parsedFunc) string {
					n.Index = offByOne(n.Index, delta)
					return p.nodeString(n.Index)
				})
			}
		}
	case *ast.ForStmt:
		if cond, ok := n.Cond.(*ast.BinaryExpr); ok && comparisonFlips[cond.Op] != nil {
			for _, delta := range []token.Token{token.ADD, token.SUB} {
				add(mutLoopBound, cond, func(_ *astutil.Cursor, p parsedFunc) string {
					cond.Y = offByOne(cond.Y, delta)
					return p.nodeString(cond)
				})
			}
		}
	case *ast.RangeStmt:
		if n.Key != nil && n.Value == nil {
			for _, delta := range []token.Token{token.ADD, token.SUB} {
				add(mutLoopBound, n.X, func(_ *astutil.Cursor, p parsedFunc) string {
					n.X = offByOne(n.X, delta)
					return p.nodeString(n.X)
				})
			}
		}
	case *ast.IfStmt:
		for _, value := range []string{"true", "false"} {
			add(mutBranch, n.Cond, func(*astutil.Cursor, parsedFunc) string { n.Cond = ast.NewIdent(value); return value })
		}
		if n.Else != nil {
			add(mutBranch, n.Else, func(*astutil.Cursor, parsedFunc) string { n.Else = nil; return "(else dropped)" })
		}
	case *ast.SwitchStmt:
		if len(n.Body.List) > 1 {
			for i, clause := range n.Body.List {
				add(mutBranch, clause, func(*astutil.Cursor, parsedFunc) string {
					n.Body.List = slices.Delete(n.Body.List, i, i+1)
					return "(case dropped)"
				})
			}
		}
	}
	return sites
}

// shiftedLiteral is the integer literal lit plus delta, in lit's base
// when it is hexadecimal; a negative value is parenthesized so that it
// prints as an operand anywhere.
func shiftedLiteral(lit string, delta int64) string {
	v := constant.BinaryOp(constant.MakeFromLiteral(lit, token.INT, 0), token.ADD, constant.MakeInt64(delta))
	if constant.Sign(v) < 0 {
		return "(" + v.ExactString() + ")"
	}
	if strings.HasPrefix(lit, "0x") || strings.HasPrefix(lit, "0X") {
		return fmt.Sprintf("%#x", constant.Val(constant.ToInt(v)))
	}
	return v.ExactString()
}

// mutationChange describes an applied site: its kind, its line counted
// from the function's first line (1), and the node before and after.
type mutationChange struct {
	kind          string
	line          int
	before, after string
}

// parsedFunc is a function declaration parsed on its own, with the
// comments of its body (loop invariants).
type parsedFunc struct {
	fset *token.FileSet
	decl *ast.FuncDecl
	file *ast.File
}

// parseFuncDecl parses the source of one function declaration.
func parseFuncDecl(src string) (parsedFunc, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "mutant.go", "package p\n\n"+src, parser.ParseComments)
	if err != nil {
		return parsedFunc{}, err
	}
	return parsedFunc{fset, f.Decls[0].(*ast.FuncDecl), f}, nil
}

// mutationKinds lists the kind of every site of the function, in the
// order mutate counts them.
func (p parsedFunc) mutationKinds() []string {
	var kinds []string
	astutil.Apply(p.decl.Body, func(c *astutil.Cursor) bool {
		for _, s := range mutationSitesAt(c.Node()) {
			kinds = append(kinds, s.kind)
		}
		return true
	}, nil)
	return kinds
}

// mutate applies site k of the function (in place) and describes it.
func (p parsedFunc) mutate(k int) (mutationChange, bool) {
	var change mutationChange
	i, applied := 0, false
	astutil.Apply(p.decl.Body, func(c *astutil.Cursor) bool {
		if applied {
			return false
		}
		for _, s := range mutationSitesAt(c.Node()) {
			if i == k {
				change.kind = s.kind
				change.line = p.fset.Position(s.focus.Pos()).Line - p.fset.Position(p.decl.Pos()).Line + 1
				change.before = oneLine(p.nodeString(s.focus))
				change.after = oneLine(s.apply(c, p))
				applied = true
				return false
			}
			i++
		}
		return true
	}, nil)
	return change, applied
}

// source prints the function declaration with its comments.
func (p parsedFunc) source() string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, p.fset, &printer.CommentedNode{Node: p.decl, Comments: p.file.Comments}); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return b.String()
}

// nodeString prints a node.
func (p parsedFunc) nodeString(n ast.Node) string {
	var b bytes.Buffer
	if err := printer.Fprint(&b, p.fset, n); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return b.String()
}

// oneLine squeezes source onto one line, shortened to about 60 bytes.
func oneLine(src string) string {
	s := strings.Join(strings.Fields(src), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// pickSites chooses at most limit of the sites with the given kinds: a
// shuffled round over the kinds, so that every kind present is tried
// before any kind gets a second site.
func pickSites(kinds []string, limit int, r *rand.Rand) []int {
	byKind := map[string][]int{}
	for k, kind := range kinds {
		byKind[kind] = append(byKind[kind], k)
	}
	for _, kind := range mutKinds {
		ks := byKind[kind]
		r.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
	}
	var picked []int
	for round := 0; len(picked) < min(limit, len(kinds)); round++ {
		for _, kind := range mutKinds {
			if ks := byKind[kind]; round < len(ks) && len(picked) < limit {
				picked = append(picked, ks[round])
			}
		}
	}
	slices.Sort(picked)
	return picked
}

// TestMutationSites lists the mutants of a small function: every site, in
// order, is one change, and it prints as Go.
func TestMutationSites(t *testing.T) {
	src := `func F(x int32, n uint) int32 {
	if x < 0 {
		return -x
	} else {
		x += 0x10
	}
	switch {
	case x == 7:
		x--
	default:
		x = ^x &^ 1
	}
	return x << n
}`
	p, err := parseFuncDecl(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k, kind := range p.mutationKinds() {
		q, _ := parseFuncDecl(src)
		c, ok := q.mutate(k)
		if !ok || c.kind != kind {
			t.Fatalf("site %d: mutate = %v, %v; want a %s change", k, c, ok, kind)
		}
		if _, err := parseFuncDecl(q.source()); err != nil {
			t.Errorf("site %d: the mutant does not parse: %v\n%s", k, err, q.source())
		}
		got = append(got, fmt.Sprintf("%s %d: %s -> %s", c.kind, c.line, c.before, c.after))
	}
	want := []string{
		"branch 2: x < 0 -> true",
		"branch 2: x < 0 -> false",
		"branch 4: { x += 0x10 } -> (else dropped)",
		"comparison 2: x < 0 -> x <= 0",
		"comparison 2: x < 0 -> x > 0",
		"constant 2: 0 -> 1",
		"constant 2: 0 -> (-1)",
		"unary 3: -x -> x",
		"unary 3: -x -> ^x",
		"operator 5: x += 0x10 -> x -= 0x10",
		"constant 5: 0x10 -> 0x11",
		"constant 5: 0x10 -> 0xf",
		"branch 8: case x == 7: x-- -> (case dropped)",
		"branch 10: default: x = ^x &^ 1 -> (case dropped)",
		"comparison 8: x == 7 -> x != 7",
		"constant 8: 7 -> 8",
		"constant 8: 7 -> 6",
		"operator 9: x-- -> x++",
		"operator 11: ^x &^ 1 -> ^x & 1",
		"unary 11: ^x -> x",
		"unary 11: ^x -> -x",
		"constant 11: 1 -> 2",
		"constant 11: 1 -> 0",
		"operator 13: x << n -> x >> n",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sites:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLoopMutationSites lists the loop and index mutants of a function
// with a loop: the bound and the index off by one, each way, keeping the
// loop's invariant above it.
func TestLoopMutationSites(t *testing.T) {
	src := `func F(a []int32, n int) int32 {
	var s int32
	//vsynth:invariant 0 <= i
	for i := 0; i < len(a); i++ {
		s += a[i]
	}
	for j := range n {
		s += a[j-1]
	}
	return s
}`
	p, err := parseFuncDecl(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k, kind := range p.mutationKinds() {
		if kind != mutIndex && kind != mutLoopBound {
			continue
		}
		q, _ := parseFuncDecl(src)
		c, ok := q.mutate(k)
		if !ok || c.kind != kind {
			t.Fatalf("site %d: mutate = %v, %v; want a %s change", k, c, ok, kind)
		}
		out := q.source()
		if !strings.Contains(out, "//vsynth:invariant 0 <= i\n\tfor i := 0;") {
			t.Errorf("site %d: the invariant is not above its loop:\n%s", k, out)
		}
		got = append(got, fmt.Sprintf("%s %d: %s -> %s", c.kind, c.line, c.before, c.after))
	}
	want := []string{
		"loop bound 4: i < len(a) -> i < len(a)+1",
		"loop bound 4: i < len(a) -> i < len(a)-1",
		"index 5: i -> i + 1",
		"index 5: i -> i - 1",
		"loop bound 7: n -> n + 1",
		"loop bound 7: n -> n - 1",
		"index 8: j - 1 -> (j - 1) + 1",
		"index 8: j - 1 -> (j - 1) - 1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sites:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
