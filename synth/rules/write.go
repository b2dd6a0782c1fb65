package rules

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vsynth/vsynth/internal/dirlock"
)

// AppendAtomic appends text to the rule file at path so that no reader
// ever sees a half-written file: under an exclusive lock on the file's
// directory (released by the kernel if the process dies), it writes the old
// contents and text to a temporary file in the same directory, fsyncs
// it, checks that the result parses as a rule file, renames it over path
// and fsyncs the directory. An interrupted run leaves the old file;
// concurrent runs append one after the other.
func AppendAtomic(path string, text string) error {
	dir := filepath.Dir(path)
	unlock, err := dirlock.Lock(dir)
	if err != nil {
		return fmt.Errorf("locking %s: %w", dir, err)
	}
	defer unlock()

	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if len(old) > 0 && old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	data := append(old, text...)
	if _, err := Parse(path, data); err != nil {
		return fmt.Errorf("refusing to write %s: the result would not parse: %w", path, err)
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
