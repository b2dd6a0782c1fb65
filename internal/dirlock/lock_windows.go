//go:build windows

package dirlock

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Lock takes an exclusive lock (LockFileEx) on the file .vsynth-lock in
// dir, created if missing: Windows does not lock directories. The system
// releases the lock if the process dies. It returns the release.
func Lock(dir string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(dir, ".vsynth-lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	h := windows.Handle(f.Fd())
	var ol windows.Overlapped
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &ol); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		windows.UnlockFileEx(h, 0, 1, 0, &ol)
		f.Close()
	}, nil
}
