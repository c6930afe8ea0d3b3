package sources

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"

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
	err = eachJSONL(name, r, maxLine, 1, func(rec Record) error {
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
// not one. It returns fn's error, or a read error, at once. With more
// than one worker, that many goroutines parse the lines while fn is
// handed the records, still one at a time and in order.
func eachJSONL(name string, r io.Reader, maxLine, workers int, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if workers > 1 {
		return eachJSONLParallel(name, br, maxLine, workers, fn)
	}
	var buf []byte
	for n := 1; ; n++ {
		line, rerr := readLine(br, maxLine, buf)
		if line != nil {
			buf = line // the records hold copies of what they need
		}
		rec, ok, err := lineRecord(name, n, line, rerr)
		if err != nil {
			return err
		}
		if ok {
			if err := fn(rec); err != nil {
				return err
			}
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
	}
}

// lineRecord is line n of a dump as readLine read it: its record, if it
// has one (a blank line has none), or the read error that ends the dump.
func lineRecord(name string, n int, line []byte, rerr error) (rec Record, ok bool, err error) {
	key := name + ":" + strconv.Itoa(n)
	switch {
	case rerr != nil && !errors.Is(rerr, io.EOF):
		if !errors.Is(rerr, ErrTooLarge) {
			return Record{}, false, rerr
		}
		return Record{Key: key, Err: &Error{key, rerr}}, true, nil
	case len(bytes.TrimSpace(line)) == 0:
		return Record{}, false, nil
	}
	a, lerr := parseJSONLine(key, line)
	if lerr != nil {
		return Record{Key: key, Err: &Error{key, lerr}}, true, nil
	}
	return Record{Key: key, Article: a}, true, nil
}

// eachJSONLParallel is eachJSONL with workers goroutines parsing lines:
// one goroutine reads them, the workers parse, and fn is handed each
// record in order. A few lines a worker are in flight at most.
func eachJSONLParallel(name string, br *bufio.Reader, maxLine, workers int, fn func(Record) error) error {
	type parsed struct {
		rec Record
		ok  bool
		err error
	}
	type job struct {
		n    int
		line []byte
		buf  *[]byte // line's buffer, for the pool
		rerr error
		out  chan parsed // the job's result, when parsed
	}
	jobs := make(chan job, 2*workers)
	order := make(chan chan parsed, 2*workers) // the results in the order of the lines
	stop := make(chan struct{})
	// The lines' buffers, back from the workers once they are parsed: the
	// records hold copies of what they need.
	var lines sync.Pool
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				rec, ok, err := lineRecord(name, j.n, j.line, j.rerr)
				if j.line != nil {
					*j.buf = j.line[:0]
					lines.Put(j.buf)
				}
				j.out <- parsed{rec, ok, err}
			}
		})
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for n := 1; ; n++ {
			buf, _ := lines.Get().(*[]byte)
			if buf == nil {
				buf = new([]byte)
			}
			line, rerr := readLine(br, maxLine, *buf)
			j := job{n, line, buf, rerr, make(chan parsed, 1)}
			select {
			case jobs <- j:
			case <-stop:
				return
			}
			select {
			case order <- j.out:
			case <-stop:
				return
			}
			if rerr != nil && !errors.Is(rerr, ErrTooLarge) {
				return // the end of the dump, or a read error its job carries
			}
		}
	}()
	var err error
	for out := range order {
		p := <-out
		switch {
		case p.err != nil:
			err = p.err
		case p.ok:
			err = fn(p.rec)
		}
		if err != nil {
			close(stop)
			for range order { // let the reader see stop and go
			}
			break
		}
	}
	wg.Wait()
	return err
}

// readLine reads one line without its newline into buf, reused. A line
// longer than max is consumed and reported as ErrTooLarge with a nil
// line.
func readLine(br *bufio.Reader, max int, buf []byte) ([]byte, error) {
	buf = buf[:0]
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
	rec, more, err := decodeRecord(line)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadLine, err)
	}
	if more {
		return nil, fmt.Errorf("%w: more than one JSON value on the line", ErrBadLine)
	}
	var a *checker.Article
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
		a, err = parseText(path, rec.Text, false)
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
