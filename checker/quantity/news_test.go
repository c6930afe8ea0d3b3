package quantity

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/checker/text"
)

// TestGeneratedNews checks the parser on generated sentences whose values
// are known exactly: every gold quantity is found, with its kind, unit and
// interval, and nothing else with a unit is.
func TestGeneratedNews(t *testing.T) {
	g := newsgen.New(42)
	var p Parser
	missed := 0
	const n = 3000
	total := 0
	for i := 0; i < n; i++ {
		s := g.Sentence()
		qs := p.Parse(s.Text, nil)
		for _, want := range s.Gold {
			total++
			ok := false
			for _, q := range qs {
				if q.Text == want.Text && string(q.Kind) == want.Kind && q.Unit == want.Unit && close(q.Low, want.Low) && close(q.High, want.High) {
					ok = true
					break
				}
			}
			if !ok {
				missed++
				if missed <= 10 {
					t.Errorf("%q: missed %s %q [%v, %v] %s; got %v", s.Text, want.Kind, want.Text, want.Low, want.High, want.Unit, qs)
				}
			}
		}
	}
	if missed > 0 {
		t.Errorf("missed %d of %d gold quantities", missed, total)
	}
}

func close(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b))
}

// newsSentences returns about size bytes of generated news, split into
// sentences as the checker splits them.
func newsSentences(size int) ([]string, int) {
	doc := newsgen.New(1).Text(size)
	var out []string
	n := 0
	for _, sp := range text.Sentences(doc) {
		out = append(out, doc[sp.Start:sp.End])
		n += sp.End - sp.Start
	}
	return out, len(doc)
}

// BenchmarkParseNews measures the parser over 4 MB of generated news, a
// sentence at a time, with its own tokenizing.
func BenchmarkParseNews(b *testing.B) {
	lines, size := newsSentences(4 << 20)
	benchLines(b, lines, size)
}

// TestParseWordsAgrees checks that what a caller tells ParseWords (the
// lower-case words, which words may start a quantity) changes nothing it
// finds: on generated news and on the parser's own table cases, ParseWords
// given every form finds what ParseTokens finds.
func TestParseWordsAgrees(t *testing.T) {
	g := newsgen.New(7)
	var ins []string
	for range 2000 {
		ins = append(ins, g.Sentence().Text)
	}
	ins = append(ins, "a million", "A Dozen eggs", "Twenty-one", "US$5", "March 3", "the ÉTÉ of 2020", "Rs. 500", "MINUS 5",
		"Harbor Wins Three Titles In 2024 As Fans Return")
	var p, q Parser
	for _, in := range ins {
		toks := text.Tokenize(in, nil)
		low := make([]string, len(toks))
		start := make([]bool, len(toks))
		for i, tk := range toks {
			low[i] = strings.ToLower(tk.Text)
			start[i] = tk.Kind == text.Word && StartWord(tk.Text)
		}
		want := p.ParseTokens(in, toks, nil)
		got := q.ParseWords(in, toks, Words{Low: low, Start: start, Headline: text.IsHeadline(toks)}, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseWords(%q) = %+v, ParseTokens = %+v", in, got, want)
		}
	}
}
