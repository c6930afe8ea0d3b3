package render

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

// snippetWords is how many words a snippet keeps on each side of the
// figure.
const snippetWords = 6

// maxParse is the longest sentence snippetOf reads the figures of; a
// longer one (a file that is one long line) is only searched for the
// value's text.
const maxParse = 8 << 10

// maxFull is how much of a sentence a snippet keeps whole, for the
// tooltip that shows it.
const maxFull = 400

// A snippet is the figure of a statement with a few words either side:
// what the page highlights instead of the whole sentence.
type snippet struct {
	Before, Figure, After string
	// CutBefore and CutAfter say that words were left out there.
	CutBefore, CutAfter bool
	// Full is the sentence, shortened to maxFull bytes.
	Full string
}

// snippetOf cuts the sentence of evidence e, a statement of value g,
// down to the figure and snippetWords words either side. The figure is
// found by reading the sentence's quantities and taking the one that
// matches g's value and the evidence span's length; failing that, by
// g's text; failing that, by the words other (the competing statement)
// does not share, as a word diff finds them. With no figure found, the
// snippet is the sentence's first words.
func snippetOf(e checker.Evidence, g checker.ValueGroup, other string) snippet {
	s := e.Sentence
	sn := snippet{Full: shorten(collapse(s), maxFull)}
	start, end, ok := figureIn(s, e, g, other)
	if !ok {
		sn.After, sn.CutAfter = firstWords(s, 2*snippetWords)
		return sn
	}
	sn.Before, sn.CutBefore = lastWords(s[:start], snippetWords)
	sn.Figure = collapse(s[start:end])
	sn.After, sn.CutAfter = firstWords(s[end:], snippetWords)
	return sn
}

// figureIn returns where in s the figure of value g is: [start, end).
func figureIn(s string, e checker.Evidence, g checker.ValueGroup, other string) (start, end int, ok bool) {
	span := 0
	if e.EndLine == e.Line && e.EndColumn > e.Column {
		span = e.EndColumn - e.Column
	}
	if len(s) <= maxParse {
		best, bestScore := quantity.Quantity{}, 0
		for _, q := range quantity.Parse(s) {
			score := 0
			if q.Text == g.Text {
				score += 2
			}
			if span > 0 && q.End-q.Start == span {
				score += 2
			}
			if string(q.Kind) == g.Value.Kind && same(q.Value, g.Value.Amount) {
				score += 2
			}
			if score > bestScore {
				best, bestScore = q, score
			}
		}
		if bestScore >= 2 {
			return best.Start, best.End, true
		}
	}
	if i := strings.Index(s, g.Text); g.Text != "" && i >= 0 {
		return i, i + len(g.Text), true
	}
	if len(s) <= maxParse && len(other) <= maxParse {
		return differingWords(s, other)
	}
	return 0, 0, false
}

// same reports whether two amounts are one number, but for rounding.
func same(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// differingWords returns the first run of words of a that b does not
// have and that holds a digit: the figure, when the two sentences state
// the same thing with different numbers.
func differingWords(a, b string) (start, end int, ok bool) {
	words := fieldSpans(a)
	i := 0 // the word of a the next diff begins at
	for _, d := range wordDiff(a, b) {
		n := len(strings.Fields(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			i += n
		case diffmatchpatch.DiffDelete:
			if strings.IndexFunc(d.Text, unicode.IsDigit) >= 0 && i+n <= len(words) {
				return words[i][0], words[i+n-1][1], true
			}
			i += n
		}
	}
	return 0, 0, false
}

// fieldSpans returns the byte span of each word of s (as strings.Fields
// splits it).
func fieldSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// lastWords keeps the last n words of s, and says whether it left any
// out. A space before the figure is kept.
func lastWords(s string, n int) (string, bool) {
	w := fieldSpans(s)
	if len(w) <= n {
		return collapse(s), false
	}
	return collapse(s[w[len(w)-n][0]:]), true
}

// firstWords keeps the first n words of s, and says whether it left any
// out. A space after the figure is kept.
func firstWords(s string, n int) (string, bool) {
	w := fieldSpans(s)
	if len(w) <= n {
		return collapse(s), false
	}
	return collapse(s[:w[n-1][1]]), true
}

// collapse writes every run of white space in s as one space (a
// sentence may span lines).
func collapse(s string) string {
	out := strings.Join(strings.Fields(s), " ")
	if out == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		out = " " + out
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		out += " "
	}
	return out
}

// shorten cuts s to at most n bytes, at a word, with "…".
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}
