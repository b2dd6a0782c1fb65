package provetest

import (
	"go/ast"
	"strings"

	"github.com/vsynth/vsynth/ssa"
)

// LongTestMarker, as a line of a function's doc comment in the shared
// corpora (testdata/prove, the examples), leaves the function out of the
// default run of the tests that prove them (ssa/corpustest/corpus_test.go):
//
//	// Long test: 28M Z3 units, a fifth of the corpus.
//
// It marks the few functions whose proofs cost most of the corpus's
// solver work, so that ssa's default run stays far from go test's
// 10-minute limit on a loaded machine; VSYNTH_LONG=1 proves them with the
// rest and checks their want comments (docs/soundness.md, "The suite
// under load").
const LongTestMarker = "Long test:"

// LineSpan is the lines from..to of a file, both included.
type LineSpan struct {
	file     string
	from, to int
}

func (s LineSpan) contains(k LineKey) bool {
	return k.File == s.file && s.from <= k.Line && k.Line <= s.to
}

// WithoutLongTests returns prog's targets without those marked with
// LongTestMarker, and the spans (doc comment to closing brace) of the
// ones left out.
func WithoutLongTests(prog *ssa.Program) (kept []*ssa.Target, long []LineSpan) {
	for _, t := range prog.Targets {
		if span, ok := LongTestSpan(prog, t); ok {
			long = append(long, span)
			continue
		}
		kept = append(kept, t)
	}
	return kept, long
}

// LongTestSpan is the span of t's declaration, doc comment included,
// when its doc comment has a line starting with LongTestMarker.
func LongTestSpan(prog *ssa.Program, t *ssa.Target) (LineSpan, bool) {
	if t.Func == nil {
		return LineSpan{}, false
	}
	decl, ok := t.Func.Syntax().(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return LineSpan{}, false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(c.Text, "//")), LongTestMarker) {
			from, to := prog.Fset.Position(decl.Doc.Pos()), prog.Fset.Position(decl.End())
			return LineSpan{file: from.Filename, from: from.Line, to: to.Line}, true
		}
	}
	return LineSpan{}, false
}
