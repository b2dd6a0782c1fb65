package ssa

import (
	"go/ast"
	"strings"
)

// longTestMarker, as a line of a function's doc comment in the shared
// corpora (testdata/prove, the examples), leaves the function out of the
// default run of the tests that prove them (corpus_test.go):
//
//	// Long test: 28M Z3 units, a fifth of the corpus.
//
// It marks the few functions whose proofs cost most of the corpus's
// solver work, so that ssa's default run stays far from go test's
// 10-minute limit on a loaded machine; VSYNTH_LONG=1 proves them with the
// rest and checks their want comments (docs/soundness.md, "The suite
// under load").
const longTestMarker = "Long test:"

// lineSpan is the lines from..to of a file, both included.
type lineSpan struct {
	file     string
	from, to int
}

func (s lineSpan) contains(k lineKey) bool {
	return k.file == s.file && s.from <= k.line && k.line <= s.to
}

// withoutLongTests returns prog's targets without those marked with
// longTestMarker, and the spans (doc comment to closing brace) of the
// ones left out.
func withoutLongTests(prog *Program) (kept []*Target, long []lineSpan) {
	for _, t := range prog.Targets {
		if span, ok := longTestSpan(prog, t); ok {
			long = append(long, span)
			continue
		}
		kept = append(kept, t)
	}
	return kept, long
}

func longTestSpan(prog *Program, t *Target) (lineSpan, bool) {
	if t.Func == nil {
		return lineSpan{}, false
	}
	decl, ok := t.Func.Syntax().(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return lineSpan{}, false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(c.Text, "//")), longTestMarker) {
			from, to := prog.Fset.Position(decl.Doc.Pos()), prog.Fset.Position(decl.End())
			return lineSpan{file: from.Filename, from: from.Line, to: to.Line}, true
		}
	}
	return lineSpan{}, false
}
