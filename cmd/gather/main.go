// Command gather fetches the texts of the real-news dev set again.
//
// The repository holds, for each real event, its answer key and the pages
// its articles came from (fixtures/realnews/EVENT/key.json and
// sources.json: URLs and the search queries that found them, never
// article text). gather reads every sources.json, fetches each page with
// crosscheck's own reader (readability, the page's title, outlet and
// publication time), and writes its text to DIR/EVENT/FILE (default
// .realnews, which git ignores), with front matter, ready for
//
//	crosscheck eval realnews --dir .realnews
//
// Pages change and vanish: a page that cannot be fetched is reported and
// skipped, and -check then lists the keyed values the gathered texts no
// longer state, so a key that no longer fits its pages is seen, not
// silently scored. The texts the keys were written on are the stored
// copies the search tool's pages corpus held; a live page may carry more
// text (or less) than that copy.
//
//	go run ./cmd/gather                  # or: make realnews
//	go run ./cmd/gather -event deal-x -cache /tmp/pages -check
//
// Where there is no network, the texts come from the stored copies
// themselves: the excerpt the pages corpus returns for each article's URL
// (by its query in sources.json), saved as it came to EXCERPTS/EVENT/FILE
// (a git-ignored directory too); -excerpts EXCERPTS writes each with the
// same front matter, the site as outlet, each line a paragraph:
//
//	go run ./cmd/gather -excerpts .realnews-raw -check
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/eval"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/sources"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gather:", err)
		os.Exit(1)
	}
}

// A Manifest is an event's sources.json.
type Manifest struct {
	Event    string     `json:"event"`
	Domain   string     `json:"domain"`
	Date     string     `json:"date"`
	Articles []Document `json:"articles"`
}

// A Document is one article of an event: the file its text goes to, the
// site, the page and the query that found it.
type Document struct {
	File      string `json:"file"`
	Site      string `json:"site"`
	URL       string `json:"url"`
	Query     string `json:"query"`
	Published string `json:"published,omitempty"`
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gather", flag.ContinueOnError)
	fs.SetOutput(stderr)
	keys := fs.String("keys", filepath.Join("fixtures", "realnews"), "directory of the events' keys and sources.json")
	dir := fs.String("dir", ".realnews", "directory to write the texts to")
	only := fs.String("event", "", "gather this event only")
	cache := fs.String("cache", "", "keep fetched pages in this directory")
	timeout := fs.Duration("timeout", 30*time.Second, "longest time to fetch one page")
	check := fs.Bool("check", false, "list the keyed values the gathered texts do not state")
	excerpts := fs.String("excerpts", "", "read each page's stored excerpt from this directory (EVENT/FILE) instead of fetching it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *excerpts != "" {
		if *cache != "" {
			return errors.New("-cache and -excerpts: excerpts are read, not fetched; give one")
		}
		src, err := os.Stat(*excerpts)
		if err != nil {
			return fmt.Errorf("-excerpts: %w", err)
		}
		if !src.IsDir() {
			return fmt.Errorf("-excerpts %s: not a directory", *excerpts)
		}
		if out, err := os.Stat(*dir); err == nil && os.SameFile(src, out) {
			return fmt.Errorf("-excerpts %s is -dir %s: the texts would be written over the excerpts they are made from", *excerpts, *dir)
		}
	}
	paths, err := filepath.Glob(filepath.Join(*keys, "*", "sources.json"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%s: no events (no */sources.json)", *keys)
	}
	sort.Strings(paths)
	// gather writes one document's text to out: its page fetched, or its
	// stored excerpt.
	fetcher := &sources.Fetcher{CacheDir: *cache, Timeout: *timeout}
	gather := func(_ string, d Document, out string) error { return gatherOne(fetcher, d, out) }
	what := "pages could not be fetched"
	if *excerpts != "" {
		gather = func(event string, d Document, out string) error {
			return fromExcerpt(d, filepath.Join(*excerpts, event, d.File), out)
		}
		what = "texts could not be made from the excerpts in " + *excerpts
	}
	wrote, failed := 0, 0
	for _, p := range paths {
		event := filepath.Base(filepath.Dir(p))
		if *only != "" && event != *only {
			continue
		}
		m, err := readManifest(p)
		if err != nil {
			return err
		}
		if *excerpts != "" {
			if _, err := os.Stat(filepath.Join(*excerpts, event)); err != nil {
				failed += len(m.Articles)
				fmt.Fprintf(stderr, "gather: %s: no excerpts: %v\n", event, err)
				continue
			}
		}
		for _, d := range m.Articles {
			out := filepath.Join(*dir, event, d.File)
			if err := gather(event, d, out); err != nil {
				failed++
				fmt.Fprintf(stderr, "gather: %s/%s: %v\n", event, d.File, err)
				if *excerpts != "" && errors.Is(err, iofs.ErrNotExist) {
					// The excerpts are the texts' only source: a text
					// an earlier run wrote from one now gone is stale.
					if err := os.Remove(out); err == nil {
						fmt.Fprintf(stderr, "gather: %s/%s: removed the text an earlier run wrote\n", event, d.File)
					}
				}
				continue
			}
			wrote++
		}
		if *check {
			if err := checkKey(filepath.Join(filepath.Dir(p), "key.json"), filepath.Join(*dir, event), stdout); err != nil {
				fmt.Fprintf(stderr, "gather: %s: %v\n", event, err)
			}
		}
	}
	if *only != "" && wrote+failed == 0 {
		return fmt.Errorf("-event %s: no such event under %s", *only, *keys)
	}
	fmt.Fprintf(stderr, "gather: wrote %d texts to %s, %d %s\n", wrote, *dir, failed, what)
	if wrote == 0 && failed > 0 {
		return errors.New("no text could be gathered")
	}
	return nil
}

func readManifest(path string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	for i, d := range m.Articles {
		if d.File == "" || d.URL == "" || strings.ContainsAny(d.File, `/\`) {
			return m, fmt.Errorf("%s: article %d: want a plain file name and a url, got %q and %q", path, i+1, d.File, d.URL)
		}
	}
	return m, nil
}

// gatherOne fetches a document's page and writes its article text with
// front matter.
func gatherOne(f *sources.Fetcher, d Document, out string) error {
	res, err := sources.Load([]string{d.URL}, sources.Options{Fetcher: f})
	if err != nil {
		return err
	}
	if len(res.Articles) != 1 {
		return fmt.Errorf("%s: %d articles, want 1", d.URL, len(res.Articles))
	}
	a := res.Articles[0]
	outlet := a.Outlet
	if outlet == "" {
		outlet = d.Site
	}
	published := d.Published
	if published == "" && !a.Published.IsZero() {
		published = a.Published.Format("2006-01-02")
	}
	var paras []string
	for _, p := range a.Paragraphs {
		paras = append(paras, p.Text)
	}
	return writeText(out, a.Title, outlet, published, d.URL, paras)
}

// fromExcerpt writes a document's text from its stored excerpt, the file
// in: each non-empty line a paragraph, the site as outlet, no title (the
// reader takes the first paragraph's).
func fromExcerpt(d Document, in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	head := strings.TrimLeft(strings.TrimPrefix(string(data), "\ufeff"), " \t\r\n")
	switch {
	case head == "":
		return fmt.Errorf("%s: empty excerpt", in)
	case strings.HasPrefix(head, "---\n"), strings.HasPrefix(head, "---\r\n"):
		return fmt.Errorf("%s: opens with front matter, so it is a gathered text, not an excerpt as the pages corpus returns it", in)
	}
	return writeText(out, "", d.Site, d.Published, d.URL, strings.Split(string(data), "\n"))
}

// writeText writes an article's text to out with its front matter, each
// non-empty paragraph trimmed and followed by a blank line.
func writeText(out, title, outlet, published, url string, paras []string) error {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", title)
	fmt.Fprintf(&b, "outlet: %q\n", outlet)
	if published != "" {
		fmt.Fprintf(&b, "published: %s\n", published)
	}
	fmt.Fprintf(&b, "url: %s\n", url)
	b.WriteString("---\n")
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return renameio.WriteFile(out, []byte(b.String()), 0o644)
}

// checkKey prints the key's values that no quantity of the event's
// gathered texts carries.
func checkKey(keyPath, texts string, w io.Writer) error {
	k, err := eval.LoadKey(keyPath)
	if err != nil {
		return err
	}
	res, err := sources.Load([]string{texts}, sources.Options{KeepGoing: true})
	if err != nil {
		return err
	}
	var groups []checker.ValueGroup
	var sc read.Scanner
	for _, a := range res.Articles {
		for _, q := range sc.Quantities(a, nil) {
			groups = append(groups, checker.ValueGroup{Text: q.Quantity.Text, Value: checker.ValueOf(q.Quantity)})
		}
	}
	event := filepath.Base(texts)
	for _, d := range k.Disagreements {
		for _, v := range d.Value {
			found := false
			for _, g := range groups {
				if eval.Matches(g, v) {
					found = true
					break
				}
			}
			if !found {
				fmt.Fprintf(w, "%s: %v is no longer stated (%s)\n", event, v, d.What)
			}
		}
	}
	return nil
}
