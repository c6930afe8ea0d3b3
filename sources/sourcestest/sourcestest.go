// Package sourcestest provides what tests of the packages that read
// articles share, as net/http/httptest does for HTTP: a file system on
// which chosen names cannot be read, for the failures a test cannot make
// on disk when it runs as root.
package sourcestest

import "io/fs"

// A LockedFS is FS on which the names in Locked cannot be opened or
// listed, as a file or directory without read permission is to a user
// other than root. Stat, Lstat and ReadLink see every name.
type LockedFS struct {
	FS     fs.FS
	Locked map[string]bool
}

func (l LockedFS) err(name string) error {
	if l.Locked[name] {
		return &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return nil
}

// Open opens name unless it is locked.
func (l LockedFS) Open(name string) (fs.File, error) {
	if err := l.err(name); err != nil {
		return nil, err
	}
	return l.FS.Open(name)
}

// ReadDir lists name unless it is locked.
func (l LockedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := l.err(name); err != nil {
		return nil, err
	}
	return fs.ReadDir(l.FS, name)
}

// Stat describes name, locked or not.
func (l LockedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(l.FS, name) }

// Lstat describes name without following a final symbolic link.
func (l LockedFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(l.FS, name) }

// ReadLink returns the target of the symbolic link name.
func (l LockedFS) ReadLink(name string) (string, error) { return fs.ReadLink(l.FS, name) }
