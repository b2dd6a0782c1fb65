package smt

import (
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
)

// SMT-LIB2 printing.
//
// Variable names are arbitrary strings; symbol maps each one to an SMT-LIB
// symbol that z3 and cvc5 both accept. The map is injective: a name that is
// a simple symbol prints as itself, one that only needs quoting prints as
// |name|, and every other name (one containing '%', '|', '\' or a byte
// outside printable ASCII, one that clashes with a reserved word or a theory
// symbol, or one starting with '@' or '.', which SMT-LIB reserves for
// solvers) prints as '%' followed by the name with those bytes
// percent-encoded. No unmangled name contains '%', so mangled names never
// collide with unmangled ones, and the names WriteScript invents for shared
// subterms ('%' followed by digits) collide with neither.

// symbol renders a variable name as an SMT-LIB symbol.
func symbol(name string) string {
	if needsMangling(name) {
		var b strings.Builder
		b.WriteByte('%')
		for i := 0; i < len(name); i++ {
			c := name[i]
			if c == '%' || c == '|' || c == '\\' || c < ' ' || c > '~' {
				fmt.Fprintf(&b, "%%%02X", c)
			} else {
				b.WriteByte(c)
			}
		}
		return quoteIfNeeded(b.String())
	}
	return quoteIfNeeded(name)
}

func quoteIfNeeded(s string) string {
	if isSimpleSymbol(s) {
		return s
	}
	return "|" + s + "|"
}

func needsMangling(name string) bool {
	if name == "" || name[0] == '@' || name[0] == '.' || reservedSymbols[name] {
		return true
	}
	if i := strings.IndexByte(name, '.'); i > 0 && theoryNamespaces[name[:i]] {
		return true
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '%' || c == '|' || c == '\\' || c < ' ' || c > '~' {
			return true
		}
	}
	return false
}

// isSimpleSymbol reports whether s is an SMT-LIB simple symbol: letters,
// digits and ~!@$%^&*_-+=<>.?/, not starting with a digit.
func isSimpleSymbol(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("~!@$%^&*_-+=<>.?/", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// reservedSymbols are SMT-LIB reserved words and the function symbols of
// the theories z3 or cvc5 enable under the logics we print (QF_BV, BV,
// QF_ABV, ABV, ALL):
// declaring a variable with one of these names is an error in cvc5.
var reservedSymbols = setOf(
	// reserved words and command names
	"!", "_", "as", "BINARY", "DECIMAL", "exists", "HEXADECIMAL", "forall", "let", "match",
	"NUMERAL", "par", "STRING", "lambda", "is", "update", "assert", "check-sat",
	"check-sat-assuming", "declare-const", "declare-datatype", "declare-datatypes",
	"declare-fun", "declare-sort", "define-fun", "define-fun-rec", "define-funs-rec",
	"define-sort", "echo", "exit", "get-assertions", "get-assignment", "get-info",
	"get-model", "get-option", "get-proof", "get-unsat-assumptions", "get-unsat-core",
	"get-value", "pop", "push", "reset", "reset-assertions", "set-info", "set-logic",
	"set-option",
	// Core
	"true", "false", "not", "=>", "and", "or", "xor", "=", "distinct", "ite",
	// bit vectors, with the extensions of z3 and cvc5
	"concat", "extract", "repeat", "zero_extend", "sign_extend", "rotate_left", "rotate_right",
	"bvnot", "bvand", "bvor", "bvneg", "bvadd", "bvmul", "bvudiv", "bvurem", "bvshl", "bvlshr",
	"bvult", "bvnand", "bvnor", "bvxor", "bvxnor", "bvcomp", "bvsub", "bvsdiv", "bvsrem",
	"bvsmod", "bvashr", "bvule", "bvugt", "bvuge", "bvslt", "bvsle", "bvsgt", "bvsge",
	"bvredor", "bvredand", "bvnego", "bvuaddo", "bvsaddo", "bvumulo", "bvsmulo", "bvusubo",
	"bvssubo", "bvsdivo", "bvultbv", "bvsltbv", "bvite", "bv2nat", "nat2bv", "int2bv", "bv2int",
	"bvsize", "bvconst", "iand",
	// integers, reals and transcendentals
	"+", "-", "*", "/", "div", "mod", "abs", "<", "<=", ">", ">=", "to_real", "to_int",
	"is_int", "divisible", "exp", "sin", "cos", "tan", "csc", "sec", "cot", "arcsin", "arccos",
	"arctan", "arccsc", "arcsec", "arccot", "sqrt", "pi",
	// arrays, floating point, separation logic, datatypes, strings
	"select", "store", "const", "eqrange", "fp", "NaN", "RNE", "RNA", "RTP", "RTN", "RTZ",
	"roundNearestTiesToEven", "roundNearestTiesToAway", "roundTowardPositive",
	"roundTowardNegative", "roundTowardZero", "to_fp", "to_fp_unsigned", "to_ubv", "to_sbv",
	"sep", "pto", "wand", "emp", "tuple", "char",
)

// theoryNamespaces are the prefixes before '.' of theory symbols such as
// str.len or fp.add.
var theoryNamespaces = setOf("str", "re", "seq", "set", "bag", "fp", "int", "real", "rel",
	"tuple", "ff", "table", "nullable", "sep", "char")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// writeTerm prints t in SMT-LIB2. A subterm present in names prints as that
// name. Without names the output is a tree: its size is exponential in the
// depth of a DAG with sharing.
func writeTerm(b *strings.Builder, t *Term, names map[*Term]string) {
	if s, ok := names[t]; ok {
		b.WriteString(s)
		return
	}
	switch t.op {
	case OpVar:
		b.WriteString(symbol(t.name))
	case OpConst:
		writeConst(b, t)
	case OpForall, OpExists, OpLambda:
		writeBinder(b, t)
		writeTerm(b, t.args[0], names)
		b.WriteByte(')')
	default:
		writeHead(b, t)
		for _, a := range t.args {
			b.WriteByte(' ')
			writeTerm(b, a, names)
		}
		b.WriteByte(')')
	}
}

// writeConst prints a constant: true, false, #b... when the width is not a
// multiple of 4, #x... otherwise.
func writeConst(b *strings.Builder, t *Term) {
	if t.sort.IsBool() {
		if t.truth {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		return
	}
	if t.sort.IsInt() {
		if t.value.Sign() < 0 {
			fmt.Fprintf(b, "(- %s)", new(big.Int).Neg(t.value))
		} else {
			b.WriteString(t.value.String())
		}
		return
	}
	w := t.sort.width
	base, digits, prefix := 2, w, "#b"
	if w%4 == 0 {
		base, digits, prefix = 16, w/4, "#x"
	}
	s := t.value.Text(base)
	b.WriteString(prefix)
	for i := len(s); i < digits; i++ {
		b.WriteByte('0')
	}
	b.WriteString(s)
}

// writeHead prints the opening of an application up to its first argument:
// "(bvadd" or "((_ extract 7 0)".
func writeHead(b *strings.Builder, t *Term) {
	switch t.op {
	case OpExtract:
		fmt.Fprintf(b, "((_ extract %d %d)", t.hi, t.lo)
	case OpZeroExt, OpSignExt:
		fmt.Fprintf(b, "((_ %s %d)", t.op, t.hi)
	case OpConstArray:
		fmt.Fprintf(b, "((as const %s)", t.sort)
	default:
		b.WriteByte('(')
		b.WriteString(t.op.String())
	}
}

// writeBinder prints the opening of a quantifier up to its body:
// "(forall ((x (_ BitVec 32)) (p Bool)) ".
func writeBinder(b *strings.Builder, t *Term) {
	b.WriteByte('(')
	b.WriteString(t.op.String())
	b.WriteString(" (")
	for i, v := range boundVars(t) {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(b, "(%s %s)", symbol(v.name), v.sort)
	}
	b.WriteString(") ")
}

// boundVars returns the variables a quantifier binds without repeated
// names: when a name is bound twice, the last binding is kept. (Binding one
// name at two sorts is rejected by checkBinders.)
func boundVars(t *Term) []*Term {
	out := make([]*Term, 0, len(t.bound))
	for i, v := range t.bound {
		shadowed := false
		for _, w := range t.bound[i+1:] {
			shadowed = shadowed || w.name == v.name
		}
		if !shadowed {
			out = append(out, v)
		}
	}
	return out
}

// Logic returns the SMT-LIB logic of a query made of ts: "QF_BV" when no
// term contains a quantifier or an array, "BV" when some term contains a
// quantifier but none an array, and "QF_ABV" and "ABV" likewise when some
// term contains an array (z3 and cvc5 both accept all four); "ALL" when
// a term contains a constant array or a lambda, which are in no smaller
// SMT-LIB logic.
func Logic(ts []*Term) string {
	seen := make(map[*Term]bool)
	quant, array, constArray, ints := false, false, false, false
	var walk func(t *Term)
	walk = func(t *Term) {
		if seen[t] || quant && array && constArray {
			return
		}
		seen[t] = true
		switch {
		case t.op == OpConstArray || t.op == OpLambda:
			array, constArray = true, true
		case t.op == OpForall || t.op == OpExists:
			quant = true
			for _, v := range t.bound {
				array = array || v.sort.IsArray()
			}
		case t.sort.IsArray():
			array = true
		case t.sort.IsInt():
			ints = true
		}
		for _, a := range t.args {
			walk(a)
		}
	}
	for _, t := range ts {
		walk(t)
	}
	switch {
	case ints:
		// Mathematical integers beside bit vectors (bv2nat): no
		// SMT-LIB logic has both; Z3 and cvc5 accept them under ALL.
		return "ALL"
	case constArray:
		// Constant arrays are not part of SMT-LIB's ABV logics; Z3 and
		// cvc5 accept them under ALL.
		return "ALL"
	case quant && array:
		return "ABV"
	case array:
		return "QF_ABV"
	case quant:
		return "BV"
	}
	return "QF_BV"
}

// Vars returns the free variables of ts, in order of first occurrence
// (depth first, left to right) and deduplicated by name. A variable
// occurring under a quantifier that binds its name is not free there.
func Vars(ts ...*Term) []*Term {
	d := newDag(ts)
	for _, t := range ts {
		d.visit(t)
	}
	return d.free
}

// WriteScript writes a stand-alone SMT-LIB2 script that checks the
// conjunction of assertions: the comments as "; " lines, (set-logic logic)
// unless logic is empty, a declaration of each free variable, the
// assertions, (check-sat) and (exit).
//
// The script preserves the sharing of the term DAG, so its size is linear
// in the number of distinct subterms: a compound subterm that occurs more
// than once is printed once, as a define-fun before the assertions, or,
// when it mentions variables bound by a quantifier, as a let at the top of
// that quantifier's body. The output depends only on the input.
//
// WriteScript fails when an assertion is not a formula, when two free
// variables share a name but not a sort, or when a quantifier binds one name
// at two sorts.
func WriteScript(w io.Writer, logic string, assertions []*Term, comments ...string) error {
	for i, t := range assertions {
		if !t.sort.IsBool() {
			return fmt.Errorf("smt: assertion %d has sort %s, want Bool", i, t.sort)
		}
	}
	d := newDag(assertions)
	if d.err != nil {
		return d.err
	}
	roots := make([]*node, len(assertions))
	for i, t := range assertions {
		roots[i] = d.visit(t)
	}
	if d.err != nil {
		return d.err
	}

	top, scoped := d.nameShared()

	var b strings.Builder
	for _, c := range comments {
		for _, line := range strings.Split(c, "\n") {
			b.WriteString("; ")
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	if logic != "" {
		fmt.Fprintf(&b, "(set-logic %s)\n", logic)
	}
	for _, v := range d.free {
		fmt.Fprintf(&b, "(declare-fun %s () %s)\n", symbol(v.name), v.sort)
	}
	p := &scriptPrinter{scoped: scoped}
	for _, x := range top {
		fmt.Fprintf(&b, "(define-fun %s () %s ", x.name, x.t.sort)
		p.expr(&b, x, nil)
		b.WriteString(")\n")
	}
	for _, r := range roots {
		b.WriteString("(assert ")
		p.ref(&b, r, nil)
		b.WriteString(")\n")
	}
	b.WriteString("(check-sat)\n(exit)\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// A node is one instance of a subterm: a *Term together with the binders
// its quantifier-bound variables refer to. Outside quantifiers, and for
// subterms that mention no bound variable, instances and *Terms coincide;
// a subterm shared between the inside and the outside of a quantifier that
// binds one of its variables has two instances with different meanings.
type node struct {
	t      *Term
	kids   []*node
	count  int    // occurrences: parents (with multiplicity) and roots
	binder int    // innermost quantifier instance whose variables t mentions; 0 for none
	own    int    // for a quantifier: the binder id it introduces
	name   string // for a shared compound instance: its define-fun or let name
	group  int    // the let group that binds name
}

type instKey struct {
	t   *Term
	key string
}

type binding struct {
	name int // index in dag.bnames
	id   int // binder id
}

// dag collects the instances of a set of terms with their occurrence
// counts and the free variables.
type dag struct {
	bnames   map[string]int  // every name some quantifier binds -> index
	fvb      map[*Term][]int // sorted indexes of the bound names occurring free in a term
	env      []binding       // quantifier scopes around the current subterm, outermost first
	memo     map[instKey]*node
	binders  int
	order    []*node // compound instances in post-order
	free     []*Term
	freeName map[string]*Term
	err      error
}

func newDag(ts []*Term) *dag {
	d := &dag{
		bnames:   make(map[string]int),
		memo:     make(map[instKey]*node),
		freeName: make(map[string]*Term),
	}
	seen := make(map[*Term]bool)
	var collect func(t *Term)
	collect = func(t *Term) {
		if seen[t] {
			return
		}
		seen[t] = true
		if t.binds() {
			if err := checkBinders(t); err != nil && d.err == nil {
				d.err = err
			}
			for _, v := range t.bound {
				if _, ok := d.bnames[v.name]; !ok {
					d.bnames[v.name] = len(d.bnames)
				}
			}
		}
		for _, a := range t.args {
			collect(a)
		}
	}
	for _, t := range ts {
		collect(t)
	}
	if len(d.bnames) > 0 {
		d.fvb = make(map[*Term][]int)
		for _, t := range ts {
			d.freeBound(t)
		}
	}
	return d
}

// checkBinders rejects a quantifier binding one name at two sorts.
func checkBinders(t *Term) error {
	for i, v := range t.bound {
		for _, w := range t.bound[i+1:] {
			if v.name == w.name && v.sort != w.sort {
				return fmt.Errorf("smt: %s binds %s at sorts %s and %s", t.op, v.name, v.sort, w.sort)
			}
		}
	}
	return nil
}

// freeBound computes fvb for t and its subterms.
func (d *dag) freeBound(t *Term) []int {
	if s, ok := d.fvb[t]; ok {
		return s
	}
	var s []int
	switch t.op {
	case OpVar:
		if i, ok := d.bnames[t.name]; ok {
			s = []int{i}
		}
	case OpForall, OpExists, OpLambda:
		for _, i := range d.freeBound(t.args[0]) {
			bound := false
			for _, v := range t.bound {
				if d.bnames[v.name] == i {
					bound = true
					break
				}
			}
			if !bound {
				s = append(s, i)
			}
		}
	default:
		for _, a := range t.args {
			s = union(s, d.freeBound(a))
		}
	}
	d.fvb[t] = s
	return s
}

// union merges two sorted sets, reusing an operand when it contains the other.
func union(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	out = append(out, b[j:]...)
	switch len(out) {
	case len(a):
		return a
	case len(b):
		return b
	}
	return out
}

// lookup returns the binder of bound name i in the current scope, 0 if i is free.
func (d *dag) lookup(i int) int {
	for k := len(d.env) - 1; k >= 0; k-- {
		if d.env[k].name == i {
			return d.env[k].id
		}
	}
	return 0
}

// instance returns the key of t's instance in the current scope and the
// innermost binder it refers to.
func (d *dag) instance(t *Term) (string, int) {
	if len(d.env) == 0 {
		return "", 0
	}
	s := d.fvb[t]
	if len(s) == 0 {
		return "", 0
	}
	var key []byte
	inner := 0
	for _, i := range s {
		id := d.lookup(i)
		inner = max(inner, id)
		key = strconv.AppendInt(key, int64(id), 36)
		key = append(key, ',')
	}
	if inner == 0 {
		return "", 0
	}
	return string(key), inner
}

// visit records one occurrence of t in the current scope.
func (d *dag) visit(t *Term) *node {
	key, inner := d.instance(t)
	k := instKey{t, key}
	if x := d.memo[k]; x != nil {
		x.count++
		return x
	}
	x := &node{t: t, count: 1, binder: inner}
	d.memo[k] = x
	switch t.op {
	case OpVar:
		if i, ok := d.bnames[t.name]; !ok || d.lookup(i) == 0 {
			d.addFree(t)
		}
		return x
	case OpConst:
		return x
	case OpForall, OpExists, OpLambda:
		d.binders++
		x.own = d.binders
		mark := len(d.env)
		for _, v := range t.bound {
			d.env = append(d.env, binding{d.bnames[v.name], x.own})
		}
		x.kids = []*node{d.visit(t.args[0])}
		d.env = d.env[:mark]
	default:
		x.kids = make([]*node, len(t.args))
		for i, a := range t.args {
			x.kids[i] = d.visit(a)
		}
	}
	d.order = append(d.order, x)
	return x
}

func (d *dag) addFree(v *Term) {
	if w, ok := d.freeName[v.name]; ok {
		if w.sort != v.sort && d.err == nil {
			d.err = fmt.Errorf("smt: variable %s has sorts %s and %s", v.name, w.sort, v.sort)
		}
		return
	}
	d.freeName[v.name] = v
	d.free = append(d.free, v)
}

// nameShared names the shared compound instances in post-order, so that a
// name is defined before any definition that uses it, and files each
// under the scope that defines it: the top level or a quantifier's body.
func (d *dag) nameShared() (top []*node, scoped map[int][]*node) {
	scoped = make(map[int][]*node)
	n := 0
	for _, x := range d.order {
		if x.count < 2 {
			continue
		}
		n++
		x.name = "%" + strconv.Itoa(n)
		if x.binder == 0 {
			top = append(top, x)
		} else {
			scoped[x.binder] = append(scoped[x.binder], x)
		}
	}
	return top, scoped
}

// scriptPrinter prints instances, referring to shared ones by name.
type scriptPrinter struct {
	scoped map[int][]*node // let-bound instances by the quantifier whose body binds them
	groups int
}

// ref prints an occurrence of x. refs, when not nil, collects the shared
// instances referred to by name.
func (p *scriptPrinter) ref(b *strings.Builder, x *node, refs *[]*node) {
	if x.name != "" {
		b.WriteString(x.name)
		if refs != nil {
			*refs = append(*refs, x)
		}
		return
	}
	p.expr(b, x, refs)
}

// expr prints the expression of x.
func (p *scriptPrinter) expr(b *strings.Builder, x *node, refs *[]*node) {
	t := x.t
	switch t.op {
	case OpVar:
		b.WriteString(symbol(t.name))
	case OpConst:
		writeConst(b, t)
	case OpForall, OpExists, OpLambda:
		writeBinder(b, t)
		p.body(b, x, refs)
		b.WriteByte(')')
	default:
		writeHead(b, t)
		for _, k := range x.kids {
			b.WriteByte(' ')
			p.ref(b, k, refs)
		}
		b.WriteByte(')')
	}
}

// body prints a quantifier's body under the lets of the shared instances
// that mention its variables. Bindings go into one parallel let until one
// refers to a name bound in the same let; then a nested let starts.
func (p *scriptPrinter) body(b *strings.Builder, q *node, refs *[]*node) {
	lets := p.scoped[q.own]
	if len(lets) == 0 {
		p.ref(b, q.kids[0], refs)
		return
	}
	var groups [][]string
	group := 0
	for _, x := range lets {
		var tb strings.Builder
		var local []*node
		p.expr(&tb, x, &local)
		fresh := group == 0
		for _, r := range local {
			if r.group == group {
				fresh = true
				break
			}
		}
		if fresh {
			p.groups++
			group = p.groups
			groups = append(groups, nil)
		}
		x.group = group
		last := len(groups) - 1
		groups[last] = append(groups[last], "("+x.name+" "+tb.String()+")")
		if refs != nil {
			*refs = append(*refs, local...)
		}
	}
	for _, g := range groups {
		b.WriteString("(let (")
		b.WriteString(strings.Join(g, " "))
		b.WriteString(") ")
	}
	p.ref(b, q.kids[0], refs)
	b.WriteString(strings.Repeat(")", len(groups)))
}
