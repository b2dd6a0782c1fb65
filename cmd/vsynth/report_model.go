package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/vsynth/vsynth/ssa"
)

// The report model: what a checking run found, independent of the output
// format. `vsynth prove` builds it from the prover's results, `vsynth
// merge` from JSON reports; every format (text, json, sarif, junit,
// github) renders it. It is also the JSON document, so that a JSON report
// read back renders exactly like the run that wrote it.

// reportModel is one run's findings.
type reportModel struct {
	Results []funcReport `json:"results"`
	Summary summary      `json:"summary"`
	Stats   *jsonStats   `json:"stats,omitempty"`
	// Shard, set for a --shard run, says which share of the functions
	// the report covers.
	Shard *shardInfo `json:"shard,omitempty"`
	// TimeMS is the run's wall-clock time, from the start to the report.
	TimeMS int64 `json:"time_ms,omitempty"`
	// Error, set when the run stopped on a tool error (exit 2), is the
	// error; the results are then those decided before it, often none.
	Error string `json:"error,omitempty"`
	// Warnings are comments that look like vsynth directives but are
	// read as none (a space after //, a detached contract...).
	Warnings []jsonWarning `json:"warnings,omitempty"`
	// Solver is the solver and the flags that decided the verdicts.
	Solver *solverInfo `json:"solver,omitempty"`

	timing *timing       // --stats with full precision (nil when read from JSON)
	wall   time.Duration // TimeMS with full precision
	// baseline holds the fingerprints of accepted findings (--baseline,
	// --write-baseline); nil without one.
	baseline map[string]bool
}

// jsonWarning is a positioned warning about the input.
type jsonWarning struct {
	Pos     string `json:"pos"`
	Message string `json:"message"`
}

// shardInfo names a share of the functions: shard Index of Count (1-based).
type shardInfo struct {
	Index int `json:"index"`
	Count int `json:"count"`
	Total int `json:"total"` // functions in the whole run, before sharding
}

// funcReport is the verdict on one checked unit (for prove, a function).
type funcReport struct {
	Function  string      `json:"function"`
	Pos       string      `json:"pos"`
	Verdict   ssa.Verdict `json:"verdict"`
	Reason    string      `json:"reason,omitempty"`
	ReasonPos string      `json:"reason_pos,omitempty"`
	// Unconfirmed: a failed verdict whose counterexample compiled Go did
	// not replay (prove --confirm=false).
	Unconfirmed    bool             `json:"unconfirmed,omitempty"`
	Vacuous        bool             `json:"vacuous,omitempty"`
	VacuousReason  string           `json:"vacuous_reason,omitempty"`
	Counterexample *jsonCex         `json:"counterexample,omitempty"`
	Obligations    []jsonObligation `json:"obligations"`
	Relies         []string         `json:"relies,omitempty"`
	// Suppressed lists the //vsynth:ignore lines of the function's doc
	// comment.
	Suppressed []jsonSuppression `json:"suppressed,omitempty"`
	// Assumptions are the //vsynth:assume lines the proof rests on (its
	// own and those of the contracts it relies on): trusted, not proved.
	Assumptions []jsonAssumption `json:"assumptions,omitempty"`
	// ClosedWorld lists where the proof resolved interface values over
	// the dynamic types of the loaded packages only.
	ClosedWorld []string `json:"closed_world,omitempty"`
	// Total: proved, and every run terminates (docs/contracts.md);
	// Partial says why a function is not known to be total.
	Total   bool   `json:"total,omitempty"`
	Partial string `json:"partial,omitempty"`
	// Inferred lists, per loop, the invariants inference found and the
	// proof used (prove --infer).
	Inferred []jsonInferred `json:"inferred_invariants,omitempty"`
	TimeMS   int64          `json:"time_ms"`

	short string        // the name as the text report shows it
	time  time.Duration // TimeMS with full precision
}

// jsonAssumption is one //vsynth:assume line a proof rests on.
type jsonAssumption struct {
	Clause string `json:"clause"`
	Pos    string `json:"pos"`
	In     string `json:"in,omitempty"` // the function whose body holds it
}

// assumptionsText is " (1 assumption)", " (2 assumptions)" or "".
func (f *funcReport) assumptionsText() string {
	switch n := len(f.Assumptions); n {
	case 0:
		return ""
	case 1:
		return " (1 assumption)"
	default:
		return " (" + strconv.Itoa(n) + " assumptions)"
	}
}

// jsonInferred is what inference found for one loop.
type jsonInferred struct {
	Pos        string   `json:"pos"` // the for statement
	Invariants []string `json:"invariants"`
	Candidates int      `json:"candidates"`
	Rounds     int      `json:"rounds"`
}

type jsonObligation struct {
	Kind           ssa.ObligationKind `json:"kind"`
	Clause         string             `json:"clause,omitempty"`
	Of             string             `json:"of,omitempty"` // for well-defined: the kind of clause
	Pos            string             `json:"pos"`
	Via            []string           `json:"via,omitempty"`
	Verdict        ssa.Verdict        `json:"verdict"`
	Reason         string             `json:"reason,omitempty"`
	Counterexample *jsonCex           `json:"counterexample,omitempty"`
	// Confirmation, for a failed obligation: "confirmed" (compiled Go
	// reproduced the counterexample) or "unconfirmed" (not replayed); for
	// an unknown one: "refused" (Go did not reproduce it).
	Confirmation string `json:"confirmation,omitempty"`
	CrossCheck   string `json:"cross_check,omitempty"`
	// DecidedBy, under --solver portfolio (or cvc5), names the solver
	// that proved or refuted the obligation.
	DecidedBy string `json:"decided_by,omitempty"`
	// Unrolled: the counterexample was found after the inductive proof
	// failed, by unrolling every loop from the entry up to this many
	// iterations (bounded model checking).
	Unrolled int   `json:"unrolled,omitempty"`
	TimeMS   int64 `json:"time_ms"`

	time   time.Duration
	cached bool // answered from the proof cache
}

type jsonCex struct {
	Inputs  orderedStrings `json:"inputs"`
	Globals orderedStrings `json:"globals,omitempty"` // package-level variables on entry
	Outputs orderedStrings `json:"outputs,omitempty"`
	Panic   string         `json:"panic,omitempty"`
	State   []ssa.Binding  `json:"loop_state,omitempty"`
	Aliases [][2]string    `json:"aliases,omitempty"`
	Unshown []string       `json:"unshown,omitempty"`
}

type jsonStats struct {
	LoadMS  int64 `json:"load_ms"`
	SSAMS   int64 `json:"ssa_ms"`
	SpecsMS int64 `json:"specs_ms"`
	LowerMS int64 `json:"lower_ms"`
	SolveMS int64 `json:"solve_ms"`
	// ConfirmMS: building and running the replays of the counterexamples.
	ConfirmMS int64 `json:"confirm_ms,omitempty"`
	TotalMS   int64 `json:"total_ms"`
	// Obligations decided, and how many of them the proof cache answered.
	Obligations int `json:"obligations"`
	CacheHits   int `json:"cache_hits"`
}

// verdictText is the verdict as text reports show it: a failed verdict
// whose counterexample was not replayed in Go is "failed (unconfirmed)".
func (f *funcReport) verdictText() string {
	if f.Verdict == ssa.Failed && f.Unconfirmed {
		return "failed (unconfirmed)"
	}
	if f.Verdict == ssa.Proved {
		return string(f.Verdict) + f.assumptionsText()
	}
	return string(f.Verdict)
}

// firstFailed returns the first refuted obligation.
func (f *funcReport) firstFailed() *jsonObligation {
	for i := range f.Obligations {
		if f.Obligations[i].Verdict == ssa.Failed {
			return &f.Obligations[i]
		}
	}
	return nil
}

// firstUnknown returns the obligation that explains an unknown verdict: an
// unwinding one if any, else the first the solver could not decide.
func (f *funcReport) firstUnknown() *jsonObligation {
	var first *jsonObligation
	for i := range f.Obligations {
		o := &f.Obligations[i]
		if o.Verdict != ssa.Unknown {
			continue
		}
		if o.Kind == ssa.Unwinding {
			// A loop that may run past the unrolling bound explains the
			// rest, whose timeouts depend on the machine.
			return o
		}
		if first == nil {
			first = o
		}
	}
	return first
}

// summarize counts the results by verdict.
func summarize(results []funcReport) summary {
	var s summary
	for _, res := range results {
		switch res.Verdict {
		case ssa.Proved:
			s.Proved++
		case ssa.Failed:
			s.Failed++
		case ssa.Unknown:
			s.Unknown++
		case ssa.Unsupported:
			s.Unsupported++
		}
	}
	return s
}

// model builds the report model of a prove run.
func (r *report) model() *reportModel {
	m := &reportModel{Results: []funcReport{}}
	for _, res := range r.results {
		f := funcReport{
			Function:    res.Target.Name,
			Pos:         r.position(res.Target.Pos),
			Verdict:     res.Verdict,
			Reason:      relText(res.Reason),
			Obligations: []jsonObligation{},
			TimeMS:      res.Time.Milliseconds(),
			short:       res.Target.Short,
			time:        res.Time,
		}
		if res.Verdict == ssa.Unsupported {
			f.ReasonPos = r.position(res.ReasonPos)
		}
		if res.Vacuous != "" {
			f.Vacuous, f.VacuousReason = true, res.Vacuous
		}
		if _, cex := res.Counterexample(); cex != nil {
			f.Counterexample = toJSONCex(cex)
		}
		for _, callee := range res.Relies {
			f.Relies = append(f.Relies, callee.Name)
		}
		for _, il := range res.Inferred {
			f.Inferred = append(f.Inferred, jsonInferred{Pos: r.position(il.Pos), Invariants: il.Invariants, Candidates: il.Candidates, Rounds: il.Rounds})
		}
		for _, a := range res.Assumptions {
			f.Assumptions = append(f.Assumptions, jsonAssumption{Clause: a.Clause, Pos: r.position(a.Pos), In: a.In})
		}
		f.ClosedWorld = res.ClosedWorld
		f.Total, f.Partial = res.Total, relText(res.Partial)
		if res.Verdict != ssa.Proved {
			f.Partial = ""
		}
		for _, o := range res.Obligations {
			jo := jsonObligation{
				Kind:           o.Kind,
				Clause:         o.Clause,
				Pos:            r.position(o.Pos),
				Verdict:        o.Verdict,
				Reason:         relText(o.Reason),
				Counterexample: toJSONCex(o.Counterexample),
				CrossCheck:     o.CrossCheck,
				Unrolled:       o.Unrolled,
				TimeMS:         o.Time.Milliseconds(),
				time:           o.Time,
				cached:         o.Cached,
			}
			if o.Kind == ssa.WellDefined {
				jo.Of = o.Of
			}
			if o.Verdict == ssa.Proved || o.Verdict == ssa.Failed {
				jo.DecidedBy = o.DecidedBy
			}
			switch {
			case o.Verdict == ssa.Failed && o.Confirmation == ssa.Confirmed:
				jo.Confirmation = "confirmed"
			case o.Verdict == ssa.Failed:
				jo.Confirmation = "unconfirmed"
			case o.Confirmation == ssa.Refused:
				jo.Confirmation = "refused"
			}
			for _, v := range o.Via {
				jo.Via = append(jo.Via, r.position(v))
			}
			f.Obligations = append(f.Obligations, jo)
		}
		if o := f.firstFailed(); o != nil && o.Confirmation == "unconfirmed" {
			f.Unconfirmed = true
		}
		m.Results = append(m.Results, f)
	}
	m.Summary = summarize(m.Results)
	m.wall, m.TimeMS = r.total, r.total.Milliseconds()
	for _, w := range r.prog.Warnings {
		pos := w.Pos
		pos.Filename = relFile(pos.Filename)
		m.Warnings = append(m.Warnings, jsonWarning{Pos: pos.String(), Message: w.Msg})
	}
	if r.stats {
		t := r.timing()
		m.timing = &t
		m.Stats = &jsonStats{
			LoadMS: t.Load.Milliseconds(), SSAMS: t.Build.Milliseconds(), SpecsMS: t.Specs.Milliseconds(),
			LowerMS: t.Lower.Milliseconds(), SolveMS: t.Solve.Milliseconds(), ConfirmMS: t.Confirm.Milliseconds(), TotalMS: t.Total.Milliseconds(),
			Obligations: t.Obligations, CacheHits: t.CacheHits,
		}
	}
	return m
}

// restore fills in what a model read from JSON lacks: display names and
// durations.
func (m *reportModel) restore() {
	m.wall = time.Duration(m.TimeMS) * time.Millisecond
	for i := range m.Results {
		f := &m.Results[i]
		f.short = shortName(f.Function)
		f.time = time.Duration(f.TimeMS) * time.Millisecond
		if f.Obligations == nil {
			f.Obligations = []jsonObligation{}
		}
		for j := range f.Obligations {
			o := &f.Obligations[j]
			o.time = time.Duration(o.TimeMS) * time.Millisecond
		}
	}
}

// shortName shortens "example.com/m/pkg.Type.Method" to "pkg.Type.Method"
// (the package's last path element stands for its name).
func shortName(full string) string {
	slash := strings.LastIndexByte(full, '/')
	return full[slash+1:]
}

// splitPos splits "file:line:col" (or "file:line") into its parts; line
// and col are 0 when missing.
func splitPos(pos string) (file string, line, col int) {
	if pos == "" || pos == "-" {
		return "", 0, 0
	}
	file = pos
	nums := []int{}
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		file = file[:i]
	}
	switch len(nums) {
	case 2:
		return file, nums[0], nums[1]
	case 1:
		return file, nums[0], 0
	}
	return pos, 0, 0
}

// fileLine renders a position as file:line.
func fileLine(pos string) string {
	file, line, _ := splitPos(pos)
	if file == "" {
		return "-"
	}
	if line == 0 {
		return file
	}
	return file + ":" + strconv.Itoa(line)
}
