package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "rs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true,
	"vs": true, "etc": true, "no": true, "nos": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "a.m": true, "p.m": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"gov": true, "gen": true, "sen": true, "rep": true, "rev": true, "capt": true,
	"col": true, "lt": true, "sgt": true, "approx": true, "est": true, "fig": true,
	"dept": true, "univ": true, "mt": true, "ft": true, "vol": true,
}

// figurePrefixes end with a period that does not end a sentence when a
// figure follows: currency prefixes, "Ksh. 500"; "paid in Ksh. The …"
// ends one.
var figurePrefixes = map[string]bool{"ksh": true, "kshs": true}

// Sentences returns the spans of the sentences of s. A sentence ends at
// ".", "!", "?" or "…" (with any closing quotes or brackets) followed by
// space and a capital, digit, quote or bullet — except after a known
// abbreviation or a single initial. Spans are trimmed of outer space.
func Sentences(s string) []Span { return AppendSentences(nil, s) }

// AppendSentences appends the spans of the sentences of s to spans and
// returns it.
func AppendSentences(spans []Span, s string) []Span {
	start := 0
	// next[k] is where the next byte ends[k] is at or after the last
	// search, len(s) for none: each search (a fast IndexByte) is redone
	// only once the scan has passed what it found.
	const ends = ".!?\xe2" // "\xe2" opens "…"
	next := [len(ends)]int{-1, -1, -1, -1}
	for i := 0; i < len(s); {
		at := len(s)
		for k := range next {
			if next[k] < i {
				next[k] = len(s)
				if p := strings.IndexByte(s[i:], ends[k]); p >= 0 {
					next[k] = i + p
				}
			}
			at = min(at, next[k])
		}
		if at == len(s) {
			break
		}
		// No byte before at can end a sentence: ASCII bytes and "\xe2"
		// are never inside another rune.
		i = at
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(`"”’')]».!?`, c) {
				break
			}
			j += m
		}
		if j >= len(s) {
			break
		}
		c, _ := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsSpace(c) {
			i = j
			continue
		}
		k := j
		for k < len(s) {
			c, m := utf8.DecodeRuneInString(s[k:])
			if !unicode.IsSpace(c) {
				break
			}
			k += m
		}
		if k >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"“‘'(-–—•$€£`, next)) {
			i = j
			continue
		}
		if r == '.' && (isAbbreviation(s[start:i]) || unicode.IsDigit(next) && figurePrefixes[lastWord(s[start:i])]) {
			i = j
			continue
		}
		spans = appendTrimmed(spans, s, start, j)
		start = k
		i = k
	}
	return appendTrimmed(spans, s, start, len(s))
}

// isAbbreviation reports whether the text before a period ends with an
// abbreviation or a single letter (an initial).
func isAbbreviation(before string) bool {
	w := lastWord(before)
	if abbreviations[w] {
		return true
	}
	return utf8.RuneCountInString(w) == 1 && w != "" && unicode.IsLetter([]rune(w)[0])
}

// lastWord returns the lower case of the word that ends text: what stands
// after its last space, bracket or quote.
func lastWord(text string) string {
	k := len(text)
	for k > 0 {
		c := text[k-1]
		if c == ' ' || c == '(' || c == '"' || c == '\n' {
			break
		}
		k--
	}
	return strings.ToLower(text[k:])
}

func appendTrimmed(spans []Span, s string, a, b int) []Span {
	for a < b {
		c, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(c) && c != '-' && c != '•' {
			break
		}
		if c == '-' && a+1 < b && (isDigit(s[a+1]) || s[a+1] == '.') {
			break // a minus sign, not a bullet: "-5C"
		}
		a += n
	}
	for b > a {
		c, n := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(c) {
			break
		}
		b -= n
	}
	if a < b {
		spans = append(spans, Span{a, b})
	}
	return spans
}
