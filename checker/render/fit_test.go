package render

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"

	"github.com/crosscheck/crosscheck/checker"
)

// width is a line's display width as a terminal shows it, counted here
// by displaywidth's own measure, not the renderer's.
func width(s string) int { return displaywidth.String(s) }

// assertFits fails for every line of out wider than w, and for a table
// whose border lines are not all one width: a wrapped border.
func assertFits(t *testing.T, name, out string, w int) {
	t.Helper()
	border := -1
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := width(line); n > w {
			t.Errorf("%s: line %d is %d columns wide, more than %d:\n%s", name, i+1, n, w, line)
		}
		if strings.HasPrefix(line, "┌") || strings.HasPrefix(line, "├") || strings.HasPrefix(line, "└") || strings.HasPrefix(line, "│") {
			if border < 0 {
				border = width(line)
			} else if width(line) != border {
				t.Errorf("%s: line %d is %d columns wide, the table's border %d: the table is broken\n%s", name, i+1, width(line), border, line)
			}
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := "Harbor Systems, the port-logistics group based in Rotterdam, agreed on Monday to pay $2.4 billion for Tidewater Labs, a maker of crane-control software, in a deal its chairman called transformative."
	tests := []struct {
		sentence, figure string
		width            int
		want             string
		reason           string
	}{
		{"Harbor paid $2.4 billion.", "$2.4 billion", 40, "Harbor paid $2.4 billion.", "a sentence that fits is kept whole"},
		{long, "$2.4 billion", 40, "…to pay $2.4 billion for Tidewater…", "cut on both sides, at whole words"},
		{long, "transformative", 30, "…called transformative.", "a figure near the end keeps the words before it"},
		{long, "Harbor", 30, "Harbor Systems, the…", "a figure at the start keeps the words after it"},
		{"Harbor paid $2.4 billion for Tidewater Labs, a maker of crane-control software, in a deal its chairman called transformative.", "$2.4 billion", 40,
			"Harbor paid $2.4 billion for Tidewater…", "a sentence that starts near its figure is shown from its start"},
		{long, "$9 billion", 30, "Harbor Systems, the…", "a figure the sentence does not hold: its start"},
		{"Harbor paid\n\t$2.4   billion.", "$2.4 billion", 40, "Harbor paid $2.4 billion.", "white space is one space; the figure's too"},
		{"Harbor\x1b[31m paid $2.4 billion.", "$2.4 billion", 40, "Harbor[31m paid $2.4 billion.", "no escape character reaches the terminal"},
		{"東京の港湾会社ハーバーは、タイドウォーター社を二十四億ドルで買収することで合意したと月曜日に発表した。", "二十四億ドル", 30, "…ター社を二十四億ドルで買収す…", "wide characters count two columns: 30 columns, 14 characters"},
		{long, "Harbor Systems, the port-logistics group based in Rotterdam", 30, "Harbor Systems, the port-logi…", "a figure wider than the room is cut itself"},
	}
	for _, tt := range tests {
		got := excerpt(tt.sentence, tt.figure, tt.width)
		if got != tt.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q (%s)", tt.figure, tt.width, got, tt.want, tt.reason)
		}
		if width(got) > tt.width {
			t.Errorf("excerpt(%q, %d) = %q is %d columns (%s)", tt.figure, tt.width, got, width(got), tt.reason)
		}
	}
}

// TestExcerptOfAHugeSentence: a file of one sentence of megabytes is
// shown as a line, read only near its figure.
func TestExcerptOfAHugeSentence(t *testing.T) {
	words := strings.Repeat("the harbour cranes were idle again ", 150_000) // 5 MB
	sentence := words + "while Harbor paid $2.4 billion for Tidewater " + words
	if len(sentence) < 10<<20 {
		t.Fatalf("the sentence is %d bytes, want 10 MB", len(sentence))
	}
	got := excerpt(sentence, "$2.4 billion", 60)
	if width(got) > 60 || !strings.Contains(got, "Harbor paid $2.4 billion for") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("excerpt = %q: want at most 60 columns around the figure, cut on both sides", got)
	}
}

func TestColumnWidths(t *testing.T) {
	head := []string{"Slot", "Value", "Sources", "Confidence"}
	tests := []struct {
		rows   [][]string
		width  int
		want   []int
		reason string
	}{
		{[][]string{head, {"Harbor · deal value", "$2.4bn", "ledger", "0.91 error"}}, 80, []int{19, 6, 7, 10},
			"everything fits: natural widths"},
		{[][]string{head, {"Harbor · deal value", "$2.4bn", "ledger, courier, harbour-gazette, tidewater-times", "0.91 error"}}, 60, []int{15, 6, 16, 10},
			"the widest columns give way first, to no less than their longest word"},
		{[][]string{head, {"Harbor · deal value", "$2.4bn", "the-harbour-and-tidewater-shipping-gazette", "0.91 error"}}, 50, []int{6, 6, 15, 10},
			"a word wider than the room is broken; the others keep their longest word"},
	}
	for _, tt := range tests {
		got := columnWidths(tt.rows, tt.width)
		if !slices.Equal(got, tt.want) {
			t.Errorf("columnWidths(width %d) = %v, want %v (%s)", tt.width, got, tt.want, tt.reason)
		}
		total := 3*len(got) + 1
		for _, w := range got {
			total += w
		}
		if total > tt.width {
			t.Errorf("columnWidths(width %d) = %v: %d columns with borders (%s)", tt.width, got, total, tt.reason)
		}
	}
}

func TestWrapBreaksOnlyLongWords(t *testing.T) {
	tests := []struct {
		s      string
		lim    int
		want   []string
		reason string
	}{
		{"ledger, courier", 20, []string{"ledger, courier"}, "fits"},
		{"ledger, courier", 10, []string{"ledger,", "courier"}, "wraps at the space"},
		{"bold-move-superintelligence,", 21, []string{"bold-move-", "superintelligence,"}, "a long word breaks after a hyphen"},
		{"superintelligence", 8, []string{"superint", "elligenc", "e"}, "no hyphen: cut at the width"},
		{"東京港湾", 5, []string{"東京", "港湾"}, "a wide character is not cut in half"},
	}
	for _, tt := range tests {
		got := wrap(tt.s, tt.lim)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q (%s)", tt.s, tt.lim, got, tt.want, tt.reason)
		}
		for _, line := range got {
			if width(line) > tt.lim {
				t.Errorf("wrap(%q, %d): %q is wider than %d", tt.s, tt.lim, line, tt.lim)
			}
		}
	}
}

// wideReport is a report in which every column and every line is too
// long for a narrow terminal: long source ids, a slot of wide characters,
// and an evidence sentence of megabytes.
func wideReport() *checker.Report {
	filler := strings.Repeat("港湾のクレーンは再び止まり、 the harbour cranes were idle again ", 80_000) // ~5 MB
	huge := filler + "Harbor Systems agreed to pay $2.4 billion for Tidewater Labs. " + filler
	r := report()
	f := &r.Findings[0]
	f.Subject = "タイドウォーター・ラボ株式会社"
	f.Values[0].Sources = []string{"the-rotterdam-harbour-and-tidewater-shipping-gazette", "ledger"}
	f.Values[0].Text = "$2.4 billion"
	f.Values[0].Evidence[0].Sentence = huge
	f.Values[1].Evidence[0].Sentence = "Harbor Systems agreed to pay $2.7 billion for Tidewater Labs, a maker of crane-control software, in a deal its chairman called transformative."
	f.Values[1].Text = "$2.7 billion"
	f.Reasons = []string{"1 source against 1 source", "no hedge on either side", "gap 12.5% beyond the 2% tolerance"}
	r.Agreements = []checker.Agreement{{Subject: "Tidewater Labs", Attribute: "founded", Values: []checker.ValueGroup{{Text: "2011"}}, Sources: []string{"ledger", "courier"}}}
	return r
}

func TestTableFitsEveryWidth(t *testing.T) {
	r := wideReport()
	for _, w := range []int{40, 60, 80, 120} {
		var b bytes.Buffer
		if err := Table(&b, r, Options{Width: w}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		assertFits(t, fmt.Sprint(w, " columns"), out, w)
		if b.Len() > 8<<10 {
			t.Errorf("%d columns: %d bytes written for a 5 MB sentence: it must be shortened", w, b.Len())
		}
		// The Sources column, read down, holds every id whole: a cell
		// wraps, and loses nothing.
		var sources strings.Builder
		for _, line := range strings.Split(out, "\n") {
			if cells := strings.Split(line, "│"); len(cells) == 6 {
				sources.WriteString(strings.TrimSpace(cells[3]))
			}
		}
		if !strings.Contains(sources.String(), "ledger,the-rotterdam-harbour-and-tidewater-shipping-gazette") {
			t.Errorf("%d columns: the Sources column reads %q: a cell lost text", w, sources.String())
		}
		if !strings.Contains(out, "$2.4 billion for") || !strings.Contains(out, "…") {
			t.Errorf("%d columns: the evidence is not shortened around its figure:\n%s", w, out)
		}
	}
	var b bytes.Buffer
	if err := Table(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	assertFits(t, "no width", b.String(), DefaultWidth)
	b.Reset()
	if err := Table(&b, r, Options{Width: 10}); err != nil {
		t.Fatal(err)
	}
	assertFits(t, "10 columns", b.String(), MinWidth)
}

func TestTableColourDoesNotCrossLines(t *testing.T) {
	r := report()
	r.Findings[0].Values[0].Evidence[0].Sentence = "Harbor Systems agreed on Monday to pay $14bn in cash and shares for the whole of Tidewater Labs."
	r.Findings[0].Values[1].Evidence[0].Sentence = "Harbor Systems said late last night that it would pay as much as $15bn for the whole of Tidewater Labs."
	var b bytes.Buffer
	if err := Table(&b, r, Options{Width: 50, Color: true}); err != nil {
		t.Fatal(err)
	}
	diff := 0
	for i, line := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(line, "  diff: ") && (diff == 0 || !strings.HasPrefix(line, "        ")) {
			continue
		}
		diff++
		// A coloured word is opened and closed on the one line.
		if n := strings.Count(line, "\x1b["); n%2 != 0 {
			t.Errorf("diff line %d opens a colour it does not close: %q", i+1, line)
		}
	}
	if diff < 2 {
		t.Errorf("the diff takes %d lines at 50 columns, want it wrapped:\n%s", diff, b.String())
	}
}
