package ssa

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"sync"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Function-typed parameters (strings.IndexFunc's f, sort.Search's f).
// The function a caller passes is not known, so a parameter of function
// type is nil or an unknown function: its number is 0 or
// funcParamBase+i (i the parameter's index), which funcLeaves reads off
// the parameter's variable. A call of an unknown function is an unknown
// callee:
//
//   - it may be nil: Go panics (a nil obligation, as for any function
//     value), so a contract requires f != nil or the caller checks;
//   - its results are arbitrary, fresh at every call;
//   - it may write any memory it can reach, which may be anything but
//     the strings (immutable) and the iterators of this function's range
//     loops (never escaped): every other region, of the objects on entry
//     and of this function's own allocations alike, is arbitrary after
//     the call (the regions named are every scalar region and the map
//     regions of every map type of the program, so that a region first
//     read after the call is arbitrary too);
//   - it returns: that it does not panic, exit or run forever is an
//     assumption, stated in every report ("assumes: f returns normally
//     at ...: ... (trusted, not proved)"), as a contract's trusted lines
//     are — a caller passing a function that panics gets a panic Go's
//     way, and the callback's own proof is the callback's business.
//
// Results are of integer and bool types (and the call's arguments of any
// type the lowering has); other results are unsupported. A
// counterexample writes f as a function literal that returns, call after
// call, the results the model chose for the calls the run makes, in
// order (the zero values past them): the replay compiles and reproduces
// the run unless the violation rests on what the call wrote, which the
// literal does not write (then the replay refuses it, and the verdict
// is unknown).

// funcWritesNote ends the reason of a counterexample Go did not
// reproduce on a run that calls a parameter's unknown function.
const funcWritesNote = " (the run calls a function-typed parameter: the model may rest on what that call writes, which the function literal of the counterexample does not write)"

// funcParamBase is the first number of an unknown function held by a
// parameter: above every number of the table of function values.
const funcParamBase = 1 << 30

// funcParamCall is a call of an unknown function the lowering made: the
// parameter, the condition under which the call happens, and its
// results.
type funcParamCall struct {
	param   int
	cond    *smt.Term
	results []*smt.Term
}

// funcParamSignature checks that a parameter of type t can be modelled:
// a function type whose results are integers or bools.
func funcParamSignature(t types.Type) error {
	sig := t.Underlying().(*types.Signature)
	for i := 0; i < sig.Results().Len(); i++ {
		rt := sig.Results().At(i).Type()
		if _, ok := intTypeOf(rt); !ok && !isBool(rt) {
			return fmt.Errorf("function-typed parameter with a result of type %s (results of integer and bool types are modelled)", rt)
		}
	}
	return nil
}

// funcParamWellFormed is what holds of the parameter variable v, the
// i-th parameter: nil, or the unknown function of that parameter.
func funcParamWellFormed(v *smt.Term, i int) *smt.Term {
	return smt.Or(smt.Eq(v, smt.BVUint(funcWidth, 0)), smt.Eq(v, smt.BVUint(funcWidth, uint64(funcParamBase+i))))
}

// funcParamLeaves expands the variable of a function-typed parameter of
// the target into its leaves; ok is false for any other term.
func (l *lowering) funcParamLeaves(t *smt.Term) ([]funcLeaf, bool) {
	i, ok := l.funcParams[t.String()]
	if !ok {
		return nil, false
	}
	isNil := smt.Eq(t, smt.BVUint(funcWidth, 0))
	return []funcLeaf{{isNil, 0}, {smt.Not(isNil), uint64(funcParamBase + i)}}, true
}

// callUnknownParam lowers a call of the unknown function of parameter i under
// the frame's guard: arbitrary results, every region but the strings and
// the iterators arbitrary, and the assumption that it returns.
func (f *frame) callUnknownParam(i int, pos token.Pos, results *types.Tuple) ([]*smt.Term, error) {
	if !f.emit {
		// In a clause, or a function it calls: a call there would be
		// another call than the body's, with results of its own, which
		// says nothing about what the body got.
		return nil, unsupported(pos, "a call of the function-typed parameter %s in a spec", f.l.funcParamNames[i])
	}
	res := make([]*smt.Term, results.Len())
	for k := range res {
		s, ok := sortOf(results.At(k).Type())
		if !ok {
			return nil, unsupported(pos, "result of type %s", results.At(k).Type())
		}
		res[k] = f.l.freshVar(fmt.Sprintf("%s@call", f.l.funcParamNames[i]), s)
	}
	written := f.l.allRegions(f.fn.Prog, f.mem)
	f.mem = f.l.havocMemory(f.mem, written, func(*smt.Term) {})
	f.l.paramCalls = append(f.l.paramCalls, funcParamCall{param: i, cond: f.guard, results: res})
	if !f.l.assumedAt[pos] {
		if f.l.assumedAt == nil {
			f.l.assumedAt = map[token.Pos]bool{}
		}
		f.l.assumedAt[pos] = true
		f.l.assumptions = append(f.l.assumptions, Assumption{Pos: pos, Clause: f.l.funcParamNames[i] + " returns normally (no panic, no exit, terminates); its results and what it writes are arbitrary"})
	}
	return res, nil
}

// allRegions is every region a call of an unknown function may write:
// the scalar regions, the map regions of every map type of prog and
// those in m, but not the strings (immutable) nor the iterators of range
// loops (strPosRegion, and the produced-key sets, which live at fresh
// addresses no function value can reach — but share their regions with
// maps of sets, so those regions are written as a whole all the same).
func (l *lowering) allRegions(prog *gossa.Program, m memory) map[string]bool {
	out := map[string]bool{}
	for _, r := range []string{"bool", "ptr", "len", "cap", "int", "uint", "uintptr", mapLenRegion, "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"} {
		out[r] = true
	}
	for r := range m {
		if r != strRegion && r != strPosRegion {
			out[r] = true
		}
	}
	for _, r := range programMapRegions(prog) {
		out[r] = true
	}
	return out
}

var mapRegionsOf sync.Map // *gossa.Program -> []string

// programMapRegions lists the regions of the map types of every function
// of prog, its parameters, results and instructions' values.
func programMapRegions(prog *gossa.Program) []string {
	if v, ok := mapRegionsOf.Load(prog); ok {
		return v.([]string)
	}
	set := map[string]bool{}
	add := func(t types.Type) {
		if t == nil || !isMap(t) {
			return
		}
		if mt, err := mapTypeOf(t); err == nil {
			set[mt.region] = true
		}
	}
	for _, pkg := range prog.AllPackages() {
		for _, mem := range pkg.Members {
			switch mem := mem.(type) {
			case *gossa.Function:
				mapTypesOf(mem, add)
			case *gossa.Type:
				mset := prog.MethodSets.MethodSet(types.NewPointer(mem.Type()))
				for i := 0; i < mset.Len(); i++ {
					if fn := prog.MethodValue(mset.At(i)); fn != nil {
						mapTypesOf(fn, add)
					}
				}
			case *gossa.Global:
				add(mem.Type().(*types.Pointer).Elem())
			}
		}
	}
	out := make([]string, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	mapRegionsOf.Store(prog, out)
	return out
}

// mapTypesOf calls add with the type of every value of fn and of the
// functions nested in it.
func mapTypesOf(fn *gossa.Function, add func(types.Type)) {
	for _, p := range fn.Params {
		add(p.Type())
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(gossa.Value); ok {
				add(v.Type())
			}
			for _, op := range instr.Operands(nil) {
				if op != nil && *op != nil {
					add((*op).Type())
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		mapTypesOf(anon, add)
	}
}

// funcLit writes the function value c of type t, a parameter's: nil, or
// a function literal returning the results of the calls the run makes.
func (w *valueWriter) funcLit(c *smt.Term, t types.Type, path string) (string, error) {
	n := c.Value().Uint64()
	if n == 0 {
		return "nil", nil
	}
	name := types.TypeString(t, w.qf)
	sig := t.Underlying().(*types.Signature)
	if n < funcParamBase {
		w.unshown = append(w.unshown, path+" (a function value made by the function)")
		return "nil", nil
	}
	i := int(n - funcParamBase)
	var calls [][]*smt.Term
	for _, pc := range w.vc.lowering.paramCalls {
		if pc.param != i {
			continue
		}
		on, err := w.eval(pc.cond)
		if err != nil {
			return "", err
		}
		if on.BoolValue() {
			calls = append(calls, pc.results)
		}
	}
	params := make([]string, sig.Params().Len())
	for k := range params {
		pt := sig.Params().At(k).Type()
		if sig.Variadic() && k == len(params)-1 {
			params[k] = "..." + types.TypeString(pt.(*types.Slice).Elem(), w.qf)
			continue
		}
		params[k] = types.TypeString(pt, w.qf)
	}
	nres := sig.Results().Len()
	if nres == 0 {
		return fmt.Sprintf("func(%s) {}", strings.Join(params, ", ")), nil
	}
	var decls, rets, zeros, resTypes []string
	for k := 0; k < nres; k++ {
		rt := sig.Results().At(k).Type()
		var vals []string
		for _, call := range calls {
			s, err := w.value(call[k], rt, fmt.Sprintf("%s result", path), nil)
			if err != nil {
				return "", err
			}
			vals = append(vals, s)
		}
		ts := types.TypeString(rt, w.qf)
		resTypes = append(resTypes, ts)
		decls = append(decls, fmt.Sprintf("r%d := []%s{%s}", k, ts, strings.Join(vals, ", ")))
		rets = append(rets, fmt.Sprintf("r%d[i-1]", k))
		zeros = append(zeros, fmt.Sprintf("*new(%s)", ts))
	}
	results := strings.Join(resTypes, ", ")
	if nres > 1 {
		results = "(" + results + ")"
	}
	return fmt.Sprintf("func() %s { %s; i := 0; return func(%s) %s { i++; if i > %d { return %s }; return %s } }()",
		name, strings.Join(decls, "; "), strings.Join(params, ", "), results, len(calls), strings.Join(zeros, ", "), strings.Join(rets, ", ")), nil
}

// passesKnownFunc reports whether a call of callee passes, for a
// function-typed parameter, a function value the lowering knows (a
// closure or a function of the program): callee's contract was proved
// assuming that its parameter returns normally, which a known function
// may not do, so such a call inlines callee instead, checking the
// function passed where it is called.
func (l *lowering) passesKnownFunc(callee *gossa.Function, args []*smt.Term) bool {
	for i, p := range callee.Params {
		if i >= len(args) || !isFunc(p.Type()) {
			continue
		}
		leaves, ok := funcLeaves(args[i], l.funcParamLeaves)
		if !ok {
			return true // not known at all: inlining decides (unsupported)
		}
		for _, lf := range leaves {
			// A parameter's unknown function (funcParamBase on) is
			// assumed to return by the caller too.
			if lf.n != 0 && lf.n < funcParamBase {
				return true
			}
		}
	}
	return false
}
