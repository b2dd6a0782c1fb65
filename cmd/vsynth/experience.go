package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

// experienceFlags are synth's and bench's flags for the store of proved
// answers, the learned prior, and hiding SyGuS references.
func experienceFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "experience", EnvVars: []string{"VSYNTH_EXPERIENCE"}, Usage: "`DIR` of the store every proved answer is recorded in (answers.jsonl), or off (default: the user cache directory's vsynth/experience)"},
		&cli.StringFlag{Name: "prior", Value: "none", Usage: "learned production costs (`FILE` from vsynth learn prior) that order the enumeration, or none: answers are then found in the prior's order and improved by the plain size-ordered search for --improve"},
		&cli.StringFlag{Name: "library", Value: "none", Usage: "component library (`FILE` from vsynth learn library) whose components, proved equal to their expansions in the grammar, are searched as one production each, or none; with --prior or --library the guided search races the plain one (one worker each) and a guided answer is improved by the plain size-ordered search for --improve"},
		&cli.BoolFlag{Name: "prior-jit", Usage: "with --prior: between CEGIS rounds, lower the costs of the productions of the cheapest programs meeting new subsets of the inputs (Probe's just-in-time learning)"},
		&cli.BoolFlag{Name: "race-plain", Usage: "a control for measurements: without --prior and --library, race the plain search against a copy of itself, one worker each (the race's own cost)"},
		&cli.BoolFlag{Name: "hide-reference", Usage: "SyGuS: never derive f = E's E into a first candidate: the search must find the program (E stays the specification)"},
	}
}

// experienceStore is the store the flags select, or nil when off.
func experienceStore(c *cli.Context) (*experience.Store, error) {
	dir := c.String("experience")
	switch dir {
	case "off":
		return nil, nil
	case "":
		d, err := experience.DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return &experience.Store{Dir: dir}, nil
}

// priorFlag reads --prior: nil for none.
func priorFlag(c *cli.Context) (*synth.Prior, error) {
	path := c.String("prior")
	if path == "none" || path == "" {
		return nil, nil
	}
	pr, err := synth.ReadPrior(path)
	if err != nil {
		return nil, fmt.Errorf("--prior: %w", err)
	}
	return pr, nil
}

// enumStrategy is the enumerative strategy the flags select: the rule
// set and the prior.
func enumStrategy(c *cli.Context) (synth.Enum, error) {
	enum, err := enumWithRules(c.String("rules"))
	if err != nil {
		return enum, err
	}
	enum.Prior, err = priorFlag(c)
	if err != nil {
		return enum, err
	}
	enum.Library, err = libraryFlag(c)
	enum.PriorJIT = c.Bool("prior-jit")
	enum.RacePlain = c.Bool("race-plain")
	if enum.PriorJIT && enum.Prior == nil {
		return enum, fmt.Errorf("--prior-jit needs --prior FILE")
	}
	return enum, err
}

// recorder appends proved answers to the experience store; a failure is
// a warning (printed once), never a failed synthesis.
type recorder struct {
	store  *experience.Store
	warn   io.Writer
	once   sync.Once
	failed bool
}

func (r *recorder) record(rec experience.Record) {
	if r == nil || r.store == nil {
		return
	}
	if err := r.store.Append(rec); err != nil {
		r.once.Do(func() {
			fmt.Fprintf(r.warn, "vsynth: %v (answers are not recorded)\n", err)
		})
	}
}

// answerRecord is the record of a proved answer: for Go problems the
// code as the language model's store shows it, so that the answer a
// model strategy recorded is not recorded twice.
func answerRecord(p *synth.Problem, res *synth.Result, timer *experience.ProofTimer, file, hash, sygusCode string) experience.Record {
	code, lang := sygusCode, "sygus"
	if sygusCode == "" {
		code, lang = synth.GoFunc(p.GoName, p.Params, p.Result, res.Term), "go"
	}
	rec := experience.NewRecord(p, res.Term, code, lang, version)
	rec.File, rec.Strategy = relFile(file), res.Strategy
	if hash != "" {
		rec.Hash = hash
	}
	rec.TimeMS = res.Time.Milliseconds()
	if timer != nil {
		rec.ProofMS = timer.ProofTime(res.Term).Milliseconds()
	}
	return rec
}
