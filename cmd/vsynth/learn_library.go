package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
	"github.com/vsynth/vsynth/synth/sygus"
)

func learnLibraryCommand() *cli.Command {
	return &cli.Command{
		Name:      "library",
		Usage:     "mine a component library from the experience store's proved answers (for synth/bench --library)",
		ArgsUsage: "[SYGUS FILES: grammars the components' expansions are proved in and recorded]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "from", EnvVars: []string{"VSYNTH_EXPERIENCE"}, Usage: "experience store: its `DIR` or answers file (default: the user cache directory's vsynth/experience)"},
			&cli.StringFlag{Name: "o", Required: true, Usage: "write the library to `FILE` (atomically)"},
			&cli.StringFlag{Name: "exclude", Usage: "leave out the answers whose file or problem matches `REGEXP` (a held-out fold)"},
			&cli.StringFlag{Name: "family", Value: experience.DefaultFamily.String(), Usage: "`REGEXP` whose first group names a problem's family from its file's base name"},
			&cli.IntFlag{Name: "max", Value: 6, Usage: "components kept"},
			&cli.IntFlag{Name: "min-families", Value: 2, Usage: "families a fragment must be used by"},
			&cli.StringFlag{Name: "rank", Value: experience.RankFamilies, Usage: "order of the fragments kept: families (by families, then size) or saving (by the operators saved over the answers using it, (size-1) x answers)"},
			&cli.BoolFlag{Name: "derive", Value: true, Usage: "also derive, for each problem, the operators its spec uses that its grammar lacks"},
		}, learnApplyFlags()...),
		Action: learnLibraryAction,
	}
}

func learnLibraryAction(c *cli.Context) error {
	fail := func(err error) error {
		return &exitError{code: exitBadInput, err: fmt.Errorf("learn library: %w", err)}
	}
	in, err := readLearnInput(c)
	if err != nil {
		return fail(err)
	}
	if in.breaker.Tripped != "" {
		return tripped("learn library", in.breaker)
	}
	rank := c.String("rank")
	if rank != experience.RankFamilies && rank != experience.RankSaving {
		return fail(fmt.Errorf("--rank %q: want families or saving", rank))
	}
	fam, err := regexp.Compile(c.String("family"))
	if err != nil {
		return fail(fmt.Errorf("--family: %w", err))
	}
	lib := experience.LearnLibrary(in.records, relFile(in.from), versionRevision(), experience.LibraryOptions{
		Family: fam, Max: c.Int("max"), MinFamilies: c.Int("min-families"), Derive: c.Bool("derive"), Rank: rank,
	})
	if lib.Provenance.Answers == 0 {
		return fail(errors.New("no proved answers with typed terms in " + in.from))
	}
	lib.Provenance.Exclude, lib.Provenance.Folds = c.String("exclude"), in.folds
	// Prove each component's expansion in the grammars of the files
	// given, and record the proofs: CI proves them again.
	var grammars []experience.Grammar
	prover := &synth.Prover{}
	for _, f := range c.Args().Slice() {
		src, err := os.ReadFile(f)
		if err != nil {
			return fail(err)
		}
		p, err := sygus.Parse(relFile(f), src)
		if err != nil {
			continue // not a file vsynth reads: no grammar to prove in
		}
		grammars = append(grammars, experience.Grammar{File: relFile(f), Problem: p.Synth(prover)})
	}
	if err := experience.ProveLibrary(context.Background(), lib, grammars, synth.ProveComponent, in.breaker); err != nil {
		return fail(err)
	}
	if in.breaker.Tripped != "" {
		return tripped("learn library", in.breaker)
	}
	out := c.String("o")
	if c.Bool("apply") {
		lib.Provenance.Commit, lib.Provenance.Command = learnCommit(c, out), learnCommandLine()
		if lib.Provenance.Commit == "" {
			return fail(errors.New("--apply needs the commit learned at: --commit REV (no VCS revision in the binary, no git repository at -o)"))
		}
		if err := lib.Apply(out); err != nil {
			return fail(err)
		}
	} else if err := lib.Write(out); err != nil {
		return fail(err)
	}
	proofs := 0
	for _, comp := range lib.Components {
		proofs += len(comp.Proofs)
	}
	applied := ""
	if c.Bool("apply") {
		applied = " (applied: sealed, folds " + strings.Join(in.folds, " ") + ")"
	}
	fmt.Fprintf(c.App.Writer, "learned %d components from %d answers in %d families (%d expansions proved in %d files), written to %s%s\n",
		len(lib.Components), lib.Provenance.Answers, len(lib.Provenance.Families), proofs, len(grammars), out, applied)
	if n := in.breaker.Rejected(); n > 0 {
		fmt.Fprintf(c.App.ErrWriter, "vsynth: %d rejected (records or proofs)\n", n)
	}
	return nil
}

// versionRevision is the version with the VCS revision the binary was
// built from, when the go command recorded it.
func versionRevision() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range bi.Settings {
			switch {
			case kv.Key == "vcs.revision":
				v += " " + kv.Value
			case kv.Key == "vcs.modified" && kv.Value == "true":
				v += " (modified)"
			}
		}
	}
	return v
}

// libraryFlag reads --library: nil for none.
func libraryFlag(c *cli.Context) (*synth.Library, error) {
	path := c.String("library")
	if path == "none" || path == "" {
		return nil, nil
	}
	lib, err := synth.ReadLibrary(path)
	if err != nil {
		return nil, fmt.Errorf("--library: %w", err)
	}
	return lib, nil
}
