package sources

import (
	"bytes"
	"fmt"
	"mime"
	"path/filepath"
	"strings"
)

// A Format is a kind of input, each read by its own adapter.
type Format string

// The formats crosscheck reads.
const (
	Auto     Format = ""         // choose by content type, extension and content
	Text     Format = "text"     // plain text, a paragraph a line, optional YAML front matter
	Markdown Format = "markdown" // Markdown, syntax stripped, optional YAML front matter
	HTML     Format = "html"     // a news page; readability finds the article
	Feed     Format = "feed"     // RSS 1.0/2.0, Atom or JSON Feed; an article an item
	JSONL    Format = "jsonl"    // an article a line: {"id","url","title","outlet","published","text" or "html"}
)

// Formats lists the formats --input-format accepts.
var Formats = []Format{Text, Markdown, HTML, Feed, JSONL}

// ParseFormat reads a --input-format value; "" and "auto" are Auto.
func ParseFormat(s string) (Format, error) {
	if s == "" || s == "auto" {
		return Auto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return Auto, fmt.Errorf("input format %q: want auto, %s", s, strings.Join(names, ", "))
}

// byExt are the formats file extensions suggest.
var byExt = map[string]Format{
	".txt": Text, ".text": Text, "": Text,
	".md": Markdown, ".markdown": Markdown,
	".html": HTML, ".htm": HTML, ".xhtml": HTML,
	".xml": Feed, ".rss": Feed, ".atom": Feed, ".rdf": Feed,
	".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL,
}

// readable reports whether a directory walk picks up a file: the
// extensions crosscheck reads, but not ".json", which in a directory is
// more often data (such as a fixture's expected.json) than articles; name
// a .json file to read it.
func readable(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	_, ok := byExt[ext]
	return ok && ext != "" && ext != ".json"
}

// known reports whether an extension is one crosscheck reads.
func known(name string) bool {
	_, ok := byExt[strings.ToLower(filepath.Ext(name))]
	return ok
}

// Sniff chooses the format of an input from its content type (when it was
// fetched), its name and its first bytes. Content wins where it is clear:
// a ".txt" that is an HTML page is read as HTML, a ".json" file that is
// one JSON Feed object is a feed.
func Sniff(name, contentType string, data []byte) Format {
	if f, ok := sniffContent(data); ok {
		return f
	}
	if contentType != "" {
		if mt, _, err := mime.ParseMediaType(contentType); err == nil {
			switch {
			case mt == "text/html" || mt == "application/xhtml+xml":
				return HTML
			case strings.HasSuffix(mt, "rss+xml") || strings.HasSuffix(mt, "atom+xml") || mt == "application/feed+json" || mt == "application/xml" || mt == "text/xml":
				return Feed
			case mt == "application/x-ndjson" || mt == "application/jsonl" || mt == "application/json":
				return JSONL
			case mt == "text/markdown":
				return Markdown
			}
		}
	}
	if f, ok := byExt[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	return Text
}

// sniffContent recognizes a format by its first bytes, when they are
// clear: an XML feed, an HTML page, a JSON object.
func sniffContent(data []byte) (Format, bool) {
	head := bytes.TrimLeft(data[:min(len(data), 4096)], "\xef\xbb\xbf \t\r\n")
	lower := bytes.ToLower(head[:min(len(head), 1024)])
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) || bytes.HasPrefix(lower, []byte("<rss")) || bytes.HasPrefix(lower, []byte("<feed")) || bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			return Feed, true
		}
		if bytes.Contains(lower, []byte("<html")) {
			return HTML, true
		}
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<body")) || bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(lower, []byte("<html")):
		return HTML, true
	case bytes.HasPrefix(head, []byte("{")):
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return Feed, true
		}
		return JSONL, true
	}
	return Auto, false
}
