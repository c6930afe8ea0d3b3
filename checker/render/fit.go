package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/olekukonko/tablewriter/pkg/twwarp"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Widths are counted in terminal columns, as tablewriter counts them: a
// wide East Asian character is two, a combining mark none, colour codes
// nothing.

// DefaultWidth is the width a table is drawn to when Options.Width is 0:
// a pipe, or a terminal that does not say.
const DefaultWidth = 100

// MinWidth is the narrowest table drawn: four columns and their borders
// cannot be narrower and still be read. A narrower Options.Width is
// taken as MinWidth.
const MinWidth = 40

// tableWidth is the width to draw to for opt.
func tableWidth(opt Options) int {
	switch {
	case opt.Width <= 0:
		return DefaultWidth
	case opt.Width < MinWidth:
		return MinWidth
	}
	return opt.Width
}

// cols is the display width of s.
func cols(s string) int { return twwidth.Width(s) }

// graphemes iterates over s's user-perceived characters with their widths,
// counting ambiguous East Asian characters as tablewriter does.
func graphemes(s string) displaywidth.Graphemes[string] {
	return displaywidth.Options{EastAsianWidth: twwidth.IsEastAsian()}.StringGraphemes(s)
}

// columnWidths shares width out among a table's columns: the width of
// each column's content, borders and padding aside. rows[0] is the
// header. A column keeps its natural width when all fit; otherwise the
// widest columns give way first, down to their longest word (or twice
// their share of the width, for a column of long paths), and only then
// below it, so words are broken only when the table cannot fit
// otherwise.
func columnWidths(rows [][]string, width int) []int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	natural := make([]int, n)
	word := make([]int, n)
	for _, r := range rows {
		for i, c := range r {
			for _, line := range strings.Split(c, "\n") {
				natural[i] = max(natural[i], cols(line))
			}
			for _, w := range strings.Fields(c) {
				word[i] = max(word[i], cols(w))
			}
		}
	}
	ws := append([]int(nil), natural...)
	budget := width - (3*n + 1) // "│ " before each column, " │" after the last
	total := 0
	for _, w := range ws {
		total += w
	}
	// The floors: first each column's longest word, then a few columns.
	floors := [][]int{make([]int, n), make([]int, n)}
	for i := range n {
		floors[0][i] = min(word[i], natural[i], 2*budget/max(n, 1))
		floors[1][i] = min(natural[i], 4)
	}
	for _, floor := range floors {
		for total > budget {
			widest := -1
			for i, w := range ws {
				if w > floor[i] && (widest < 0 || w > ws[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			ws[widest]--
			total--
		}
	}
	return ws
}

// breakWords puts a line break inside every word of s wider than lim,
// after a hyphen, slash or underscore when one falls late enough in the
// piece, so that wrapping s at lim never has to cut or overflow. Colour
// codes in a word that must be broken are dropped.
func breakWords(s string, lim int) string {
	if lim < 1 {
		return s
	}
	fields := strings.Fields(s)
	long := false
	for _, w := range fields {
		if cols(w) > lim {
			long = true
			break
		}
	}
	if !long {
		return s
	}
	out := make([]string, 0, len(fields))
	for _, w := range fields {
		if cols(w) <= lim {
			out = append(out, w)
			continue
		}
		if strings.ContainsRune(w, '\x1b') {
			w = twwidth.Filter().ReplaceAllString(w, "")
		}
		out = append(out, strings.Join(pieces(w, lim), "\n"))
	}
	return strings.Join(out, " ")
}

// pieces cuts a word into pieces at most lim wide.
func pieces(w string, lim int) []string {
	var out []string
	for cols(w) > lim {
		cut, soft, used := 0, 0, 0
		for g := graphemes(w); g.Next(); {
			if used+g.Width() > lim {
				break
			}
			used += g.Width()
			cut += len(g.Value())
			if strings.ContainsAny(g.Value(), "-/_") {
				soft = cut
			}
		}
		if cut == 0 { // a character wider than lim: it goes alone
			_, cut = utf8.DecodeRuneInString(w)
		}
		if soft > cut/3 {
			cut = soft
		}
		out = append(out, w[:cut])
		w = w[cut:]
	}
	return append(out, w)
}

// wrap breaks s into lines at most lim wide, at spaces, and inside words
// only where a word is wider than lim.
func wrap(s string, lim int) []string {
	var out []string
	for _, part := range strings.Split(breakWords(s, lim), "\n") {
		lines, _ := twwarp.WrapString(part, lim)
		out = append(out, lines...)
	}
	return out
}

// writeWrapped writes s after prefix, wrapped to width, its further lines
// indented as far as the prefix goes.
func writeWrapped(b *strings.Builder, prefix, s string, width int) {
	indent := strings.Repeat(" ", cols(prefix))
	for i, line := range wrap(s, max(width-cols(prefix), 1)) {
		if i == 0 {
			b.WriteString(prefix)
		} else {
			b.WriteString(indent)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
}

// excerpt shortens sentence to at most width columns around its figure,
// marking what it leaves out on either side with "…": as much of the
// words before the figure as after, whole words where it can. The figure
// is found in the sentence by its text; a sentence without it is cut at
// its end. Runs of white space are one space, control characters are
// dropped, and however long the sentence (a file of one sentence), only
// the bytes near the figure are read.
func excerpt(sentence, figure string, width int) string {
	at := -1
	if figure = squash(figure); figure != "" {
		at = strings.Index(sentence, figure)
	}
	if at < 0 {
		at, figure = 0, ""
	}
	// Each column is a byte or more: a window of 8 bytes a column on each
	// side holds all the text that can be shown, short of long runs of
	// combining marks, which are shown shorter.
	reach := 8*width + 16
	left, cutLeft := sentence[:at], false
	if len(left) > reach {
		// A rune cut in two at the window's edge is dropped.
		left, cutLeft = strings.ToValidUTF8(left[len(left)-reach:], ""), true
	}
	right, cutRight := sentence[at+len(figure):], false
	if len(right) > reach {
		right, cutRight = strings.ToValidUTF8(right[:reach], ""), true
	}
	left, right = squash(left), squash(right)
	if at == 0 && figure == "" {
		right = strings.TrimLeft(right, " ")
	}
	lw, fw, rw := cols(left), cols(figure), cols(right)
	if !cutLeft && !cutRight && lw+fw+rw <= width {
		return strings.TrimSpace(left + figure + right)
	}
	if fw > width-2 { // the figure alone is too wide
		lead := ""
		if left != "" {
			lead = "…"
		}
		return lead + displaywidth.Options{EastAsianWidth: twwidth.IsEastAsian()}.TruncateString(figure+right, width-cols(lead), "…")
	}
	// Each side is offered half the room, or all it needs when that is
	// no more than two thirds of it (a sentence that starts or ends near
	// its figure is shown to its start or end), and then what the other
	// side, cut at a word, left.
	room := width - fw
	shortLeft := func(n int) string {
		if n >= lw && !cutLeft {
			return left
		}
		return "…" + strings.TrimLeft(tail(left, n-1), " ")
	}
	shortRight := func(n int) string {
		if n >= rw && !cutRight {
			return right
		}
		return strings.TrimRight(head(right, n-1), " ") + "…"
	}
	first := min(lw, room/2)
	switch {
	case lw <= 2*room/3 && !cutLeft:
		first = lw
	case rw <= 2*room/3 && !cutRight:
		first = room - rw
	}
	l := shortLeft(first)
	r := shortRight(room - cols(l))
	l = shortLeft(room - cols(r))
	return strings.TrimSpace(l + figure + r)
}

// head is the start of s at most n columns wide, less a word cut short
// when a space comes before it.
func head(s string, n int) string {
	end, used := 0, 0
	for g := graphemes(s); g.Next(); {
		if used+g.Width() > n {
			if i := strings.LastIndexByte(s[:end], ' '); i > 0 && !strings.HasPrefix(s[end:], " ") {
				end = i
			}
			return s[:end]
		}
		used += g.Width()
		end += len(g.Value())
	}
	return s
}

// tail is the end of s at most n columns wide, less a word cut short when
// a space comes after it.
func tail(s string, n int) string {
	var starts, widths []int
	at := 0
	for g := graphemes(s); g.Next(); {
		starts = append(starts, at)
		widths = append(widths, g.Width())
		at += len(g.Value())
	}
	used, from := 0, len(s)
	for i := len(starts) - 1; i >= 0; i-- {
		if used+widths[i] > n {
			if from > 0 && s[from-1] != ' ' {
				if j := strings.IndexByte(s[from:], ' '); j >= 0 && from+j < len(s)-1 {
					from += j + 1
				}
			}
			return s[from:]
		}
		used += widths[i]
		from = starts[i]
	}
	return s
}

// squash makes every run of white space one space and drops other
// control characters, which would move a terminal's cursor.
func squash(s string) string {
	clean := true
	for _, r := range s {
		if (unicode.IsSpace(r) && r != ' ') || unicode.IsControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case unicode.IsControl(r) || r == utf8.RuneError:
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
