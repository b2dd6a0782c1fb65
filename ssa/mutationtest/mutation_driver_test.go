package mutationtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/vsynth/vsynth/specs"
)

// goBuildTag selects the Go side of the work module: the driver and the
// copies of the mutants whose loops run on fuel. vsynth loads the module
// without it.
const goBuildTag = "zzvgo"

// The Go side of TestMutants (mutation_test.go): a generated driver runs
// every mutant, compiled by Go, on many inputs where its requires clauses
// hold, and checks its ensures clauses there. A mutant that panics, whose
// ensures clause is false or panics, on some such input is killed by Go.

const (
	mutEdgeTuples   = 30000 // at most this many tuples of edge values per mutant
	mutRandomTuples = 1000  // random tuples per mutant after the edge values
	mutExhaustive   = 65536 // all inputs are tried when there are at most this many (two bytes)
)

// mutScalar is an integer or boolean type as the driver draws its values.
type mutScalar struct {
	width  int // 0 for bool
	signed bool
}

// scalarOf describes type t, which must have an integer or boolean
// underlying type.
func scalarOf(t types.Type) (mutScalar, bool) {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return mutScalar{}, false
	}
	switch {
	case b.Info()&types.IsBoolean != 0:
		return mutScalar{}, true
	case b.Info()&types.IsInteger != 0:
		width := map[types.BasicKind]int{
			types.Int8: 8, types.Int16: 16, types.Int32: 32, types.Int64: 64, types.Int: 64,
			types.Uint8: 8, types.Uint16: 16, types.Uint32: 32, types.Uint64: 64, types.Uint: 64, types.Uintptr: 64,
		}[b.Kind()]
		return mutScalar{width, b.Info()&types.IsUnsigned == 0}, width > 0
	}
	return mutScalar{}, false
}

// domainSize is the number of values of the type.
func (s mutScalar) domainSize() float64 {
	if s.width == 0 {
		return 2
	}
	return float64(uint64(1) << min(s.width, 63))
}

// bounds are the least and greatest values of an integer type.
func (s mutScalar) bounds() (lo, hi *big.Int) {
	one := big.NewInt(1)
	if s.signed {
		hi = new(big.Int).Lsh(one, uint(s.width-1))
		lo = new(big.Int).Neg(hi)
		return lo, hi.Sub(hi, one)
	}
	hi = new(big.Int).Lsh(one, uint(s.width))
	return big.NewInt(0), hi.Sub(hi, one)
}

// edgeLiterals lists the values most likely to meet a wrong corner, most
// telling first: 0, ±1, the least and greatest values and their
// neighbours, the constants of the code and their neighbours, the width
// and its neighbours (shift counts), the top bit, alternating bit patterns
// and assorted small and power-of-two values.
func (s mutScalar) edgeLiterals(consts []*big.Int) []string {
	if s.width == 0 {
		return []string{"false", "true"}
	}
	lo, hi := s.bounds()
	top := new(big.Int).Lsh(big.NewInt(1), uint(s.width-1))
	var candidates []*big.Int
	add := func(vs ...*big.Int) { candidates = append(candidates, vs...) }
	n := func(v int64) *big.Int { return big.NewInt(v) }
	plus := func(x *big.Int, d int64) *big.Int { return new(big.Int).Add(x, n(d)) }
	w := int64(s.width)
	add(n(0), n(1), n(-1), lo, hi, n(2), n(-2), plus(lo, 1), plus(hi, -1))
	for _, c := range consts {
		add(c, plus(c, -1), plus(c, 1), new(big.Int).Neg(c))
	}
	add(plus(top, -1), top, plus(top, 1), n(w-1), n(w), n(w+1), n(-w), n(3), n(-3))
	pattern := new(big.Int).Div(new(big.Int).Lsh(big.NewInt(1), uint(s.width)), n(3)) // 0x55...
	add(pattern, s.fromBits(new(big.Int).Lsh(pattern, 1)), n(2*w), n(7), n(8), n(9), n(-7), n(-8), n(-9))
	for _, v := range []int64{15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 255, 256, 1 << 15, 1 << 16, 1 << 31, 1 << 32, 1 << 62} {
		add(n(v), n(-v))
	}
	var out []string
	seen := map[string]bool{}
	for _, v := range candidates {
		if v.Cmp(lo) < 0 || v.Cmp(hi) > 0 || seen[v.String()] {
			continue
		}
		seen[v.String()] = true
		out = append(out, v.String())
	}
	return out
}

// fromBits is the value of the type whose bit pattern is v, 0 <= v < 2^width.
func (s mutScalar) fromBits(v *big.Int) *big.Int {
	if _, hi := s.bounds(); s.signed && v.Cmp(hi) > 0 {
		return new(big.Int).Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(s.width)))
	}
	return v
}

// allLiterals lists every value of an 8-bit or boolean type.
func (s mutScalar) allLiterals() []string {
	if s.width == 0 {
		return []string{"false", "true"}
	}
	lo, hi := s.bounds()
	var out []string
	for v := new(big.Int).Set(lo); v.Cmp(hi) <= 0; v.Add(v, big.NewInt(1)) {
		out = append(out, v.String())
	}
	return out
}

// randomExpr draws a random value of type typ (spelled as Go writes it
// in the package) from the driver's generator zzvR.
func (s mutScalar) randomExpr(typ string) string {
	if s.width == 0 {
		return fmt.Sprintf("%s(zzvR.Uint64()&1 == 1)", typ)
	}
	return fmt.Sprintf("%s(zzvRandom(zzvR, %d))", typ, s.width)
}

// mutVar is a parameter or result as the driver names and types it.
type mutVar struct {
	name   string
	typ    string
	scalar mutScalar
	mt     *mutType // how the driver builds a parameter's values
}

// mutContract is what the driver needs to call a function and check its
// contract in Go.
type mutContract struct {
	params   []mutVar // the receiver first, for a method
	results  []mutVar
	method   bool
	requires []string // Go expressions, in order
	ensures  []string // with old(E) written over copies of the inputs (withoutOld)
	olds     []string // the parameters whose copies the ensures clauses read
	// pkgs are the packages the clauses name, local name to path: the
	// driver evaluates the clauses, so it imports them (a clause may name
	// one its function's file does not import: the packages clauses may
	// use implicitly, or a .vspec file's imports).
	pkgs map[string]string
}

// scalarOnly reports whether every parameter and result is an integer
// or boolean.
func (c *mutContract) scalarOnly() bool {
	for _, p := range c.params {
		if p.mt.kind != mutKindScalar {
			return false
		}
	}
	for _, r := range c.results {
		if r.mt.kind != mutKindScalar {
			return false
		}
	}
	return true
}

// withoutOld rewrites every old(E) of the clause e as E over copies of the
// parameters made before the call (the state on entry), and returns the
// names of the parameters it reads so.
func withoutOld(e string, params []mutVar) (string, map[string]bool, error) {
	x, err := parser.ParseExpr(e)
	if err != nil {
		return "", nil, fmt.Errorf("clause %s does not parse as Go: %w", e, err)
	}
	isParam := map[string]bool{}
	for _, p := range params {
		isParam[p.name] = true
	}
	used := map[string]bool{}
	rewritten := astutil.Apply(x, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != specs.OldName || len(call.Args) != 1 {
			return true
		}
		arg := astutil.Apply(call.Args[0], func(c *astutil.Cursor) bool {
			if sel, ok := c.Parent().(*ast.SelectorExpr); ok && c.Node() == sel.Sel {
				return false
			}
			if kv, ok := c.Parent().(*ast.KeyValueExpr); ok && c.Node() == kv.Key {
				return false
			}
			if id, ok := c.Node().(*ast.Ident); ok && isParam[id.Name] {
				used[id.Name] = true
				c.Replace(ast.NewIdent(driverPreName(id.Name)))
			}
			return true
		}, nil)
		c.Replace(&ast.ParenExpr{X: arg.(ast.Expr)})
		return false
	}, nil)
	var b bytes.Buffer
	if err := format.Node(&b, token.NewFileSet(), rewritten); err != nil {
		return "", nil, err
	}
	return b.String(), used, nil
}

// preCopy is a Go expression that copies parameter p's value and what it
// points to.
func preCopy(p mutVar) string {
	switch p.mt.kind {
	case mutKindSlice:
		return fmt.Sprintf("append(%s(nil), %s...)", p.typ, p.name)
	case mutKindPointer:
		return fmt.Sprintf("func() %s { if %s == nil { return nil }; c := *%s; return &c }()", p.typ, p.name, p.name)
	}
	return p.name
}

// inputPools gives the values each parameter takes in the product of
// edge values, and whether that product is exhaustive. consts are the
// integer constants of the code.
func (c *mutContract) inputPools(consts []*big.Int, r *rand.Rand) (pools [][]string, exhaustive bool) {
	size := 1.0
	for _, p := range c.params {
		if p.mt.kind != mutKindScalar {
			size = math.Inf(1)
		}
		size *= p.scalar.domainSize()
	}
	exhaustive = size <= mutExhaustive
	for _, p := range c.params {
		if exhaustive {
			pools = append(pools, p.scalar.allLiterals())
		} else {
			pools = append(pools, p.mt.edgeLiterals(consts, r))
		}
	}
	for !exhaustive && tupleCount(pools) > mutEdgeTuples {
		longest := 0
		for i := range pools {
			if len(pools[i]) > len(pools[longest]) {
				longest = i
			}
		}
		pools[longest] = pools[longest][:len(pools[longest])-1]
	}
	return pools, exhaustive
}

func tupleCount(pools [][]string) int {
	n := 1
	for _, p := range pools {
		n *= len(p)
	}
	return n
}

// driverRun is one function for the driver to run: its id, its name, its
// contract, and the integer constants in its body and contract.
type driverRun struct {
	id       int
	call     string
	contract *mutContract
	consts   []*big.Int
}

// driverFile writes, in package pkgName, a function VsynthMutantN for the
// run with id N that returns "killed\tHOW" or "survived\tINPUTS".
func driverFile(t *testing.T, pkgName string, seed uint64, runs []driverRun) []byte {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "//go:build %s\n\n// Code generated by TestMutants. DO NOT EDIT.\n\npackage %s\n\n", goBuildTag, pkgName)
	b.WriteString("import (\n\t\"math\"\n\t\"math/bits\"\n\t\"reflect\"\n\tzzvfmt \"fmt\"\n\tzzvrand \"math/rand/v2\"\n")
	extra := map[string]string{}
	for _, r := range runs {
		for name, path := range r.contract.pkgs {
			if name != "math" && name != "bits" && name != "reflect" {
				extra[name] = path
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		fmt.Fprintf(&b, "\t%s %q\n", name, extra[name])
	}
	b.WriteString(")\n\n")
	b.WriteString("var _ = math.MaxInt8\nvar _ = bits.UintSize\nvar _ = reflect.TypeOf\n\n")
	b.WriteString(driverHelpers)
	b.WriteString(driverValueHelpers)
	b.WriteString(quantifierHelpers)
	for _, r := range runs {
		writeDriverFunc(&b, seed, r)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatalf("driver for package %s does not parse: %v\n%s", pkgName, err, b.Bytes())
	}
	return src
}

// driverHelpers run a function or a clause under recover and draw values.
const driverHelpers = `// zzvHolds reports whether cond is true; a panic counts as false.
func zzvHolds(cond func() bool) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return cond()
}

// zzvPanics runs f and returns what it panicked with, or "".
func zzvPanics(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(zzvOutOfFuel); ok {
				msg = zzvOutOfFuelMsg
				return
			}
			msg = zzvfmt.Sprint(r)
			if msg == "" {
				msg = "panic"
			}
		}
	}()
	f()
	return ""
}

// zzvViolated returns "" when cond holds, else how it fails.
func zzvViolated(cond func() bool) (how string) {
	defer func() {
		if r := recover(); r != nil {
			how = zzvfmt.Sprint("panics: ", r)
		}
	}()
	if cond() {
		return ""
	}
	return "is false"
}

const zzvOutOfFuelMsg = "vsynth mutant driver: out of fuel"

// zzvRandom draws a bit pattern: a small value, a power of two of the
// width or a neighbour of one, or anything.
func zzvRandom(r *zzvrand.Rand, width int) uint64 {
	switch r.IntN(4) {
	case 0:
		return uint64(r.Int64N(33) - 16)
	case 1:
		return uint64(1)<<r.IntN(width) + uint64(r.Int64N(3)-1)
	}
	return r.Uint64()
}

`

// writeDriverFunc writes VsynthMutantN for run N.
func writeDriverFunc(b *bytes.Buffer, seed uint64, r driverRun) {
	c, call, id := r.contract, r.call, r.id
	fmt.Fprintf(b, "func VsynthMutant%d() string {\n", id)
	pools, exhaustive := c.inputPools(r.consts, rand.New(rand.NewPCG(seed, uint64(id))))
	for i, p := range c.params {
		if p.mt.fresh() {
			// Built afresh for every call: a mutant may write into it.
			var makers []string
			for _, lit := range pools[i] {
				makers = append(makers, fmt.Sprintf("func() %s { return %s }", p.typ, lit))
			}
			fmt.Fprintf(b, "\tzzvPool%d := []func() %s{\n%s,\n}\n", i, p.typ, strings.Join(makers, ",\n"))
			continue
		}
		fmt.Fprintf(b, "\tzzvPool%d := []%s{%s}\n", i, p.typ, strings.Join(pools[i], ", "))
	}
	b.WriteString("\tzzvTried, zzvDiverged := 0, 0\n")
	var params, names, formats []string
	for _, p := range c.params {
		params = append(params, p.name+" "+p.typ)
		names = append(names, p.name)
		formats = append(formats, p.name+" = %v")
	}
	fmt.Fprintf(b, "\tzzvTry := func(%s) string {\n", strings.Join(params, ", "))
	for _, r := range c.requires {
		fmt.Fprintf(b, "\t\tif !zzvHolds(func() bool { return %s }) {\n\t\t\treturn \"\"\n\t\t}\n", r)
	}
	b.WriteString("\t\tzzvTried++\n")
	for _, name := range c.olds {
		for _, p := range c.params {
			if p.name == name {
				fmt.Fprintf(b, "\t\t%s := %s\n", driverPreName(name), preCopy(p))
			}
		}
	}
	var results []string
	for _, r := range c.results {
		fmt.Fprintf(b, "\t\tvar %s %s\n\t\t_ = %s\n", r.name, r.typ, r.name)
		results = append(results, r.name)
	}
	callExpr := fmt.Sprintf("%s(%s)", call, strings.Join(names, ", "))
	if c.method {
		callExpr = fmt.Sprintf("%s.%s(%s)", names[0], call, strings.Join(names[1:], ", "))
	}
	if len(results) > 0 {
		callExpr = strings.Join(results, ", ") + " = " + callExpr
	}
	// The inputs are printed before the call, which may change them.
	fmt.Fprintf(b, "\t\tzzvIn := zzvfmt.Sprintf(%q%s)\n", strings.Join(formats, ", "), strings.Join(append([]string{""}, names...), ", "))
	inputs, inputArgs := "%s", ", zzvIn"
	b.WriteString("\t\tzzvFuelLeft = zzvFuelPerCall\n")
	fmt.Fprintf(b, "\t\tif zzvP := zzvPanics(func() { %s }); zzvP == zzvOutOfFuelMsg {\n\t\t\tzzvDiverged++\n\t\t\treturn \"\"\n\t\t} else if zzvP != \"\" {\n", callExpr)
	fmt.Fprintf(b, "\t\t\treturn zzvfmt.Sprintf(%q%s, zzvP)\n\t\t}\n", inputs+" -> panic: %s", inputArgs)
	var outFormats []string
	for _, r := range c.results {
		outFormats = append(outFormats, r.name+" = %v")
	}
	outArgs := strings.Join(append([]string{""}, results...), ", ")
	for _, e := range c.ensures {
		fmt.Fprintf(b, "\t\tif zzvHow := zzvViolated(func() bool { return %s }); zzvHow != \"\" {\n", e)
		format := inputs + " -> " + strings.Join(outFormats, ", ") + ": ensures " + strings.ReplaceAll(e, "%", "%%") + " %s"
		fmt.Fprintf(b, "\t\t\treturn zzvfmt.Sprintf(%q%s%s, zzvHow)\n\t\t}\n", format, inputArgs, outArgs)
	}
	b.WriteString("\t\treturn \"\"\n\t}\n")
	// The product of the pools, one loop per parameter.
	indent := "\t"
	var args []string
	for i, p := range c.params {
		fmt.Fprintf(b, "%sfor _, %s := range zzvPool%d {\n", indent, p.name, i)
		indent += "\t"
		if p.mt.fresh() {
			args = append(args, p.name+"()")
		} else {
			args = append(args, p.name)
		}
	}
	fmt.Fprintf(b, "%sif zzvV := zzvTry(%s); zzvV != \"\" {\n%s\treturn \"killed\\t\" + zzvV\n%s}\n", indent, strings.Join(args, ", "), indent, indent)
	for range c.params {
		indent = indent[1:]
		fmt.Fprintf(b, "%s}\n", indent)
	}
	if !exhaustive && len(c.params) > 0 {
		var draws []string
		for _, p := range c.params {
			draws = append(draws, p.mt.randomExpr())
		}
		fmt.Fprintf(b, "\tzzvR := zzvrand.New(zzvrand.NewPCG(%d, %d))\n", seed, id)
		fmt.Fprintf(b, "\tfor range %d {\n\t\tif zzvV := zzvTry(%s); zzvV != \"\" {\n\t\t\treturn \"killed\\t\" + zzvV\n\t\t}\n\t}\n", mutRandomTuples, strings.Join(draws, ", "))
	}
	b.WriteString("\treturn zzvfmt.Sprint(\"survived\\t\", zzvTried, \"\\t\", zzvDiverged)\n}\n\n")
}

// driverMain writes the main package: it runs every mutant's driver and
// prints one line for each: its id and, quoted, "killed\tHOW" or
// "survived\tINPUTS".
func driverMain(importPaths []string, idsByPath map[string][]int) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by TestMutants. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"fmt\"\n")
	for i, path := range importPaths {
		fmt.Fprintf(&b, "\tp%d %q\n", i, path)
	}
	b.WriteString(")\n\nfunc main() {\n")
	for i, path := range importPaths {
		ids := slices.Clone(idsByPath[path])
		slices.Sort(ids)
		for _, id := range ids {
			fmt.Fprintf(&b, "\tfmt.Printf(\"%%d\\t%%q\\n\", %d, p%d.VsynthMutant%d())\n", id, i, id)
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// goOutcome is what the driver found for one mutant.
type goOutcome struct {
	killed bool
	detail string // the input and the violation, when killed
	inputs int    // inputs on which the requires held and it returned, when it survived
	// diverged counts the inputs on which it ran out of fuel (a loop that
	// may not end): not a violation of a contract, which says nothing of
	// termination, and vsynth proves partial correctness.
	diverged int
}

// parseDriverOutput reads the driver's lines by mutant id.
func parseDriverOutput(t *testing.T, out string) map[int]goOutcome {
	t.Helper()
	got := map[int]goOutcome{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		idText, quoted, _ := strings.Cut(line, "\t")
		id, err := strconv.Atoi(idText)
		if err != nil {
			t.Fatalf("bad driver output line %q", line)
		}
		text, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("bad driver output line %q", line)
		}
		verdict, detail, _ := strings.Cut(text, "\t")
		switch verdict {
		case "killed":
			got[id] = goOutcome{killed: true, detail: detail}
		case "survived":
			tried, diverged, _ := strings.Cut(detail, "\t")
			n, err := strconv.Atoi(tried)
			d, err2 := strconv.Atoi(diverged)
			if err != nil || err2 != nil {
				t.Fatalf("bad driver output line %q", line)
			}
			got[id] = goOutcome{inputs: n - d, diverged: d}
		default:
			t.Fatalf("bad driver output line %q", line)
		}
	}
	return got
}

// driverPreName names the driver's copy of parameter p as the function
// got it, which old(p) reads.
func driverPreName(p string) string { return "zzvPre_" + p }
