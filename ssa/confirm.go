package ssa

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// Confirmation: before a refuted obligation is reported as failed, the
// compiled Go function is run on its counterexample, and the
// counterexample stands only when Go reproduces it — returns the outputs
// the counterexample claims and breaks the clause, or panics the way it
// says. Confirm builds one replay program for all the counterexamples of
// a run (confirm_source.go writes it, confirm_instrument.go adds the
// requires and invariant checks to the packages' code, confirm_build.go
// compiles it with an overlay, without touching the user's files), runs
// it once per counterexample in a child process with a time and a memory
// limit (confirm_run.go), and judges what Go did (confirm_judge.go).
// A counterexample Go does not reproduce, or cannot be run on, turns its
// obligation into unknown with the reason: a vsynth report never shows a
// failed verdict that compiled Go did not confirm.

// ConfirmOptions control Confirm.
type ConfirmOptions struct {
	Timeout time.Duration // per counterexample; 0 means DefaultConfirmTimeout
	Memory  uint64        // address-space limit of a replay in bytes; 0 means DefaultConfirmMemory
	Jobs    int           // replays run in parallel; 0 means GOMAXPROCS
	// GoCommand is the go command to build with ("" means "go" on PATH).
	GoCommand string
	// Mangle, for tests only, changes a counterexample before it is
	// replayed (to make one that Go does not reproduce).
	Mangle func(*FuncResult, *ObligationResult, *Counterexample)
}

// Defaults of ConfirmOptions.
const (
	DefaultConfirmTimeout        = 10 * time.Second
	DefaultConfirmMemory  uint64 = 2 << 30
)

// Confirmation is the outcome of replaying a counterexample in Go.
type Confirmation string

const (
	// NotConfirmed: confirmation was not run (a failed verdict is then
	// reported as unconfirmed).
	NotConfirmed Confirmation = ""
	// Confirmed: compiled Go reproduced the counterexample.
	Confirmed Confirmation = "confirmed"
	// Refused: Go did not reproduce it, or it could not be replayed; the
	// obligation is unknown with the reason.
	Refused Confirmation = "refused"
)

// ConfirmStats summarizes a confirmation run.
type ConfirmStats struct {
	Cases     int           // refuted obligations
	Confirmed int           // reproduced by Go
	Refused   int           // not reproduced, or not replayable: now unknown
	Build     time.Duration // writing and compiling the replay program
	Run       time.Duration // running the replays
	// ToolErrors lists what went wrong with the go toolchain (a missing
	// go command, a replay program that does not build): the cases it
	// concerns are unknown, and the caller should say so.
	ToolErrors []string
}

// Confirm replays the counterexample of every failed obligation of
// results in compiled Go, and keeps the obligation failed only when Go
// reproduces it; otherwise the obligation becomes unknown with the reason
// ("counterexample not confirmed: ..."), and a function none of whose
// failed obligations is confirmed is no longer failed. The returned error
// is for a canceled context only: problems with the go toolchain make the
// cases unknown and are listed in ConfirmStats.ToolErrors.
func (p *Program) Confirm(ctx context.Context, results []*FuncResult, opts ConfirmOptions) (*ConfirmStats, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultConfirmTimeout
	}
	if opts.Memory == 0 {
		opts.Memory = DefaultConfirmMemory
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.GoCommand == "" {
		opts.GoCommand = "go"
	}
	st := &ConfirmStats{}
	var cases []*confirmCase
	for _, r := range results {
		for _, o := range r.Obligations {
			if o.Verdict != Failed {
				continue
			}
			st.Cases++
			c := &confirmCase{res: r, ob: o, cex: o.Counterexample}
			if opts.Mangle != nil && c.cex != nil {
				cp := *c.cex
				cp.Inputs = append([]Binding(nil), cp.Inputs...)
				cp.Outputs = append([]Binding(nil), cp.Outputs...)
				opts.Mangle(r, o, &cp)
				c.cex = &cp
			}
			if why := p.notReplayable(c); why != "" {
				c.verdict = why
			}
			cases = append(cases, c)
		}
	}
	var todo []*confirmCase
	for _, c := range cases {
		if c.verdict == "" {
			todo = append(todo, c)
		}
	}
	if len(todo) > 0 {
		start := time.Now()
		b, err := p.buildReplays(ctx, todo, opts)
		st.Build = time.Since(start)
		if err != nil {
			return nil, err
		}
		st.ToolErrors = b.toolErrors
		defer b.cleanup()
		start = time.Now()
		if err := b.runAll(ctx, opts); err != nil {
			return nil, err
		}
		for _, c := range todo {
			if c.verdict == "" && c.outcome != nil {
				c.verdict = p.judge(c, c.outcome)
			}
		}
		if err := p.rerunOrdered(ctx, b, todo, opts); err != nil { // confirm_order.go
			return nil, err
		}
		st.Run = time.Since(start)
	}
	for _, c := range cases {
		if c.verdict == "" {
			panic("confirm: case left without a verdict")
		}
		if c.verdict == confirmedVerdict {
			c.ob.Confirmation = Confirmed
			st.Confirmed++
			continue
		}
		c.ob.Confirmation = Refused
		c.ob.Verdict = Unknown
		c.ob.Reason = "counterexample not confirmed: " + c.verdict
		if c.cex != nil && c.cex.FuncWrites {
			c.ob.Reason += funcWritesNote // funcparam.go
		}
		st.Refused++
	}
	for _, r := range results {
		settleConfirmed(r)
	}
	return st, nil
}

// confirmedVerdict is the verdict of a case Go reproduced.
const confirmedVerdict = "\x00confirmed"

// confirmCase is one refuted obligation to confirm.
type confirmCase struct {
	res *FuncResult
	ob  *ObligationResult
	cex *Counterexample // what is replayed (ob's, unless mangled by a test)

	index   int               // in the replay program
	code    string            // its replay function
	imports map[string]string // the packages code names: path -> name
	lines   [2]int            // the lines of code in its package's replay file
	outcome *replayOutcome    // what Go did
	verdict string            // confirmedVerdict, or why not
}

// settleConfirmed recomputes a function's verdict after its refuted
// obligations were confirmed or refused: failed while one is confirmed,
// otherwise unknown (its other obligations were not all decided once one
// was refuted), with the reason of the first refused one.
func settleConfirmed(r *FuncResult) {
	if r.Verdict != Failed {
		return
	}
	for _, o := range r.Obligations {
		if o.Verdict == Failed {
			return
		}
	}
	r.Verdict = Unknown
	for _, o := range r.Obligations {
		if o.Confirmation == Refused {
			r.Reason = o.Reason
			return
		}
	}
	r.Reason = "counterexample not confirmed"
}

// notReplayable says why a counterexample cannot be run as an input of
// the compiled function, or returns "".
func (p *Program) notReplayable(c *confirmCase) string {
	tg, cex := c.res.Target, c.cex
	switch {
	case cex == nil:
		return "no counterexample"
	case tg.Func == nil || tg.Spec == nil:
		return "the function has no body to run"
	case c.ob.Kind == InvariantPreserved && len(cex.State) > 0:
		why := "the counterexample is a loop state from which one iteration breaks the invariant, not an input of the function: no run of the function can show it (strengthen the invariants, or check them with inputs that reach that state)"
		if c.ob.Searched != "" {
			why += "; " + c.ob.Searched
		}
		return why
	case len(cex.Aliases) > 0:
		return fmt.Sprintf("the counterexample needs parameters that share memory (%s and %s), which the replay cannot build", cex.Aliases[0][0], cex.Aliases[0][1])
	case len(cex.Unshown) > 0:
		return "the counterexample has inputs written as addresses, not Go values: " + joinNames(cex.Unshown)
	case p.inTestFile(tg):
		return "a function declared in a _test.go file cannot be called from a replay program (built with go build)"
	case tg.Package.Name == "main":
		return "a function of package main cannot be called from a replay program"
	case tg.Func.TypeParams().Len() > 0 && len(tg.Func.TypeArgs()) == 0:
		return "a generic function cannot be replayed"
	case clauseNamesTypeParam(tg):
		return "the contract names a type parameter, which the replay cannot"
	case len(cex.Inputs) != len(tg.Func.Params):
		return "the counterexample does not bind every parameter"
	case contractUsesMathInt(tg):
		return "the contract computes with mathint, which the replay cannot evaluate in Go yet"
	}
	return ""
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
