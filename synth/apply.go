package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/vsynth/vsynth/internal/dirlock"
)

// Corpus is the list of files (or directories) a learned file names as
// what it was learned on. It reads from a JSON array, or, as files
// written before it was a list did, from one string of names separated
// by spaces.
type Corpus []string

// UnmarshalJSON implements json.Unmarshaler.
func (c *Corpus) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*c = strings.Fields(s)
		return nil
	}
	var l []string
	if err := json.Unmarshal(data, &l); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	*c = l
	return nil
}

// canonical is the one encoding a learned file is written in: indented,
// one entry a line (git shows a change as the lines it changes), & and <
// not escaped (keys hold them), a final newline.
func canonical(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// digest is the hex sha256 of data.
func digest(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// AppliedProvenance is what vsynth learn ... --apply requires a learned
// file to say about where it comes from, with the names it learned from
// (problems, and for a library their families), which no fold may match.
type AppliedProvenance struct {
	Store  string
	Corpus []string
	Folds  []string
	Commit string
	Names  []string
}

// check checks that the provenance names a store, a corpus, at least one
// fold and a commit, and that no name learned from is in a fold: a
// learned file never knows the problems it is evaluated on.
func (a AppliedProvenance) check() error {
	var missing []string
	if a.Store == "" {
		missing = append(missing, "store")
	}
	if len(a.Corpus) == 0 {
		missing = append(missing, "corpus")
	}
	if len(a.Folds) == 0 {
		missing = append(missing, "folds")
	}
	if a.Commit == "" {
		missing = append(missing, "commit")
	}
	if len(a.Names) == 0 {
		missing = append(missing, "problems")
	}
	if len(missing) > 0 {
		return fmt.Errorf("provenance without %s", strings.Join(missing, ", "))
	}
	return CheckFolds(a.Folds, a.Names)
}

// CheckFolds reports an error when a fold (a regular expression, matched
// as --exclude is) matches a name a file was learned from, or does not
// compile.
func CheckFolds(folds, names []string) error {
	for _, f := range folds {
		re, err := regexp.Compile(f)
		if err != nil {
			return fmt.Errorf("fold %q: %w", f, err)
		}
		for _, n := range names {
			if re.MatchString(n) {
				return fmt.Errorf("learned from %s, which is in the fold %q it is evaluated on", n, f)
			}
		}
	}
	return nil
}

// checkSealed checks that data is the canonical encoding of v (read from
// it) and that its seal is the digest of that encoding with the seal
// cleared: a file vsynth learn ... --apply wrote, unedited.
func checkSealed(data []byte, v any, seal *string) error {
	if *seal == "" {
		return errors.New("not sealed: a shipped file is written by vsynth learn ... --apply only")
	}
	want, err := canonical(v)
	if err != nil {
		return err
	}
	if !bytes.Equal(want, data) {
		return errors.New("not in its canonical form: edited by hand after vsynth learn ... --apply wrote it")
	}
	got := *seal
	*seal = ""
	defer func() { *seal = got }()
	clear, err := canonical(v)
	if err != nil {
		return err
	}
	if d := digest(clear); d != got {
		return fmt.Errorf("sha256 %s does not match its contents (%s): edited by hand after vsynth learn ... --apply wrote it", got, d)
	}
	return nil
}

// seal sets *seal to the digest of v's canonical encoding with the seal
// cleared and returns the sealed encoding.
func seal(v any, seal *string) ([]byte, error) {
	*seal = ""
	clear, err := canonical(v)
	if err != nil {
		return nil, err
	}
	*seal = digest(clear)
	return canonical(v)
}

// applyFile writes data to path as vsynth learn ... --apply does: under
// an exclusive lock on path's directory (released by the kernel if the
// process dies), a file already at path must be of the same kind (parse
// accepts it: --apply never overwrites anything else), data is written
// to a temporary file in the same directory, fsynced, checked by check,
// renamed over path, and the directory fsynced. An interrupted run
// leaves the old file.
func applyFile(path string, data []byte, kind string, parse func([]byte) error, check func([]byte) error) error {
	dir := filepath.Dir(path)
	unlock, err := dirlock.Lock(dir)
	if err != nil {
		return fmt.Errorf("locking %s: %w", dir, err)
	}
	defer unlock()
	if old, err := os.ReadFile(path); err == nil {
		if err := parse(old); err != nil {
			return fmt.Errorf("refusing to overwrite %s: not a %s file: %w", path, kind, err)
		}
	} else if !os.IsNotExist(err) {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if err := check(data); err != nil {
		return fmt.Errorf("refusing to write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	_, werr := tmp.Write(data)
	if err := errors.Join(werr, tmp.Chmod(0o644), tmp.Sync(), tmp.Close()); err != nil {
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
