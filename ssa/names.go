package ssa

import (
	"go/types"
	"strconv"

	gossa "golang.org/x/tools/go/ssa"

	"github.com/vsynth/vsynth/smt"
)

// Names of SMT variables.
//
// The smt package, the solvers and the SMT-LIB printer identify a variable
// by its name: two variables with one name are one variable (at two sorts,
// an ill-formed script). Every variable a lowering creates is therefore
// made here, and its name falls in one of three namespaces that share no
// string:
//
//   - Go names: a parameter or receiver of the function being verified (or
//     of the functions an equivalence compares, which share them by
//     design) is named by its Go identifier, verbatim, so that --emit-smt
//     reads like the function. A Go identifier is letters, digits and '_'.
//     These are the only Go names that reach the solver, and the
//     parameters of one function have distinct names: an inlined callee's
//     parameters are bound to its arguments' terms, and quantifier
//     binders, loop variables and results get fresh names (below), whatever
//     Go calls them. Blank and unnamed parameters have no name of their
//     own and get a fixed one.
//   - Fixed names, '!' followed by a word that contains no '!' and is not
//     all digits: the allocation base !alloc0, the memory on entry
//     !mem0.REGION, the i-th blank or unnamed parameter !paramI, and the
//     reads Ackermann's reduction introduces, !readN. The words start
//     differently, so these differ from each other.
//   - Fresh names, BASE!N, where N counts the fresh names of one lowering
//     from 1 and BASE says what the variable stands for (often with a Go
//     name in it: x@loop, F.result, i@sk). The text after the last '!' is
//     N: so two fresh names differ, and none is a fixed name.
//
// '!' is in neither Go identifiers nor the other namespaces' leading
// words, so no Go program can name a variable vsynth invents. The cache
// key's extra variables (cache.go) start with '%' and occur only in the
// scripts hashed into keys. The SMT-LIB printer maps every name to a
// symbol injectively (smt/print.go), so a Go name that is an SMT-LIB
// reserved word or theory symbol (and, let, bvadd, _) still prints.

// Fixed names and the words that start them (inventedWords, which the
// tests read to name Go parameters after them).
const (
	allocBaseName   = "!alloc0"   // the first address free on entry (memory.go)
	entryMemoryName = "!mem0."    // + region: the memory on entry (memory.go)
	blankParamName  = "!param"    // + index: a blank or unnamed parameter
	arrayReadPrefix = "!read"     // + number: a read Ackermann's reduction names (reduce.go)
	globalAddrName  = "!global."  // + package path + "." + name: a package-level variable's address (globals.go)
	freshSeparator  = "!"         // between a fresh name's base and its number
	loopStateSuffix = "@loop"     // a loop variable in an arbitrary state (loop_lower.go)
	skolemSuffix    = "@sk"       // a Skolem constant of a quantifier (instantiate.go)
	havocSuffix     = "@havoc"    // memory after a loop or a call known by its contract
	memHavocPrefix  = "mem."      // + region + havocSuffix: its old part
	freshMemPrefix  = "memfresh." // + region + havocSuffix: its fresh part
)

// paramVar is the variable of the i-th parameter p (the receiver first).
func paramVar(p *gossa.Parameter, i int, s smt.Sort) *smt.Term {
	return smt.Var(paramVarName(p, i), s)
}

// paramVarName names the variable of the i-th parameter p: its Go name,
// or a fixed name when it has none. go/ssa's own name of an unnamed
// parameter (argN) is a Go identifier that another parameter may have.
func paramVarName(p *gossa.Parameter, i int) string {
	if name := goParamName(p); name != "" {
		return name
	}
	return blankParamName + strconv.Itoa(i)
}

// goParamName is the name the Go source gives p, or "" for a blank or
// unnamed parameter.
func goParamName(p *gossa.Parameter) string {
	v, ok := p.Object().(*types.Var)
	if !ok || v == nil || v.Name() == "_" {
		return ""
	}
	return v.Name()
}

// paramDisplayName is how a counterexample calls parameter p when the spec
// gives it no name: its Go name, or _ (the bindings are in parameter
// order; a made-up name could be another parameter's).
func paramDisplayName(p *gossa.Parameter) string {
	if name := goParamName(p); name != "" {
		return name
	}
	return "_"
}

// allocBase is the first address free on entry: the objects reachable
// from the parameters lie below it.
func allocBase() *smt.Term { return smt.Var(allocBaseName, smt.BitVecSort(addrWidth)) }

// entryMemory is the contents of region r on entry, below allocBase.
func entryMemory(r string) *smt.Term { return smt.Var(entryMemoryName+r, regionSort(r)) }

// globalVar is the address of package-level variable g.
func globalVar(g *gossa.Global) *smt.Term {
	return smt.Var(globalAddrName+g.Pkg.Pkg.Path()+"."+g.Name(), smt.BitVecSort(addrWidth))
}

// freshName returns a variable name that no other variable of this
// lowering has: base!N.
func (l *lowering) freshName(base string) string {
	l.fresh++
	return base + freshSeparator + strconv.Itoa(l.fresh)
}

// freshVar is a new variable of sort s named after base.
func (l *lowering) freshVar(base string, s smt.Sort) *smt.Term {
	return smt.Var(l.freshName(base), s)
}
