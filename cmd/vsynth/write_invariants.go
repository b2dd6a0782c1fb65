package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/vsynth/vsynth/ssa"
)

// writeInvariants adds the inferred invariants of the proved functions to
// their source files (prove --write-invariants) and says on w what it
// wrote. A file that cannot be written does not stop the others.
func writeInvariants(w io.Writer, prog *ssa.Program, results []*ssa.FuncResult) error {
	edits, err := prog.InvariantEdits(results)
	if err != nil {
		return fmt.Errorf("--write-invariants: %w", err)
	}
	var errs []error
	for _, e := range edits {
		if err := os.WriteFile(e.Path, e.Content, 0o644); err != nil {
			errs = append(errs, fmt.Errorf("--write-invariants: %w", err))
			continue
		}
		fmt.Fprintf(w, "vsynth: wrote the inferred invariants of %d loop(s) to %s\n", e.Loops, relFile(e.Path))
	}
	return errors.Join(errs...)
}
