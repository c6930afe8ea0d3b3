package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
}

// A Skipped input failed to load and was left out of a KeepGoing run.
type Skipped struct {
	Path string
	Err  error
}

// Result is what Load read.
type Result struct {
	Articles []*checker.Article
	Skipped  []Skipped
}

// textExt are the extensions read from a directory and accepted as text.
var textExt = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".text": true, "": true}

// Load reads every input: files, directories (their text files, in name
// order, recursively) and "-" for standard input. Article IDs are the file
// names without extension, made unique with a numeric suffix.
func Load(inputs []string, opt Options) (Result, error) {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
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
		paths, err := expand(in)
		if err != nil {
			if err := fail(err); err != nil {
				return res, err
			}
			continue
		}
		for _, p := range paths {
			a, err := loadOne(p, opt)
			if err != nil {
				if err := fail(err); err != nil {
					return res, err
				}
				continue
			}
			res.Articles = append(res.Articles, a)
		}
	}
	AssignIDs(res.Articles)
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
		if !d.IsDir() && textExt[strings.ToLower(filepath.Ext(name))] && filepath.Ext(name) != "" {
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

func loadOne(path string, opt Options) (*checker.Article, error) {
	var r io.Reader
	if path == "-" {
		if opt.Stdin == nil {
			return nil, &Error{path, errors.New("standard input is not available")}
		}
		r = opt.Stdin
	} else {
		ext := strings.ToLower(filepath.Ext(path))
		if !textExt[ext] {
			return nil, &Error{path, fmt.Errorf("%w %q: crosscheck reads text and Markdown files (.txt, .md)", ErrUnsupported, ext)}
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{path, err}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Size() > opt.MaxSize {
			return nil, &Error{path, fmt.Errorf("%w: %d bytes, over the %d-byte limit (--max-size)", ErrTooLarge, st.Size(), opt.MaxSize)}
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxSize+1))
	if err != nil {
		return nil, &Error{path, err}
	}
	if int64(len(data)) > opt.MaxSize {
		return nil, &Error{path, fmt.Errorf("%w: over the %d-byte limit (--max-size)", ErrTooLarge, opt.MaxSize)}
	}
	a, err := Parse(path, data)
	if err != nil {
		return nil, &Error{path, err}
	}
	return a, nil
}

// frontMatter is the YAML block that may open a text or Markdown file.
type frontMatter struct {
	Title     string  `yaml:"title"`
	Outlet    string  `yaml:"outlet"`
	Published string  `yaml:"published"`
	URL       string  `yaml:"url"`
	Weight    float64 `yaml:"weight"`
}

// Parse turns the bytes of a text or Markdown file into an Article. The
// returned errors are sentinels wrapped with detail; the caller adds the
// path.
func Parse(path string, data []byte) (*checker.Article, error) {
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
	a.Title, a.Outlet, a.URL, a.Weight = fm.Title, fm.Outlet, fm.URL, fm.Weight
	if fm.Weight < 0 {
		return nil, fmt.Errorf("%w: weight %v is negative", ErrFrontMatter, fm.Weight)
	}
	if fm.Published != "" {
		t, err := parseTime(fm.Published)
		if err != nil {
			return nil, fmt.Errorf("%w: published %q: not a date (want 2006-01-02 or RFC 3339)", ErrFrontMatter, fm.Published)
		}
		a.Published = t
	}
	a.Paragraphs = paragraphs(blankComments(raw), body)
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

// AssignIDs sets each article's ID to its file name without extension,
// adding -2, -3 … where names repeat. Load calls it; a caller that loads
// in several calls (drafts, then references) calls it again on the whole.
func AssignIDs(as []*checker.Article) {
	seen := map[string]int{}
	for _, a := range as {
		base := "stdin"
		if a.Path != "-" {
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
