package sources

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// each reads the inputs in order and hands fn every record: each
// article, each input or record that cannot be read, and each name in a
// directory that is not read, with its reason. It returns fn's error at
// once; nothing else stops it.
func each(inputs []string, opt Options, fn func(Record) error) error {
	for _, in := range inputs {
		if IsURL(in) {
			if err := readOne(in, opt, fn); err != nil {
				return err
			}
			continue
		}
		ents, err := expand(opt.FS, in)
		if err != nil {
			if err := fn(Record{Key: in, Err: err}); err != nil {
				return err
			}
			continue
		}
		for _, e := range ents {
			if e.err != nil {
				err = fn(Record{Key: e.path, Err: e.err})
			} else {
				err = readOne(e.path, opt, fn)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// readOne reads one file, URL or standard input by the adapter for its
// format and hands fn its records. A JSONL input is read a line at a
// time, so Options.MaxSize bounds a line, not the input; any other is
// read whole, and MaxSize bounds it. Text with a byte-order mark is
// read as UTF-8: UTF-16 converted, a UTF-8 mark dropped, so that it is
// not counted in line 1's columns.
func readOne(path string, opt Options, fn func(Record) error) error {
	fail := func(err error) error { return fn(Record{Key: path, Err: &Error{path, err}}) }
	if IsURL(path) {
		page, err := opt.Fetcher.Fetch(opt.Context, path)
		if err != nil {
			return fn(Record{Key: path, Err: err})
		}
		u, _ := url.Parse(page.URL)
		return emit(path, page.Body, page.ContentType, u, opt, fn)
	}
	var r io.Reader
	size := int64(-1) // unknown for a stream
	if path == "-" {
		if opt.Stdin == nil {
			return fail(errors.New("standard input is not available"))
		}
		r = opt.Stdin
	} else {
		f, err := opt.FS.Open(path)
		if err != nil {
			return fail(pathError(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		r = f
	}
	br := decodeBOM(bufio.NewReaderSize(r, 64<<10))
	// A short input, or one that fails, peeks fewer bytes; the read below
	// reports the failure.
	head, _ := br.Peek(4096)
	if isJSONL(path, opt.Format, head) {
		return readJSONL(path, br, opt, fn)
	}
	if size > opt.MaxSize {
		return fail(fmt.Errorf("%w: %d bytes, over the %d-byte limit (--max-size)", ErrTooLarge, size, opt.MaxSize))
	}
	if format, err := chooseFormat(path, opt.Format, "", nil, head); err == nil && (format == Text || format == Markdown) {
		// Text is read straight into the article's string: one copy of
		// the input in memory, not the bytes and then their string.
		text, err := readAllString(br, opt.MaxSize, size)
		if err != nil {
			return fail(err)
		}
		a, err := parseText(path, text, format == Markdown)
		if err != nil {
			return hand(path, nil, &Error{path, err}, fn)
		}
		return hand(path, []Record{{Article: a}}, nil, fn)
	}
	data, err := readAll(br, opt.MaxSize, size)
	if err != nil {
		return fail(err)
	}
	return emit(path, data, "", nil, opt, fn)
}

// chooseFormat is the format an input is read in: format when one is
// forced; else by its first bytes when its name says nothing; else by
// Sniff. The error is an input crosscheck does not read. Only the first
// 4,096 bytes of data are looked at.
func chooseFormat(path string, format Format, contentType string, pageURL *url.URL, data []byte) (Format, error) {
	if format == Auto && pageURL == nil && path != "-" && !known(path) {
		f, ok := sniffContent(data)
		if !ok {
			return Auto, &Error{path, fmt.Errorf("%w %q: crosscheck reads text, Markdown, HTML, feeds and JSONL (--input-format to force one)", ErrUnsupported, filepath.Ext(path))}
		}
		format = f
	}
	if format == Auto {
		name := path
		if pageURL != nil {
			name = pageURL.Path
		}
		format = Sniff(name, contentType, data)
	}
	return format, nil
}

// decodeBOM returns br's text as UTF-8 when it opens with a byte-order
// mark: UTF-16 (either order) converted, a UTF-8 mark dropped. Text
// without a mark is returned as it is.
func decodeBOM(br *bufio.Reader) *bufio.Reader {
	mark, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(mark, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
	case bytes.HasPrefix(mark, []byte("\xFF\xFE")), bytes.HasPrefix(mark, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	return br
}

// readJSONL hands fn each line of a JSONL input, or why it is not an
// article: an empty dump, or a read error, is a record of the input.
func readJSONL(path string, r io.Reader, opt Options, fn func(Record) error) error {
	seen := false
	var stop error // fn's own error, returned as it is
	err := eachJSONL(path, r, int(opt.MaxSize), opt.Workers, func(r Record) error {
		seen = true
		stop = fn(r)
		return stop
	})
	switch {
	case stop != nil:
		return stop
	case err != nil:
		return fn(Record{Key: path, Err: &Error{path, fmt.Errorf("reading: %w", pathError(err))}})
	case !seen:
		return fn(Record{Key: path, Err: &Error{path, ErrEmpty}})
	}
	return nil
}

// emit parses one input read whole and hands fn its records. An input of
// several articles (a feed) keys each by its item ("feed.xml#3").
func emit(path string, data []byte, contentType string, pageURL *url.URL, opt Options, fn func(Record) error) error {
	recs, err := parse(path, data, contentType, pageURL, opt)
	return hand(path, recs, err, fn)
}

// hand hands fn the records parse read of one input, or its error.
func hand(path string, recs []Record, err error, fn func(Record) error) error {
	if err != nil {
		return fn(Record{Key: path, Err: err})
	}
	for i, r := range recs {
		switch {
		case r.Err != nil:
			var e *Error
			if errors.As(r.Err, &e) {
				r.Key = e.Path
			}
		case r.Article.Path != path || len(recs) == 1:
			r.Key = r.Article.Path
		default:
			r.Key = fmt.Sprintf("%s#%d", path, i+1)
		}
		if r.Key == "" {
			r.Key = path
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// parse reads the bytes of one input by the adapter for its format: the
// records of its articles, in order, and of the parts of it (feed items,
// JSONL lines) that could not be read. The error is the input's own.
func parse(path string, data []byte, contentType string, pageURL *url.URL, opt Options) ([]Record, error) {
	format, err := chooseFormat(path, opt.Format, contentType, pageURL, data)
	if err != nil {
		return nil, err
	}
	wrap := func(err error) error { return &Error{path, fmt.Errorf("%w (read as %s)", err, format)} }
	switch format {
	case HTML:
		a, err := ParseHTML(path, data, pageURL, contentType)
		if err != nil {
			return nil, wrap(err)
		}
		return []Record{{Article: a}}, nil
	case JSONL:
		var recs []Record
		err := eachJSONL(path, bytes.NewReader(data), int(opt.MaxSize), 1, func(r Record) error {
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			return nil, wrap(err)
		}
		if len(recs) == 0 {
			return nil, &Error{path, ErrEmpty}
		}
		return recs, nil
	case Feed:
		return parseFeedRecords(path, data, opt)
	}
	a, err := parseText(path, string(data), format == Markdown)
	if err != nil {
		return nil, &Error{path, err}
	}
	if pageURL != nil && a.URL == "" {
		a.URL = pageURL.String()
	}
	return []Record{{Article: a}}, nil
}

// parseFeedRecords reads a feed: a record per item, in order, each an
// article (with a warning when its date cannot be read) or the reason
// the item has none.
func parseFeedRecords(path string, data []byte, opt Options) ([]Record, error) {
	items, err := ParseFeed(path, data)
	if err != nil {
		return nil, &Error{path, fmt.Errorf("%w (read as %s)", err, Feed)}
	}
	if len(items) == 0 {
		return nil, &Error{path, fmt.Errorf("%w: the feed has no items", ErrEmpty)}
	}
	var recs []Record
	for _, it := range items {
		var warn error
		if it.DateErr != nil {
			warn = &Error{it.Path, it.DateErr}
		}
		switch {
		case opt.FetchItems && it.Link != "":
			fetched, err := fetchOne(it.Link, opt)
			if err != nil {
				recs = append(recs, Record{Err: &Error{it.Path, fmt.Errorf("fetching %s: %w", it.Link, errors.Unwrap(err))}})
				continue
			}
			for _, r := range fetched {
				if r.Err == nil {
					r.Warn = warn
				}
				recs = append(recs, r)
			}
		case it.Article != nil:
			recs = append(recs, Record{Article: it.Article, Warn: warn})
		default:
			recs = append(recs, Record{Err: &Error{it.Path, fmt.Errorf("%w: the item has no content or summary (try --fetch-items)", ErrEmpty)}})
		}
	}
	return recs, nil
}

// fetchOne fetches a feed item's link and reads the page; it does not
// follow the links of a feed it finds there.
func fetchOne(link string, opt Options) ([]Record, error) {
	page, err := opt.Fetcher.Fetch(opt.Context, link)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(page.URL)
	opt.FetchItems, opt.Format = false, Auto
	recs, err := parse(link, page.Body, page.ContentType, u, opt)
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// isJSONL reports whether an input is read as JSONL: by --input-format,
// by its extension, or, for standard input, an extension crosscheck does
// not know or ".json", by its first bytes.
func isJSONL(path string, format Format, head []byte) bool {
	if format != Auto {
		return format == JSONL
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jsonl" || ext == ".ndjson" {
		return true
	}
	if path != "-" && known(path) && ext != ".json" {
		return false
	}
	got, ok := sniffContent(head)
	return ok && got == JSONL
}

// readAll reads at most max bytes of r, failing past the limit. size is
// what r is expected to hold (-1 for unknown): the buffer is made that
// large at once rather than grown by doubling.
func readAll(r io.Reader, max, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(min(size, max)) + 2*bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, pathError(err)
	}
	if int64(buf.Len()) > max {
		return nil, fmt.Errorf("%w: over the %d-byte limit (--max-size)", ErrTooLarge, max)
	}
	return buf.Bytes(), nil
}

// readAllString is readAll into a string.
func readAllString(r io.Reader, max, size int64) (string, error) {
	var b strings.Builder
	if size >= 0 {
		b.Grow(int(min(size, max)) + 1)
	}
	if _, err := io.Copy(&b, io.LimitReader(r, max+1)); err != nil {
		return "", pathError(err)
	}
	if int64(b.Len()) > max {
		return "", fmt.Errorf("%w: over the %d-byte limit (--max-size)", ErrTooLarge, max)
	}
	return b.String(), nil
}
