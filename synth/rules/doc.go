// Package rules is vsynth's rewrite-rule engine: rule files, the proof
// gate every rule passes before it enters a set, matching and rewriting
// for the synthesizer's equivalence reduction, rule learning, and the
// translation of the Go compiler's own rules.
//
// # Rule files
//
// One rule per line, // comments (the comment lines just above a rule are
// kept as its provenance):
//
//	name: LHS => RHS [if COND] [for TYPES]
//
// LHS and RHS are Go expressions (parse.go). Lower-case identifiers are
// holes, upper-case ones constants; W, MinInt, MaxInt and MaxUint are the
// width, smallest and largest value, and all-ones value (^T(0)) of the
// type at hand; isPow2, log2, ntz and nlz are helpers (log2(0) is -1). All
// integer operands of an operator have the rule's type T; comparisons
// give bools; holes used under !, && or || are bools. Integer literals are
// taken modulo 2^W, as T(v) would wrap at run time, so -1 is MaxUint for
// unsigned types. TYPES is signed, unsigned or a list of integer types
// (int and uint are int64 and uint64); the default is all eight sized
// types.
//
// # The proof gate
//
// Check (gate.go) renders every rule at every type of its domain as Go
// functions (render.go), lhs, rhs and cond, with the holes and constants
// as parameters, and hands them to ssa.SourceProgram.Equivalent, which
// lowers them with the same lowering as vsynth prove and asks Z3 whether,
// where cond returns true without panicking, one side panics and the other
// does not, or neither panics and the results differ. A rule is proved
// when that is unsatisfiable at every type, failed when it is satisfiable
// at some type (the model is the counterexample) or when cond holds at no
// type (vacuous), and unknown otherwise (solver timeout or an
// unsupported construct).
//
// # Terms and the synthesizer's API
//
// Expr (expr.go) is the expression representation the engine works on,
// for patterns and for the synthesizer's terms alike: a tree of nodes of
// Kind Var (a hole in a pattern, a variable in a term), Const (pattern
// constant), Lit (an integer literal; values compare modulo 2^W), Bool,
// Builtin, Unary, Binary (Op is the Go operator) and Call. A synthesizer
// adapts its own terms by building Exprs with NewVar, NewLit, NewUnary and
// NewBinary, and uses an Engine made for the type it enumerates:
//
//	eng := rules.NewEngine(set, rules.AllTypes[2]) // int32
//	if eng.Reducible(candidate) != nil { skip }    // equivalence reduction
//	norm := eng.Normalize(candidate)               // canonical form
//
// Every integer operand in a term, shift counts included, has the
// engine's type: a term with a shift by a count of another type must not
// be handed to an engine (or must be adapted by converting the count).
// Reducible reports a rule that rewrites some subterm so that the whole
// term becomes smaller in the order Less (size, then the printed form).
// Since every rule in a set is proved, the rewritten term is equivalent —
// same values and same panics — and, being smaller, is enumerated anyway;
// by well-foundedness the least term of each class is never skipped.
// TestReductionKeepsClasses checks that skipping reducible terms loses no
// behaviour. Eval evaluates an Expr with Go's semantics, panics included.
//
// # Learning
//
// Learn (learn.go) enumerates terms bottom-up over operators, holes and
// small constants, building each size from class representatives only;
// fingerprints them by their values on edge and random inputs at six
// types; proposes term => representative when a term falls into a class
// with a smaller member; drops proposals the known rules already derive
// (both sides normalize to the same term at every type); proves the rest
// with Check in batches; and finally drops learned rules derivable from
// the others. A circuit breaker stops it after a run of rejected
// proposals or when the set would pass a size bound. AppendAtomic
// (write.go) adds learned rules to a file under a directory lock, via a
// temporary file, fsync and rename, re-parsing the result first.
//
// # The shipped set
//
// sets/seed.rules are written by hand; sets/learned.rules were written
// by vsynth rules learn --apply, each rule after its provenance. Both are
// embedded (set.go) and re-proved by vsynth rules check and by
// TestShippedSetProved; TestRules8Exhaustive also checks them at int8 and
// uint8 against compiled Go.
//
// # Importing the Go compiler's rules
//
// ImportGo (importgo.go) translates the fixed-width integer part of
// cmd/compile's generic.rules into this format, with the semantics
// documented there, and reports what it skipped and why.
package rules
