package main

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/vsynth/vsynth/ssa"
)

// The JSON report: one document with a result per function and a summary.
type jsonReport struct {
	Results []jsonFunc `json:"results"`
	Summary summary    `json:"summary"`
	Stats   *jsonStats `json:"stats,omitempty"`
}

type jsonFunc struct {
	Function       string           `json:"function"`
	Pos            string           `json:"pos"`
	Verdict        ssa.Verdict      `json:"verdict"`
	Reason         string           `json:"reason,omitempty"`
	ReasonPos      string           `json:"reason_pos,omitempty"`
	Counterexample *jsonCex         `json:"counterexample,omitempty"`
	Obligations    []jsonObligation `json:"obligations"`
	TimeMS         int64            `json:"time_ms"`
}

type jsonObligation struct {
	Kind           ssa.ObligationKind `json:"kind"`
	Clause         string             `json:"clause,omitempty"`
	Pos            string             `json:"pos"`
	Via            []string           `json:"via,omitempty"`
	Verdict        ssa.Verdict        `json:"verdict"`
	Reason         string             `json:"reason,omitempty"`
	Counterexample *jsonCex           `json:"counterexample,omitempty"`
	CrossCheck     string             `json:"cross_check,omitempty"`
	TimeMS         int64              `json:"time_ms"`
}

type jsonCex struct {
	Inputs  orderedStrings `json:"inputs"`
	Outputs orderedStrings `json:"outputs,omitempty"`
	Panic   string         `json:"panic,omitempty"`
	State   []ssa.Binding  `json:"loop_state,omitempty"`
	Aliases [][2]string    `json:"aliases,omitempty"`
}

type jsonStats struct {
	LoadMS  int64 `json:"load_ms"`
	SSAMS   int64 `json:"ssa_ms"`
	SpecsMS int64 `json:"specs_ms"`
	LowerMS int64 `json:"lower_ms"`
	SolveMS int64 `json:"solve_ms"`
	TotalMS int64 `json:"total_ms"`
}

// orderedStrings is a JSON object that keeps its keys in order
// (parameters in declaration order).
type orderedStrings []ssa.Binding

func (o orderedStrings) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kv := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(kv.Name)
		v, _ := json.Marshal(kv.Value)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func toJSONCex(c *ssa.Counterexample) *jsonCex {
	if c == nil {
		return nil
	}
	return &jsonCex{Inputs: c.Inputs, Outputs: c.Outputs, Panic: c.Panic, State: c.State, Aliases: c.Aliases}
}

func (r *report) writeJSON(w io.Writer) error {
	doc := jsonReport{Results: []jsonFunc{}, Summary: r.summary()}
	for _, res := range r.results {
		f := jsonFunc{
			Function:    res.Target.Name,
			Pos:         r.position(res.Target.Pos),
			Verdict:     res.Verdict,
			Reason:      relText(res.Reason),
			Obligations: []jsonObligation{},
			TimeMS:      res.Time.Milliseconds(),
		}
		if res.Verdict == ssa.Unsupported {
			f.ReasonPos = r.position(res.ReasonPos)
		}
		if _, cex := res.Counterexample(); cex != nil {
			f.Counterexample = toJSONCex(cex)
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
				TimeMS:         o.Time.Milliseconds(),
			}
			for _, v := range o.Via {
				jo.Via = append(jo.Via, r.position(v))
			}
			f.Obligations = append(f.Obligations, jo)
		}
		doc.Results = append(doc.Results, f)
	}
	if r.stats {
		t := r.timing()
		doc.Stats = &jsonStats{
			LoadMS: t.Load.Milliseconds(), SSAMS: t.Build.Milliseconds(), SpecsMS: t.Specs.Milliseconds(),
			LowerMS: t.Lower.Milliseconds(), SolveMS: t.Solve.Milliseconds(), TotalMS: t.Total.Milliseconds(),
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
