package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/synth/rules"
)

func rulesImportCommand() *cli.Command {
	return &cli.Command{
		Name:      "import-go",
		Usage:     "translate the Go compiler's generic.rules (fixed-width integer algebra) into vsynth rules on stdout",
		ArgsUsage: "FILE",
		Action:    rulesImport,
	}
}

func rulesImport(c *cli.Context) error {
	if c.NArg() != 1 {
		return &exitError{code: exitBadInput, err: fmt.Errorf("rules import-go: want one FILE (e.g. $(go env GOROOT)/src/cmd/compile/internal/ssa/_gen/generic.rules)")}
	}
	name := c.Args().First()
	src, err := os.ReadFile(name)
	if err != nil {
		return &exitError{code: exitBadInput, err: err}
	}
	text, skips := rules.ImportGo(string(src))
	fmt.Fprintf(c.App.Writer, "// Translated by vsynth rules import-go from %s.\n%s", name, text)
	w := c.App.ErrWriter
	reasons := map[string]int{}
	for _, s := range skips {
		fmt.Fprintf(w, "%s:%d: skipped: %s\n", name, s.Line, s.Reason)
		reasons[s.Reason]++
	}
	translated, err := rules.Parse(name, []byte(text))
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("rules import-go: the translation does not parse: %w", err)}
	}
	var keys []string
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return reasons[keys[i]] > reasons[keys[j]] || reasons[keys[i]] == reasons[keys[j]] && keys[i] < keys[j]
	})
	fmt.Fprintf(w, "vsynth: %d rules translated, %d rule instances skipped\n", len(translated), len(skips))
	for i, k := range keys {
		if i == 10 {
			fmt.Fprintf(w, "    ... and %d other reasons\n", len(keys)-10)
			break
		}
		fmt.Fprintf(w, "    %5d %s\n", reasons[k], k)
	}
	return nil
}
