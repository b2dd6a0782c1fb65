package ssa

import (
	"context"
	"encoding/json"
	"fmt"
	"go/types"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/specs"
)

// The real-Go corpus (testdata/realgo, docs/real-go.md "The real-Go
// corpus"): functions copied from the standard library and widely used
// modules, each with a contract and a // want comment on its line giving
// the verdict docs/realgo-bench.sh measured with the CLI.
//
//   - TestRealGoSample (default, in ssa/corpustest) loads and
//     type-checks every package of the corpus, checks that every function
//     with a contract has a want comment, and proves a seeded sample of
//     small functions against their wants (every counterexample replayed
//     in Go). VSYNTH_SEED picks another sample; VSYNTH_LONG=1 proves
//     every function.
//   - TestRealGoRandom (VSYNTH_LONG=1) runs every proved function of the
//     corpus on random inputs in compiled Go, through the replay of
//     confirm.go, and fails on any input that meets the requires clauses
//     on which the function panics or breaks an ensures clause: a wrong
//     proof.

func realgoDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "testdata", "realgo"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// realgoRuns is the number of random inputs per proved function.
const realgoRuns = 24

func TestRealGoRandom(t *testing.T) {
	if !testlimits.Long() {
		t.Skip("VSYNTH_LONG=1: runs every proved function of testdata/realgo on random inputs")
	}
	dir := realgoDir(t)
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	proved := realgoProved(t, prog)
	seed := uint64(1)
	if s := os.Getenv("VSYNTH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	g := &randLits{r: rand.New(rand.NewPCG(seed, 42))}
	var cases []*confirmCase
	var skipped []string
	for _, tg := range prog.Targets {
		if !proved[tg.Name] || tg.Func == nil || tg.Spec == nil {
			continue
		}
		var ensures []*specs.Clause
		for _, c := range tg.Spec.Func.Clauses {
			if c.Kind == specs.Ensures {
				ensures = append(ensures, c)
			}
		}
		if len(ensures) == 0 {
			skipped = append(skipped, tg.Name+": no ensures clause")
			continue
		}
		if tg.Func.TypeParams().Len() > 0 && len(tg.Func.TypeArgs()) == 0 {
			continue
		}
		qual := func(p *types.Package) string {
			if p.Path() == tg.Package.Types.Path() {
				return ""
			}
			return p.Name()
		}
		var outs []Binding
		for i := 0; i < tg.Func.Signature.Results().Len(); i++ {
			rt := tg.Func.Signature.Results().At(i).Type()
			lit := "*new(" + types.TypeString(rt, qual) + ")"
			if isInterface(rt) {
				lit = "nil"
			}
			outs = append(outs, Binding{Name: resultName(tg, i), Value: lit})
		}
		res := &FuncResult{Target: tg, Verdict: Failed}
		ok := true
		for k := 0; k < realgoRuns && ok; k++ {
			var ins []Binding
			for _, p := range tg.Func.Params {
				lit, can := g.lit(p.Type(), qual, 0)
				if !can {
					skipped = append(skipped, fmt.Sprintf("%s: parameter %s of type %s", tg.Name, p.Name(), p.Type()))
					ok = false
					break
				}
				ins = append(ins, Binding{Name: p.Name(), Value: lit})
			}
			if !ok {
				break
			}
			for _, c := range ensures {
				ob := &ObligationResult{Kind: Ensures, Clause: c.Text, Of: "ensures", Pos: c.Pos, Verdict: Failed}
				cex := &Counterexample{Inputs: ins, Outputs: outs}
				ob.Counterexample = cex
				cases = append(cases, &confirmCase{res: res, ob: ob, cex: cex})
			}
		}
	}
	if len(cases) == 0 {
		t.Fatal("no proved function to run")
	}
	opts := ConfirmOptions{Timeout: 5 * time.Second, Memory: DefaultConfirmMemory, Jobs: 2, GoCommand: "go"}
	b, err := prog.buildReplays(context.Background(), cases, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.cleanup()
	for _, e := range b.toolErrors {
		t.Logf("replay build: %s", e)
	}
	if err := b.runAll(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	type tally struct{ runs, met, fine int }
	per := map[string]*tally{}
	var order []string
	bad := 0
	for _, c := range cases {
		name := c.res.Target.Name
		if per[name] == nil {
			per[name] = &tally{}
			order = append(order, name)
		}
		tl := per[name]
		tl.runs++
		o := c.outcome
		in := realgoInputs(c.cex.Inputs)
		switch {
		case o == nil:
			t.Logf("%s: not run (%s)", name, c.verdict)
		case o.crash != "":
			t.Logf("%s: %s on %s", name, o.crash, in)
		case o.Unmet != "":
		case o.Phase == "inputs":
			t.Logf("%s: building the inputs panicked: %s (%s)", name, o.Panic, in)
		case o.Phase == "call" && o.Panic != "":
			tl.met++
			bad++
			t.Errorf("WRONG: %s is proved but panics on %s: %s", name, in, o.Panic)
		case o.Phase == "clause" && o.Panic != "":
			tl.met++
			bad++
			t.Errorf("WRONG: %s is proved but ensures %s panics on %s: %s", name, c.ob.Clause, in, o.Panic)
		case o.Phase == "done" && o.Clause == "false":
			tl.met++
			bad++
			t.Errorf("WRONG: %s is proved but ensures %s is false on %s (returned %s)", name, c.ob.Clause, in, o.Got)
		case o.Phase == "done":
			tl.met++
			tl.fine++
		default:
			t.Logf("%s: stopped in phase %s: %s", name, o.Phase, o.describe())
		}
	}
	slices.Sort(skipped)
	for _, s := range slices.Compact(skipped) {
		t.Logf("not run: %s", s)
	}
	met, fns := 0, 0
	for _, name := range order {
		tl := per[name]
		if tl.met > 0 {
			fns++
		}
		met += tl.met
		t.Logf("%-50s %3d runs, %3d meet the requires, %3d hold", strings.TrimPrefix(name, "example.com/realgo/"), tl.runs, tl.met, tl.fine)
	}
	t.Logf("proved functions run: %d of %d; %d runs, %d meet the requires, %d break the contract", fns, len(proved), len(cases), met, bad)
}

// realgoProved names the proved functions: from the CLI's JSON reports
// in VSYNTH_REALGO_JSON (docs/realgo-bench.sh) when set, else by proving
// the corpus.
func realgoProved(t *testing.T, prog *Program) map[string]bool {
	t.Helper()
	proved := map[string]bool{}
	if dir := os.Getenv("VSYNTH_REALGO_JSON"); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var rep struct {
				Results []struct{ Function, Verdict string }
			}
			if err := json.Unmarshal(data, &rep); err != nil {
				t.Logf("%s: %v", f, err)
				continue
			}
			for _, r := range rep.Results {
				if r.Verdict == string(Proved) {
					proved[r.Function] = true
				}
			}
		}
		return proved
	}
	results, err := prog.Prove(context.Background(), prog.Targets, Options{Infer: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Verdict == Proved {
			proved[r.Target.Name] = true
		}
	}
	return proved
}

func realgoInputs(bs []Binding) string {
	var s []string
	for _, b := range bs {
		s = append(s, b.Name+" = "+b.Value)
	}
	return strings.Join(s, ", ")
}

// randLits writes random Go values of a type as literals, edge values
// first among the choices: integers (zero, one, minus one, the limits,
// small and any), bools, floats, strings (ASCII, digits, UTF-8 and
// invalid bytes), and slices, arrays, structs and pointers of them.
type randLits struct{ r *rand.Rand }

func (g *randLits) lit(t types.Type, qual types.Qualifier, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	name := types.TypeString(t, qual)
	switch u := t.Underlying().(type) {
	case *types.Basic:
		info := u.Info()
		switch {
		case info&types.IsBoolean != 0:
			return strconv.FormatBool(g.r.IntN(2) == 1), true
		case info&types.IsInteger != 0:
			return g.integer(u), true
		case info&types.IsFloat != 0:
			fs := []string{"0", "1", "-1", "0.5", "1e9", "-123456.789", "1e300", "3.25"}
			return fs[g.r.IntN(len(fs))], true
		case info&types.IsString != 0:
			return strconv.Quote(g.str()), true
		}
		return "", false
	case *types.Interface:
		// Interfaces (container/list's Value any, a []color.Color's
		// elements) are nil: a dynamic type would have to be chosen
		// from the closed world.
		return "nil", isInterface(t)
	case *types.Slice:
		if g.r.IntN(8) == 0 {
			return "nil", true
		}
		n := g.r.IntN(13)
		if g.r.IntN(6) == 0 {
			n = 32 + g.r.IntN(40)
		}
		var es []string
		for range n {
			e, ok := g.lit(u.Elem(), qual, depth+1)
			if !ok {
				return "", false
			}
			es = append(es, e)
		}
		return name + "{" + strings.Join(es, ", ") + "}", true
	case *types.Array:
		if u.Len() > 256 {
			return "", false
		}
		var es []string
		for range u.Len() {
			e, ok := g.lit(u.Elem(), qual, depth+1)
			if !ok {
				return "", false
			}
			es = append(es, e)
		}
		return name + "{" + strings.Join(es, ", ") + "}", true
	case *types.Struct:
		var fs []string
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if f.Name() == "_" {
				continue
			}
			e, ok := g.lit(f.Type(), qual, depth+1)
			if !ok {
				return "", false
			}
			fs = append(fs, f.Name()+": "+e)
		}
		return name + "{" + strings.Join(fs, ", ") + "}", true
	case *types.Pointer:
		// nil past depth 3: recursive types (container/list's
		// Element) end there.
		if depth >= 3 || g.r.IntN(10) == 0 {
			return "nil", true
		}
		e, ok := g.lit(u.Elem(), qual, depth+1)
		if !ok {
			return "", false
		}
		elem := types.TypeString(u.Elem(), qual)
		return fmt.Sprintf("func() %s { var zzvV %s = %s; return &zzvV }()", name, elem, e), true
	}
	return "", false
}

func (g *randLits) integer(b *types.Basic) string {
	sizes := types.SizesFor("gc", "amd64")
	bits := 8 * sizes.Sizeof(b)
	signed := b.Info()&types.IsUnsigned == 0
	var lo, hi string
	if signed {
		lo = "-" + strconv.FormatUint(uint64(1)<<(bits-1), 10)
		hi = strconv.FormatUint(uint64(1)<<(bits-1)-1, 10)
	} else {
		lo, hi = "0", strconv.FormatUint(^uint64(0)>>(64-bits), 10)
	}
	x := g.r.Uint64() >> (64 - bits)
	switch g.r.IntN(9) {
	case 0:
		return "0"
	case 1:
		return "1"
	case 2:
		if signed {
			return "-1"
		}
		return hi
	case 3:
		return lo
	case 4:
		return hi
	case 5, 6:
		v := g.r.IntN(300)
		if bits == 8 {
			v = g.r.IntN(100)
		}
		if signed && g.r.IntN(3) == 0 {
			return strconv.Itoa(-v)
		}
		return strconv.Itoa(v)
	}
	if signed {
		v := int64(x) // wraps for 64 bits
		if bits < 64 && v >= 1<<(bits-1) {
			v -= 1 << bits
		}
		return strconv.FormatInt(v, 10)
	}
	return strconv.FormatUint(x, 10)
}

func (g *randLits) str() string {
	pieces := []string{"a", "Z", "0", "9", "1", "_", ".", ",", "-", "+", " ", "\t", "\n", "x", "e", "true", "0x", "é", "世", "\U0001F600", "\xff", "\xc0", "\xed\xa0\x80", "\x00", "'", "\"", "\\", "\u00a0", "\u2028"}
	n := g.r.IntN(9)
	if g.r.IntN(8) == 0 {
		n = 20 + g.r.IntN(20)
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[g.r.IntN(len(pieces))])
	}
	return b.String()
}
