package checker

import (
	"sort"
	"time"
)

// An Article is one source: its text, where it came from, and how to map
// a byte offset in its text back to a line and column in the original file.
type Article struct {
	ID     string // short, unique within a run: the file name without extension
	Path   string // as given on the command line; "-" for standard input
	Title  string
	Outlet string
	URL    string
	// Published is the publication time, zero when unknown.
	Published time.Time
	// Weight scales how much this source counts; 0 means 1.
	Weight float64
	// Paragraphs are the parts of the file that are the article, in order:
	// page furniture (share buttons, teasers, comment prompts) is not here.
	Paragraphs []Paragraph
	// LineStarts holds the byte offset in the original file at which each
	// line begins; LineStarts[0] is 0.
	LineStarts []int
	// Raw is the original file content.
	Raw string
}

// A Paragraph is a run of article text and its byte offset in the original
// file, so that Text[i] is Raw[Offset+i] (but where a source adapter has
// blanked out markup, such as an HTML comment, with spaces).
type Paragraph struct {
	Text   string
	Offset int
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
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
