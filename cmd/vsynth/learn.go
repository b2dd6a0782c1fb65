package main

import (
	"errors"
	"fmt"
	"regexp"

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
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "from", EnvVars: []string{"VSYNTH_EXPERIENCE"}, Usage: "experience store: its `DIR` or answers file (default: the user cache directory's vsynth/experience)"},
				&cli.StringFlag{Name: "o", Required: true, Usage: "write the prior to `FILE` (atomically)"},
				&cli.StringFlag{Name: "exclude", Usage: "leave out the answers whose file or problem matches `REGEXP` (a held-out fold)"},
			},
			Action: learnPriorAction,
		}, learnLibraryCommand()},
	}
}

func learnPriorAction(c *cli.Context) error {
	from := c.String("from")
	if from == "" || from == "off" {
		dir, err := experience.DefaultDir()
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("learn prior: %w", err)}
		}
		from = dir
	}
	records, err := experience.Load(from)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("learn prior: %w", err)}
	}
	if pat := c.String("exclude"); pat != "" {
		re, err := regexp.Compile(pat)
		if err != nil {
			return &exitError{code: exitBadInput, err: fmt.Errorf("learn prior: --exclude: %w", err)}
		}
		kept := records[:0]
		for _, r := range records {
			if !re.MatchString(r.File) && !re.MatchString(r.Problem) {
				kept = append(kept, r)
			}
		}
		records = kept
	}
	pr := experience.LearnPrior(records, relFile(from), version)
	if pr.Provenance.Answers == 0 {
		return &exitError{code: exitBadInput, err: errors.New("learn prior: no proved answers with productions in " + from)}
	}
	if err := synth.WritePrior(c.String("o"), pr); err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("learn prior: %w", err)}
	}
	fmt.Fprintf(c.App.Writer, "learned a prior from %d answers to %d problems: %d productions, written to %s\n",
		pr.Provenance.Answers, len(pr.Provenance.Problems), len(pr.Productions), c.String("o"))
	return nil
}
