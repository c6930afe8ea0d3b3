package sources

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/checker"
)

// DefaultMaxSize is the largest input read unless Options.MaxSize says
// otherwise.
const DefaultMaxSize = 10 << 20

// Options control loading.
type Options struct {
	// MaxSize is the largest file, in bytes, that is read; 0 means
	// DefaultMaxSize.
	MaxSize int64
	// Stdin is read for the input "-".
	Stdin io.Reader
	// KeepGoing skips inputs that fail to load, reporting them in Result,
	// instead of stopping at the first.
	KeepGoing bool
	// Format forces every input's format; Auto chooses by content type,
	// extension and content (Sniff).
	Format Format
	// Fetcher gets URL inputs; nil fetches with the defaults.
	Fetcher *Fetcher
	// FetchItems fetches each feed item's link instead of reading the
	// item's own text.
	FetchItems bool
	// Context bounds fetches; nil is context.Background().
	Context context.Context
}

// withDefaults fills in what opt leaves unset.
func (opt Options) withDefaults() Options {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if opt.Context == nil {
		opt.Context = context.Background()
	}
	if opt.Fetcher == nil {
		opt.Fetcher = &Fetcher{}
	}
	if opt.Fetcher.MaxSize <= 0 {
		opt.Fetcher.MaxSize = opt.MaxSize
	}
	return opt
}

// A Skipped input failed to load and was left out of a KeepGoing run.
type Skipped struct {
	Path string
	Err  error
}

// Result is what Load read. Every input is in exactly one of its lists:
// read, merged into another as a duplicate, or skipped with a reason.
type Result struct {
	Articles   []*checker.Article
	Skipped    []Skipped
	Duplicates []Duplicate
	// Syndicated are pairs of articles that are near copies of each other
	// (wire copy with a paragraph changed): both are kept, and flagged.
	Syndicated []Syndication
}

// Load reads every input: files, directories (the files in them that
// crosscheck reads, in name order, recursively), http(s) URLs and "-" for
// standard input, each by the adapter for its format: text, Markdown,
// HTML, feeds and JSONL. Copies of one article (same URL or same text) are
// merged into the first; near copies are flagged as syndicated. Article
// IDs are the inputs' own (JSONL "id", a feed item's title) or file names
// without extension, made unique with a numeric suffix.
func Load(inputs []string, opt Options) (Result, error) {
	opt = opt.withDefaults()
	var res Result
	fail := func(err error) error {
		if !opt.KeepGoing {
			return err
		}
		var e *Error
		if errors.As(err, &e) {
			res.Skipped = append(res.Skipped, Skipped{Path: e.Path, Err: e.Err})
		} else {
			res.Skipped = append(res.Skipped, Skipped{Err: err})
		}
		return nil
	}
	for _, in := range inputs {
		paths := []string{in}
		if !IsURL(in) {
			var err error
			if paths, err = expand(in); err != nil {
				if err := fail(err); err != nil {
					return res, err
				}
				continue
			}
		}
		for _, p := range paths {
			arts, bad, err := loadOne(p, opt)
			if err != nil {
				if err := fail(err); err != nil {
					return res, err
				}
				continue
			}
			for _, b := range bad {
				if err := fail(b); err != nil {
					return res, err
				}
			}
			res.Articles = append(res.Articles, arts...)
		}
	}
	res.Articles, res.Duplicates = dedupe(res.Articles)
	AssignIDs(res.Articles)
	res.Syndicated = Syndicated(res.Articles)
	return res, nil
}

// expand turns one input into the files it names.
func expand(in string) ([]string, error) {
	if in == "-" {
		return []string{in}, nil
	}
	st, err := os.Stat(in)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{in, ErrNotFound}
		}
		return nil, &Error{in, err}
	}
	if !st.IsDir() {
		return []string{in}, nil
	}
	var files []string
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != in && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && readable(name) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, &Error{in, err}
	}
	if len(files) == 0 {
		return nil, &Error{in, ErrNoText}
	}
	sort.Strings(files)
	return files, nil
}

// loadOne reads one file, URL or standard input by the adapter for its
// format. bad holds the records of a multi-article input (JSONL lines,
// feed items) that could not be read, each naming where it is.
func loadOne(path string, opt Options) (arts []*checker.Article, bad []error, err error) {
	var data []byte
	var contentType string
	var pageURL *url.URL
	switch {
	case path == "-":
		if opt.Stdin == nil {
			return nil, nil, &Error{path, errors.New("standard input is not available")}
		}
		if data, err = readAll(opt.Stdin, opt.MaxSize); err != nil {
			return nil, nil, &Error{path, err}
		}
	case IsURL(path):
		page, err := opt.Fetcher.Fetch(opt.Context, path)
		if err != nil {
			return nil, nil, err
		}
		data, contentType = page.Body, page.ContentType
		pageURL, _ = url.Parse(page.URL)
	default:
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, &Error{path, err}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Size() > opt.MaxSize {
			return nil, nil, &Error{path, fmt.Errorf("%w: %d bytes, over the %d-byte limit (--max-size)", ErrTooLarge, st.Size(), opt.MaxSize)}
		}
		if data, err = readAll(f, opt.MaxSize); err != nil {
			return nil, nil, &Error{path, err}
		}
	}
	format := opt.Format
	if format == Auto && pageURL == nil && path != "-" && !known(path) {
		f, ok := sniffContent(data)
		if !ok {
			return nil, nil, &Error{path, fmt.Errorf("%w %q: crosscheck reads text, Markdown, HTML, feeds and JSONL (--input-format to force one)", ErrUnsupported, filepath.Ext(path))}
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
	wrap := func(err error) error { return &Error{path, fmt.Errorf("%w (read as %s)", err, format)} }
	switch format {
	case HTML:
		a, err := ParseHTML(path, data, pageURL, contentType)
		if err != nil {
			return nil, nil, wrap(err)
		}
		return []*checker.Article{a}, nil, nil
	case JSONL:
		arts, bad, err := ParseJSONL(path, bytes.NewReader(data), int(opt.MaxSize))
		if err != nil {
			return nil, nil, wrap(err)
		}
		if len(arts) == 0 && len(bad) == 0 {
			return nil, nil, &Error{path, ErrEmpty}
		}
		return arts, bad, nil
	case Feed:
		items, err := ParseFeed(path, data)
		if err != nil {
			return nil, nil, wrap(err)
		}
		if len(items) == 0 {
			return nil, nil, &Error{path, fmt.Errorf("%w: the feed has no items", ErrEmpty)}
		}
		for _, it := range items {
			switch {
			case opt.FetchItems && it.Link != "":
				fetched, fbad, err := loadOne(it.Link, Options{MaxSize: opt.MaxSize, Fetcher: opt.Fetcher, Context: opt.Context})
				if err != nil {
					bad = append(bad, &Error{it.Path, fmt.Errorf("fetching %s: %w", it.Link, errors.Unwrap(err))})
					continue
				}
				arts = append(arts, fetched...)
				bad = append(bad, fbad...)
			case it.Article != nil:
				arts = append(arts, it.Article)
			default:
				bad = append(bad, &Error{it.Path, fmt.Errorf("%w: the item has no content or summary (try --fetch-items)", ErrEmpty)})
			}
		}
		return arts, bad, nil
	}
	a, err := parseText(path, data, format == Markdown)
	if err != nil {
		return nil, nil, &Error{path, err}
	}
	if pageURL != nil && a.URL == "" {
		a.URL = pageURL.String()
	}
	return []*checker.Article{a}, nil, nil
}

// frontMatter is the YAML block that may open a text or Markdown file.
type frontMatter struct {
	Title     string   `yaml:"title"`
	Outlet    string   `yaml:"outlet"`
	Published string   `yaml:"published"`
	URL       string   `yaml:"url"`
	Weight    *float64 `yaml:"weight"` // nil when not given
}

// Parse turns the bytes of a text file into an Article: a paragraph a
// line. The returned errors are sentinels wrapped with detail; the caller
// adds the path.
func Parse(path string, data []byte) (*checker.Article, error) {
	return parseText(path, data, false)
}

// ParseMarkdown turns the bytes of a Markdown file into an Article, its
// syntax stripped (markdownParagraphs).
func ParseMarkdown(path string, data []byte) (*checker.Article, error) {
	return parseText(path, data, true)
}

// parseText reads a text or Markdown file with optional front matter.
func parseText(path string, data []byte, markdown bool) (*checker.Article, error) {
	if n := bytes.IndexByte(data[:min(len(data), 8192)], 0); n >= 0 {
		return nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, n)
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, fmt.Errorf("%w (bad byte at offset %d)", ErrInvalidUTF8, off)
	}
	raw := string(data)
	a := &checker.Article{Path: path, Raw: raw, LineStarts: checker.LineStarts(raw)}
	body := 0
	if strings.HasPrefix(raw, "\uFEFF") {
		body = len("\uFEFF")
	}
	fm, end, err := readFrontMatter(raw[body:])
	if err != nil {
		return nil, err
	}
	body += end
	a.Title, a.Outlet, a.URL = fm.Title, fm.Outlet, fm.URL
	if w := fm.Weight; w != nil {
		// !(w > 0) holds for NaN too.
		if !(*w > 0) || math.IsInf(*w, 0) {
			return nil, fmt.Errorf("%w: weight %v: want a positive number (1 is an ordinary source)", ErrFrontMatter, *w)
		}
		a.Weight = *w
	}
	if fm.Published != "" {
		t, err := parseTime(fm.Published)
		if err != nil {
			return nil, fmt.Errorf("%w: published %q: not a date (want 2006-01-02 or RFC 3339)", ErrFrontMatter, fm.Published)
		}
		a.Published = t
	}
	if markdown {
		a.Paragraphs = markdownParagraphs(raw, body)
	} else {
		a.Paragraphs = paragraphs(blankComments(raw), body)
	}
	if len(a.Paragraphs) == 0 {
		return nil, ErrEmpty
	}
	if a.Title == "" {
		a.Title = titleFrom(a.Paragraphs[0].Text)
	}
	return a, nil
}

// readFrontMatter reads a "---" fenced YAML block at the start of s and
// returns it with the offset just past it. Unknown keys are errors.
func readFrontMatter(s string) (frontMatter, int, error) {
	var fm frontMatter
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return fm, 0, nil
	}
	start := strings.IndexByte(s, '\n') + 1
	rest := s[start:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, "\r") == "---" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return fm, 0, fmt.Errorf("%w: opening --- has no closing ---", ErrFrontMatter)
	}
	dec := yaml.NewDecoder(strings.NewReader(rest[:end]))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
		return fm, 0, fmt.Errorf("%w: %v (the first line of the file is line 1; add 1 to YAML line numbers)", ErrFrontMatter, err)
	}
	after := start + end + len("---")
	if after < len(s) && s[after] == '\r' {
		after++
	}
	if after < len(s) && s[after] == '\n' {
		after++
	}
	return fm, after, nil
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

// paragraphs returns the article lines of raw from offset body on, with
// their offsets, dropping page furniture and lines with no text.
func paragraphs(raw string, body int) []checker.Paragraph {
	var lines []string
	var offs []int
	for off := body; off < len(raw); {
		nl := strings.IndexByte(raw[off:], '\n')
		end := len(raw)
		if nl >= 0 {
			end = off + nl
		}
		lines = append(lines, strings.TrimRight(raw[off:end], "\r"))
		offs = append(offs, off)
		off = end + 1
	}
	keep := articleLines(lines)
	var ps []checker.Paragraph
	for i, l := range lines {
		if !keep[i] {
			continue
		}
		// Trim leading white space and Markdown heading marks, keeping offsets.
		lead := len(l) - len(strings.TrimLeft(l, " \t#>"))
		text := strings.TrimRight(l[lead:], " \t")
		if text == "" {
			continue
		}
		ps = append(ps, checker.Paragraph{Text: text, Offset: offs[i] + lead})
	}
	return ps
}

// titleFrom makes a title of a first line, cut at a word boundary.
func titleFrom(line string) string {
	line = strings.TrimSpace(strings.TrimLeft(line, "#"))
	if utf8.RuneCountInString(line) <= 100 {
		return line
	}
	cut := 0
	for i := range line {
		if i > 100 {
			break
		}
		if line[i] == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		cut = 100
	}
	return strings.TrimRight(line[:cut], " ,;:") + "…"
}

// AssignIDs gives each article a unique ID: its own when it has one (a
// JSONL "id", a feed item's title), else its file name without extension
// (the last path segment of a URL), adding -2, -3 … where names repeat. Load calls it; a caller that loads
// in several calls (drafts, then references) calls it again on the whole.
func AssignIDs(as []*checker.Article) {
	seen := map[string]int{}
	for _, a := range as {
		base := a.ID // an input's own ID (JSONL, feed item), or one given before
		switch {
		case base != "":
		case a.Path == "-":
			base = "stdin"
		case IsURL(a.Path):
			base = urlBase(a.Path)
		default:
			base = strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
		}
		seen[base]++
		a.ID = base
		if n := seen[base]; n > 1 {
			a.ID = base + "-" + strconv.Itoa(n)
		}
	}
}

// blankComments returns s with every HTML comment (<!-- … -->, as
// Markdown drafts carry crosscheck's suppression comments) turned into
// spaces, keeping line breaks, so offsets still point into s.
func blankComments(s string) string {
	i := strings.Index(s, "<!--")
	if i < 0 {
		return s
	}
	b := []byte(s)
	for i >= 0 {
		end := strings.Index(s[i+4:], "-->")
		stop := len(s)
		if end >= 0 {
			stop = i + 4 + end + 3
		}
		for k := i; k < stop; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
		next := strings.Index(s[stop:], "<!--")
		if next < 0 {
			break
		}
		i = stop + next
	}
	return string(b)
}

// urlBase names a URL's article: the last segment of its path without
// extension, else its host.
func urlBase(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "url"
	}
	seg := strings.Trim(u.Path, "/")
	if i := strings.LastIndexByte(seg, '/'); i >= 0 {
		seg = seg[i+1:]
	}
	seg = strings.TrimSuffix(seg, filepath.Ext(seg))
	if s := slug(seg); s != "" {
		return s
	}
	return slug(u.Hostname())
}

// readAll reads at most max bytes of r, failing past the limit.
func readAll(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the %d-byte limit (--max-size)", ErrTooLarge, max)
	}
	return data, nil
}
