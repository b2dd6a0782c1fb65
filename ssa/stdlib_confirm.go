package ssa

import (
	"path"
	"slices"
	"strings"

	"github.com/vsynth/vsynth/specs"
)

// Replays of calls outside a shipped contract's requires. The requires
// clauses of a standard-library contract (stdlib_contracts.go) are the
// function's documented domain: outside it the function panics (strings:
// negative Repeat count, an index out of range in utf8.EncodeRune, an
// illegal base in strconv.FormatInt). Its package is not vsynth's to
// instrument, so a call-requires counterexample at such a call is
// confirmed by that panic itself: Go panicked inside the package whose
// contract has the clause, called from the line of the obligation.

// stdlibRequiresBroken reports whether the replay outcome o shows Go
// calling a standard-library function outside requires clause of its
// shipped contract, from the line of ob.
func (p *Program) stdlibRequiresBroken(ob *ObligationResult, o *replayOutcome) bool {
	if o.Phase != "call" || o.Panic == "" || strings.HasPrefix(o.Panic, requiresViolated) {
		return false
	}
	at := p.line(ob)
	user := p.userFrames(o.Where)
	if at == "" || len(user) == 0 || user[0] != at {
		return false
	}
	// The frames inside the standard library, innermost first, up to the
	// first frame of the loaded packages; the runtime's (the panic
	// itself, a bounds check) and internal packages' are skipped, and the
	// outermost of the others is the package called from the line.
	var pkgDir string
	for _, w := range o.Where {
		if w == user[0] {
			break
		}
		file := w[:max(strings.LastIndexByte(w, ':'), 0)]
		dir := path.Dir(file)
		i := strings.LastIndex(dir, "/src/")
		if i < 0 {
			continue // the replay's own frames (the deferred recover)
		}
		if rel := dir[i+len("/src/"):]; rel != "runtime" && !strings.HasPrefix(rel, "internal/") {
			pkgDir = rel
		}
	}
	if pkgDir == "" {
		return false
	}
	for _, t := range p.contracts {
		if t.stdlib == nil || t.stdlib.Path != pkgDir || t.Spec == nil {
			continue
		}
		if slices.ContainsFunc(t.Spec.Func.Requires(), func(c *specs.Clause) bool { return c.Text == ob.Clause }) {
			return true
		}
	}
	return false
}
