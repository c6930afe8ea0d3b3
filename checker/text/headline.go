package text

import (
	"unicode"
	"unicode/utf8"
)

// IsHeadline reports whether most words of four letters or more are
// capitalized, as in "Meta Bets $15bn On Scale AI": in such text a capital
// says nothing about names.
func IsHeadline(toks []Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind != Word || len(t.Text) < 4 {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*4 >= words*3
}
