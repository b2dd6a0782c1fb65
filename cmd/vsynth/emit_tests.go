package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/vsynth/vsynth/ssa"
)

// emitTests writes the playback tests of the refuted functions next to
// their source files and says on w what it wrote and what it could not.
// A generated test file whose source file has no refuted function left —
// every function of the file was checked in this run — is removed: it
// would replay a counterexample the code or its spec no longer has.
// A file that cannot be written or removed does not stop the others: the
// error joins every such failure.
func emitTests(w io.Writer, prog *ssa.Program, results []*ssa.FuncResult) error {
	files, skips, err := prog.PlaybackTests(results)
	if err != nil {
		return fmt.Errorf("--emit-tests: %w", err)
	}
	var errs []error
	written := map[string]bool{}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Content, 0o644); err != nil {
			errs = append(errs, fmt.Errorf("--emit-tests: %w", err))
			continue
		}
		written[f.Path] = true
		fmt.Fprintf(w, "vsynth: wrote %s (%d test(s))\n", relFile(f.Path), len(f.Functions))
	}
	for _, s := range skips {
		fmt.Fprintf(w, "vsynth: no test for %s: %s\n", s.Function, s.Reason)
	}
	checked := map[*ssa.Target]bool{}
	for _, r := range results {
		checked[r.Target] = true
	}
	complete := map[string]bool{} // source file -> all its targets checked
	for _, t := range prog.Targets {
		file := prog.Fset.Position(t.Pos).Filename
		if _, ok := complete[file]; !ok {
			complete[file] = true
		}
		complete[file] = complete[file] && checked[t]
	}
	for file, all := range complete {
		path := ssa.PlaybackPath(file)
		if !all || written[path] {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(b, []byte(ssa.PlaybackHeader)) {
			continue
		}
		if err := os.Remove(path); err != nil {
			errs = append(errs, fmt.Errorf("--emit-tests: %w", err))
			continue
		}
		fmt.Fprintf(w, "vsynth: removed %s: no function of %s is refuted now\n", relFile(path), relFile(file))
	}
	return errors.Join(errs...)
}
