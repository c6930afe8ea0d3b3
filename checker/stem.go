package checker

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// stemCacheSize bounds the words a lexicon remembers the stems of: about
// the vocabulary of a year of a newspaper, a few megabytes.
const stemCacheSize = 200_000

// A stemCache remembers the stems of the words met by every extraction
// that shares a lexicon, so that an archive is stemmed once per word, not
// once per article. It is safe for concurrent use and stops growing at
// its bound; a nil cache stems every word afresh.
type stemCache struct {
	m   sync.Map // word → stem
	n   atomic.Int64
	max int64
}

func newStemCache(max int64) *stemCache { return &stemCache{max: max} }

// stem returns the Snowball English stem of a lower-case word.
func (c *stemCache) stem(w string) string {
	if c == nil {
		return stem(w)
	}
	if v, ok := c.m.Load(w); ok {
		return v.(string)
	}
	st := stem(w)
	if c.n.Load() < c.max {
		// The word may point into an article's text: keep a copy, not
		// the article.
		if _, loaded := c.m.LoadOrStore(strings.Clone(w), strings.Clone(st)); !loaded {
			c.n.Add(1)
		}
	}
	return st
}

// stem reduces a lower-case word to its Snowball English stem.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
