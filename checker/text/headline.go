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
		if t.Kind != Word || len(t.Text) < HeadlineWord {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			caps++
		}
	}
	return HeadlineShare(words, caps)
}

// HeadlineWord is the least length in bytes of the words IsHeadline
// counts.
const HeadlineWord = 4

// HeadlineShare reports whether caps capitalized words among words
// counted make a headline, for a caller that counts them as IsHeadline
// does while it reads the tokens for something else.
func HeadlineShare(words, caps int) bool { return words >= 3 && caps*4 >= words*3 }
