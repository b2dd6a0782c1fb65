package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/vsynth/vsynth/ssa"
)

// textOptions control the text report.
type textOptions struct {
	verbose bool // every function and obligation
	strict  bool // a vacuous proof is a failure
}

// writeText writes the human-readable report: a line per function that is
// not proved (every function with -v), the counterexample under a refuted
// one, a warning for a vacuous proof, and a summary line.
func (m *reportModel) writeText(w io.Writer, opts textOptions) error {
	bw := bufio.NewWriter(w)
	if opts.verbose && m.Solver != nil {
		fmt.Fprintf(bw, "vsynth %s, solver %s\n", version, m.Solver)
	}
	for i := range m.Results {
		textResult(bw, &m.Results[i], opts)
	}
	s := m.Summary
	fmt.Fprintf(bw, "vsynth: %d proved, %d failed, %d unknown, %d unsupported (%s)\n",
		s.Proved, s.Failed, s.Unknown, s.Unsupported, functionCount(len(m.Results)))
	if t := m.timing; t != nil {
		fmt.Fprintf(bw, "stats: load %s, ssa %s, specs %s, lower %s, solve %s, confirm %s (build %s, %d counterexamples), total %s, cache hits %d of %d obligations\n",
			round(t.Load), round(t.Build), round(t.Specs), round(t.Lower), round(t.Solve), round(t.Confirm), round(t.ConfirmBuild), t.Replays, round(t.Total), t.CacheHits, t.Obligations)
	}
	return bw.Flush()
}

// functionCount says "1 function" or "N functions".
func functionCount(n int) string {
	if n == 1 {
		return "1 function"
	}
	return fmt.Sprintf("%d functions", n)
}

func textResult(w io.Writer, res *funcReport, opts textOptions) {
	head := fmt.Sprintf("%s: %s: %s", res.Pos, res.short, res.verdictText())
	switch res.Verdict {
	case ssa.Proved:
		// A proof that rests on assumptions says so even without -v.
		if opts.verbose || len(res.Assumptions) > 0 {
			fmt.Fprintln(w, head)
		}
	case ssa.Failed:
		o := res.firstFailed()
		fmt.Fprintf(w, "%s: %s (%s)\n", head, describe(o), fileLine(o.Pos))
		fmt.Fprintf(w, "    counterexample: %s\n", formatCounterexample(o.Counterexample))
		if o.Unrolled > 0 {
			fmt.Fprintf(w, "    (not provable from the invariants; found by unrolling every loop from the entry, up to %d iterations)\n", o.Unrolled)
		}
	case ssa.Unknown:
		if o := res.firstUnknown(); o != nil {
			fmt.Fprintf(w, "%s: %s: %s (%s)\n", head, o.Reason, describe(o), fileLine(o.Pos))
		} else {
			fmt.Fprintf(w, "%s: %s\n", head, res.Reason)
		}
	case ssa.Unsupported:
		fmt.Fprintf(w, "%s: %s (%s)\n", head, res.Reason, res.ReasonPos)
	}
	if res.Vacuous {
		level := "warning"
		if opts.strict {
			level = "error"
		}
		fmt.Fprintf(w, "%s: %s: %s: vacuous: %s\n", res.Pos, res.short, level, res.VacuousReason)
	}
	for _, a := range res.Assumptions {
		fmt.Fprintf(w, "    assumes: %s\n", assumptionText(a))
	}
	if !opts.verbose {
		return
	}
	for _, c := range res.ClosedWorld {
		fmt.Fprintf(w, "    closed world: %s\n", c)
	}
	for _, il := range res.Inferred {
		fmt.Fprintf(w, "    inferred invariants of the loop at %s (%d of %d candidates, %d rounds):\n", il.Pos, len(il.Invariants), il.Candidates, il.Rounds)
		for _, inv := range il.Invariants {
			fmt.Fprintf(w, "        //vsynth:invariant %s\n", inv)
		}
	}
	switch {
	case res.Total:
		fmt.Fprintf(w, "    total: proved, and every run terminates\n")
	case res.Verdict == ssa.Proved:
		fmt.Fprintf(w, "    partial: not known to terminate: %s\n", res.Partial)
	}
	for i := range res.Obligations {
		o := &res.Obligations[i]
		cross := ""
		if o.cached {
			cross = ", cached"
		}
		if o.DecidedBy != "" {
			cross += ", by " + o.DecidedBy
		}
		if o.CrossCheck != "" {
			cross += ", cross-check: " + o.CrossCheck
		}
		verdict := string(o.Verdict)
		if o.Confirmation == "unconfirmed" {
			verdict += " (unconfirmed)"
		}
		fmt.Fprintf(w, "    %s: %s (%s) %s%s\n", verdict, describe(o), o.Pos, round(o.time), cross)
		if o.Verdict == ssa.Failed && o.Counterexample != nil {
			fmt.Fprintf(w, "        counterexample: %s\n", formatCounterexample(o.Counterexample))
		}
		for _, v := range o.Via {
			fmt.Fprintf(w, "        inlined from the call at %s\n", v)
		}
	}
}

// round shortens a duration for display.
func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	case d > time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// assumptionText is how the text and JUnit reports show an assumption: a
// //vsynth:assume line with its position, trusted, not proved; a shipped
// standard-library contract (no position in the user's code) by what its
// clause already says of how it was checked.
func assumptionText(a jsonAssumption) string {
	if a.Pos == "" || a.Pos == "-" {
		return a.Clause
	}
	return fmt.Sprintf("%s (%s, trusted, not proved)", a.Clause, a.Pos)
}
