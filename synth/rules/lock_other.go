//go:build !unix && !windows

package rules

import (
	"fmt"
	"runtime"
)

// lockDir fails: without a file lock, concurrent appends could lose one
// another's rules.
func lockDir(dir string) (func(), error) {
	return nil, fmt.Errorf("no file locking on %s", runtime.GOOS)
}
