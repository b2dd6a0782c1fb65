package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/vsynth/vsynth/ssa"
)

// A finding is one thing a machine format reports: a refuted obligation
// (an error), an undecided obligation, an unsupported function, a proof
// that rests on an unproved contract, or a vacuous proof (warnings), or
// an assume line a verdict rests on (a note).
// Proved obligations give no finding.
type finding struct {
	level    string // "error", "warning" or "note"
	rule     string // a rule id of findingRules
	function string // the full name
	short    string
	pos      string // file:line:col, relative to the working directory
	title    string // one line
	message  string // the title, the reason and the counterexample
	// suppressed is the reason of the //vsynth:ignore that accepts the
	// finding, or "".
	suppressed string
	// fingerprint identifies the finding across runs, whatever its line:
	// the rule, the function, the clause, and which of the function's
	// obligations of that kind it is.
	fingerprint string
}

// findingRule describes one rule of the machine formats: its stable id,
// a name, a one-line description, a paragraph saying what the rule checks
// and how a finding is read, and what to do about a finding.
type findingRule struct {
	id, name, short, full, help string
}

// findingRules are the rules, one per obligation kind and one per
// function-level finding; their ids are stable. TestRulesCoverKinds checks
// that every ssa.ObligationKind has one.
var findingRules = []findingRule{
	{string(ssa.Ensures), "EnsuresHolds", "a postcondition holds on every normal return",
		"Each //vsynth:ensures clause must hold whenever the function returns normally from an input that satisfies its requires clauses.",
		"A refuted ensures comes with a counterexample: inputs, written as Go literals, on which compiled Go returns results that break the clause. Fix the function or weaken the clause; if the input should not be allowed, add a requires clause."},
	{string(ssa.DivideByZero), "NoDivisionByZero", "no reachable / or % by zero",
		"Every integer division and remainder the function can reach from an allowed input has a non-zero divisor; Go panics otherwise.",
		"The counterexample reaches the division with a zero divisor. Guard the division, or require a non-zero divisor in the contract."},
	{string(ssa.NegativeShift), "NoNegativeShift", "no reachable shift by a negative count",
		"Every shift the function can reach from an allowed input has a non-negative count; Go panics on a negative shift count.",
		"The counterexample reaches the shift with a negative count. Check the count, use an unsigned count, or require it non-negative."},
	{string(ssa.DivideOverflow), "NoBitsDivOverflow", "math/bits.Div calls have hi < y",
		"math/bits.Div, Div32 and Div64 panic when the quotient does not fit (hi >= y, including y == 0); every reachable call must have hi < y.",
		"The counterexample reaches a math/bits division whose quotient overflows. Require hi < y, or check it before the call."},
	{string(ssa.CarryDomain), "BitsCarryDomain", "math/bits.Add and Sub calls have a carry or borrow of 0 or 1",
		"math/bits.Add and Sub are documented only for a carry or borrow input of 0 or 1; every reachable call must pass one of those.",
		"The counterexample reaches math/bits.Add or Sub with a carry or borrow other than 0 or 1, whose result Go does not define. Pass only 0 or 1."},
	{string(ssa.Panic), "NoPanic", "no reachable explicit panic",
		"No call of panic(...) is reachable from an input that satisfies the requires clauses.",
		"The counterexample reaches the panic. Handle the case, or exclude the input with a requires clause if callers never pass it."},
	{string(ssa.WellDefined), "ClauseWellDefined", "evaluating a spec clause cannot panic",
		"Evaluating each contract clause (a division, an index, a dereference in it) cannot panic on any input the earlier clauses allow.",
		"The counterexample makes the clause itself panic. Reorder the clauses or guard the expression (for example b != 0 && a/b > 1)."},
	{string(ssa.CallRequires), "CallRequiresHolds", "at each call of a function with a contract, the callee's requires holds",
		"At every call of a function that has requires clauses, the arguments satisfy them, for every allowed input of the caller.",
		"The counterexample is an input of the caller on which a call breaks the callee's requires. Check the arguments before the call, or strengthen the caller's requires."},
	{string(ssa.Nil), "NoNilDereference", "no reachable dereference of a nil pointer",
		"Every load, store and field access through a pointer that the function can reach from an allowed input is through a non-nil pointer; Go panics otherwise.",
		"The counterexample reaches a dereference of nil. Check the pointer, or require it non-nil (p != nil)."},
	{string(ssa.Bounds), "IndexInBounds", "every index, slice expression and make is in range",
		"Every index a[i] has 0 <= i < len(a), every slice expression a[lo:hi:max] has 0 <= lo <= hi <= max <= cap(a), and every make has a length and capacity in range, wherever the function can reach it from an allowed input.",
		"The counterexample reaches an index or slice expression out of range. Check the index, or require it in range (for example i < len(s))."},
	{string(ssa.NilMap), "NoNilMapWrite", "no reachable assignment to an entry of a nil map",
		"Every assignment m[k] = v (and m[k]++, m[k] += v) that the function can reach from an allowed input is to a non-nil map; Go panics with \"assignment to entry in nil map\" otherwise. Reading, deleting from and taking len of a nil map are fine.",
		"The counterexample reaches a write to a nil map. Make the map (make(map[K]V) or a literal) before writing, or require it non-nil (m != nil)."},
	{string(ssa.InvariantEntry), "InvariantHoldsOnEntry", "a loop invariant holds when the loop is entered",
		"Each //vsynth:invariant clause of a loop holds when the loop is first entered, from any allowed input.",
		"The counterexample is an input on which the invariant is false before the first iteration. Weaken the invariant or fix the loop's initialisation."},
	{string(ssa.InvariantPreserved), "InvariantPreserved", "one iteration from a state satisfying the invariants restores them",
		"From any loop state that satisfies all of the loop's invariants and its condition, one iteration of the body establishes each invariant again.",
		"The counterexample gives a loop state that satisfies the invariants from which one iteration breaks this one. Strengthen the invariants (the state need not be reachable: the invariants must describe it away) or fix the body."},
	{string(ssa.Unwinding), "LoopWithinUnroll", "a loop without invariants runs no more iterations than it was unrolled for",
		"A loop without invariants is checked by unrolling it --unroll times (default 16); this rule asks whether an allowed input runs it longer.",
		"An input may run the loop past the unrolling bound, so the function is unknown. Raise --unroll, bound the loop with a requires clause, or give it //vsynth:invariant clauses."},
	{string(ssa.TypeAssertion), "TypeAssertionHolds", "every single-result type assertion x.(T) succeeds",
		"A type assertion x.(T) without comma-ok panics when x is nil or does not hold a T; this rule asks whether an allowed input reaches one that fails.",
		"The counterexample reaches a type assertion on a value of another dynamic type (or nil). Use the comma-ok form or a type switch, or require the input's type."},
	{string(ssa.DynamicCall), "DynamicCallResolved", "a call through an interface reaches only implementations vsynth can lower",
		"A method call through an interface is resolved over the dynamic types of the loaded packages (a closed world); a call that may reach an implementation without a body to inline or a contract leaves the function unknown, never assumed.",
		"Load the package of the implementation from source, give its method a contract, or narrow the interface's dynamic type before the call."},
	{string(ssa.MapRangeWrite), "MapRangeNotWritten", "no write during a for range over a map is to that map",
		"A for range over a map is modelled for every order of iteration while the map is not written during it; a write (m[k] = v, delete, clear) in the loop's body that may be to the map being ranged over leaves the function unknown, never assumed: Go may or may not produce an entry added during the iteration.",
		"Collect the keys to write or delete in a slice or another map during the range, and write them after the loop."},
	{string(ssa.Assert), "AssertHolds", "a //vsynth:assert line holds where it stands",
		"Each //vsynth:assert line in a function body holds at its place, on every path from an allowed input that reaches it; afterwards the proof may use it.",
		"The counterexample reaches the assert line with its expression false. Fix the code before the line, or the assertion."},
	{string(ssa.Termination), "MeasureDecreases", "a //vsynth:decreases measure decreases on every back edge and recursive call, from a value >= 0",
		"A loop or recursive function with //vsynth:decreases must make its measure smaller on every iteration and at every recursive call, from a value that is at least 0, so that every run terminates.",
		"The counterexample reaches a back edge or recursive call where the measure does not decrease or was negative. Fix the measure or the loop."},
	{string(ssa.Overflow), "NoIntegerOverflow", "with --overflow or //vsynth:nooverflow: no integer operation wraps",
		"With --overflow, or //vsynth:nooverflow in a function's doc comment, no integer +, -, *, /, <<, unary - or conversion of the function (and of what it inlines) wraps: its mathematical result fits its type.",
		"The counterexample reaches an operation whose result does not fit its type, where Go would silently wrap. Use a larger type, check the operands, or bound them with a requires clause."},
	{string(ssa.Modifies), "WritesInFrame", "a function with //vsynth:modifies writes only its frame",
		"With //vsynth:modifies LOCATIONS (or modifies nothing), every write of the function and of what it calls lies in the locations listed (evaluated on entry), in memory it allocated, or stores the value already there.",
		"The counterexample reaches a write to memory that existed on entry outside the frame. Add the location to the frame or remove the write."},
	{string(ssa.PanicsWhen), "PanicsWhenStated", "the function panics where its //vsynth:panics condition holds",
		"With //vsynth:panics EXPR a function must panic exactly when EXPR holds on its inputs: every panic it can reach happens where EXPR holds, and it never returns normally from an input where EXPR holds.",
		"The counterexample is an input where the panics condition holds but compiled Go returns normally. Make the function panic there, or narrow the condition."},
	{"assumption", "TrustedAssumption", "the proof rests on a //vsynth:assume line, which is trusted, not proved",
		"A //vsynth:assume line is trusted: the proof assumes it from that line on without checking it. Reviewers should check every assumption a proof rests on.",
		"Replace the assume by an assert once it can be proved, or by a requires clause when it is a precondition."},
	{"unsupported", "Unsupported", "the function uses a construct vsynth does not model",
		"vsynth never guesses: a function that uses a construct it does not model is reported unsupported, with the construct and its position, and is not proved.",
		"Rewrite the construct named in the message, move it out of the function with a contract at the boundary, or accept the function as unchecked (suppress or baseline it)."},
	{"reliance", "ContractNotProved", "the proof uses the contract of a function that is not proved",
		"A proof that uses the contract of a called function is only as good as that contract; while the callee is not proved, the caller is not proved either.",
		"Prove the callee named in the message (see its own finding) and the caller's proof stands."},
	{"directive", "MalformedDirective", "a comment looks like a vsynth directive but is read as none",
		"A comment such as // vsynth:ensures (a space after //), //VSynth:ensures, /* vsynth:... */, or a //vsynth:requires or ensures line that is not in a function's doc comment is not read as a contract: the function it was meant for goes unchecked.",
		"Write the directive as //vsynth:KEYWORD with no space, in lower case, in the doc comment directly above the func (no blank line between)."},
	{"vacuous", "VacuousProof", "the proof holds only vacuously: requires is unsatisfiable or no allowed input returns",
		"A proof is vacuous when no input satisfies the requires clauses, or no allowed input returns normally: every ensures then holds trivially and says nothing.",
		"Fix the contradictory requires clauses or the function that never returns; --strict makes a vacuous proof a failure."},
}

// ruleHelpMarkdown renders a rule's help for SARIF's help.markdown.
func ruleHelpMarkdown(r findingRule) string {
	return fmt.Sprintf("**%s** (`%s`): %s.\n\n%s\n\n%s", r.name, r.id, r.short, r.full, r.help)
}

// findings lists m's findings in report order.
func (m *reportModel) findings(strict bool) []finding {
	var fs []finding
	for i := range m.Results {
		f := &m.Results[i]
		start := len(fs)
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
		for k, a := range f.Assumptions {
			pos := a.Pos
			if file, _, _ := splitPos(pos); file == "" {
				pos = f.Pos
			}
			title := fmt.Sprintf("%s: %s rests on the assumption %s", f.short, f.Verdict, a.Clause)
			fs = append(fs, finding{level: "note", rule: "assumption", function: f.Function, short: f.short, pos: pos,
				title: title, message: title + " (trusted, not proved)", fingerprint: fingerprint("assumption", f.Function, a.Clause, k)})
		}
		if f.Vacuous {
			level := "warning"
			if strict {
				level = "error"
			}
			add(level, "vacuous", f.Pos, f.short+": vacuous proof", fmt.Sprintf("%s: vacuous: %s", f.short, f.VacuousReason))
		}
		for j := start; j < len(fs); j++ {
			if acceptable(fs[j]) {
				fs[j].suppressed = f.suppressedBy(fs[j].rule)
			}
		}
	}
	for _, w := range m.Warnings {
		fs = append(fs, finding{level: "warning", rule: "directive", pos: w.Pos, title: w.Message, message: w.Pos + ": " + w.Message,
			fingerprint: fingerprint("directive", fileOf(w.Pos), w.Message, 0)})
	}
	return fs
}

// fileOf is the file of a file:line:col position.
func fileOf(pos string) string {
	file, _, _ := splitPos(pos)
	return file
}

// fingerprint hashes what identifies a finding across runs.
func fingerprint(rule, function, clause string, nth int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d", rule, function, clause, nth))
	return hex.EncodeToString(sum[:16])
}
