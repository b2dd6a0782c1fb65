package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
)

func learnCommand() *cli.Command {
	return &cli.Command{
		Name:  "learn",
		Usage: "learn how to search from the answers vsynth has proved",
		Subcommands: []*cli.Command{{
			Name:  "prior",
			Usage: "learn production costs from the experience store's proved answers (for synth/bench --prior)",
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "from", EnvVars: []string{"VSYNTH_EXPERIENCE"}, Usage: "experience store: its `DIR` or answers file (default: the user cache directory's vsynth/experience)"},
				&cli.StringFlag{Name: "o", Required: true, Usage: "write the prior to `FILE` (atomically)"},
				&cli.StringFlag{Name: "exclude", Usage: "leave out the answers whose file or problem matches `REGEXP` (a held-out fold)"},
				&cli.Int64Flag{Name: "shuffle", Usage: "a control for measurements: permute the operator productions' counts at random with this `SEED` (0: no shuffle)"},
				&cli.IntFlag{Name: "max-productions", Value: 2000, Usage: "circuit breaker: stop when the prior would pass this many productions"},
			}, learnApplyFlags()...),
			Action: learnPriorAction,
		}, learnLibraryCommand()},
	}
}

func learnPriorAction(c *cli.Context) error {
	fail := func(code int, err error) error {
		return &exitError{code: code, err: fmt.Errorf("learn prior: %w", err)}
	}
	in, err := readLearnInput(c)
	if err != nil {
		return fail(exitBadInput, err)
	}
	if in.breaker.Tripped != "" {
		return tripped("learn prior", in.breaker)
	}
	pr := experience.LearnPrior(in.records, relFile(in.from), version)
	if seed := c.Int64("shuffle"); seed != 0 {
		pr = pr.Shuffled(seed)
	}
	if pr.Provenance.Answers == 0 {
		return fail(exitBadInput, errors.New("no proved answers with productions in "+in.from))
	}
	if n := c.Int("max-productions"); len(pr.Productions) > n {
		in.breaker.Trip(fmt.Sprintf("%d productions, more than --max-productions %d", len(pr.Productions), n))
		return tripped("learn prior", in.breaker)
	}
	out := c.String("o")
	pr.Provenance.Exclude, pr.Provenance.Folds = c.String("exclude"), in.folds
	pr.Provenance.Corpus = experience.Dirs(pr.Provenance.Problems)
	if c.Bool("apply") {
		pr.Provenance.Commit, pr.Provenance.Command = learnCommit(c, out), learnCommandLine()
		if pr.Provenance.Commit == "" {
			return fail(exitBadInput, errors.New("--apply needs the commit learned at: --commit REV (no VCS revision in the binary, no git repository at -o)"))
		}
		if err := pr.Apply(out); err != nil {
			return fail(exitBadInput, err)
		}
	} else if err := synth.WritePrior(out, pr); err != nil {
		return fail(exitBadInput, err)
	}
	applied := ""
	if c.Bool("apply") {
		applied = " (applied: sealed, folds " + strings.Join(in.folds, " ") + ")"
	}
	fmt.Fprintf(c.App.Writer, "learned a prior from %d answers to %d problems: %d productions, written to %s%s\n",
		pr.Provenance.Answers, len(pr.Provenance.Problems), len(pr.Productions), out, applied)
	if n := in.breaker.Rejected(); n > 0 {
		fmt.Fprintf(c.App.ErrWriter, "vsynth: %d records rejected\n", n)
	}
	return nil
}
