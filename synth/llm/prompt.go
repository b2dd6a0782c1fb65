package llm

import (
	"fmt"
	"strings"

	"github.com/vsynth/vsynth/synth"
)

// attempt is an earlier candidate and why it was rejected.
type attempt struct {
	code   string
	reason string // parse, signature, grammar, type, refuted, unknown
	detail string // the checker's message, or for refuted the counterexample
}

// maxAttemptsShown bounds the rejected candidates a prompt repeats (the
// most recent ones).
const maxAttemptsShown = 6

const systemPrompt = `You write small Go functions that must satisfy a formal contract. ` +
	`A verifier (Z3) checks every answer; nothing you write is compiled or run. ` +
	`Answer with exactly one Go function in a single ` + "```go" + ` block: no package clause, no imports, no other declarations.`

// buildPrompt is the chat for p: the exact signature, the contract, what
// the body may use, similar proved solutions, and the earlier rejected
// candidates with why each failed.
func buildPrompt(p *synth.Problem, similar []Solution, tried []attempt) []Message {
	var b strings.Builder
	fmt.Fprintf(&b, "Write the Go function\n\n    func %s\n\n", synth.GoSignature(p))
	b.WriteString("that meets this contract (requires: assumed of the inputs; ensures: must hold for every input that meets the requires; ")
	b.WriteString("`result` is the returned value, `==>` is implication, other functions named are reference implementations you may not call):\n\n")
	for _, c := range p.Contract {
		fmt.Fprintf(&b, "    %s\n", c)
	}
	ops, consts := synth.Vocabulary(p.Grammar)
	b.WriteString("\nThe body may use only:\n")
	var params []string
	for _, prm := range p.Params {
		params = append(params, prm.Name)
	}
	fmt.Fprintf(&b, "- the parameters %s\n", strings.Join(params, ", "))
	if len(consts) > 0 {
		fmt.Fprintf(&b, "- the constants %s (no other numbers; a constant expression must itself be one of them)\n", strings.Join(consts, ", "))
	}
	branches := false
	var words []string
	for _, op := range ops {
		if op == "if/else" {
			branches = true
			continue
		}
		words = append(words, op)
	}
	if len(words) > 0 {
		fmt.Fprintf(&b, "- the operators %s\n", strings.Join(words, ", "))
	}
	if branches {
		b.WriteString("- local variables (:=, var, =), if/else and return\n")
	} else {
		b.WriteString("- local variables (:=, var, =) and return; no if/else\n")
	}
	b.WriteString("No loops, no function calls, no imports; conversions only to the function's own types. ")
	b.WriteString("Go semantics: integers wrap around on overflow, shifts by large counts give 0 (or -1), division by zero panics.\n")
	if len(similar) > 0 {
		b.WriteString("\nProved solutions of similar contracts, for inspiration:\n")
		for _, s := range similar {
			b.WriteString("\n")
			for _, c := range s.Contract {
				fmt.Fprintf(&b, "%s\n", c)
			}
			fmt.Fprintf(&b, "```go\n%s\n```\n", strings.TrimSpace(s.Code))
		}
	}
	if len(tried) > 0 {
		b.WriteString("\nEarlier answers that were rejected (do not repeat them):\n")
		start := max(0, len(tried)-maxAttemptsShown)
		for i, a := range tried[start:] {
			fmt.Fprintf(&b, "\n%d. ", start+i+1)
			if a.code != "" {
				fmt.Fprintf(&b, "```go\n%s\n```\n   ", strings.TrimSpace(a.code))
			}
			fmt.Fprintf(&b, "%s: %s\n", a.reason, a.detail)
		}
	}
	b.WriteString("\nAnswer with one ```go block holding only the function.\n")
	return []Message{{Role: "system", Content: systemPrompt}, {Role: "user", Content: b.String()}}
}

// refutation describes a refuted candidate: the counterexample inputs
// as Go literals, the clause violated and what it returned.
func refutation(p *synth.Problem, t *synth.Term, c *synth.Check) string {
	var b strings.Builder
	if c.Cex != nil {
		fmt.Fprintf(&b, "at %s", synth.FormatInputs(p.Vars, c.Cex))
		ret := c.Returned
		if ret == "" && len(p.Vars) == len(p.Params) {
			if v, ok := synth.EvalTerm(t, c.Cex); ok {
				ret = synth.FormatValue(v, p.Result)
			} else {
				ret = "a panic"
			}
		}
		if ret != "" {
			if strings.HasPrefix(ret, "panic") {
				fmt.Fprintf(&b, " it panics (%s)", ret)
			} else {
				fmt.Fprintf(&b, " it returns %s", ret)
			}
		}
	} else {
		b.WriteString("the verifier refuted it")
	}
	if c.Violated != "" {
		fmt.Fprintf(&b, ", which violates: %s", c.Violated)
	}
	return b.String()
}
