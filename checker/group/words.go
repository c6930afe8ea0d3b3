package group

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// eachWord calls f with each word of text and the text between it and
// the word before (gap), and last with the text after the last word and
// no word. A word is a run of letters, with apostrophes and
// hyphens inside it ("O'Neil-Smith"), less a possessive ending: "Meta’s"
// is the word "Meta".
func eachWord(text string, f func(gap, word string)) {
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
				break
			}
			j += size
		}
		f(text[last:i], bare(text[i:j]))
		last, i = j, j
	}
	if last < len(text) {
		f(text[last:], "")
	}
}

// bare is a word without a possessive ending or trailing apostrophes and
// hyphens.
func bare(w string) string {
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			w = w[:len(w)-len(s)]
			break
		}
	}
	return strings.TrimRight(w, "'’-")
}

// hashWord is the FNV-1a hash of a word in lower case: the key of a word
// in the grouping and in the background table.
func hashWord(w string) uint64 {
	var h uint64 = 14695981039346656037
	for _, r := range w {
		if r < utf8.RuneSelf {
			b := byte(r)
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			h = (h ^ uint64(b)) * 1099511628211
			continue
		}
		var enc [utf8.UTFMax]byte
		for _, b := range utf8.AppendRune(enc[:0], unicode.ToLower(r)) {
			h = (h ^ uint64(b)) * 1099511628211
		}
	}
	return h
}

// minDigits is the fewest digits a figure that tells events apart has:
// "49" or "3" is in any number of unrelated stories.
const minDigits = 3

// eachFigure calls f with each figure in text, as the grouping keys it:
// "#" and its digits, without thousands separators ("15,687" is
// "#15687", and so is "15.687.000" without its points, "14.3" is "#14.3"). A year (1900–2099) is no figure: two
// events of one year share it by chance.
func eachFigure(text string, f func(fig string)) {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i
		b := []byte{'#'}
		grouped := false
		for j < len(text) {
			c := text[j]
			switch {
			case c >= '0' && c <= '9':
				b = append(b, c)
			case (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' && j > i:
				if c == '.' {
					b = append(b, c)
				} else {
					grouped = true
				}
			default:
				goto done
			}
			j++
		}
	done:
		fig := string(b)
		if strings.Count(fig, ".") >= 2 {
			// "2.500.000": points that group thousands, as "2,500,000".
			fig = strings.ReplaceAll(fig, ".", "")
			grouped = true
		}
		digits := len(fig) - 1 - strings.Count(fig, ".")
		year := !grouped && len(fig) == 5 && (fig[1:3] == "19" || fig[1:3] == "20")
		if digits >= minDigits && !year {
			f(fig)
		}
		i = j
	}
}
