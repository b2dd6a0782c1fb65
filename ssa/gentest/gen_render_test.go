package gentest

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/provetest"
	"github.com/vsynth/vsynth/internal/testsolver"
	"github.com/vsynth/vsynth/ssa"

	"github.com/vsynth/vsynth/smt"
)

// The rendering generator: random types (nested structs with blank and
// unexported fields, arrays, slices with spare capacity, pointers to
// pointers, named narrow integers) and random functions that read every
// part of their inputs — the elements past a slice's length included —
// into one number, with a contract that fails on one value of it. Every
// counterexample vsynth prints must compile at its type and replay: the
// compiled function, run on it, returns what the counterexample claims
// and breaks the contract. A value left out of the rendering (a blank
// field written, a spare element printed as zero, a narrow constant out
// of range, a pointer to a pointer spelled wrong) fails the replay or
// its compilation.
//
//	VSYNTH_LONG=1 go test ./ssa -run TestRenderGenerator -v

// rtype is a generated type.
type rtype struct {
	kind   rkind
	name   string   // declared name: named integers and structs
	basic  string   // for rBasic and rNamed: the basic type
	fields []rfield // for rStruct
	elem   *rtype   // for rArray, rSlice, rPointer
	n      int      // for rArray
}

type rkind int

const (
	rBasic rkind = iota
	rNamed
	rStruct
	rArray
	rSlice
	rPointer
)

type rfield struct {
	name string // "_" for a blank field
	t    *rtype
}

// renderGen generates one package.
type renderGen struct {
	rnd      *rand.Rand
	decls    []string
	n        int      // types declared
	requires []string // the function's requires clauses
}

var renderBasics = []string{"int8", "uint8", "int16", "uint16", "int32", "bool"}

func (g *renderGen) basic() string { return renderBasics[g.rnd.Intn(len(renderBasics))] }

// typ generates a type at most depth levels deep. Slices do not nest
// (reads through slices of slices make queries that lower slowly, a
// matter apart from rendering).
func (g *renderGen) typ(depth int, inSlice bool) *rtype {
	k := rkind(g.rnd.Intn(6))
	if depth == 0 {
		k = rkind(g.rnd.Intn(2))
	}
	if k == rSlice && inSlice {
		k = rArray
	}
	switch k {
	case rBasic:
		return &rtype{kind: rBasic, basic: g.basic()}
	case rNamed:
		g.n++
		t := &rtype{kind: rNamed, name: fmt.Sprintf("N%d", g.n), basic: renderBasics[g.rnd.Intn(4)]}
		g.decls = append(g.decls, fmt.Sprintf("type %s %s", t.name, t.basic))
		return t
	case rStruct:
		g.n++
		t := &rtype{kind: rStruct, name: fmt.Sprintf("S%d", g.n)}
		nf := 1 + g.rnd.Intn(3)
		for i := 0; i < nf; i++ {
			if g.rnd.Intn(3) == 0 {
				t.fields = append(t.fields, rfield{"_", &rtype{kind: rBasic, basic: g.basic()}})
			}
			name := fmt.Sprintf("F%d", i)
			if g.rnd.Intn(2) == 0 {
				name = fmt.Sprintf("f%d", i) // unexported
			}
			t.fields = append(t.fields, rfield{name, g.typ(depth-1, inSlice)})
		}
		var b strings.Builder
		fmt.Fprintf(&b, "type %s struct {\n", t.name)
		for _, f := range t.fields {
			fmt.Fprintf(&b, "\t%s %s\n", f.name, f.t.spell())
		}
		b.WriteString("}")
		g.decls = append(g.decls, b.String())
		return t
	case rArray:
		return &rtype{kind: rArray, n: 1 + g.rnd.Intn(2), elem: g.typ(depth-1, inSlice)}
	case rSlice:
		return &rtype{kind: rSlice, elem: g.typ(depth-1, true)}
	}
	return &rtype{kind: rPointer, elem: g.typ(depth-1, inSlice)}
}

func (t *rtype) spell() string {
	switch t.kind {
	case rBasic:
		return t.basic
	case rNamed, rStruct:
		return t.name
	case rArray:
		return fmt.Sprintf("[%d]%s", t.n, t.elem.spell())
	case rSlice:
		return "[]" + t.elem.spell()
	}
	return "*" + t.elem.spell()
}

// extremes are the least and greatest values of a basic integer type.
func extremes(basic string) [2]int64 {
	switch basic {
	case "int8":
		return [2]int64{-128, 127}
	case "uint8":
		return [2]int64{0, 255}
	case "int16":
		return [2]int64{-32768, 32767}
	case "uint16":
		return [2]int64{0, 65535}
	}
	return [2]int64{-2147483648, 2147483647}
}

// fold is what the code read writes does to acc on one input, which it
// draws as it runs: a witness that the contract can fail.
type fold func(acc int64) int64

// read writes statements that fold every part of the value at path, of
// type t, into acc, and returns the same fold on an input of its own.
// direct says that path selects fields and array elements of a
// parameter only, so that a requires clause can name it.
func (g *renderGen) read(b *strings.Builder, indent, path string, t *rtype, direct bool) fold {
	switch t.kind {
	case rBasic, rNamed:
		if t.basic == "bool" {
			fmt.Fprintf(b, "%sif %s {\n%s\tacc += 7\n%s}\n", indent, path, indent, indent)
			return func(acc int64) int64 {
				if g.rnd.Intn(2) == 0 {
					acc += 7
				}
				return acc
			}
		}
		ext := extremes(t.basic)
		check := g.rnd.Intn(2) == 0
		which := ext[g.rnd.Intn(2)]
		fmt.Fprintf(b, "%sacc = acc*3 + int64(%s)\n", indent, path)
		if check {
			fmt.Fprintf(b, "%sif %s == %d {\n%s\tacc += 1000\n%s}\n", indent, path, which, indent, indent)
		}
		return func(acc int64) int64 {
			v := ext[g.rnd.Intn(2)] // extremes half the time
			if g.rnd.Intn(2) == 0 {
				v = ext[0] + g.rnd.Int63n(ext[1]-ext[0]+1)
			}
			acc = acc*3 + v
			if check && v == which {
				acc += 1000
			}
			return acc
		}
	case rStruct:
		var fs []fold
		for _, f := range t.fields {
			if f.name != "_" {
				fs = append(fs, g.read(b, indent, path+"."+f.name, f.t, direct))
			}
		}
		return seq(fs)
	case rArray:
		var fs []fold
		for i := 0; i < t.n; i++ {
			fs = append(fs, g.read(b, indent, fmt.Sprintf("%s[%d]", path, i), t.elem, direct))
		}
		return seq(fs)
	case rSlice:
		// Spare capacity, required of some slices: what lies past the
		// length is read too.
		spare := direct && g.rnd.Intn(4) != 0
		if spare {
			g.requires = append(g.requires, fmt.Sprintf("len(%s) < cap(%s)", path, path))
		}
		fmt.Fprintf(b, "%sacc = acc*3 + int64(len(%s))*5 + int64(cap(%s))\n", indent, path, path)
		var elems []fold
		for i := 0; i < 2; i++ {
			// The elements up to the capacity, past the length too.
			fmt.Fprintf(b, "%sif cap(%s) > %d {\n", indent, path, i)
			elems = append(elems, g.read(b, indent+"\t", fmt.Sprintf("%s[:cap(%s)][%d]", path, path, i), t.elem, false))
			fmt.Fprintf(b, "%s}\n", indent)
		}
		return func(acc int64) int64 {
			c := g.rnd.Int63n(4)
			l := g.rnd.Int63n(c + 1)
			if spare {
				c = 1 + g.rnd.Int63n(3)
				l = g.rnd.Int63n(c)
			}
			acc = acc*3 + l*5 + c
			for i, e := range elems {
				if c > int64(i) {
					acc = e(acc)
				}
			}
			return acc
		}
	}
	fmt.Fprintf(b, "%sif %s != nil {\n", indent, path)
	fmt.Fprintf(b, "%s\tacc++\n", indent)
	inner := g.read(b, indent+"\t", "(*"+path+")", t.elem, false)
	fmt.Fprintf(b, "%s}\n", indent)
	return func(acc int64) int64 {
		if g.rnd.Intn(4) == 0 {
			return acc // nil
		}
		return inner(acc + 1)
	}
}

// seq folds fs in order.
func seq(fs []fold) fold {
	return func(acc int64) int64 {
		for _, f := range fs {
			acc = f(acc)
		}
		return acc
	}
}

// function generates function k, whose contract fails on an input the
// generator draws.
func (g *renderGen) function(k int) string {
	np := 1 + g.rnd.Intn(2)
	var params []string
	var body strings.Builder
	body.WriteString("\tvar acc int64\n")
	var fs []fold
	g.requires = nil
	for i := 0; i < np; i++ {
		t := g.typ(3, false)
		if i == 0 && g.rnd.Intn(2) == 0 {
			t = &rtype{kind: rSlice, elem: g.typ(1, true)} // slices are where values hide
		}
		name := fmt.Sprintf("p%d", i)
		params = append(params, name+" "+t.spell())
		fs = append(fs, g.read(&body, "\t", name, t, true))
	}
	c := seq(fs)(0)
	var reqs string
	for _, r := range g.requires {
		reqs += "//vsynth:requires " + r + "\n"
	}
	return fmt.Sprintf("%s//vsynth:ensures result != %d\nfunc F%d(%s) int64 {\n%s\treturn acc\n}\n", reqs, c, k, strings.Join(params, ", "), body.String())
}

// renderPackage generates a package of n functions from seed.
func renderPackage(seed int64, n int) string {
	g := &renderGen{rnd: rand.New(rand.NewSource(seed))}
	var fns []string
	for k := 0; k < n; k++ {
		fns = append(fns, g.function(k))
	}
	return "package gen\n\n" + strings.Join(g.decls, "\n\n") + "\n\n" + strings.Join(fns, "\n")
}

func TestRenderGenerator(t *testing.T) {
	seeds, perPkg := 1, 6
	if os.Getenv("VSYNTH_LONG") != "" {
		seeds, perPkg = 10, 30
	}
	for seed := int64(1); seed <= int64(seeds); seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			root := t.TempDir()
			os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/gen\n\ngo 1.24\n"), 0o644)
			src := renderPackage(seed, perPkg)
			os.WriteFile(filepath.Join(root, "gen.go"), []byte(src), 0o644)
			prog, err := ssa.Load(ssa.LoadConfig{Dir: root}, []string{"./..."})
			if err != nil {
				t.Fatalf("load: %v\n%s", err, src)
			}
			results, err := prog.Prove(context.Background(), prog.Targets, ssa.Options{Limits: smt.Limits{Timeout: 20 * time.Second}, NewSolver: testsolver.New})
			if err != nil {
				t.Fatalf("prove: %v\n%s", err, src)
			}
			verdicts := map[ssa.Verdict]int{}
			for _, r := range results {
				verdicts[r.Verdict]++
				if r.Verdict == ssa.Unknown {
					t.Logf("%s: unknown: %s", r.Target.Name, r.Reason)
				}
				if r.Verdict == ssa.Unsupported || r.Verdict == ssa.Proved {
					// Every function has a value on which it breaks its
					// contract; none is outside the model.
					t.Errorf("%s: %s (%s)\n%s", r.Target.Name, r.Verdict, r.Reason, src)
				}
			}
			cases := provetest.FailedCases(results)
			if len(cases) < perPkg/2 {
				t.Fatalf("only %d of %d functions refuted with a replayable counterexample (%v):\n%s", len(cases), perPkg, verdicts, src)
			}
			n := provetest.Replay(t, prog, root, cases)
			t.Logf("%v; %d counterexamples compiled and replayed in Go", verdicts, n)
			if t.Failed() {
				t.Logf("package:\n%s", src)
			}
		})
	}
}
