//go:build unix

package dirlock

import (
	"os"
	"syscall"
)

// Lock takes an exclusive lock on the directory dir (flock), which the
// kernel releases if the process dies, and returns its release.
func Lock(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
