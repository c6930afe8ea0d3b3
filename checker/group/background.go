package group

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// background.txt is the document frequency of each word in a corpus of
// edited English (the Brown Corpus), written by cmd/background: how
// common a word is in text in general, which a corpus of five articles
// cannot tell.
//
//go:embed background.txt
var backgroundText string

// A Background is a table of document frequencies: in how many of Docs
// documents each word is, and in how many of them it is written in lower
// case.
type Background struct {
	Docs  int
	df    map[uint64]uint32
	lower map[uint64]uint32
}

// DF is the number of the background's documents that use w, in any case.
func (b *Background) DF(w string) int { return int(b.df[hashWord(bare(w))]) }

// DefaultBackground is the committed table (background.txt).
var DefaultBackground = sync.OnceValue(func() *Background {
	b, err := ReadBackground(strings.NewReader(backgroundText))
	if err != nil {
		panic("checker/group: background.txt: " + err.Error())
	}
	return b
})

// ReadBackground reads a table WriteBackground wrote.
func ReadBackground(r io.Reader) (*Background, error) {
	b := &Background{df: map[uint64]uint32{}, lower: map[uint64]uint32{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "# ") {
			continue
		}
		f := strings.Split(text, "\t")
		if b.Docs == 0 {
			n, err := strconv.Atoi(strings.TrimPrefix(text, "documents "))
			if !strings.HasPrefix(text, "documents ") || err != nil || n <= 0 {
				return nil, fmt.Errorf("line %d: want \"documents N\" before the words, got %q", line, text)
			}
			b.Docs = n
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want word, documents and lower-case documents, tab-separated; got %q", line, text)
		}
		df, err1 := strconv.ParseUint(f[1], 10, 32)
		lo, err2 := strconv.ParseUint(f[2], 10, 32)
		if err1 != nil || err2 != nil || df == 0 || lo > df || int(df) > b.Docs {
			return nil, fmt.Errorf("line %d: %q: want 0 < documents ≤ %d and lower-case documents ≤ documents", line, text, b.Docs)
		}
		h := hashWord(f[0])
		if _, ok := b.df[h]; ok {
			return nil, fmt.Errorf("line %d: %q listed twice", line, f[0])
		}
		b.df[h], b.lower[h] = uint32(df), uint32(lo)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if b.Docs == 0 {
		return nil, fmt.Errorf("no \"documents N\" line")
	}
	return b, nil
}

// WriteBackground writes the table of the words of docs, each a
// document's text, that at least minDF of them use: a header of comment
// lines (comment, one line each), the number of documents, then word,
// documents and lower-case documents, tab-separated, sorted by word.
// Words are lower-cased as the grouping reads them.
func WriteBackground(w io.Writer, comment []string, docs []string, minDF int) error {
	df, lower := map[string]int{}, map[string]int{}
	for _, d := range docs {
		seen := map[string]uint8{} // 1: counted; 2: counted in lower case
		eachWord(d, func(gap, word string) {
			eachFigure(gap, func(fig string) {
				if seen[fig]&1 == 0 {
					df[fig]++
					seen[fig] |= 1
				}
			})
			if word == "" {
				return
			}
			lw := strings.ToLower(word)
			r, _ := utf8.DecodeRuneInString(word)
			s := seen[lw]
			if s&1 == 0 {
				df[lw]++
				s |= 1
			}
			if !unicode.IsUpper(r) && s&2 == 0 {
				lower[lw]++
				s |= 2
			}
			seen[lw] = s
		})
	}
	words := make([]string, 0, len(df))
	for w, n := range df {
		if n >= minDF {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	bw := bufio.NewWriter(w)
	for _, c := range comment {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	fmt.Fprintf(bw, "documents %d\n", len(docs))
	for _, w := range words {
		fmt.Fprintf(bw, "%s\t%d\t%d\n", w, df[w], lower[w])
	}
	return bw.Flush()
}
