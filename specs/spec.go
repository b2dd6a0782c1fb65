package specs

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// ClauseKind says what a clause asserts.
type ClauseKind int

const (
	// Requires is a precondition: it may mention the receiver and parameters.
	Requires ClauseKind = iota
	// Ensures is a postcondition: it may also mention the results.
	Ensures
	// Invariant is a loop invariant, written above a for loop.
	Invariant
	// Assert is a ghost check inside a function body: proved where it
	// stands, then known (ghost.go).
	Assert
	// Assume is a ghost assumption inside a function body: trusted where
	// it stands, and reported as an assumption (ghost.go).
	Assume
	// Decreases is a termination measure, of a loop (above the for
	// statement) or of a recursive function (in its doc comment). A
	// tuple "decreases a, b" is one clause per component (Clause.Rest).
	Decreases
	// Panics states when a function panics: exactly when the condition,
	// on the parameters as they are on entry, holds (//vsynth:panics
	// EXPR, in a doc comment; at most one). Without it, a function must
	// never panic.
	Panics
	// Modifies is a frame: the memory the function may write
	// (//vsynth:modifies LOC, LOC or modifies nothing; frame.go). A list
	// is one clause per location (Clause.Rest); "nothing" is a clause
	// with no Expr.
	Modifies
)

// String returns the keyword that introduces clauses of this kind.
func (k ClauseKind) String() string {
	switch k {
	case Requires:
		return "requires"
	case Ensures:
		return "ensures"
	case Invariant:
		return "invariant"
	case Assert:
		return "assert"
	case Assume:
		return "assume"
	case Decreases:
		return "decreases"
	case Panics:
		return "panics"
	case Modifies:
		return "modifies"
	}
	return "ClauseKind(" + strconv.Itoa(int(k)) + ")"
}

// Clause is one requires, ensures or invariant line of a spec.
type Clause struct {
	Kind ClauseKind
	Text string    // the expression's source text, trimmed, without trailing comment
	Pos  token.Pos // position of the first character of the expression text
	Expr ast.Expr  // parsed and desugared expression
	// Rest holds the later components of a lexicographic decreases
	// tuple (decreases a, b): this clause is the first.
	Rest []*Clause
}

// Func is the spec of one Go function or method.
type Func struct {
	Name    string
	Pos     token.Pos     // position of the function name (in the .vspec or Go file)
	Decl    *ast.FuncDecl // the Go FuncDecl for a directive spec; the bodiless decl for a .vspec
	Clauses []*Clause     // in source order
	Synth   bool
	Ops     []string // synth only
	Consts  []string // synth only

	OpsPos, ConstsPos token.Pos // positions of the ops and consts keywords

	Imports []*ast.ImportSpec // imports visible to the clauses
	File    string            // filename where the spec is written

	// NoOverflow is set by //vsynth:nooverflow: the function's integer
	// operations must not wrap (nooverflow.go).
	NoOverflow bool
	// Pure is set by //vsynth:pure: the function writes nothing it did
	// not allocate and terminates (both checked), and clauses may call it
	// (pure.go).
	Pure bool
}

// Requires returns the preconditions in source order.
func (f *Func) Requires() []*Clause { return f.clausesOf(Requires) }

// Ensures returns the postconditions in source order.
func (f *Func) Ensures() []*Clause { return f.clausesOf(Ensures) }

// Panics returns the function's panics clause, or nil when it must never
// panic.
func (f *Func) Panics() *Clause {
	if cs := f.clausesOf(Panics); len(cs) > 0 {
		return cs[0]
	}
	return nil
}

// Decreases returns the components of the function's termination
// measure, most significant first, or nil.
func (f *Func) Decreases() []*Clause {
	var out []*Clause
	for _, c := range f.clausesOf(Decreases) {
		out = append(out, c)
		out = append(out, c.Rest...)
	}
	return out
}

func (f *Func) clausesOf(kind ClauseKind) []*Clause {
	var out []*Clause
	for _, c := range f.Clauses {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// FullName returns the name as Go tools print it: "Abs", "Point.Norm" or
// "(*Point).Norm".
func (f *Func) FullName() string {
	if f.Decl == nil || f.Decl.Recv == nil || len(f.Decl.Recv.List) == 0 {
		return f.Name
	}
	base, pointer := receiverBase(f.Decl.Recv.List[0].Type)
	if base == nil {
		return f.Name
	}
	if pointer {
		return "(*" + base.Name + ")." + f.Name
	}
	return base.Name + "." + f.Name
}

// receiverBase returns the type name of a receiver type expression and
// whether the receiver is a pointer. The name is nil for shapes it does
// not know, such as generic receivers.
func receiverBase(expr ast.Expr) (name *ast.Ident, pointer bool) {
	expr = ast.Unparen(expr)
	if star, ok := expr.(*ast.StarExpr); ok {
		pointer = true
		expr = ast.Unparen(star.X)
	}
	name, _ = expr.(*ast.Ident)
	return name, pointer
}

// File is a parsed .vspec file.
type File struct {
	Name       string // file path
	Package    string
	PackagePos token.Pos
	Imports    []*ast.ImportSpec
	Funcs      []*Func
}

// SynthOps lists the words an ops clause accepts.
var SynthOps = []string{
	"+", "-", "*", "/", "%", "&", "|", "^", "&^", "<<", ">>",
	"==", "!=", "<", "<=", ">", ">=", "&&", "||",
	"neg", "com", "not", "if",
}

func isSynthOp(word string) bool {
	for _, op := range SynthOps {
		if op == word {
			return true
		}
	}
	return false
}

// describeKeywords renders a word list for messages: "a, b or c".
func describeKeywords(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
