package sources

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
}

// Stream reads inputs as Load does (files, directories, URLs) but hands
// each article to fn as it is read instead of returning them all, so a
// corpus of any size is read in bounded memory: a JSONL dump is read a
// line at a time (Options.MaxSize bounds a line, not the file), other
// files one at a time (MaxSize bounds each). An input or record that
// cannot be read is handed to fn too, with Err set: nothing is dropped.
// Stream neither merges duplicates nor assigns IDs, and reading the same
// inputs twice gives the same records in the same order. Standard input
// ("-") cannot be read twice and is refused; copy it to a file first.
// An error from fn stops the stream and is returned.
func Stream(inputs []string, opt Options, fn func(Record) error) error {
	opt = opt.withDefaults()
	for _, in := range inputs {
		if in == "-" {
			return &Error{in, errors.New("standard input cannot be streamed twice; save it to a file")}
		}
		paths := []string{in}
		if !IsURL(in) {
			var err error
			if paths, err = expand(in); err != nil {
				if err := fn(Record{Key: in, Err: err}); err != nil {
					return err
				}
				continue
			}
		}
		for _, p := range paths {
			if err := streamOne(p, opt, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// streamOne reads one file or URL: a JSONL file a line at a time, any
// other input whole.
func streamOne(path string, opt Options, fn func(Record) error) error {
	if !IsURL(path) && isJSONL(path, opt.Format) {
		f, err := os.Open(path)
		if err != nil {
			return fn(Record{Key: path, Err: &Error{path, err}})
		}
		defer f.Close()
		seen := false
		var stop error // fn's own error, returned as it is
		err = eachJSONL(path, f, int(opt.MaxSize), func(r Record) error {
			seen = true
			stop = fn(r)
			return stop
		})
		if stop != nil {
			return stop
		}
		if err != nil {
			return &Error{path, fmt.Errorf("reading: %w", err)}
		}
		if !seen {
			return fn(Record{Key: path, Err: &Error{path, ErrEmpty}})
		}
		return nil
	}
	arts, bad, err := loadOne(path, opt)
	if err != nil {
		return fn(Record{Key: path, Err: err})
	}
	for _, b := range bad {
		key := path
		var e *Error
		if errors.As(b, &e) {
			key = e.Path
		}
		if err := fn(Record{Key: key, Err: b}); err != nil {
			return err
		}
	}
	for i, a := range arts {
		key := a.Path
		if len(arts) > 1 && key == path {
			key = fmt.Sprintf("%s#%d", path, i+1)
		}
		if err := fn(Record{Key: key, Article: a}); err != nil {
			return err
		}
	}
	return nil
}

// isJSONL reports whether a file is read as JSONL: by --input-format, by
// its extension, or, for an extension crosscheck does not know or
// ".json", by its first bytes.
func isJSONL(path string, format Format) bool {
	if format != Auto {
		return format == JSONL
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jsonl" || ext == ".ndjson" {
		return true
	}
	if known(path) && ext != ".json" {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head, _ := bufio.NewReaderSize(f, 4096).Peek(4096)
	got, ok := sniffContent(head)
	return ok && got == JSONL
}
