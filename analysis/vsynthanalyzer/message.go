package vsynthanalyzer

import (
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/vsynth/vsynth/ssa"
)

// diagnostic reports a function that is not proved, at the function:
// failed with the refuted check and its counterexample, unknown and
// unsupported with the reason. The check or the construct, where there is
// one, is a related position.
func diagnostic(prog *ssa.Program, r *ssa.FuncResult) analysis.Diagnostic {
	d := analysis.Diagnostic{Pos: r.Target.Pos, Category: string(r.Verdict)}
	head := r.Target.Short + ": " + string(r.Verdict)
	switch r.Verdict {
	case ssa.Failed:
		o, cex := r.Counterexample()
		confirmed := ""
		if o.Confirmation == ssa.NotConfirmed {
			confirmed = " (unconfirmed: the counterexample was not replayed)"
		}
		d.Message = fmt.Sprintf("%s: %s (%s): counterexample: %s%s", head, describe(o), fileLine(prog, o), formatCounterexample(cex), confirmed)
		d.Related = []analysis.RelatedInformation{{Pos: o.Pos, Message: "refuted: " + describe(o)}}
	case ssa.Unknown:
		o := firstUnknown(r)
		if o != nil && (r.Reason == "" || r.Reason == o.Reason) {
			d.Message = fmt.Sprintf("%s: %s: %s (%s)", head, o.Reason, describe(o), fileLine(prog, o))
			d.Related = []analysis.RelatedInformation{{Pos: o.Pos, Message: "unknown: " + describe(o)}}
		} else {
			d.Message = head + ": " + r.Reason
		}
	default:
		d.Message = head + ": " + r.Reason
		if r.ReasonPos.IsValid() {
			d.Message += " (" + shortPosition(prog, r.ReasonPos) + ")"
			d.Related = []analysis.RelatedInformation{{Pos: r.ReasonPos, Message: "not modelled: " + r.Reason}}
		}
	}
	return d
}

func firstUnknown(r *ssa.FuncResult) *ssa.ObligationResult {
	for _, o := range r.Obligations {
		if o.Verdict == ssa.Unknown {
			return o
		}
	}
	return nil
}

// describe names the check an obligation stands for.
func describe(o *ssa.ObligationResult) string {
	switch o.Kind {
	case ssa.Ensures:
		return "ensures " + o.Clause
	case ssa.WellDefined:
		return "well-defined: " + o.Of + " " + o.Clause
	case ssa.CallRequires:
		return "call-requires " + o.Clause
	case ssa.Overflow:
		return "integer overflow: " + o.Clause
	case ssa.Termination:
		return "termination: decreases " + o.Clause
	case ssa.Panic:
		return "reachable panic"
	}
	if o.Clause != "" {
		return string(o.Kind) + " " + o.Clause
	}
	return string(o.Kind)
}

// fileLine is the obligation's position as file:line, the file's base
// name only: the diagnostic is already in the package.
func fileLine(prog *ssa.Program, o *ssa.ObligationResult) string {
	p := prog.Fset.Position(o.Pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// shortPosition is pos as file:line:col, the file's base name only.
func shortPosition(prog *ssa.Program, pos token.Pos) string {
	p := prog.Fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// formatCounterexample writes the inputs of a counterexample as Go
// assignments, with what the function did on them.
func formatCounterexample(c *ssa.Counterexample) string {
	if c == nil {
		return "none"
	}
	var parts []string
	for _, in := range c.Inputs {
		parts = append(parts, in.Name+" = "+in.Value)
	}
	s := strings.Join(parts, ", ")
	for _, a := range c.Aliases {
		s += fmt.Sprintf(" (%s and %s share memory)", a[0], a[1])
	}
	if len(c.State) > 0 {
		var st []string
		for _, b := range c.State {
			st = append(st, b.Name+" = "+b.Value)
		}
		s += "; loop state " + strings.Join(st, ", ") + " satisfies the invariants, one iteration breaks this one"
	}
	switch {
	case c.Panic != "":
		s += "; panics: " + c.Panic
	case len(c.Outputs) > 0:
		var out []string
		for _, b := range c.Outputs {
			out = append(out, b.Name+" = "+b.Value)
		}
		s += "; returns " + strings.Join(out, ", ")
	}
	return s
}
