package ssa

import (
	"context"
	"fmt"
)

// A counterexample of a function that ranges over a map names an order
// of iteration (maps_range.go), which Go's runtime chooses at random on
// every range. Its replay is run again, up to MapOrderRuns times in all,
// until one run reproduces the counterexample; when none does, the
// obligation is unknown ("the order ... did not occur in N runs"), never
// failed. The counterexample's map literals list the keys in the order
// the iteration needs (maps_cex.go), which a small map then takes from
// most of its random starting points.

// MapOrderRuns bounds the runs of the replay of a counterexample that
// rests on the order of a range over a map.
const MapOrderRuns = 200

// rerunOrdered runs again the cases of b whose counterexample rests on a
// map's order and that Go did not reproduce, until it does or
// MapOrderRuns runs are done.
func (p *Program) rerunOrdered(ctx context.Context, b *replayBuild, cases []*confirmCase, opts ConfirmOptions) error {
	marker, err := replayMarker()
	if err != nil {
		return err
	}
	for _, c := range cases {
		if c.cex == nil || !c.cex.MapOrder || c.outcome == nil || c.verdict == confirmedVerdict || c.outcome.crash != "" {
			continue
		}
		last := c.verdict
		runs := 1
		for ; runs < MapOrderRuns && c.verdict != confirmedVerdict; runs++ {
			if ctx.Err() != nil {
				return fmt.Errorf("confirm: %w", ctx.Err())
			}
			o := b.runCase(ctx, c, marker, opts)
			if o.crash != "" {
				c.outcome, c.verdict = o, o.crash
				break
			}
			c.outcome, last = o, p.judge(c, o)
			c.verdict = last
		}
		if c.verdict != confirmedVerdict {
			c.verdict = fmt.Sprintf("the order of map iteration the counterexample needs did not occur in %d runs (Go randomizes it): %s", runs, last)
		}
	}
	return nil
}
