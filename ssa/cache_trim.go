package ssa

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A DirCache trims itself: Trim removes entries not used for longer than
// an age bound, then the least recently used entries until the directory
// holds at most a size bound. "Used" is the file's modification time,
// which Get refreshes on every hit (touch), so entries a project keeps
// reading survive however old they are, and those of deleted code or
// of another vsynth build (whose keys differ) age out.

// TrimStats says what Trim found and removed.
type TrimStats struct {
	Entries, Removed int   // entry files before the trim, and removed
	Bytes, Freed     int64 // their sizes
}

// staleTemp is the age past which a temporary file of an interrupted Put
// is removed.
const staleTemp = time.Hour

// Trim removes the entries last used before now-maxAge (maxAge 0: no
// age bound), then the least recently used ones until the entries take
// at most maxBytes (0: no size bound). Files that are not cache entries
// are left alone, except the temporary files of interrupted writes
// older than an hour. An entry another run removes meanwhile is not an
// error; the first other error is returned after the walk.
func (c *DirCache) Trim(maxBytes int64, maxAge time.Duration, now time.Time) (TrimStats, error) {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var st TrimStats
	var firstErr error
	keep := func(err error) {
		if err != nil && !errors.Is(err, fs.ErrNotExist) && firstErr == nil {
			firstErr = fmt.Errorf("proof cache: trim: %w", err)
		}
	}
	err := filepath.WalkDir(c.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			keep(err)
			if d != nil && d.IsDir() && path != c.Dir {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			keep(err)
			return nil
		}
		name := d.Name()
		switch {
		case strings.HasPrefix(name, ".tmp-"):
			if now.Sub(info.ModTime()) > staleTemp {
				keep(os.Remove(path))
			}
		case isEntryName(name) && isEntryDir(filepath.Base(filepath.Dir(path))):
			entries = append(entries, entry{path, info.Size(), info.ModTime()})
			st.Entries++
			st.Bytes += info.Size()
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil // no cache yet
	}
	keep(err)
	// Oldest first.
	sort.Slice(entries, func(i, j int) bool {
		if !entries[i].used.Equal(entries[j].used) {
			return entries[i].used.Before(entries[j].used)
		}
		return entries[i].path < entries[j].path
	})
	total := st.Bytes
	for _, e := range entries {
		tooOld := maxAge > 0 && now.Sub(e.used) > maxAge
		tooBig := maxBytes > 0 && total > maxBytes
		if !tooOld && !tooBig {
			break // the rest is newer and fits
		}
		if err := os.Remove(e.path); err != nil {
			keep(err)
			if !errors.Is(err, fs.ErrNotExist) {
				continue
			}
		}
		total -= e.size
		st.Removed++
		st.Freed += e.size
	}
	return st, firstErr
}

// trimStamp is the file whose modification time records the last trim.
const trimStamp = "trimmed"

// TrimDue reports whether the cache was last trimmed longer than every
// ago (or never), and if so records now as the last trim: walking a
// large cache costs (about half a second for 20,000 entries on a loaded
// machine), so runs trim it once in a while, not every time.
func (c *DirCache) TrimDue(every time.Duration, now time.Time) bool {
	name := filepath.Join(c.Dir, trimStamp)
	if info, err := os.Stat(name); err == nil && now.Sub(info.ModTime()) < every {
		return false
	}
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return false
	}
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		return false
	}
	_ = os.Chtimes(name, now, now)
	return true
}

// isEntryName reports whether name is an entry's file name: 62 hex
// digits and .json (DirCache.path).
func isEntryName(name string) bool {
	hexPart, ok := strings.CutSuffix(name, ".json")
	return ok && len(hexPart) == 62 && isHex(hexPart)
}

// isEntryDir reports whether name is an entry directory: 2 hex digits.
func isEntryDir(name string) bool { return len(name) == 2 && isHex(name) }

func isHex(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
