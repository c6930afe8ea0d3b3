package checker

import (
	"sort"
	"strings"
	"time"
)

// An Article is one source: its text, where it came from, and how to map
// a byte offset in its text back to a line and column in the original file.
type Article struct {
	ID     string // short, unique within a run: the file name without extension
	Path   string // as given on the command line; "-" for standard input
	Title  string
	Byline string
	Outlet string
	URL    string
	// Published is the publication time, zero when unknown.
	Published time.Time
	// Weight scales how much this source counts; 0 means 1.
	Weight float64
	// Event names the event the article is about when its input says so
	// (a JSONL "event" field), for grouping in a batch.
	Event string
	// Paragraphs are the parts of the file that are the article, in order:
	// page furniture (share buttons, teasers, comment prompts) is not here.
	Paragraphs []Paragraph
	// LineStarts holds the byte offset in the original file at which each
	// line begins; LineStarts[0] is 0.
	LineStarts []int
	// Raw is the original file content.
	Raw string
}

// A Paragraph is a run of article text and where it is in the original
// file. When Map is nil, Text is a verbatim slice of the file, Text[i] is
// Raw[Offset+i] (but where an adapter has blanked markup, such as an HTML
// comment, with spaces). When the text is not a slice of the file (text
// decoded from HTML, Markdown with its syntax stripped), Map[i] is the
// offset in Raw of the byte Text[i] came from.
type Paragraph struct {
	Text   string
	Offset int
	Map    []int
}

// RawOffset returns the offset in the original file of byte i of Text;
// i == len(Text) gives the offset just past the paragraph's last byte.
func (p *Paragraph) RawOffset(i int) int {
	if p.Map == nil {
		return p.Offset + i
	}
	if len(p.Map) == 0 {
		return p.Offset
	}
	if i >= len(p.Map) {
		return p.Map[len(p.Map)-1] + 1
	}
	return p.Map[max(i, 0)]
}

// RawEnd returns the offset in the original file just past the bytes
// Text[:i].
func (p *Paragraph) RawEnd(i int) int {
	if p.Map == nil || i <= 0 {
		return p.RawOffset(i)
	}
	return p.RawOffset(i-1) + 1
}

// Position returns the 1-based line and column (in UTF-8 bytes) of a byte
// offset in the original file.
func (a *Article) Position(offset int) (line, col int) {
	if len(a.LineStarts) == 0 {
		return 1, offset + 1
	}
	i := sort.Search(len(a.LineStarts), func(i int) bool { return a.LineStarts[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, offset - a.LineStarts[i] + 1
}

// LineStarts returns the byte offsets at which the lines of s begin.
func LineStarts(s string) []int {
	starts := make([]int, 1, strings.Count(s, "\n")+1)
	for i := strings.IndexByte(s, '\n'); i >= 0; {
		starts = append(starts, i+1)
		j := strings.IndexByte(s[i+1:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return starts
}

// ArticleOfLines returns an article read from plain text whose
// paragraphs are its non-empty lines, with path id+".txt": what tests and
// generated events write.
func ArticleOfLines(id, text string) *Article {
	a := &Article{ID: id, Path: id + ".txt", Raw: text, LineStarts: LineStarts(text)}
	off := 0
	for _, l := range strings.Split(text, "\n") {
		if l != "" {
			a.Paragraphs = append(a.Paragraphs, Paragraph{Text: l, Offset: off})
		}
		off += len(l) + 1
	}
	return a
}
