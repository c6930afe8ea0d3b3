package sources

import (
	"errors"
	"io/fs"

	"github.com/crosscheck/crosscheck/checker"
)

// A Record is one article of a stream, or the reason an input, or one
// record of it, could not be read.
type Record struct {
	// Key says where the record is: "dump.jsonl:7", "feed.xml#3", a file
	// path. It is unique within a stream and the same on every reading.
	Key     string
	Article *checker.Article // nil when Err is set
	Err     error            // an *Error naming the input
	Warn    error            // with an Article, an *Error naming a problem read past
}

// Stream reads inputs as Load does (files, directories, URLs) but hands
// each article to fn as it is read instead of returning them all, so a
// corpus of any size is read in bounded memory: a JSONL dump is read a
// line at a time (Options.MaxSize bounds a line, not the file), other
// files one at a time (MaxSize bounds each). An input or record that
// cannot be read, and a name in a directory that is not read, is handed
// to fn too, with Err set: nothing is dropped. A record read with a
// problem (a feed item's unreadable date) has Warn set.
//
// Stream neither merges duplicates nor assigns IDs, and reading the same
// inputs twice gives the same records in the same order. Standard input
// ("-") and a named pipe cannot be read twice and are refused before
// anything is read; copy them to a file first. An error from fn stops
// the stream and is returned.
func Stream(inputs []string, opt Options, fn func(Record) error) error {
	opt = opt.withDefaults()
	for _, in := range inputs {
		if in == "-" {
			return &Error{in, errors.New("standard input cannot be read twice; save it to a file")}
		}
		if IsURL(in) {
			continue
		}
		if info, err := fs.Stat(opt.FS, in); err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
			return &Error{in, errors.New("a named pipe cannot be read twice; save it to a file")}
		}
	}
	return each(inputs, opt, fn)
}
