package sources

import "errors"

// Sentinel errors that an *Error wraps.
var (
	ErrNotFound     = errors.New("no such file or directory")
	ErrEmpty        = errors.New("empty file: no article text")
	ErrBinary       = errors.New("binary file, not text")
	ErrInvalidUTF8  = errors.New("not valid UTF-8")
	ErrTooLarge     = errors.New("file too large")
	ErrNoText       = errors.New("directory has no files crosscheck reads (.txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl …)")
	ErrUnsupported  = errors.New("unsupported format")
	ErrFrontMatter  = errors.New("bad front matter")
	ErrTooFewInputs = errors.New("need at least two sources to compare")

	// A directory walk's reasons for a name it does not read.
	ErrUnreadableDir = errors.New("directory cannot be read")
	ErrNotRegular    = errors.New("not a regular file")
	ErrAlreadyRead   = errors.New("symbolic link to a directory already read")
	ErrLinkDepth     = errors.New("symbolic links to directories nested too deep")

	// ErrBadDate is a publication date that cannot be read. A feed item
	// with one is read as undated, with a warning (Result.Warnings,
	// Record.Warn).
	ErrBadDate = errors.New("unreadable publication date")
)

// An Error is a failure to load one input.
type Error struct {
	Path string // the input as the user named it
	Err  error  // what went wrong, wrapping a sentinel above
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }
