package sources

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// furniture holds the patterns of lines that belong to the page, not the
// article — sharing, subscribing, app stores, comment prompts, related
// links — indexed by the first word they can start with. Each is matched
// case-insensitively against the whole trimmed line.
var furniture = func() map[string][]*regexp.Regexp {
	m := map[string][]*regexp.Regexp{}
	for _, p := range []struct {
		first   string // the words a matching line starts with
		pattern string
	}{
		{"shared share", `shared? (from|this|on|via)\b.*`},
		{"share", `share( this)?( article| story)?[.!:]?`},
		{"download get", `(download|get it) on the (app store|google play).*`},
		{"available download", `(available|download) (on|in) the app store.*`},
		{"subscribe sign register", `(subscribe|sign up|register)( now| today| for| to)?\b.{0,80}`},
		{"get", `get (your|our) (own )?(daily|weekly|free) (briefing|newsletter|digest).*`},
		{"be", `be the first to (post|comment|leave|share).*`},
		{"leave post add write", `(leave|post|add|write) a comment.*`},
		{"comment comments #", `(\d+ )?comments?( \(\d+\))?`},
		{"join start", `(join|start) the (conversation|discussion).*`},
		{"follow", `follow us( on)?\b.{0,60}`},
		{"read see", `(read|see) (more|next|also)\b.{0,60}`},
		{"related recommended most more you trending", `(related|recommended|most (read|popular)|more from|you may also like|trending)( stories| articles| news)?:?`},
		{"advertisement sponsored ad", `advertisement|sponsored( content)?|ad`},
		{"click", `click here\b.*`},
		{"© copyright all", `(©|copyright\b|all rights reserved).{0,120}`},
		{"photo image picture video", `(photo|image|picture|video)( credit)?:.{0,120}`},
	} {
		re := regexp.MustCompile(`(?i)^(` + p.pattern + `)$`)
		for _, w := range strings.Fields(p.first) {
			m[w] = append(m[w], re)
		}
	}
	return m
}()

// newsletterLine matches a short line that plugs a newsletter anywhere.
var newsletterLine = regexp.MustCompile(`(?i)^.{0,40}\bnewsletter\b.{0,60}$`)

// teaserTail matches the end of a teaser for another story:
// "… the c... Read more".
var teaserTail = regexp.MustCompile(`(?i)(\.\.\.|…)\s*(read more|continue reading|more)\s*[»›>]?\s*$|\bread more\s*[»›>]?\s*$`)

// isFurniture reports whether a line is page furniture. Furniture is
// short: a line over 300 bytes is prose, whatever it ends with.
func isFurniture(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 300 {
		return false
	}
	// The patterns are matched case-insensitively; the tests before them
	// fold only ASCII letters, which is all the words they look for hold.
	if tail := strings.TrimRight(t, " »›>"); (hasSuffixASCIIFold(tail, "more") || hasSuffixASCIIFold(tail, "reading")) && teaserTail.MatchString(t) {
		return true
	}
	first, _, _ := strings.Cut(t, " ")
	first = strings.TrimRight(first, ".!:,")
	var patterns []*regexp.Regexp
	switch {
	case first != "" && first[0] >= '0' && first[0] <= '9':
		patterns = furniture["#"]
	case strings.HasPrefix(first, "©"):
		patterns = furniture["©"]
	case len(first) <= len(lowered{}) && isASCII(first):
		// Lower-cased on the stack: most lines open with a capital.
		var low lowered
		for i := 0; i < len(first); i++ {
			c := first[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		patterns = furniture[string(low[:len(first)])]
	case !isASCII(first):
		patterns = furniture[strings.ToLower(first)]
	}
	for _, re := range patterns {
		if re.MatchString(t) {
			return true
		}
	}
	return containsASCIIFold(t, "newsletter") && newsletterLine.MatchString(t)
}

// lowered holds a line's first word lower-cased, when it is short enough
// to be one that furniture starts with (the longest is 13 bytes).
type lowered [16]byte

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasSuffixASCIIFold reports whether s ends with the lower-case ASCII
// word suffix, in any case.
func hasSuffixASCIIFold(s, suffix string) bool {
	return len(s) >= len(suffix) && equalASCIIFold(s[len(s)-len(suffix):], suffix)
}

// containsASCIIFold reports whether s holds the lower-case ASCII word
// sub, in any case.
func containsASCIIFold(s, sub string) bool {
	lo, up := sub[0], sub[0]-('a'-'A')
	for len(s) >= len(sub) {
		// The next place sub's first letter is, in either case.
		end := len(s) - len(sub) + 1
		i := strings.IndexByte(s[:end], lo)
		if i >= 0 {
			end = i
		}
		if j := strings.IndexByte(s[:end], up); j >= 0 {
			i = j
		}
		if i < 0 {
			return false
		}
		if equalASCIIFold(s[i:i+len(sub)], sub) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// equalASCIIFold reports whether s is the lower-case ASCII word lower
// with any of its letters upper-case.
func equalASCIIFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// isHeadlineLike reports whether a line reads as a headline: short and not
// ending as a sentence does.
func isHeadlineLike(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || len(strings.Fields(t)) > 14 {
		return false
	}
	last := []rune(t)[len([]rune(t))-1]
	return !strings.ContainsRune(".!?:;,\"”", last)
}

// moreFields reports whether s has more than n words separated by white
// space, as strings.Fields counts them, without splitting it.
func moreFields(s string, n int) bool {
	count, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r' // unicode.IsSpace's ASCII
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		switch {
		case space:
			in = false
		case !in:
			in = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

// hasText reports whether a line holds any letter or digit (a lone "-"
// bullet or "🔹" does not).
func hasText(line string) bool {
	for _, r := range line {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// articleLines returns which lines are the article. A line is dropped when
// it is furniture; a teaser's headline (the headline-like line just before
// a "… Read more" line) goes with it; and a closing block goes whole: a
// furniture line after which every line is short or furniture, in the last
// third of the text or followed by more furniture (the promotional blocks
// that close a page).
func articleLines(lines []string) []bool {
	keep := make([]bool, len(lines))
	furn := make([]bool, len(lines)) // furniture with text, computed once
	for i, l := range lines {
		text := hasText(l)
		furn[i] = text && isFurniture(l)
		keep[i] = text && !furn[i]
	}
	for i, l := range lines {
		if !furn[i] || !teaserTail.MatchString(strings.TrimSpace(l)) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if !hasText(lines[j]) {
				continue
			}
			if isHeadlineLike(lines[j]) {
				keep[j] = false
			}
			break
		}
	}
	// The closing block: from the first furniture line in the last third
	// of the text, measured in bytes.
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	// From the end: whether every line after i is short or furniture, and
	// whether any of them is furniture. One pass, so a huge page is linear.
	n := len(lines)
	shortAfter := make([]bool, n+1)
	furnAfter := make([]bool, n+1)
	shortAfter[n] = true
	for i := n - 1; i >= 0; i-- {
		// Words are counted only while every line after is short.
		shortAfter[i] = shortAfter[i+1] && !(keep[i] && moreFields(lines[i], 25))
		furnAfter[i] = furnAfter[i+1] || furn[i]
	}
	pos := 0
	for i, l := range lines {
		at := pos
		pos += len(l) + 1
		if !furn[i] {
			continue
		}
		// A closing block: everything left is short or furniture, and it
		// is in the last third of the page or holds more furniture.
		if shortAfter[i+1] && (at*3 >= total*2 || furnAfter[i+1]) {
			for j := i; j < n; j++ {
				keep[j] = false
			}
			break
		}
	}
	return keep
}
