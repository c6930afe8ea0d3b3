//go:build !unix

package batch

import "os"

// lockFD takes no lock where the system has no advisory file lock that
// crosscheck uses (neither flock nor fcntl): two runs on one directory are
// not kept apart there.
func lockFD(*os.File) error { return nil }
