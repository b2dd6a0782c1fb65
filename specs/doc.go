// Package specs reads the contracts that vsynth verifies: it parses
// //vsynth: directives and .vspec files into clauses, desugars the clause
// language into plain go/ast, and type-checks the clauses with go/types
// against the Go function they describe.
//
// # Writing a spec
//
// A spec is written either as directive comments in a function's doc
// comment:
//
//	//vsynth:requires x != math.MinInt32
//	//vsynth:ensures result >= 0 && (result == x || result == -x)
//	func Abs(x int32) int32 { ... }
//
// or in a .vspec file next to the Go package, which holds a package clause,
// imports and bodiless func declarations, each followed by indented clause
// lines (a clause continues on lines indented deeper than its keyword):
//
//	package mathx
//
//	import "math"
//
//	func Abs(x int32) int32
//		requires x != math.MinInt32
//		ensures result >= 0
//
//	synth func IsolateLowest(x uint32) uint32
//		ops + - & | ^ neg com
//		consts 0 1 0xff
//		ensures x == 0 ==> result == 0
//
// requires and ensures take an expression; ops and consts, allowed only on
// a synth func, take the operators and integer constants that synthesis
// may use. The loop-invariant directive //vsynth:invariant is parsed by
// ParseDirective and belongs above for loops. //vsynth:decreases E1, E2
// (a termination measure of integers) belongs above a for loop or in the
// doc comment of a recursive function; //vsynth:assert and
// //vsynth:assume are ghost lines between the statements of a body
// (ghost.go: LoopMeasures, GhostDirectives, CheckGhost). //vsynth:panics
// EXPR, at most one in a function's doc comment (Func.Panics), states
// that the function panics exactly when EXPR holds on its parameters on
// entry; it is checked like a requires clause (no results, no old) and
// is not written in .vspec files.
//
// # Clause expressions
//
// A clause is a Go expression of boolean type with two extensions:
// implication "a ==> b", which binds more loosely than || and associates to
// the right, and the quantifiers "forall x T :: e" and "exists x, y T :: e"
// over integer types, whose body extends as far right as possible. The
// parser is this package's own (on go/scanner tokens) and produces go/ast
// nodes with true positions, desugared so that go/types can check them and
// later stages lower them without knowing the extensions:
//
//	a ==> b            !(a) || (b)
//	forall x T :: e    __vsynth_forall(func(x T) bool { return e })
//	exists x T :: e    __vsynth_exists(func(x T) bool { return e })
//
// IsImplication and QuantifierOf recognize the desugared forms again.
// Parameters and receivers are referred to by name; the results by their
// names, or as "result" for a single unnamed result (result0, result1, ...
// for several).
//
// # Checking
//
// Check type-checks a spec against the Go function it specifies. The
// clauses become the bodies of synthetic functions with the function's
// parameters and results, declared in a shadow package that shares every
// object of the Go package, so package-level names and unexported fields
// resolve exactly as in the package itself. Check also requires boolean
// clauses and integer quantified variables, and compares the spec's
// signature with the function's. Errors are ErrorLists of positioned
// errors; nothing in this package prints or exits.
package specs
