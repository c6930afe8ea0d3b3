package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	// FS is the file system files and directories are read from, by the
	// names given (relative or absolute); nil is the operating system's.
	// Tests give one that fails where a real one seldom does.
	FS fs.FS
	// Workers is how many goroutines parse the lines of a JSONL input
	// read a line at a time; the records are still handed on one at a
	// time and in order. 0 or 1: the reading goroutine parses them.
	Workers int
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
	if opt.FS == nil {
		opt.FS = osFS{}
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

// A Warning is a problem with an input that was read all the same, such
// as a feed item whose date cannot be read (ErrBadDate).
type Warning struct {
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
	// Warnings are problems with inputs that were read all the same.
	Warnings []Warning
}

// Load reads every input: files, directories (the files in them that
// crosscheck reads, in name order, recursively), http(s) URLs and "-" for
// standard input, each by the adapter for its format: text, Markdown,
// HTML, feeds and JSONL. Copies of one article (same URL or same text) are
// merged into the first; near copies are flagged as syndicated. Article
// IDs are the inputs' own (JSONL "id", a feed item's title) or file names
// without extension, made unique with a numeric suffix.
//
// Whatever cannot be read — a file, a JSONL line, a feed item, a
// subdirectory, a FIFO in a directory — is an *Error naming it: Load
// returns the first, or with Options.KeepGoing lists each in
// Result.Skipped and reads the rest.
func Load(inputs []string, opt Options) (Result, error) {
	opt = opt.withDefaults()
	var res Result
	err := each(inputs, opt, func(r Record) error {
		if r.Warn != nil {
			path, err := named(r.Key, r.Warn)
			res.Warnings = append(res.Warnings, Warning{Path: path, Err: err})
		}
		switch {
		case r.Err == nil:
			res.Articles = append(res.Articles, r.Article)
		case !opt.KeepGoing:
			return r.Err
		default:
			path, err := named(r.Key, r.Err)
			res.Skipped = append(res.Skipped, Skipped{Path: path, Err: err})
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	res.Articles, res.Duplicates = dedupe(res.Articles)
	AssignIDs(res.Articles)
	res.Syndicated = Syndicated(res.Articles)
	return res, nil
}

// named splits an *Error into the input it names and what went wrong;
// any other error is the record key's.
func named(key string, err error) (string, error) {
	var e *Error
	if errors.As(err, &e) {
		return e.Path, e.Err
	}
	return key, err
}

// Parse turns the bytes of a text file into an Article: a paragraph a
// line. The returned errors are sentinels wrapped with detail; the caller
// adds the path.
func Parse(path string, data []byte) (*checker.Article, error) {
	return parseText(path, string(data), false)
}

// ParseMarkdown turns the bytes of a Markdown file into an Article, its
// syntax stripped (markdownParagraphs).
func ParseMarkdown(path string, data []byte) (*checker.Article, error) {
	return parseText(path, string(data), true)
}

// parseText reads a text or Markdown file with optional front matter.
// The article's text is data itself, not a copy.
func parseText(path string, data string, markdown bool) (*checker.Article, error) {
	if n := strings.IndexByte(data[:min(len(data), 8192)], 0); n >= 0 {
		return nil, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, n)
	}
	if !utf8.ValidString(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRuneInString(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, fmt.Errorf("%w (bad byte at offset %d)", ErrInvalidUTF8, off)
	}
	// A byte-order mark is not text: kept, it would shift line 1's
	// columns.
	raw := strings.TrimPrefix(data, "\uFEFF")
	a := &checker.Article{Path: path, Raw: raw, LineStarts: checker.LineStarts(raw)}
	fm, body, err := readFrontMatter(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFrontMatter, err)
	}
	a.Title, a.Outlet, a.URL, a.Weight, a.Published = fm.Title, fm.Outlet, fm.URL, fm.Weight, fm.Published
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
	n := strings.Count(raw[min(body, len(raw)):], "\n") + 1
	lines := make([]string, 0, n)
	offs := make([]int, 0, n)
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
	kept := 0
	for _, k := range keep {
		if k {
			kept++
		}
	}
	ps := make([]checker.Paragraph, 0, kept)
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
