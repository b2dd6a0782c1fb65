package main

import (
	"fmt"
	"io"
	"os"

	"github.com/vsynth/vsynth/ssa"
)

// emitTests writes the playback tests of the refuted functions next to
// their source files and says on w what it wrote and what it could not.
func emitTests(w io.Writer, prog *ssa.Program, results []*ssa.FuncResult) error {
	files, skips, err := prog.PlaybackTests(results)
	if err != nil {
		return fmt.Errorf("--emit-tests: %w", err)
	}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			return fmt.Errorf("--emit-tests: %w", err)
		}
		fmt.Fprintf(w, "vsynth: wrote %s (%d test(s))\n", relFile(f.Path), len(f.Functions))
	}
	for _, s := range skips {
		fmt.Fprintf(w, "vsynth: no test for %s: %s\n", s.Function, s.Reason)
	}
	return nil
}
