package gentest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// The generator of random loop-free Go functions that
// TestDifferentialSemantics (differential_test.go) runs in Go and proves
// in vsynth.
//
// Every function it writes must compile: a constant expression could
// overflow, divide by zero or shift by a negative count at compile time,
// so no expression combines two constants, constants are never negated or
// converted, constant divisors are non-zero and constant shift counts are
// non-negative. Negative counts, zero divisors and MinInt / -1 come from
// the inputs.
//
// Calls (of helpers and of math/bits) are statements of their own,
// v := f(x, y), whose arguments are variables or constants. Go leaves
// unspecified when an operator that may panic is evaluated relative to a
// call in the same expression, or relative to the other arguments of a
// call: the gc compiler evaluates the calls of an expression first, and
// the arguments that contain a division before the others, where go/ssa,
// and so vsynth, goes from left to right. Where two operations would
// panic, the two may then panic differently (diffcallorder_test.go shows
// it), which is not what this test is about.

// diffType is a Go integer type, or bool, as the generator sees it.
type diffType struct {
	name   string
	width  int // 0 for bool
	signed bool
}

// diffIntTypes are the integer types; int, uint and uintptr are 64 bits
// wide, as on the platforms vsynth models.
var diffIntTypes = []diffType{
	{"int8", 8, true}, {"int16", 16, true}, {"int32", 32, true}, {"int64", 64, true}, {"int", 64, true},
	{"uint8", 8, false}, {"uint16", 16, false}, {"uint32", 32, false}, {"uint64", 64, false},
	{"uint", 64, false}, {"uintptr", 64, false},
}

var diffBool = diffType{name: "bool"}

func (t diffType) isBool() bool { return t.width == 0 }

// mask has the low width bits set: the bit pattern of -1 or MaxUint.
func (t diffType) mask() uint64 {
	if t.width == 64 {
		return math.MaxUint64
	}
	return 1<<t.width - 1
}

// topBit is the bit pattern of MinInt for a signed type.
func (t diffType) topBit() uint64 { return 1 << (t.width - 1) }

// maxValue is the bit pattern of the largest value of the type.
func (t diffType) maxValue() uint64 {
	if t.signed {
		return t.topBit() - 1
	}
	return t.mask()
}

// isNegative reports whether the bit pattern is a negative value of t.
func (t diffType) isNegative(bits uint64) bool { return t.signed && bits&t.topBit() != 0 }

// literal writes the value of t with bit pattern bits (truncated to the
// width) in decimal, as Go's %d and vsynth's counterexamples write it.
func (t diffType) literal(bits uint64) string {
	bits &= t.mask()
	if !t.signed {
		return strconv.FormatUint(bits, 10)
	}
	if t.isNegative(bits) {
		bits |= ^t.mask()
	}
	return strconv.FormatInt(int64(bits), 10)
}

// typedLiteral writes the value as a typed constant, int8(-128).
func (t diffType) typedLiteral(bits uint64) string { return t.name + "(" + t.literal(bits) + ")" }

// parse reads a value of t written in decimal into its bit pattern.
func (t diffType) parse(s string) (uint64, error) {
	if t.signed {
		v, err := strconv.ParseInt(s, 10, t.width)
		return uint64(v) & t.mask(), err
	}
	return strconv.ParseUint(s, 10, t.width)
}

// diffEdgePositives are the non-negative values that meet the corners of
// shifts at every width (the widths and their neighbours, counts whose low
// byte or half is zero) and a few others.
var diffEdgePositives = []uint64{
	2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 255, 256, 259,
	1 << 15, 1 << 16, 1<<16 + 3, 1 << 31, 1 << 32, 1<<32 + 5, 1 << 62,
}

// keyValues are the bit patterns of 0, 1, -1 (MaxUint), MinInt (the top
// bit alone) and MaxInt (all bits but the top one).
func (t diffType) keyValues() []uint64 {
	return []uint64{0, 1, t.mask(), t.topBit(), t.topBit() - 1}
}

// edgeValues lists the values of t most likely to meet a wrong corner of
// the semantics: the key values and their neighbours, the widths and their
// neighbours, and huge counts, as bit patterns.
func (t diffType) edgeValues() []uint64 {
	vs := append(t.keyValues(), t.topBit()+1, t.mask()-1)
	for _, v := range diffEdgePositives {
		if v <= t.maxValue() {
			vs = append(vs, v)
		}
	}
	if t.signed {
		for _, v := range []uint64{2, 7, 8, 9, 32, 64, 65} {
			vs = append(vs, -v&t.mask())
		}
	}
	return vs
}

// diffVar is a parameter or local variable of a generated function.
type diffVar struct {
	name string
	typ  diffType
}

// diffExpr is a generated expression. A constant is always a single typed
// literal: constant expressions are never built (see above).
type diffExpr struct {
	src   string
	konst bool
}

// diffFunc is a generated function: a signature and a body, which are
// printed under several names — the copy Go runs and the copies with specs
// that vsynth proves.
type diffFunc struct {
	name    string
	params  []diffVar
	results []diffType
	body    string   // from the opening brace to the closing one
	calls   []string // the helpers it calls
}

// decl prints the function under the given name.
func (f *diffFunc) decl(name string) string {
	var ps, rs []string
	for _, p := range f.params {
		ps = append(ps, p.name+" "+p.typ.name)
	}
	for _, r := range f.results {
		rs = append(rs, r.name)
	}
	res := strings.Join(rs, ", ")
	if len(rs) > 1 {
		res = "(" + res + ")"
	}
	return fmt.Sprintf("func %s(%s) %s %s", name, strings.Join(ps, ", "), res, f.body)
}

// diffGen generates random loop-free functions from a seeded source.
type diffGen struct {
	r       *rand.Rand
	helpers []*diffFunc // functions the generated ones may call

	// The function being generated.
	inHelper bool
	scope    []diffVar // the variables in scope: parameters, then locals
	locals   []diffVar
	read     map[string]bool // the variables an expression reads
	calls    map[string]bool
	loops    int // counted loops generated in the function
}

func newDiffGen(seed uint64) *diffGen {
	return &diffGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// generateHelpers makes n helper functions, which call nothing.
func (g *diffGen) generateHelpers(n int) {
	for i := range n {
		g.helpers = append(g.helpers, g.function(fmt.Sprintf("helper%d", i), true))
	}
}

// function generates one function with one to three integer parameters
// and one or two integer results.
func (g *diffGen) function(name string, helper bool) *diffFunc {
	g.inHelper = helper
	g.scope, g.locals = nil, nil
	g.read, g.calls, g.loops = map[string]bool{}, map[string]bool{}, 0
	f := &diffFunc{name: name}
	for i := range 1 + g.r.IntN(3) {
		p := diffVar{name: string(rune('a' + i)), typ: g.intType()}
		f.params = append(f.params, p)
		g.scope = append(g.scope, p)
	}
	f.results = []diffType{g.intType()}
	if g.r.IntN(6) == 0 {
		f.results = append(f.results, g.intType())
	}
	f.body = g.body(f.results)
	for c := range g.calls {
		f.calls = append(f.calls, c)
	}
	slices.Sort(f.calls)
	return f
}

func (g *diffGen) intType() diffType { return diffIntTypes[g.r.IntN(len(diffIntTypes))] }

func (g *diffGen) oneIn(n int) bool { return g.r.IntN(n) == 0 }

// value picks a bit pattern of t: a key value, an edge value, a small
// value of either sign, or uniformly random bits.
func (g *diffGen) value(t diffType) uint64 {
	switch g.r.IntN(10) {
	case 0, 1, 2:
		keys := t.keyValues()
		return keys[g.r.IntN(len(keys))]
	case 3, 4:
		edges := t.edgeValues()
		return edges[g.r.IntN(len(edges))]
	case 5, 6:
		return uint64(int64(g.r.IntN(141)-70)) & t.mask()
	default:
		return g.r.Uint64() & t.mask()
	}
}

// inputs picks an input set for f: a third of the time key values only
// (where MinInt meets -1), otherwise any values.
func (g *diffGen) inputs(f *diffFunc) []uint64 {
	keysOnly := g.oneIn(3)
	var in []uint64
	for _, p := range f.params {
		if keysOnly {
			keys := p.typ.keyValues()
			in = append(in, keys[g.r.IntN(len(keys))])
		} else {
			in = append(in, g.value(p.typ))
		}
	}
	return in
}

// body generates the statements of a function and its final return.
func (g *diffGen) body(results []diffType) string {
	var b strings.Builder
	b.WriteString("{\n")
	// A quarter of the functions return a single expression: what the
	// operators compute there reaches the result most directly.
	n := g.r.IntN(4)
	if g.inHelper {
		n = 1 + g.r.IntN(2)
	}
	for range n {
		g.topStmt(&b, results)
	}
	ret := "\treturn " + g.exprList(results, g.exprDepth()) + "\n"
	for _, v := range g.locals {
		if !g.read[v.name] {
			fmt.Fprintf(&b, "\t_ = %s\n", v.name) // keep the compiler's unused-variable check quiet
		}
	}
	b.WriteString(ret)
	b.WriteString("}\n")
	return b.String()
}

// topStmt generates a statement of the function's outermost block, where
// locals are declared.
func (g *diffGen) topStmt(b *strings.Builder, results []diffType) {
	switch k := g.r.IntN(10); {
	case k < 3:
		t := g.intType()
		e := g.expr(t, g.exprDepth())
		fmt.Fprintf(b, "\t%s := %s\n", g.declare(t), e.src)
	case k == 3:
		e := g.cond(2)
		fmt.Fprintf(b, "\t%s := %s\n", g.declare(diffBool), e.src)
	case k == 4 && !g.inHelper && len(g.helpers) > 0:
		h := g.helpers[g.r.IntN(len(g.helpers))]
		call := g.call(h)
		var names []string
		for _, t := range h.results {
			names = append(names, g.declare(t))
		}
		fmt.Fprintf(b, "\t%s := %s\n", strings.Join(names, ", "), call)
	case k == 5 || k == 6:
		call, t := g.bitsCall()
		fmt.Fprintf(b, "\t%s := %s\n", g.declare(t), call)
	case (k == 7 || k == 8) && !g.inHelper && len(g.locals) > 0:
		g.loop(b, results)
	default:
		g.stmt(b, "\t", 2, results)
	}
}

// declare adds a local of type t to the scope and returns its name.
func (g *diffGen) declare(t diffType) string {
	v := diffVar{name: fmt.Sprintf("v%d", len(g.locals)), typ: t}
	g.locals = append(g.locals, v)
	g.scope = append(g.scope, v)
	return v.name
}

// stmt generates a statement of any block: an assignment, an expression
// evaluated for its panics, an if or switch nesting at most depth deep, or
// (inside a branch) a return. It reports whether it returned.
func (g *diffGen) stmt(b *strings.Builder, indent string, depth int, results []diffType) (returned bool) {
	inBranch := indent != "\t"
	k := g.r.IntN(9)
	if depth <= 0 {
		k = g.r.IntN(4)
	}
	switch {
	case k < 2 && len(g.locals) > 0:
		v := g.locals[g.r.IntN(len(g.locals))]
		var e diffExpr
		if v.typ.isBool() {
			e = g.cond(2)
		} else {
			e = g.expr(v.typ, g.exprDepth())
		}
		fmt.Fprintf(b, "%s%s = %s\n", indent, v.name, e.src)
	case k == 3 && inBranch:
		fmt.Fprintf(b, "%sreturn %s\n", indent, g.exprList(results, g.exprDepth()))
		return true
	case k < 4:
		e := g.expr(g.intType(), g.exprDepth())
		fmt.Fprintf(b, "%s_ = %s\n", indent, e.src)
	case k < 7:
		g.ifStmt(b, indent, depth, results)
	case k == 7:
		g.tagSwitch(b, indent, depth, results)
	default:
		g.condSwitch(b, indent, depth, results)
	}
	return false
}

// branch generates the one or two statements of a branch.
func (g *diffGen) branch(b *strings.Builder, indent string, depth int, results []diffType) {
	for range 1 + g.r.IntN(2) {
		if g.stmt(b, indent, depth, results) {
			return // nothing after a return
		}
	}
}

func (g *diffGen) ifStmt(b *strings.Builder, indent string, depth int, results []diffType) {
	fmt.Fprintf(b, "%sif %s {\n", indent, g.cond(2).src)
	g.branch(b, indent+"\t", depth-1, results)
	if g.oneIn(2) {
		fmt.Fprintf(b, "%s} else {\n", indent)
		g.branch(b, indent+"\t", depth-1, results)
	}
	fmt.Fprintf(b, "%s}\n", indent)
}

// tagSwitch generates a switch on an integer with distinct constant cases.
func (g *diffGen) tagSwitch(b *strings.Builder, indent string, depth int, results []diffType) {
	t := g.intType()
	tag := g.expr(t, 2)
	if tag.konst {
		tag = g.variable(t)
	}
	fmt.Fprintf(b, "%sswitch %s {\n", indent, tag.src)
	seen := map[uint64]bool{}
	for range 1 + g.r.IntN(3) {
		var vals []string
		for range 1 + g.r.IntN(2) {
			v := g.value(t)
			if !seen[v] {
				seen[v] = true
				vals = append(vals, t.typedLiteral(v))
			}
		}
		if len(vals) == 0 {
			continue
		}
		fmt.Fprintf(b, "%scase %s:\n", indent, strings.Join(vals, ", "))
		g.branch(b, indent+"\t", depth-1, results)
	}
	if g.oneIn(2) {
		fmt.Fprintf(b, "%sdefault:\n", indent)
		g.branch(b, indent+"\t", depth-1, results)
	}
	fmt.Fprintf(b, "%s}\n", indent)
}

// condSwitch generates a switch without a tag, on conditions.
func (g *diffGen) condSwitch(b *strings.Builder, indent string, depth int, results []diffType) {
	fmt.Fprintf(b, "%sswitch {\n", indent)
	for range 1 + g.r.IntN(2) {
		fmt.Fprintf(b, "%scase %s:\n", indent, g.cond(1).src)
		g.branch(b, indent+"\t", depth-1, results)
	}
	if g.oneIn(2) {
		fmt.Fprintf(b, "%sdefault:\n", indent)
		g.branch(b, indent+"\t", depth-1, results)
	}
	fmt.Fprintf(b, "%s}\n", indent)
}

// exprDepth is how deep an expression of a statement nests: mostly 2.
func (g *diffGen) exprDepth() int {
	if g.oneIn(4) {
		return 3
	}
	return 2
}

// exprList generates one expression per type, comma-separated.
func (g *diffGen) exprList(ts []diffType, depth int) string {
	var es []string
	for _, t := range ts {
		es = append(es, g.expr(t, depth).src)
	}
	return strings.Join(es, ", ")
}

// cond generates a boolean expression: comparisons of any integer type,
// combined with && || !, or a boolean local.
func (g *diffGen) cond(depth int) diffExpr {
	if depth > 0 {
		switch g.r.IntN(8) {
		case 0:
			return diffExpr{src: "(" + g.cond(depth-1).src + " && " + g.cond(depth-1).src + ")"}
		case 1:
			return diffExpr{src: "(" + g.cond(depth-1).src + " || " + g.cond(depth-1).src + ")"}
		case 2:
			return diffExpr{src: "!" + g.cond(depth-1).src}
		}
	}
	if g.oneIn(4) {
		if v, ok := g.variableOf(diffBool); ok {
			return diffExpr{src: v}
		}
	}
	t := g.intType()
	ops := []string{"==", "!=", "<", "<=", ">", ">="}
	return g.binary(g.expr(t, 2), ops[g.r.IntN(len(ops))], g.expr(t, 2), t)
}

// expr generates an integer expression of type t at most depth operators
// deep.
func (g *diffGen) expr(t diffType, depth int) diffExpr {
	if depth <= 0 || g.oneIn(5) {
		return g.leaf(t)
	}
	d := depth - 1
	switch k := g.r.IntN(16); {
	case k < 6:
		ops := []string{"+", "-", "*", "&", "|", "^", "&^"}
		return g.binary(g.expr(t, d), ops[g.r.IntN(len(ops))], g.expr(t, d), t)
	case k < 8:
		return g.division(t, d)
	case k < 11:
		return g.shift(t, d)
	case k < 14:
		return g.conversion(t, d)
	default:
		x := g.expr(t, d)
		if x.konst {
			x = g.variable(t)
		}
		op := "-"
		if g.oneIn(2) {
			op = "^"
		}
		return diffExpr{src: "(" + op + x.src + ")"}
	}
}

// binary combines x and y of type t, replacing y by a variable when both
// are constants.
func (g *diffGen) binary(x diffExpr, op string, y diffExpr, t diffType) diffExpr {
	if x.konst && y.konst {
		y = g.variable(t)
	}
	return diffExpr{src: "(" + x.src + " " + op + " " + y.src + ")"}
}

// division generates x / y or x % y: y may be any expression (zero among
// its values), -1, another non-zero constant, or y | 1; x is often a
// variable, so that MinInt / -1 happens.
func (g *diffGen) division(t diffType, d int) diffExpr {
	op := "/"
	if g.oneIn(2) {
		op = "%"
	}
	if t.signed && g.oneIn(4) {
		// MinInt / -1 itself: one side constant, the other from the inputs.
		minInt := diffExpr{src: t.typedLiteral(t.topBit()), konst: true}
		minusOne := diffExpr{src: t.typedLiteral(t.mask()), konst: true}
		if g.oneIn(2) {
			return g.binary(minInt, op, g.variable(t), t)
		}
		return g.binary(g.variable(t), op, minusOne, t)
	}
	var x diffExpr
	if g.oneIn(3) {
		x = g.variable(t)
	} else {
		x = g.expr(t, d)
	}
	var y diffExpr
	switch g.r.IntN(8) {
	case 0:
		y = diffExpr{src: t.typedLiteral(t.mask()), konst: true} // -1, or MaxUint
	case 1:
		y = g.nonZeroLiteral(t)
	case 2:
		y = g.binary(g.expr(t, d), "|", diffExpr{src: t.typedLiteral(1), konst: true}, t)
	default:
		y = g.expr(t, d)
	}
	if y.konst {
		y = g.nonZeroLiteral(t) // a constant zero divisor does not compile
	}
	if x.konst && y.konst {
		x = g.variable(t)
	}
	return diffExpr{src: "(" + x.src + " " + op + " " + y.src + ")"}
}

func (g *diffGen) nonZeroLiteral(t diffType) diffExpr {
	v := g.value(t)
	if g.oneIn(3) {
		v = t.mask() // -1, or MaxUint
	}
	for v == 0 {
		v = g.value(t)
	}
	return diffExpr{src: t.typedLiteral(v), konst: true}
}

// shift generates x << n or x >> n with a count of a random integer type.
func (g *diffGen) shift(t diffType, d int) diffExpr {
	op := "<<"
	if g.oneIn(2) {
		op = ">>"
	}
	x := g.expr(t, d)
	n := g.count(g.intType(), d)
	if x.konst && n.konst {
		x = g.variable(t)
	}
	return diffExpr{src: "(" + x.src + " " + op + " " + n.src + ")"}
}

// count generates a shift count of type ct: a variable (of either sign),
// a constant (never negative: that does not compile), a masked value that
// is always a small valid count, or any expression.
func (g *diffGen) count(ct diffType, d int) diffExpr {
	var n diffExpr
	switch g.r.IntN(6) {
	case 0, 1:
		n = g.variable(ct)
	case 2:
		n = g.countLiteral(ct)
	case 3:
		mask := []uint64{7, 15, 31, 63}[g.r.IntN(4)]
		n = g.binary(g.expr(ct, d), "&", diffExpr{src: ct.typedLiteral(mask), konst: true}, ct)
	default:
		n = g.expr(ct, d)
	}
	if n.konst {
		n = g.countLiteral(ct)
	}
	return n
}

// countLiteral picks a non-negative constant count: near a width, a
// multiple of a width plus a little (which a count truncated too early
// would take for a small one), or any.
func (g *diffGen) countLiteral(ct diffType) diffExpr {
	w := uint64(8 << g.r.IntN(4))
	var v uint64
	switch g.r.IntN(3) {
	case 0:
		v = w - 1 + uint64(g.r.IntN(3))
	case 1:
		v = 1<<w + uint64(g.r.IntN(4)) // 1<<64 wraps to a small count
	default:
		v = g.value(ct)
	}
	if ct.isNegative(v) || v > ct.maxValue() {
		v &= ct.maxValue()
	}
	return diffExpr{src: ct.typedLiteral(v), konst: true}
}

// conversion generates t(x) for x of another integer type.
func (g *diffGen) conversion(t diffType, d int) diffExpr {
	from := g.intType()
	for from == t {
		from = g.intType()
	}
	x := g.expr(from, d)
	if x.konst {
		x = g.variable(from) // a constant may not be representable in t
	}
	return g.converted(x, from, t)
}

// converted converts x of type from to t, if they differ.
func (g *diffGen) converted(x diffExpr, from, t diffType) diffExpr {
	if from == t {
		return x
	}
	return diffExpr{src: t.name + "(" + x.src + ")"}
}

// leaf generates a variable of type t (or a conversion of one), or a
// constant.
func (g *diffGen) leaf(t diffType) diffExpr {
	if g.oneIn(4) {
		return diffExpr{src: t.typedLiteral(g.value(t)), konst: true}
	}
	return g.variable(t)
}

// variable generates a non-constant leaf of type t: a variable of type t,
// or a conversion of an integer variable of another type.
func (g *diffGen) variable(t diffType) diffExpr {
	if !g.oneIn(4) {
		if v, ok := g.variableOf(t); ok {
			return diffExpr{src: v}
		}
	}
	var ints []diffVar
	for _, v := range g.scope {
		if !v.typ.isBool() {
			ints = append(ints, v)
		}
	}
	v := ints[g.r.IntN(len(ints))] // the parameters are integers
	if len(ints) > len(g.scope)-len(g.locals) && g.oneIn(2) {
		v = ints[len(ints)-1] // the latest local
	}
	g.read[v.name] = true
	return g.converted(diffExpr{src: v.name}, v.typ, t)
}

// variableOf picks a variable of type t in scope, a local rather than a
// parameter half the time (so that what the statements compute reaches
// the results), and records that it is read.
func (g *diffGen) variableOf(t diffType) (string, bool) {
	var params, locals []string
	for _, v := range g.scope {
		switch {
		case v.typ != t:
		case strings.HasPrefix(v.name, "v"):
			locals = append(locals, v.name)
		default:
			params = append(params, v.name)
		}
	}
	vs := params
	if len(locals) > 0 && (len(params) == 0 || g.oneIn(2)) {
		vs = locals
	}
	if len(vs) == 0 {
		return "", false
	}
	v := vs[g.r.IntN(len(vs))]
	g.read[v] = true
	return v, true
}

// call generates a call of helper h on variables and constants.
func (g *diffGen) call(h *diffFunc) string {
	g.calls[h.name] = true
	var args []string
	for _, p := range h.params {
		args = append(args, g.leaf(p.typ).src)
	}
	return h.name + "(" + strings.Join(args, ", ") + ")"
}

// diffBitsFuncs are the math/bits functions the generator calls, by the
// suffix they take ("" is uint): counts return int, the others their
// argument's type.
var diffBitsFuncs = []struct {
	name     string
	suffixes []string
	count    bool // returns an int
	rotate   bool // takes a second, int argument
}{
	{"LeadingZeros", []string{"", "8", "16", "32", "64"}, true, false},
	{"TrailingZeros", []string{"", "8", "16", "32", "64"}, true, false},
	{"OnesCount", []string{"", "8", "16", "32", "64"}, true, false},
	{"Len", []string{"", "8", "16", "32", "64"}, true, false},
	{"RotateLeft", []string{"", "8", "16", "32", "64"}, false, true},
	{"Reverse", []string{"", "8", "16", "32", "64"}, false, false},
	{"ReverseBytes", []string{"", "16", "32", "64"}, false, false},
}

// bitsCall generates a call of a math/bits function on variables and
// constants and returns it with its result type.
func (g *diffGen) bitsCall() (string, diffType) {
	f := diffBitsFuncs[g.r.IntN(len(diffBitsFuncs))]
	suffix := f.suffixes[g.r.IntN(len(f.suffixes))]
	arg := diffType{"uint", 64, false}
	if suffix != "" {
		w, _ := strconv.Atoi(suffix)
		arg = diffType{"uint" + suffix, w, false}
	}
	args := []string{g.leaf(arg).src}
	if f.rotate {
		args = append(args, g.leaf(diffType{"int", 64, true}).src)
	}
	src := "bits." + f.name + suffix + "(" + strings.Join(args, ", ") + ")"
	if f.count {
		return src, diffType{"int", 64, true}
	}
	return src, arg
}

// loop generates a counted loop with a constant trip count of 0 to 5
// (within the default unrolling, so vsynth decides it exactly) whose body
// assigns locals, branches, evaluates expressions that may panic, or
// returns; the loop variable may appear in its expressions.
func (g *diffGen) loop(b *strings.Builder, results []diffType) {
	i := diffVar{name: fmt.Sprintf("i%d", g.loops), typ: diffType{"int", 64, true}}
	g.loops++
	fmt.Fprintf(b, "\tfor %s := 0; %s < %d; %s++ {\n", i.name, i.name, g.r.IntN(6), i.name)
	g.scope = append(g.scope, i)
	g.branch(b, "\t\t", 1, results)
	g.scope = g.scope[:len(g.scope)-1]
	b.WriteString("\t}\n")
}
