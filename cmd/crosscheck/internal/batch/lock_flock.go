//go:build unix && !aix

package batch

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFD takes an exclusive lock on f without waiting: errLocked when
// another open file holds it.
func lockFD(f *os.File) error {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return errLocked
	}
	return err
}
