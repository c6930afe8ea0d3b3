package batch

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// lockFile is the file a run holds locked for as long as it writes an
// output directory.
const lockFile = ".crosscheck.lock"

// errLocked is what lockDir reports when another process holds the lock.
var errLocked = errors.New("locked")

// lockDir takes the lock of an output directory, so that two runs never
// write one directory at once, and returns the function that gives it
// back. The lock is the operating system's on an open file, so that a
// run killed outright (SIGKILL) leaves no stale lock behind; the file
// holds the process ID and the start time of the holder, for the message
// a refused run gives.
func lockDir(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := lockFD(f); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, errLocked) {
			who := "another crosscheck run"
			if h := string(bytes.TrimSpace(holder)); h != "" {
				who += " (" + h + ")"
			}
			return nil, fmt.Errorf("%s is in use by %s: wait for it to end, or give another --output", dir, who)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	holder := "pid " + strconv.Itoa(os.Getpid()) + ", started " + time.Now().UTC().Format(time.RFC3339) + "\n"
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(holder), 0) // only for the message; the lock is what counts
	}
	return func() {
		// The file stays: removing it would let a third run lock a new
		// file while a second still opens the old one. Closing gives the
		// lock back, whatever Close reports.
		_ = f.Truncate(0)
		_ = f.Close()
	}, nil
}
