package clitest

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/testscript"
)

// corruptCache overwrites every entry of a proof cache directory with
// garbage:
//
//	corruptcache $WORK/cache
func corruptCache(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: corruptcache DIR")
	}
	n := 0
	err := filepath.WalkDir(ts.MkAbs(args[0]), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		return os.WriteFile(path, []byte("{\"key\": \"trunc"), 0o644)
	})
	if err != nil {
		ts.Fatalf("corruptcache: %v", err)
	}
	if n == 0 {
		ts.Fatalf("corruptcache: no entries in %s", args[0])
	}
}
