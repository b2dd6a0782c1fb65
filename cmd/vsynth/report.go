package main

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vsynth/vsynth/specs"
	"github.com/vsynth/vsynth/ssa"
)

// report renders the results of a prove run.
type report struct {
	prog    *ssa.Program
	results []*ssa.FuncResult
	verbose bool
	stats   bool
	total   time.Duration
	confirm *ssa.ConfirmStats // nil with --confirm=false
}

// summary counts functions by verdict.
type summary struct {
	Proved      int `json:"proved"`
	Failed      int `json:"failed"`
	Unknown     int `json:"unknown"`
	Unsupported int `json:"unsupported"`
}

// timing is the time breakdown of a run.
type timing struct {
	Load, Build, Specs, Lower, Solve, Confirm, Total time.Duration
	ConfirmBuild                                     time.Duration // of Confirm: writing and compiling the replays
	Obligations, CacheHits, Replays                  int
}

func (r *report) timing() timing {
	t := timing{Load: r.prog.Timing.Load, Build: r.prog.Timing.Build, Specs: r.prog.Timing.Specs, Total: r.total}
	if r.confirm != nil {
		t.Confirm = r.confirm.Build + r.confirm.Run
		t.ConfirmBuild, t.Replays = r.confirm.Build, r.confirm.Cases
	}
	for _, res := range r.results {
		t.Lower += res.Lower
		t.Solve += res.Solve
		for _, o := range res.Obligations {
			t.Obligations++
			if o.Cached {
				t.CacheHits++
			}
		}
	}
	return t
}

// position renders pos as file:line:col with the file relative to the
// working directory.
func (r *report) position(pos token.Pos) string {
	if !pos.IsValid() {
		return "-"
	}
	p := r.prog.Fset.Position(pos)
	p.Filename = relFile(p.Filename)
	return p.String()
}

// relFile shortens a path to be relative to the working directory when it
// lies below it.
func relFile(name string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(name) {
		return name
	}
	if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return name
}

// relText shortens the absolute paths below the working directory that a
// message mentions.
func relText(s string) string {
	wd, err := os.Getwd()
	if err != nil {
		return s
	}
	return strings.ReplaceAll(s, wd+string(filepath.Separator), "")
}

// relErrors rewrites the positions of spec errors relative to the working
// directory.
func relErrors(err error) error {
	var list specs.ErrorList
	if !errors.As(err, &list) {
		wd, werr := os.Getwd()
		if werr != nil {
			return err
		}
		return errors.New(strings.ReplaceAll(err.Error(), wd+string(filepath.Separator), ""))
	}
	out := make(specs.ErrorList, len(list))
	for i, e := range list {
		c := *e
		c.Pos.Filename = relFile(c.Pos.Filename)
		out[i] = &c
	}
	return out
}

// describe says what an obligation is about, for text output.
func describe(o *jsonObligation) string {
	switch o.Kind {
	case ssa.Ensures:
		return "ensures " + o.Clause
	case ssa.WellDefined:
		return "well-defined: " + o.Of + " " + o.Clause
	case ssa.DivideByZero:
		return "division by zero"
	case ssa.NegativeShift:
		return "negative shift count"
	case ssa.DivideOverflow:
		return "math/bits division overflow"
	case ssa.CarryDomain:
		return "math/bits carry or borrow outside {0, 1} (undefined)"
	case ssa.Overflow:
		return "integer overflow: " + o.Clause
	case ssa.Panic:
		return "reachable panic"
	case ssa.PanicsWhen:
		return "panics " + o.Clause + " (returns normally where it holds)"
	case ssa.CallRequires:
		return "call-requires " + o.Clause
	case ssa.InvariantEntry, ssa.InvariantPreserved, ssa.Assert:
		return string(o.Kind) + " " + o.Clause
	case ssa.Termination:
		return "termination: decreases " + o.Clause
	case ssa.Modifies:
		return "modifies " + o.Clause + " (a write outside the frame)"
	}
	return string(o.Kind)
}

// formatCounterexample renders "x = 1, y = 2 -> result = 3".
func formatCounterexample(c *jsonCex) string {
	if c == nil {
		return ""
	}
	var b strings.Builder
	for i, in := range c.Inputs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = %s", in.Name, in.Value)
	}
	for i, g := range c.Globals { // package-level variables on entry
		if i > 0 || len(c.Inputs) > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "global %s = %s", g.Name, g.Value)
	}
	for _, a := range c.Aliases {
		fmt.Fprintf(&b, " (%s and %s share memory)", a[0], a[1])
	}
	if len(c.Unshown) > 0 {
		fmt.Fprintf(&b, " (shown as addresses: %s)", strings.Join(c.Unshown, ", "))
	}
	if len(c.State) > 0 {
		b.WriteString("; loop state")
		for i, st := range c.State {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %s = %s", st.Name, st.Value)
		}
		b.WriteString(" satisfies the invariants, one iteration breaks this one")
	}
	switch {
	case c.Panic != "":
		fmt.Fprintf(&b, " -> panic: %s", c.Panic)
	case len(c.Outputs) > 0:
		b.WriteString(" ->")
		for i, out := range c.Outputs {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %s = %s", out.Name, out.Value)
		}
	}
	return b.String()
}
