package text

import (
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// The token kinds.
const (
	Word Kind = iota // letters, with inner apostrophes: "Meta's", "don't"
	Num              // digits with grouping commas and one decimal point: "14,300.5"
	Sym              // any other single rune: "$", "%", "–", ","
)

// A Token is a word, number or symbol and its byte span in the text.
type Token struct {
	Kind       Kind
	Text       string
	Start, End int
	// Space is true when white space separates the token from the one
	// before it (or it is the first token).
	Space bool
}

// Tokenize appends the tokens of s to toks[:0] and returns it. Invalid
// UTF-8 bytes become one-byte symbols.
func Tokenize(s string, toks []Token) []Token {
	toks = toks[:0]
	if cap(toks) == 0 {
		toks = make([]Token, 0, len(s)/5+4) // a token per five bytes, as in English prose
	}
	space := true
	for i := 0; i < len(s); {
		switch byteClass[s[i]] {
		case bSpace:
			space = true
			i++
			continue
		case bLetter:
			j := scanWord(s, i)
			toks = append(toks, Token{Word, s[i:j], i, j, space})
			i = j
		case bDigit:
			j := scanNumber(s, i)
			toks = append(toks, Token{Num, s[i:j], i, j, space})
			i = j
		case bSym:
			toks = append(toks, Token{Sym, s[i : i+1], i, i + 1, space})
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				space = true
				i += n
				continue
			}
			if unicode.IsLetter(r) {
				j := scanWord(s, i)
				toks = append(toks, Token{Word, s[i:j], i, j, space})
				i = j
			} else {
				toks = append(toks, Token{Sym, s[i : i+n], i, i + n, space})
				i += n
			}
		}
		space = false
	}
	return toks
}

// The classes of a byte for Tokenize.
const (
	bRune   = iota // the first byte of a rune beyond ASCII, or a stray byte
	bSpace         // ' ', '\t', '\n', '\r'
	bLetter        // an ASCII letter
	bDigit         // '0' to '9'
	bSym           // any other ASCII byte
)

var byteClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			t[c] = bSpace
		case isDigit(byte(c)):
			t[c] = bDigit
		case isASCIILetter(byte(c)):
			t[c] = bLetter
		default:
			t[c] = bSym
		}
	}
	return t
}()

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber reads digits, grouping commas followed by exactly three
// digits (or Indian grouping: two, then three), and one decimal point
// followed by a digit.
func scanNumber(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	// Indian grouping: "12,34,567.89" (lakhs and crores).
	if j-i <= 2 {
		k := j
		for k+2 < len(s) && s[k] == ',' && isDigit(s[k+1]) && isDigit(s[k+2]) && (k+3 == len(s) || !isDigit(s[k+3])) {
			k += 3
		}
		if k > j && k+3 < len(s) && s[k] == ',' && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) && (k+4 == len(s) || !isDigit(s[k+4])) {
			j = k
		}
	}
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 == len(s) || !isDigit(s[j+4])) {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j += 2
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	return j
}

// scanWord reads letters and inner apostrophes (' or ’) followed by a letter.
func scanWord(s string, i int) int {
	j := i
	for {
		for j < len(s) && asciiLetter[s[j]] {
			j++ // most of a word: a byte and a table
		}
		if j >= len(s) {
			return j
		}
		if c := s[j]; c < utf8.RuneSelf {
			if c == '\'' && j+1 < len(s) && isASCIILetter(s[j+1]) && j > i {
				j++
				continue
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc) {
			j += n
			continue
		}
		if r == '’' && j+n < len(s) && isASCIILetter(s[j+n]) && j > i {
			j += n
			continue
		}
		return j
	}
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := range t {
		t[c] = isASCIILetter(byte(c))
	}
	return t
}()
