package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth/experience"
)

// learnApplyFlags are the flags vsynth learn prior and learn library
// share for held-out folds, --apply and the circuit breaker.
func learnApplyFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "fold", Usage: "a held-out fold the file is evaluated on, a `REGEXP` matched as --exclude: its answers are left out and the file records it (repeatable; --apply needs one)"},
		&cli.BoolFlag{Name: "apply", Usage: "write -o as a shipped file: provenance checked (store, corpus, folds, commit; no problem of a fold learned from), sealed, canonical and atomic; a file already at -o must be of the same kind"},
		&cli.StringFlag{Name: "commit", Usage: "the repository commit learned at, for the provenance (default: the binary's VCS revision, else git's HEAD of -o's directory)"},
		&cli.IntFlag{Name: "max-rejects", Value: experience.DefaultMaxRejects, Usage: "circuit breaker: stop after this many rejected inputs in a row (records that do not read; components Z3 does not prove); --apply then writes nothing"},
	}
}

// learnInput is what learn prior and learn library read: the store's
// records less the held-out ones, checked against the breaker.
type learnInput struct {
	from    string
	records []experience.Record
	folds   []string
	breaker *experience.Breaker
}

func readLearnInput(c *cli.Context) (*learnInput, error) {
	from := c.String("from")
	if from == "" || from == "off" {
		dir, err := experience.DefaultDir()
		if err != nil {
			return nil, err
		}
		from = dir
	}
	records, err := experience.Load(from)
	if err != nil {
		return nil, err
	}
	in := &learnInput{from: from, folds: c.StringSlice("fold"), breaker: &experience.Breaker{MaxRejects: c.Int("max-rejects")}}
	if c.Bool("apply") && len(in.folds) == 0 {
		return nil, errors.New("--apply needs --fold REGEXP: the held-out fold the file is evaluated on")
	}
	pats := in.folds
	if pat := c.String("exclude"); pat != "" {
		pats = append([]string{pat}, pats...)
	}
	for _, pat := range pats {
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("--exclude/--fold: %w", err)
		}
		records = experience.Exclude(records, re)
	}
	in.records = experience.Checked(records, in.breaker)
	return in, nil
}

// tripped is the error of a tripped breaker: status 1, nothing written.
func tripped(cmd string, b *experience.Breaker) error {
	return &exitError{code: exitFailed, err: fmt.Errorf("%s: %s; nothing written", cmd, b.Tripped)}
}

// learnCommit is the commit the provenance names: --commit, else the
// binary's VCS revision, else git's HEAD in the output's directory, with
// " (modified)" when the binary or the worktree has changes not
// committed, other than to .json and .jsonl files ("" when none is
// known).
func learnCommit(c *cli.Context, out string) string {
	if v := c.String("commit"); v != "" {
		return v
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, kv := range bi.Settings {
			switch kv.Key {
			case "vcs.revision":
				rev = kv.Value
			case "vcs.modified":
				dirty = kv.Value == "true"
			}
		}
		if rev != "" {
			if dirty {
				rev += " (modified)"
			}
			return rev
		}
	}
	dir := filepath.Dir(out)
	b, err := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	rev := strings.TrimSpace(string(b))
	// Changes to learned files and stores (.json, .jsonl) are data, not
	// the code that learned.
	st, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=no", "--",
		":(top)", ":(top,exclude,glob)**/*.json", ":(top,exclude,glob)**/*.jsonl").Output()
	if err != nil || len(st) > 0 {
		rev += " (modified)"
	}
	return rev
}

// learnCommandLine is the command line, for the provenance.
func learnCommandLine() string {
	return "vsynth " + strings.Join(os.Args[1:], " ")
}
