package specs

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Frames. //vsynth:modifies LOC, LOC, ... in a function's doc comment (or
// modifies in a .vspec file) lists the memory the function may write;
// "modifies nothing" is the empty frame. Several lines are one frame,
// their union. A location is evaluated on entry, on the parameters as
// they are then, and means, by the shape of the expression (FrameShapeOf):
//
//   - an expression that denotes a variable in memory — *p, p.f (through a
//     pointer), a[i] of a slice or of an array in memory, a package-level
//     variable — that variable (for p.f of slice type: the slice header
//     held in the field, not its elements);
//   - any other expression of pointer type (a parameter p, a call) the
//     variable it points to;
//   - any other expression of slice type (a parameter a, a[i:j], p.items[:])
//     its elements a[0:len(a)]; a[:cap(a)] reaches the spare capacity.
//
// Map entries are not part of frames; a frame speaks of addresses, not
// names, so aliases of a location are in the frame too.

// FrameShape is what a location of a modifies clause denotes.
type FrameShape int

const (
	// FrameVariable: the variable in memory the expression denotes (&E).
	FrameVariable FrameShape = iota
	// FramePointee: the variable a pointer value points to.
	FramePointee
	// FrameElements: the elements of a slice value, s[0:len(s)].
	FrameElements
)

// NothingWord is the frame of a function that writes no memory it did not
// allocate: modifies nothing.
const NothingWord = "nothing"

// parseFrame parses the locations of a modifies clause whose text starts
// at pos: one clause per location, the later ones in Rest, or a clause
// without Expr for "nothing".
func parseFrame(fset *token.FileSet, pos token.Pos, text string) (*Clause, error) {
	if trimmed := strings.TrimSpace(stripLineComment(text)); trimmed == NothingWord {
		return &Clause{Kind: Modifies, Text: NothingWord, Pos: pos + token.Pos(strings.Index(text, NothingWord))}, nil
	}
	var first *Clause
	start := 0
	for _, end := range append(topLevelCommas(text), len(text)) {
		c, err := parseClause(fset, Modifies, pos+token.Pos(start), text[start:end])
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = c
		} else {
			first.Rest = append(first.Rest, c)
		}
		start = end + 1
	}
	return first, nil
}

// stripLineComment drops a trailing // comment (a want comment in tests).
func stripLineComment(text string) string {
	if i := strings.Index(text, "//"); i >= 0 {
		return text[:i]
	}
	return text
}

// Frame returns the locations of the function's modifies clauses and
// whether it has one: a function without a modifies clause may write any
// memory it reaches; one with "modifies nothing" has has set and no
// locations.
func (f *Func) Frame() (locs []*Clause, has bool) {
	for _, c := range f.clausesOf(Modifies) {
		has = true
		if c.Expr != nil {
			locs = append(locs, c)
		}
		locs = append(locs, c.Rest...)
	}
	return locs, has
}

// FrameShapeOf says what location e of a modifies clause denotes (see
// the comment at the top of this file); ok is false when e is not a
// location.
func (c *Checked) FrameShapeOf(e ast.Expr) (FrameShape, bool) {
	shape, why := frameShape(c.Info, c.isParam, e)
	return shape, why == ""
}

func (c *Checked) isParam(v *types.Var) bool {
	_, ok := c.ParamIndex(v)
	return ok
}

// frameShape classifies e, or says why it is not a location.
func frameShape(info *types.Info, isParam func(*types.Var) bool, e ast.Expr) (FrameShape, string) {
	if inMemory(info, isParam, e) {
		return FrameVariable, ""
	}
	t := info.TypeOf(e)
	if t == nil {
		return 0, "untyped location"
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return FramePointee, ""
	case *types.Slice:
		return FrameElements, ""
	case *types.Map:
		return 0, "map entries are not part of frames (a call forgets the entries of the maps its callee may write)"
	default:
		_ = u
	}
	return 0, fmt.Sprintf("not a location: want a variable in memory (*p, p.f, a[i], a package-level variable), a pointer or a slice, not a value of type %s", t)
}

// inMemory reports whether e denotes a variable in memory: Go's
// addressable expressions, except the function's own parameters (and
// fields and elements of them held by value), which a caller cannot see.
func inMemory(info *types.Info, isParam func(*types.Var) bool, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return inMemory(info, isParam, e.X)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		return ok && !isParam(v) && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		if sel.Indirect() {
			return true
		}
		if _, ok := info.TypeOf(e.X).Underlying().(*types.Pointer); ok {
			return true
		}
		return inMemory(info, isParam, e.X)
	case *ast.IndexExpr:
		switch u := info.TypeOf(e.X).Underlying().(type) {
		case *types.Slice:
			return true
		case *types.Pointer:
			_, isArr := u.Elem().Underlying().(*types.Array)
			return isArr
		case *types.Array:
			return inMemory(info, isParam, e.X)
		}
	}
	return false
}

// checkFrameTypes requires every location of a modifies clause to be one.
func checkFrameTypes(errs *errorCollector, info *types.Info, isParam func(*types.Var) bool, c *Clause) {
	for _, loc := range append([]*Clause{c}, c.Rest...) {
		if loc.Expr == nil {
			continue
		}
		if _, ok := info.Types[loc.Expr]; !ok {
			continue // go/types reported it
		}
		if _, why := frameShape(info, isParam, loc.Expr); why != "" {
			errs.add(loc.Pos, fmt.Sprintf("modifies %s: %s", loc.Text, why))
		}
	}
}

// FrameText is the text of a modifies clause, all its locations: what
// follows the keyword.
func (c *Clause) FrameText() string {
	texts := []string{c.Text}
	for _, r := range c.Rest {
		texts = append(texts, r.Text)
	}
	return strings.Join(texts, ", ")
}
