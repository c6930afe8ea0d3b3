//go:build aix

package batch

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFD takes an exclusive lock on f without waiting: errLocked when
// another process holds it. AIX has no flock; its fcntl lock is held by
// the process, so two runs in one process do not exclude each other
// (crosscheck runs one batch per process).
func lockFD(f *os.File) error {
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0}
	err := unix.FcntlFlock(f.Fd(), unix.F_SETLK, &lk)
	if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
		return errLocked
	}
	return err
}
