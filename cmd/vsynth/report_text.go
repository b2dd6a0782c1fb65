package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/vsynth/vsynth/ssa"
)

// writeText writes the human-readable report: a line per function that is
// not proved (every function with -v), the counterexample under a refuted
// one, and a summary line.
func (r *report) writeText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, res := range r.results {
		r.textResult(bw, res)
	}
	s := r.summary()
	fmt.Fprintf(bw, "vsynth: %d proved, %d failed, %d unknown, %d unsupported (%d functions)\n",
		s.Proved, s.Failed, s.Unknown, s.Unsupported, len(r.results))
	if r.stats {
		t := r.timing()
		fmt.Fprintf(bw, "stats: load %s, ssa %s, specs %s, lower %s, solve %s, total %s\n",
			round(t.Load), round(t.Build), round(t.Specs), round(t.Lower), round(t.Solve), round(t.Total))
	}
	return bw.Flush()
}

func (r *report) textResult(w io.Writer, res *ssa.FuncResult) {
	head := fmt.Sprintf("%s: %s: %s", r.position(res.Target.Pos), res.Target.Short, res.Verdict)
	switch res.Verdict {
	case ssa.Proved:
		if !r.verbose {
			return
		}
		fmt.Fprintln(w, head)
	case ssa.Failed:
		o, cex := res.Counterexample()
		fmt.Fprintf(w, "%s: %s (%s)\n", head, describe(o), r.line(o.Pos))
		fmt.Fprintf(w, "    counterexample: %s\n", formatCounterexample(cex))
	case ssa.Unknown:
		said := false
		for _, o := range res.Obligations {
			if o.Verdict == ssa.Unknown {
				fmt.Fprintf(w, "%s: %s: %s (%s)\n", head, relText(o.Reason), describe(o), r.line(o.Pos))
				said = true
				break
			}
		}
		if !said {
			fmt.Fprintf(w, "%s: %s\n", head, relText(res.Reason))
		}
	case ssa.Unsupported:
		fmt.Fprintf(w, "%s: %s (%s)\n", head, relText(res.Reason), r.position(res.ReasonPos))
	}
	if !r.verbose {
		return
	}
	for _, o := range res.Obligations {
		cross := ""
		if o.CrossCheck != "" {
			cross = ", cross-check: " + o.CrossCheck
		}
		fmt.Fprintf(w, "    %s: %s (%s) %s%s\n", o.Verdict, describe(o), r.position(o.Pos), round(o.Time), cross)
		if o.Verdict == ssa.Failed && o.Counterexample != nil {
			fmt.Fprintf(w, "        counterexample: %s\n", formatCounterexample(o.Counterexample))
		}
		for _, v := range o.Via {
			fmt.Fprintf(w, "        inlined from the call at %s\n", r.position(v))
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
