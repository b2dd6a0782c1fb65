package ssa

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
	"strings"
)

// InvariantEdit is a source file with the inferred invariants of its
// proved functions written above their loops.
type InvariantEdit struct {
	Path    string
	Content []byte
	Loops   int // loops given invariants
}

// InvariantEdits returns, per source file, its content with a
// //vsynth:invariant line for each invariant inferred in a proved
// function, directly above the loop's for statement and indented like
// it (so the file stays gofmt-clean, and the invariants are checked like
// written ones the next time).
func (p *Program) InvariantEdits(results []*FuncResult) ([]InvariantEdit, error) {
	type insert struct {
		line  int // 1-based line of the for statement
		texts []string
	}
	byFile := map[string][]insert{}
	for _, r := range results {
		if r.Verdict != Proved {
			continue
		}
		for _, il := range r.Inferred {
			pos := p.Fset.Position(il.Pos)
			byFile[pos.Filename] = append(byFile[pos.Filename], insert{pos.Line, il.Invariants})
		}
	}
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var edits []InvariantEdit
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("writing invariants: %w", err)
		}
		lines := strings.SplitAfter(string(src), "\n")
		ins := byFile[file]
		sort.Slice(ins, func(i, j int) bool { return ins[i].line > ins[j].line })
		for _, in := range ins {
			if in.line < 1 || in.line > len(lines) {
				return nil, fmt.Errorf("writing invariants: %s has no line %d", file, in.line)
			}
			loopLine := lines[in.line-1]
			indent := loopLine[:len(loopLine)-len(strings.TrimLeft(loopLine, " \t"))]
			var add []string
			for _, t := range in.texts {
				add = append(add, indent+"//vsynth:invariant "+t+"\n")
			}
			lines = append(lines[:in.line-1], append(add, lines[in.line-1:]...)...)
		}
		out := []byte(strings.Join(lines, ""))
		if formatted, err := format.Source(out); err == nil && !bytes.Equal(formatted, out) {
			out = formatted // the file was not gofmt-clean before, or the insertion made it so
		}
		edits = append(edits, InvariantEdit{Path: file, Content: out, Loops: len(ins)})
	}
	return edits, nil
}
