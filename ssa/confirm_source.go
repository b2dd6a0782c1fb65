package ssa

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/vsynth/vsynth/specs"
)

// The replay program: in every package with a counterexample to replay, a
// file (replayFileName) with a function per counterexample that runs the
// compiled function on it and reports, as JSON, what happened (a
// replayOutcome), and a main package beside it that runs one of them
// (its index the first argument) under the memory limit.

// replayFileName is the file a replay adds to a package.
const replayFileName = "zz_vsynth_replay.go"

// replayOutcome is what a replay reports: how far it got and what it saw.
type replayOutcome struct {
	Phase    string   // "inputs", "requires", "old", "call", "clause" or "done": where it stopped
	Unmet    string   // a requires clause the inputs do not meet
	Panic    string   // the panic that stopped it
	Runtime  bool     // the panic is a run-time error
	Returned bool     // the function returned
	Got      string   // what it returned
	Want     string   // what the counterexample says it returns
	Clause   string   // the value of the violated clause on what it returned
	Where    []string // for a panic: the stack, innermost first, as file:line

	crash string // the process died without a report: why
}

// caseCode writes the replay function of case c, and the imports it needs
// (path -> name) into imports.
func (p *Program) caseCode(c *confirmCase, imports map[string]string) (string, error) {
	tg, ob, cex := c.res.Target, c.ob, c.cex
	fn := tg.Func
	qual := func(pkg *types.Package) string {
		if pkg == tg.Package.Types || pkg.Path() == tg.Package.Types.Path() {
			// The package, or the shadow package its clauses are checked
			// in, whose own names (old's type argument, a multiset) the
			// replay file declares in the package too.
			return ""
		}
		imports[pkg.Path()] = pkg.Name()
		return pkg.Name()
	}
	nOld := 0
	rw := &clauseRewriter{prog: p, tg: tg, qual: qual, nOld: &nOld}
	var b bytes.Buffer
	fmt.Fprintf(&b, "func zzvCase%d() (zzvO zzvOutcome) {\n\tdefer zzvRecover(&zzvO)\n\tzzvO.Phase = \"inputs\"\n", c.index)
	// The globals first: a parameter may have a global's name.
	for _, g := range cex.Globals {
		fmt.Fprintf(&b, "\t%s = %s\n", g.Name, g.Value)
	}
	var args []string
	for k, in := range cex.Inputs {
		name := playbackParam(tg, k)
		fmt.Fprintf(&b, "\tvar %s %s = %s\n\t_ = %s\n", name, types.TypeString(fn.Params[k].Type(), qual), in.Value, name)
		args = append(args, name)
	}
	b.WriteString("\tzzvO.Phase = \"requires\"\n")
	for _, cl := range tg.Spec.Func.Requires() {
		p.clauseImports(tg, cl.Expr, imports)
		rc, err := rw.rewrite(cl.Expr)
		if err != nil {
			return "", err
		}
		if ob.Kind == WellDefined && ob.Of == "requires" && cl.Pos == ob.Pos {
			fmt.Fprintf(&b, "\t_ = %s\n\tzzvO.Phase = \"done\"\n\treturn\n}\n", rc.expr)
			return b.String(), nil
		}
		fmt.Fprintf(&b, "\tif !(%s) {\n\t\tzzvO.Unmet = %q\n\t\treturn\n\t}\n", rc.expr, cl.Text)
	}
	if ob.Kind == WellDefined && ob.Of == "requires" {
		return "", fmt.Errorf("requires clause at %s not found", p.Fset.Position(ob.Pos))
	}
	if pc := tg.Spec.Func.Panics(); pc != nil { // panics.go
		p.clauseImports(tg, pc.Expr, imports)
		rc, err := rw.rewrite(pc.Expr)
		if err != nil {
			return "", err
		}
		if cond := panicsReplayCheck(ob, rc.expr); cond != "" {
			fmt.Fprintf(&b, "\tif %s {\n\t\tzzvO.Unmet = %q\n\t\treturn\n\t}\n", cond, "(the counterexample's claim about vsynth:panics "+pc.Text+")")
		}
	}
	if ob.Kind == Modifies { // confirm_frame.go
		code, err := p.frameReplay(c, rw, args, imports)
		if err != nil {
			return "", err
		}
		b.WriteString(code)
	}
	var clause *replayClause
	if ob.Kind == Ensures || ob.Kind == WellDefined {
		cl := clauseOf(tg, ob)
		if cl == nil {
			return "", fmt.Errorf("clause at %s not found", p.Fset.Position(ob.Pos))
		}
		p.clauseImports(tg, cl.Expr, imports)
		rc, err := rw.rewrite(cl.Expr)
		if err != nil {
			return "", err
		}
		clause = rc
		b.WriteString("\tzzvO.Phase = \"old\"\n")
		for _, h := range rc.hoists {
			fmt.Fprintf(&b, "\t%s, %sP := func() (zzvV %s, zzvP any) {\n\t\tdefer func() { zzvP = recover() }()\n\t\treturn %s, nil\n\t}()\n", h.name, h.name, h.typ, h.expr)
		}
		for _, k := range rc.copies {
			fmt.Fprintf(&b, "\t%s := zzvDeepCopy(%s)\n", preName(playbackParam(tg, k)), playbackParam(tg, k))
		}
	}
	call := fmt.Sprintf("%s(%s)", callName(fn, qual), strings.Join(args, ", "))
	if fn.Signature.Recv() != nil {
		call = fmt.Sprintf("%s.%s(%s)", args[0], fn.Name(), strings.Join(args[1:], ", "))
	}
	if fn.Signature.Variadic() {
		call = call[:len(call)-1] + "...)"
	}
	b.WriteString("\tzzvO.Phase = \"call\"\n")
	nres := fn.Signature.Results().Len()
	var results []string
	for k := range nres {
		results = append(results, resultName(tg, k))
	}
	switch {
	case nres == 0:
		fmt.Fprintf(&b, "\t%s\n\tzzvO.Returned = 1 == 1\n", call)
	case clause == nil:
		fmt.Fprintf(&b, "\t%s = %s\n\tzzvO.Returned = 1 == 1\n", strings.Join(blank(results), ", "), call)
	default:
		fmt.Fprintf(&b, "\t%s := %s\n\tzzvO.Returned = 1 == 1\n", strings.Join(results, ", "), call)
		var got, want []string
		for k, r := range results {
			rt := fn.Signature.Results().At(k).Type()
			typ := types.TypeString(rt, qual)
			fmt.Fprintf(&b, "\t_ = %s\n", r)
			if k >= len(cex.Outputs) {
				return "", fmt.Errorf("the counterexample gives %d of %d results", len(cex.Outputs), nres)
			}
			lit := cex.Outputs[k].Value
			if isInterface(rt) {
				// Interface results are compared by whether they are nil:
				// an error's identity is not a value the replay can write.
				got = append(got, fmt.Sprintf("zzvfmt.Sprint(%s == nil)", r))
				want = append(want, strconv.Quote(fmt.Sprint(lit == "nil")))
				continue
			}
			if isScalar(rt) {
				got = append(got, fmt.Sprintf("zzvfmt.Sprint(%s)", r))
				want = append(want, fmt.Sprintf("zzvfmt.Sprint((%s)(%s))", typ, lit))
				continue
			}
			// Slices, structs, pointers: compared with the value the
			// counterexample writes, by reflect.DeepEqual.
			got = append(got, fmt.Sprintf("func() string { var zzvW %s = %s; if zzvreflect.DeepEqual(%s, zzvW) { return %q }; return zzvfmt.Sprintf(\"%%#v\", %s) }()", typ, lit, r, lit, r))
			want = append(want, strconv.Quote(lit))
		}
		fmt.Fprintf(&b, "\tzzvO.Got = %s\n\tzzvO.Want = %s\n", strings.Join(got, " + \", \" + "), strings.Join(want, " + \", \" + "))
	}
	if clause != nil {
		fmt.Fprintf(&b, "\tzzvO.Phase = \"clause\"\n\tzzvO.Clause = zzvfmt.Sprint(%s)\n", clause.expr)
	}
	if ob.Kind == Modifies {
		b.WriteString("\tzzvO.Phase = \"frame\"\n\tzzvO.Clause = zzvSnap.changed(zzvFrame)\n")
	}
	b.WriteString("\tzzvO.Phase = \"done\"\n\treturn\n}\n")
	return b.String(), nil
}

// isScalar reports whether values of t print with %v as the
// counterexample writes them: integers and bools.
func isScalar(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsBoolean) != 0
}

// clauseImports records the packages clause e of tg names.
func (p *Program) clauseImports(tg *Target, e ast.Expr, imports map[string]string) {
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if pn, ok := tg.Spec.Info.Uses[id].(*types.PkgName); ok {
				imports[pn.Imported().Path()] = id.Name
			}
		}
		return true
	})
}

// replayFile writes the replay file of package pkg: the helpers, the
// functions of cases (already written in their code), and the entry
// point ZZVsynthReplay. It sets each case's line range.
func replayFile(pkg *packages.Package, cases []*confirmCase) []byte {
	imports := map[string]string{}
	for _, c := range cases {
		maps.Copy(imports, c.imports)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by vsynth for confirming counterexamples. DO NOT EDIT.\n\npackage %s\n\nimport (\n", pkg.Name)
	std := [][2]string{{"zzvfmt", "fmt"}, {"zzvjson", "encoding/json"}, {"zzvreflect", "reflect"}, {"zzvruntime", "runtime"}, {"zzvunsafe", "unsafe"}}
	for _, s := range std {
		fmt.Fprintf(&b, "\t%s %q\n", s[0], s[1])
	}
	paths := make([]string, 0, len(imports))
	for path := range imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(&b, "\t%s %q\n", imports[path], path)
	}
	b.WriteString(")\n\n")
	b.WriteString(replayHelpers)
	b.WriteString(measureHelpers)
	b.WriteString(frameHelpers) // confirm_frame.go
	if declaresHas(pkg) {
		b.WriteString(hasHelper)
	}
	if pkg.Types != nil && pkg.Types.Scope().Lookup(specs.MsetName) == nil && pkg.Types.Scope().Lookup(specs.MultisetName) == nil {
		b.WriteString(msetHelpers) // the clauses' mset is the spec language's
	}
	b.WriteString("\n// ZZVsynthReplay runs case i and reports what happened as JSON.\nfunc ZZVsynthReplay(i int) string {\n\tvar o zzvOutcome\n\tswitch i {\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\tcase %d:\n\t\to = zzvCase%d()\n", c.index, c.index)
	}
	b.WriteString("\tdefault:\n\t\to.Phase = \"no such case\"\n\t}\n\tjs, _ := zzvjson.Marshal(o)\n\treturn string(js)\n}\n")
	for _, c := range cases {
		b.WriteString("\n")
		first := bytes.Count(b.Bytes(), []byte("\n")) + 1
		b.WriteString(c.code)
		c.lines = [2]int{first, bytes.Count(b.Bytes(), []byte("\n"))}
	}
	return b.Bytes()
}

// replayMain is the main package that runs case os.Args[1] of the
// packages pkgs, prints its report after the marker os.Args[2], under an
// address-space limit of os.Args[3] bytes.
func replayMain(pkgs []*replayPkg) []byte {
	var imports, table strings.Builder
	for k, rp := range pkgs {
		fmt.Fprintf(&imports, "\tzzvp%d %q\n", k, rp.pkg.PkgPath)
		for _, c := range rp.cases {
			fmt.Fprintf(&table, "\t%d: zzvp%d.ZZVsynthReplay,\n", c.index, k)
		}
	}
	return fmt.Appendf(nil, `// Code generated by vsynth for confirming counterexamples. DO NOT EDIT.

package main

import (
	"os"
	"strconv"

%s)

var zzvCases = map[int]func(int) string{
%s}

func main() {
	i, _ := strconv.Atoi(os.Args[1])
	limit, _ := strconv.ParseUint(os.Args[3], 10, 64)
	run, ok := zzvCases[i]
	if !ok {
		os.Stderr.WriteString("vsynth replay: no such case\n")
		os.Exit(2)
	}
	zzvLimitMemory(limit)
	out := run(i)
	os.Stdout.WriteString("\n" + os.Args[2] + out + "\n")
}
`, imports.String(), table.String())
}

// replayLimitLinux sets the replay's address-space limit on Linux.
const replayLimitLinux = `// Code generated by vsynth for confirming counterexamples. DO NOT EDIT.

//go:build linux

package main

import "syscall"

func zzvLimitMemory(n uint64) {
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
		panic("vsynth replay: setting the memory limit: " + err.Error())
	}
}
`

// replayLimitOther: elsewhere the replay runs without a memory limit.
const replayLimitOther = `// Code generated by vsynth for confirming counterexamples. DO NOT EDIT.

//go:build !linux

package main

func zzvLimitMemory(n uint64) {}
`

// hasHelper is the spec language's has (specs.HasName), which a clause
// may call: a replay declares it in the package, unless the package's
// own has is the one the clauses call.
var hasHelper = `
// has reports whether m holds the key k (the spec language's has).
func has[K comparable, V interface{}](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
`

// declaresHas reports whether a replay file of pkg declares has: the
// package declares no has and none of its files imports a package by
// that name.
func declaresHas(pkg *packages.Package) bool {
	if pkg.Types == nil || pkg.Types.Scope().Lookup(specs.HasName) != nil {
		return false
	}
	for _, f := range pkg.Syntax {
		for _, im := range f.Imports {
			name := ""
			if im.Name != nil {
				name = im.Name.Name
			} else if path, err := strconv.Unquote(im.Path.Value); err == nil {
				name = path[strings.LastIndex(path, "/")+1:]
			}
			if name == specs.HasName {
				return false
			}
		}
	}
	return true
}

// msetHelpers evaluate the spec language's multisets in Go
// (specs/mset.go): a multiset is its elements' canonical text with
// multiplicities, sorted, so that == on two of them is multiset equality.
const msetHelpers = `
type multiset[T comparable] struct{ key string }

func mset[T comparable](s []T) multiset[T] {
	counts := map[T]int{}
	for _, v := range s {
		counts[v]++
	}
	keys := make([]string, 0, len(counts))
	for v, n := range counts {
		keys = append(keys, zzvfmt.Sprintf("%#v*%d", v, n))
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return multiset[T]{key: zzvfmt.Sprint(keys)}
}
`

// replayHelpers are the declarations every replay file (and the
// instrumented code of its package) uses. The quantifier helpers evaluate
// forall and exists exactly or panic with inexactQuantifier
// (confirm_clause.go).
var replayHelpers = `var _ = zzvfmt.Sprint
var _ = zzvreflect.DeepEqual
var _ zzvruntime.Error
var _ = zzvunsafe.Sizeof(0)

type zzvOutcome struct {
	Phase    string
	Unmet    string
	Panic    string
	Runtime  bool
	Returned bool
	Got      string
	Want     string
	Clause   string
	Where    []string
}

func zzvRecover(o *zzvOutcome) {
	if r := recover(); r != nil {
		o.Panic = zzvfmt.Sprint(r)
		_, o.Runtime = r.(zzvruntime.Error)
		pcs := make([]uintptr, 64)
		frames := zzvruntime.CallersFrames(pcs[:zzvruntime.Callers(1, pcs)])
		for {
			f, more := frames.Next()
			if f.File != "" {
				o.Where = append(o.Where, zzvfmt.Sprintf("%s:%d", f.File, f.Line))
			}
			if !more {
				break
			}
		}
	}
}

type zzvInv struct {
	holds func() bool
	text  string
}

// zzvCheckInvariants evaluates every invariant of a loop head and panics
// with those that do not hold: false, or panicking when evaluated (an
// invariant obligation includes that the clause is well-defined).
func zzvCheckInvariants(invs ...zzvInv) bool {
	bad := ""
	for _, inv := range invs {
		ok := func() (ok bool) {
			defer func() {
				if r := recover(); r != nil {
					if s, isString := r.(string); isString && len(s) >= len(zzvInexactPrefix) && s[:len(zzvInexactPrefix)] == zzvInexactPrefix {
						panic(r) // not evaluated exactly: neither true nor false
					}
					ok = false
				}
			}()
			return inv.holds()
		}()
		if !ok {
			if bad != "" {
				bad += "` + invariantSep + `"
			}
			bad += inv.text
		}
	}
	if bad != "" {
		panic("` + invariantViolated + `" + bad)
	}
	return true
}

const zzvInexactPrefix = "` + inexactQuantifier + `"

// zzvInexact stands for an invariant the replay cannot evaluate exactly.
func zzvInexact() bool {
	panic("` + inexactQuantifier + `: old(...) of a parameter the function declares again")
}

func zzvOldGet[T any](v T, p any) T {
	if p != nil {
		panic(p)
	}
	return v
}

type zzvInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// zzvRange returns the range lo..hi (inclusive) of a quantifier, or
// ok = false when it is empty.
func zzvRange[T zzvInteger](lo T, loStrict bool, hi T, hiIncl bool) (T, T, bool) {
	if loStrict {
		if lo+1 < lo {
			return lo, hi, false
		}
		lo++
	}
	if !hiIncl {
		if hi-1 > hi {
			return lo, hi, false
		}
		hi--
	}
	if lo > hi {
		return lo, hi, false
	}
	if uint64(hi)-uint64(lo) >= ` + strconv.Itoa(replayQuantMax) + ` {
		panic("` + inexactQuantifier + `: range too large")
	}
	return lo, hi, true
}

// zzvForallIn evaluates the body at every value of the range, without
// stopping at the first false one: a body that panics at any value makes
// the quantifier panic (the clause is not well-defined there), whatever
// the other values give.
func zzvForallIn[T zzvInteger](lo T, loStrict bool, hi T, hiIncl bool, body func(T) bool) bool {
	lo, hi, ok := zzvRange(lo, loStrict, hi, hiIncl)
	if !ok {
		return true
	}
	all := true
	for k := lo; ; k++ {
		if !body(k) {
			all = false
		}
		if k == hi {
			return all
		}
	}
}

func zzvExistsIn[T zzvInteger](lo T, loStrict bool, hi T, hiIncl bool, body func(T) bool) bool {
	return !zzvForallIn(lo, loStrict, hi, hiIncl, func(k T) bool { return !body(k) })
}

// zzvWhole is the range of a type of at most 16 bits.
func zzvWhole[T zzvInteger]() (T, T) {
	var z T
	size := zzvunsafe.Sizeof(z)
	if size > 2 {
		panic("` + inexactQuantifier + `: no bounds on a variable of a wide type")
	}
	if z-1 > z { // unsigned
		return 0, ^z
	}
	lo := T(1) << (8*size - 1)
	return lo, ^lo
}

func __vsynth_forall[T zzvInteger](body func(T) bool) bool {
	lo, hi := zzvWhole[T]()
	return zzvForallIn(lo, false, hi, true, body)
}

func __vsynth_exists[T zzvInteger](body func(T) bool) bool {
	lo, hi := zzvWhole[T]()
	return zzvExistsIn(lo, false, hi, true, body)
}

func __vsynth_range_entry[T any](x T, check func(int)) T {
	// A range over an integer reaches its head only when it runs at
	// least once (go/ssa rotates the loop); one over a sequence always.
	v := zzvreflect.ValueOf(x)
	if v.CanInt() && v.Int() <= 0 || v.CanUint() && v.Uint() == 0 {
		return x
	}
	check(0)
	return x
}

// zzvDeepCopy copies x and everything it reaches, keeping the sharing
// between what it reaches.
func zzvDeepCopy[T any](x T) T {
	v := zzvreflect.ValueOf(&x).Elem()
	c := zzvreflect.New(v.Type()).Elem()
	zzvCopyInto(c, v, map[zzvunsafe.Pointer]zzvreflect.Value{})
	return c.Interface().(T)
}

func zzvSettable(v zzvreflect.Value) zzvreflect.Value {
	if v.CanSet() || !v.CanAddr() {
		return v
	}
	return zzvreflect.NewAt(v.Type(), zzvunsafe.Pointer(v.UnsafeAddr())).Elem()
}

func zzvCopyInto(dst, src zzvreflect.Value, seen map[zzvunsafe.Pointer]zzvreflect.Value) {
	dst = zzvSettable(dst)
	src = zzvSettable(src)
	switch src.Kind() {
	case zzvreflect.Pointer:
		if src.IsNil() {
			return
		}
		if c, ok := seen[src.UnsafePointer()]; ok {
			dst.Set(c)
			return
		}
		c := zzvreflect.New(src.Type().Elem())
		seen[src.UnsafePointer()] = c
		zzvCopyInto(c.Elem(), src.Elem(), seen)
		dst.Set(c)
	case zzvreflect.Slice:
		if src.IsNil() {
			return
		}
		full := src.Slice3(0, src.Cap(), src.Cap())
		c := zzvreflect.MakeSlice(src.Type(), src.Cap(), src.Cap())
		for i := 0; i < src.Cap(); i++ {
			zzvCopyInto(c.Index(i), full.Index(i), seen)
		}
		dst.Set(c.Slice(0, src.Len()))
	case zzvreflect.Array:
		for i := 0; i < src.Len(); i++ {
			zzvCopyInto(dst.Index(i), src.Index(i), seen)
		}
	case zzvreflect.Struct:
		for i := 0; i < src.NumField(); i++ {
			zzvCopyInto(dst.Field(i), src.Field(i), seen)
		}
	case zzvreflect.Map:
		if src.IsNil() {
			return
		}
		c := zzvreflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			v := zzvreflect.New(src.Type().Elem()).Elem()
			zzvCopyInto(v, it.Value(), seen)
			c.SetMapIndex(it.Key(), v)
		}
		dst.Set(c)
	default:
		dst.Set(src)
	}
}
`
