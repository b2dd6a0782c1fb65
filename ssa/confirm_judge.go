package ssa

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// judge compares what Go did on a counterexample with what the
// counterexample claims for its obligation, and returns confirmedVerdict
// or why the counterexample is not confirmed.
func (p *Program) judge(c *confirmCase, o *replayOutcome) string {
	ob, cex := c.ob, c.cex
	if o.crash != "" {
		return o.crash
	}
	if strings.Contains(o.Panic, inexactQuantifier) {
		return "a quantifier of the contract cannot be evaluated exactly in Go (" + o.Panic + ")"
	}
	if o.Unmet != "" {
		return "the inputs do not meet requires " + o.Unmet + " in Go"
	}
	instrumented := strings.HasPrefix(o.Panic, requiresViolated) || strings.HasPrefix(o.Panic, invariantViolated) || strings.HasPrefix(o.Panic, carryDomainViolated) || strings.HasPrefix(o.Panic, ghostViolated) || strings.HasPrefix(o.Panic, decreasesViolated) || strings.HasPrefix(o.Panic, overflowViolated)
	switch {
	case o.Phase == "inputs":
		return "building the inputs panicked in Go: " + o.Panic
	case ob.Kind == WellDefined && ob.Of == "requires":
		if o.Phase == "requires" && o.Panic != "" && !instrumented {
			return confirmedVerdict
		}
		return "evaluating the requires clause did not panic in Go"
	case ob.Kind == CallRequires:
		if o.Phase == "call" && strings.HasPrefix(o.Panic, requiresViolated) && strings.HasSuffix(o.Panic, ": "+ob.Clause) {
			if at := p.line(ob); at != "" && !slices.Contains(p.userFrames(o.Where), at) {
				return "Go broke requires " + ob.Clause + " at another call than the one at " + p.short(at)
			}
			return confirmedVerdict
		}
		if p.stdlibRequiresBroken(ob, o) { // stdlib_confirm.go
			return confirmedVerdict
		}
		return "Go did not call the function outside its requires " + ob.Clause + ": " + o.describe()
	case ob.Kind == InvariantPreserved && len(cex.State) > 0:
		return "a loop state counterexample cannot be replayed: it is no input of the function"
	case ob.Kind == InvariantEntry || ob.Kind == InvariantPreserved:
		// An invariant-preserved counterexample replayed here is one of
		// bounded model checking (bmc.go): inputs on which a later head
		// finds the invariant false.
		if rest, ok := strings.CutPrefix(o.Panic, invariantViolated); ok && o.Phase == "call" && slices.Contains(strings.Split(rest, invariantSep), ob.Clause) {
			return confirmedVerdict
		}
		return "Go did not reach the loop with the invariant " + ob.Clause + " false: " + o.describe()
	case ob.Kind == Assert:
		return p.judgeAssert(ob, o)
	case ob.Kind == Termination:
		return p.judgeTermination(c, o)
	case ob.Kind == CarryDomain:
		if o.Phase == "call" && strings.HasPrefix(o.Panic, carryDomainViolated) || strings.HasPrefix(o.Panic, ghostViolated) || strings.HasPrefix(o.Panic, decreasesViolated) {
			if at := p.line(ob); at != "" && !slices.Contains(p.userFrames(o.Where), at) {
				return "Go passed a carry above 1 at another call than the one at " + p.short(at)
			}
			return confirmedVerdict
		}
		return "Go did not call math/bits with a carry above 1: " + o.describe()
	case ob.Kind == Overflow:
		if o.Phase == "call" && strings.HasPrefix(o.Panic, overflowViolated) {
			// The checks live in a file of their own: the first frame
			// of the package's files is the operation's.
			if at := p.line(ob); at != "" {
				if frames := p.userFrames(o.Where); len(frames) == 0 || frames[0] != at {
					return "Go wrapped at another operation than the one at " + p.short(at) + ": " + o.Panic
				}
			}
			return confirmedVerdict
		}
		return "Go did not wrap at the operation: " + o.describe()
	case ob.Kind == Modifies:
		return frameJudge(ob, o) // confirm_frame.go
	case cex.Panic != "":
		switch {
		case o.Phase != "call" || o.Panic == "":
			return "Go did not panic: " + o.describe()
		case instrumented:
			return "Go left a contract before the claimed panic: " + o.Panic
		case cex.Panic == "panic" && o.Runtime:
			return "Go panicked with a run-time error, not the function's panic: " + o.Panic
		case cex.Panic != "panic" && !strings.Contains(o.Panic, cex.Panic) && !samePanic(o.Panic, cex.Panic):
			return fmt.Sprintf("Go panicked with %q, the counterexample says %q", o.Panic, cex.Panic)
		}
		if at := p.line(ob); at != "" {
			if frames := p.userFrames(o.Where); len(frames) == 0 || frames[0] != at {
				where := "outside the package"
				if len(frames) > 0 {
					where = "at " + p.short(frames[0])
				}
				return fmt.Sprintf("Go panicked with %q %s, not at %s", o.Panic, where, p.short(at))
			}
		}
		return confirmedVerdict
	case ob.Kind == PanicsWhen: // panics.go
		if o.Returned && o.Panic == "" {
			return confirmedVerdict
		}
		return "Go did not return normally where vsynth:panics " + ob.Clause + " holds: " + o.describe()
	case ob.Kind == Ensures || ob.Kind == WellDefined:
		if o.Phase == "call" || !o.Returned {
			return o.describe()
		}
		if o.Got != o.Want {
			return fmt.Sprintf("Go returned %s, the counterexample says %s", o.Got, o.Want)
		}
		if ob.Kind == WellDefined {
			if o.Phase == "clause" && o.Panic != "" && !instrumented {
				return confirmedVerdict
			}
			return "evaluating the clause did not panic in Go: " + o.describe()
		}
		switch {
		case o.Phase == "clause" && instrumented:
			return "the clause calls a function outside its contract in Go: " + o.Panic
		case o.Phase == "clause" && o.Panic != "":
			return confirmedVerdict // the clause is not true: it panics
		case o.Phase == "done" && o.Clause == "false":
			return confirmedVerdict
		case o.Phase == "done":
			return "the clause holds in Go on what the function returns (" + o.Got + ")"
		}
		return o.describe()
	}
	return "a " + string(ob.Kind) + " counterexample cannot be replayed"
}

// line is ob's position as file:line, as a stack frame writes it, or ""
// when the program has no position for it.
func (p *Program) line(ob *ObligationResult) string {
	if p.Fset == nil || !ob.Pos.IsValid() {
		return ""
	}
	pos := p.Fset.Position(ob.Pos)
	return fmt.Sprintf("%s:%d", filepath.ToSlash(pos.Filename), pos.Line)
}

// short writes a file:line with the file's base name.
func (p *Program) short(at string) string {
	return path.Base(at)
}

// userFrames keeps the frames of a stack that lie in the Go files of the
// loaded packages.
func (p *Program) userFrames(where []string) []string {
	files := map[string]bool{}
	for _, pkg := range p.Packages {
		for _, f := range pkg.GoFiles {
			files[filepath.ToSlash(f)] = true
		}
	}
	var out []string
	for _, w := range where {
		i := strings.LastIndexByte(w, ':')
		if i > 0 && files[w[:i]] {
			out = append(out, w)
		}
	}
	return out
}

// describe says what the replay did, for a reason.
func (o *replayOutcome) describe() string {
	switch {
	case o.Phase == "call" && o.Panic != "":
		return "Go panicked: " + o.Panic
	case o.Phase == "clause" && o.Panic != "":
		return "evaluating the clause panicked in Go: " + o.Panic
	case o.Phase == "done" && o.Returned && o.Got != "":
		return "Go returned " + o.Got
	case o.Phase == "done" && o.Returned:
		return "Go returned"
	case o.Panic != "":
		return fmt.Sprintf("Go panicked (%s): %s", o.Phase, o.Panic)
	}
	return "the replay stopped at " + o.Phase
}

// samePanic reports whether Go's panic got is the panic the
// counterexample claims in another of the forms Go gives it: a value
// method called through a nil pointer in an interface panics in the
// wrapper Go makes ("value method T.M called using nil *T pointer"), or,
// when the compiler devirtualizes the call and inlines the wrapper, as
// the nil dereference it is (ifaces_call.go).
func samePanic(got, claimed string) bool {
	return strings.HasPrefix(claimed, "value method ") && strings.Contains(got, "nil pointer dereference")
}
