package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/vsynth/vsynth/ssa"
)

// version is vsynth's release version.
const version = "0.1.0-dev"

// The proof cache's default bounds: a run trims it to at most 256 MiB
// (some 200,000 obligations) and removes entries unused for 30 days.
const (
	defaultCacheMaxSize = "256MiB"
	defaultCacheMaxAge  = 30 * 24 * time.Hour
)

// parseCacheSize reads --cache-max-size: a size, or 0 for no bound.
func parseCacheSize(s string) (int64, error) {
	if strings.TrimSpace(s) == "0" {
		return 0, nil
	}
	n, err := parseByteSize(s)
	if err != nil {
		return 0, err
	}
	return int64(min(n, 1<<62)), nil
}

// trimEvery is how often runs trim the proof cache: a bound given on the
// command line is applied at once.
const trimEvery = time.Hour

// trimCache trims the cache after a run, when a trim is due or a bound
// was given; a cache it cannot trim is a warning: it only costs disk
// space.
func trimCache(c *cli.Context, cache *ssa.DirCache, maxSize int64, maxAge time.Duration) {
	explicit := c.IsSet("cache-max-size") || c.IsSet("cache-max-age")
	if !cache.TrimDue(trimEvery, time.Now()) && !explicit {
		return
	}
	if _, err := cache.Trim(maxSize, maxAge, time.Now()); err != nil {
		fmt.Fprintf(c.App.ErrWriter, "vsynth: warning: %v\n", err)
	}
}

// openCache opens the proof cache the flags name: --no-cache gives nil,
// --cache DIR that directory, otherwise the user cache directory's vsynth
// (no cache when there is no user cache directory).
func openCache(c *cli.Context) (*ssa.DirCache, error) {
	if c.Bool("no-cache") {
		if c.IsSet("cache") {
			return nil, fmt.Errorf("%s: --cache and --no-cache exclude each other", c.Command.Name)
		}
		return nil, nil
	}
	dir := c.String("cache")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, nil
		}
		dir = filepath.Join(base, "vsynth")
	}
	return &ssa.DirCache{Dir: dir, Salt: toolID()}, nil
}

// toolID identifies this build of vsynth for the proof cache: the version,
// the module's build information, and a hash of the executable itself, so
// that any change to vsynth (a new lowering, a new Z3 binding) gives new
// cache keys, even for development builds without version control stamps.
func toolID() string {
	toolIDOnce.Do(func() {
		id := "vsynth " + version
		if bi, ok := debug.ReadBuildInfo(); ok {
			id += " " + bi.Main.Version
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
					id += " " + s.Key + "=" + s.Value
				}
			}
		}
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					id += " exe=" + hex.EncodeToString(h.Sum(nil))
				}
				f.Close()
			}
		}
		toolIDValue = id
	})
	return toolIDValue
}

var (
	toolIDOnce  sync.Once
	toolIDValue string
)
