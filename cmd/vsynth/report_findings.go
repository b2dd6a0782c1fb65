package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/vsynth/vsynth/ssa"
)

// A finding is one thing a machine format reports: a refuted obligation
// (an error), an undecided obligation, an unsupported function, a proof
// that rests on an unproved contract, or a vacuous proof (warnings).
// Proved obligations give no finding.
type finding struct {
	level    string // "error" or "warning"
	rule     string // a rule id of findingRules
	function string // the full name
	short    string
	pos      string // file:line:col, relative to the working directory
	title    string // one line
	message  string // the title, the reason and the counterexample
	// fingerprint identifies the finding across runs, whatever its line:
	// the rule, the function, the clause, and which of the function's
	// obligations of that kind it is.
	fingerprint string
}

// findingRule describes one rule of the machine formats.
type findingRule struct {
	id, name, description string
}

// findingRules are the rules, one per obligation kind and one per
// function-level finding; their ids are stable.
var findingRules = []findingRule{
	{string(ssa.Ensures), "EnsuresHolds", "a postcondition holds on every normal return"},
	{string(ssa.DivideByZero), "NoDivisionByZero", "no reachable / or % by zero"},
	{string(ssa.NegativeShift), "NoNegativeShift", "no reachable shift by a negative count"},
	{string(ssa.DivideOverflow), "NoBitsDivOverflow", "math/bits.Div calls have hi < y"},
	{string(ssa.CarryDomain), "BitsCarryDomain", "math/bits.Add and Sub calls have a carry or borrow of 0 or 1"},
	{string(ssa.Panic), "NoPanic", "no reachable explicit panic"},
	{string(ssa.WellDefined), "ClauseWellDefined", "evaluating a spec clause cannot panic"},
	{string(ssa.CallRequires), "CallRequiresHolds", "at each call of a function with a contract, the callee's requires holds"},
	{string(ssa.Overflow), "NoIntegerOverflow", "with --overflow or //vsynth:nooverflow: no integer operation wraps"},
	{"unsupported", "Unsupported", "the function uses a construct vsynth does not model"},
	{"reliance", "ContractNotProved", "the proof uses the contract of a function that is not proved"},
	{"vacuous", "VacuousProof", "the proof holds only vacuously: requires is unsatisfiable or no allowed input returns"},
}

// findings lists m's findings in report order.
func (m *reportModel) findings(strict bool) []finding {
	var fs []finding
	for i := range m.Results {
		f := &m.Results[i]
		seen := map[string]int{}
		for j := range f.Obligations {
			o := &f.Obligations[j]
			nth := seen[string(o.Kind)+o.Clause]
			seen[string(o.Kind)+o.Clause]++
			var fd finding
			switch o.Verdict {
			case ssa.Failed:
				fd = finding{level: "error", title: fmt.Sprintf("%s: %s is refuted", f.short, describe(o))}
				if o.Confirmation == "unconfirmed" {
					fd.title += " (unconfirmed: the counterexample was not replayed in Go)"
				}
				fd.message = fd.title
				if o.Counterexample != nil {
					fd.message += "\ncounterexample: " + formatCounterexample(o.Counterexample)
				}
			case ssa.Unknown:
				fd = finding{level: "warning", title: fmt.Sprintf("%s: %s is not proved", f.short, describe(o))}
				fd.message = fmt.Sprintf("%s: unknown: %s", fd.title, o.Reason)
			default:
				continue
			}
			fd.rule, fd.function, fd.short, fd.pos = string(o.Kind), f.Function, f.short, o.Pos
			if file, _, _ := splitPos(fd.pos); file == "" {
				fd.pos = f.Pos // code scanning needs a location
			}
			fd.fingerprint = fingerprint(fd.rule, f.Function, o.Clause, nth)
			fs = append(fs, fd)
		}
		add := func(level, rule, pos, title, message string) {
			fs = append(fs, finding{level: level, rule: rule, function: f.Function, short: f.short, pos: pos,
				title: title, message: message, fingerprint: fingerprint(rule, f.Function, "", 0)})
		}
		switch {
		case f.Verdict == ssa.Unsupported:
			pos := f.ReasonPos
			if file, _, _ := splitPos(pos); file == "" {
				pos = f.Pos
			}
			add("warning", "unsupported", pos, f.short+": unsupported", fmt.Sprintf("%s: unsupported: %s", f.short, f.Reason))
		case f.Verdict == ssa.Unknown && f.firstUnknown() == nil:
			add("warning", "reliance", f.Pos, f.short+": not proved", fmt.Sprintf("%s: unknown: %s", f.short, f.Reason))
		}
		if f.Vacuous {
			level := "warning"
			if strict {
				level = "error"
			}
			add(level, "vacuous", f.Pos, f.short+": vacuous proof", fmt.Sprintf("%s: vacuous: %s", f.short, f.VacuousReason))
		}
	}
	return fs
}

// fingerprint hashes what identifies a finding across runs.
func fingerprint(rule, function, clause string, nth int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d", rule, function, clause, nth))
	return hex.EncodeToString(sum[:16])
}
