//go:build !unix && !windows

package dirlock

import (
	"fmt"
	"runtime"
)

// Lock fails: without a file lock, concurrent appends could lose one
// another's rules.
func Lock(dir string) (func(), error) {
	return nil, fmt.Errorf("no file locking on %s", runtime.GOOS)
}
