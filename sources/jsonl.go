package sources

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// ErrBadLine is a JSONL line that is not an article.
var ErrBadLine = errors.New("bad JSONL line")

// jsonlRecord is one line of a JSONL dump.
type jsonlRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Event     string `json:"event"`
}

// ParseJSONL reads a dump with one article a line:
//
//	{"id":"…","url":"…","title":"…","outlet":"…","published":"2026-11-20","text":"…"}
//
// with "html" instead of "text" for a page. A line that is not such an
// object is returned in bad with its line number, never dropped in
// silence; blank lines are allowed. Each article's path is "name:line",
// and its positions are in its own text. maxLine bounds one line.
func ParseJSONL(name string, r io.Reader, maxLine int) (arts []*checker.Article, bad []error, err error) {
	err = eachJSONL(name, r, maxLine, func(rec Record) error {
		if rec.Err != nil {
			bad = append(bad, rec.Err)
		} else {
			arts = append(arts, rec.Article)
		}
		return nil
	})
	return arts, bad, err
}

// eachJSONL reads a JSONL dump a line at a time and hands fn each line's
// article, or an *Error naming the line ("name:7") that says why it is
// not one. It returns fn's error, or a read error, at once.
func eachJSONL(name string, r io.Reader, maxLine int, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, rerr := readLine(br, maxLine)
		key := name + ":" + strconv.Itoa(n)
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			if !errors.Is(rerr, ErrTooLarge) {
				return rerr
			}
			if err := fn(Record{Key: key, Err: &Error{key, rerr}}); err != nil {
				return err
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, lerr := parseJSONLine(key, line)
			rec := Record{Key: key, Article: a}
			if lerr != nil {
				rec = Record{Key: key, Err: &Error{key, lerr}}
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed and reported as ErrTooLarge with a nil line.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			// Skip to the end of the line.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: line over %d bytes", ErrTooLarge, max)
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return bytes.TrimRight(buf, "\r\n"), err
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}

func parseJSONLine(path string, line []byte) (*checker.Article, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	var rec jsonlRecord
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLine, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: more than one JSON value on the line", ErrBadLine)
	}
	var a *checker.Article
	var err error
	switch {
	case rec.Text != "" && rec.HTML != "":
		return nil, fmt.Errorf("%w: both \"text\" and \"html\"; give one", ErrBadLine)
	case rec.HTML != "":
		var u *url.URL
		if rec.URL != "" {
			u, _ = url.Parse(rec.URL)
		}
		a, err = ParseHTML(path, []byte(rec.HTML), u, "")
	case rec.Text != "":
		a, err = Parse(path, []byte(rec.Text))
	default:
		return nil, fmt.Errorf("%w: no \"text\" or \"html\"", ErrBadLine)
	}
	if err != nil {
		return nil, err
	}
	a.ID = strings.TrimSpace(rec.ID)
	a.Event = rec.Event
	if rec.Title != "" {
		a.Title = rec.Title
	}
	if rec.Outlet != "" {
		a.Outlet = rec.Outlet
	}
	if rec.URL != "" {
		a.URL = rec.URL
		if a.Outlet == "" {
			if u, err := url.Parse(rec.URL); err == nil {
				a.Outlet = strings.TrimPrefix(u.Hostname(), "www.")
			}
		}
	}
	if rec.Published != "" {
		t, err := parseTime(rec.Published)
		if err != nil {
			return nil, fmt.Errorf("%w: published %q: not a date (want 2006-01-02 or RFC 3339)", ErrBadLine, rec.Published)
		}
		a.Published = t
	}
	return a, nil
}
