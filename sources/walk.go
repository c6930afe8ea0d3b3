package sources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// osFS is the operating system's file system, reached by the names a
// user gives: relative to the working directory or absolute, which
// fs.ValidPath does not allow but os does.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error)          { return os.Open(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFS) Lstat(name string) (fs.FileInfo, error)     { return os.Lstat(name) }
func (osFS) ReadLink(name string) (string, error)       { return os.Readlink(name) }

// maxLinkDepth bounds how many symbolic links to directories a walk
// follows one inside another, as the kernel bounds a path's (ELOOP): a
// file system that cannot tell two directories apart could otherwise
// lead a walk round a loop for ever.
const maxLinkDepth = 40

// An entry is a file a walk found to read, or a name in a directory that
// is not read, with the reason.
type entry struct {
	path string
	err  error // an *Error naming path; nil for a file to read
}

// expand turns one input into the files it names: itself when it is not
// a directory (a FIFO or a device named on its own is read as a stream);
// for a directory, every file in it and under it that crosscheck reads,
// in name order, hidden names (".git") left out. Whatever in a directory
// cannot be read — a subdirectory without permission, a FIFO or a
// device, a broken symbolic link, a link to a directory the walk has
// read already (a loop) — is an entry of its own with its reason, in
// its place: it never hides the files beside it. The error is for the
// input itself.
func expand(fsys fs.FS, in string) ([]entry, error) {
	if in == "-" {
		return []entry{{path: in}}, nil
	}
	info, err := fs.Stat(fsys, in)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{in, ErrNotFound}
		}
		return nil, &Error{in, pathError(err)}
	}
	if !info.IsDir() {
		return []entry{{path: in}}, nil
	}
	w := &walker{fsys: fsys}
	w.dir(dir{path: in, real: filepath.Clean(in), info: info})
	// Links to directories are followed once the tree itself is read, so
	// that a link to a directory inside it ("latest" -> "2026-11-20") is
	// reported as read already, not read under its own name first.
	for len(w.links) > 0 {
		l := w.links[0]
		w.links = w.links[1:]
		w.follow(l)
	}
	if len(w.found) == 1 && w.found[0].path == in && w.found[0].err != nil {
		return nil, w.found[0].err
	}
	if len(w.found) == 0 {
		return nil, &Error{in, ErrNoText}
	}
	slices.SortFunc(w.found, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	return w.found, nil
}

// A dir is a directory a walk reads.
type dir struct {
	path  string      // as the walk names it: the input joined with the names to it
	real  string      // the same with each symbolic link replaced by its target, lexically
	info  fs.FileInfo // what the directory is, to know it again by os.SameFile
	depth int         // symbolic links followed to reach it
}

// walker reads a directory tree.
type walker struct {
	fsys  fs.FS
	seen  []dir   // every directory read
	links []dir   // links to directories, to follow once the tree is read
	found []entry // files to read, and names skipped
}

func (w *walker) skip(path string, err error) {
	w.found = append(w.found, entry{path: path, err: &Error{path, err}})
}

// dir reads one directory and the directories in it.
func (w *walker) dir(d dir) {
	w.seen = append(w.seen, d)
	ents, err := fs.ReadDir(w.fsys, d.path)
	if err != nil {
		// Names read before the error are still read; the rest of the
		// directory is this entry.
		w.skip(d.path, fmt.Errorf("%w: %w", ErrUnreadableDir, pathError(err)))
	}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(d.path, name)
		real := filepath.Join(d.real, name)
		switch t := e.Type(); {
		case t.IsDir():
			info, err := e.Info()
			if err != nil {
				w.skip(p, fmt.Errorf("%w: %w", ErrUnreadableDir, pathError(err)))
				continue
			}
			w.dir(dir{path: p, real: real, info: info, depth: d.depth})
		case t&fs.ModeSymlink != 0:
			w.link(p, d, name)
		case !readable(name):
			// Not an input by its name, whatever it is.
		case t.IsRegular():
			w.found = append(w.found, entry{path: p})
		default:
			w.skip(p, notRegular(t))
		}
	}
}

// link reads a symbolic link named name in directory d: a link to a file
// is that file, a link to a directory is followed later, and a broken
// link is reported.
func (w *walker) link(p string, d dir, name string) {
	info, err := fs.Stat(w.fsys, p)
	if err != nil {
		target, _ := fs.ReadLink(w.fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			w.skip(p, fmt.Errorf("broken symbolic link: %w (it points to %s)", ErrNotFound, target))
		} else {
			w.skip(p, fmt.Errorf("symbolic link to %s: %w", target, pathError(err)))
		}
		return
	}
	switch {
	case info.IsDir():
		real := ""
		if target, err := fs.ReadLink(w.fsys, p); err == nil {
			real = target
			if !filepath.IsAbs(target) {
				real = filepath.Join(d.real, target)
			}
		}
		w.links = append(w.links, dir{path: p, real: real, info: info, depth: d.depth + 1})
	case !readable(name):
	case info.Mode().IsRegular():
		w.found = append(w.found, entry{path: p})
	default:
		w.skip(p, notRegular(info.Mode().Type()))
	}
}

// follow reads the directory a link points to, unless the walk has read
// it already: it is then reported with the name it was read under.
func (w *walker) follow(l dir) {
	for _, s := range w.seen {
		if os.SameFile(s.info, l.info) || l.real != "" && s.real == l.real {
			w.skip(l.path, fmt.Errorf("%w: %s", ErrAlreadyRead, s.path))
			return
		}
	}
	if l.depth > maxLinkDepth {
		w.skip(l.path, fmt.Errorf("%w: more than %d (a loop?)", ErrLinkDepth, maxLinkDepth))
		return
	}
	w.dir(l)
}

// notRegular says what a file that is not a regular file is.
func notRegular(t fs.FileMode) error {
	kind := "a special file"
	switch {
	case t&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case t&fs.ModeSocket != 0:
		kind = "a socket"
	case t&fs.ModeDevice != 0:
		kind = "a device"
	case t&fs.ModeIrregular != 0:
		kind = "of an unknown kind"
	}
	return fmt.Errorf("%w: %s (name it on its own to read it as a stream)", ErrNotRegular, kind)
}

// pathError is the reason a file operation failed, without the path
// (and operation) an *fs.PathError repeats: the *Error names the input.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
