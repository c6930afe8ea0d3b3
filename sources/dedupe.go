package sources

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker"
)

// A Duplicate is an input merged into an earlier one because it is the
// same article: the same URL or the same text. It is not a second source.
type Duplicate struct {
	Path   string // the duplicate
	Of     string // the path of the article it repeats
	Reason string // "same URL" or "same text"
}

// A Syndication is a pair of articles that are near copies (wire copy
// with a paragraph changed): Similarity is the Jaccard index of their
// word 3-gram sets.
type Syndication struct {
	A, B       string // article IDs
	Similarity float64
}

// SyndicationThreshold is the similarity from which two articles are
// flagged as near copies.
const SyndicationThreshold = 0.6

// dedupe keeps the first of every set of articles with the same URL or
// the same normalized text.
func dedupe(arts []*checker.Article) ([]*checker.Article, []Duplicate) {
	if len(arts) < 2 {
		return arts, nil // nothing to be a copy of
	}
	byURL := map[string]*checker.Article{}
	byText := map[string]*checker.Article{}
	var kept []*checker.Article
	var dups []Duplicate
	for _, a := range arts {
		u := normalURL(a.URL)
		if first, ok := byURL[u]; ok && u != "" {
			dups = append(dups, Duplicate{Path: a.Path, Of: first.Path, Reason: "same URL"})
			continue
		}
		t := normalText(a)
		if first, ok := byText[t]; ok && t != "" {
			dups = append(dups, Duplicate{Path: a.Path, Of: first.Path, Reason: "same text"})
			continue
		}
		if u != "" {
			byURL[u] = a
		}
		byText[t] = a
		kept = append(kept, a)
	}
	return kept, dups
}

// normalURL is a URL's identity: scheme and host lower-cased, no
// fragment, no tracking parameters, no trailing slash, http same as https.
func normalURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "ref" || lk == "cmpid" {
			q.Del(k)
		}
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return host + strings.TrimRight(u.EscapedPath(), "/") + "?" + q.Encode()
}

// normalText is an article's text with case, punctuation and spacing
// ironed out: its words (letters, digits, "$", "%" and "."), lower-cased,
// each followed by a space.
func normalText(a *checker.Article) string {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(p.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range a.Paragraphs {
		in := false
		for i := 0; i < len(p.Text); {
			var word bool
			if c := p.Text[i]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if word = asciiWord[c]; word {
					b.WriteByte(c)
				}
				i++
			} else {
				r, size := utf8.DecodeRuneInString(p.Text[i:])
				if r = unicode.ToLower(r); inWord(r) {
					b.WriteRune(r)
					word = true
				}
				i += size
			}
			switch {
			case word:
				in = true
			case in:
				b.WriteByte(' ')
				in = false
			}
		}
		if in {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// asciiWord is inWord of each lower-cased ASCII byte.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = inWord(rune(c))
	}
	return t
}()

// inWord reports whether a lower-cased rune belongs to a word of
// normalText.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '%' || r == '.'
}

// Syndicated flags pairs of articles whose word 3-grams overlap by
// SyndicationThreshold or more, in the order of the articles (A before
// B, pairs of an earlier A first).
//
// It does not compare every pair. Two sets with a Jaccard index of at
// least t share at least ⌈t·n⌉ of the n members of the larger one, so
// once every set is sorted by a global order of its members (rarest
// first), any such pair shares a member among the first n−⌊t·n⌋+1 of
// each set (prefix filtering). Only pairs that share a prefix member,
// whose sizes allow the threshold, and whose shared prefix members and
// what follows them could still make the overlap the threshold needs
// (positional filtering, PPJoin) are compared, which is linear in the
// corpus unless the articles are all copies of each other.
func Syndicated(arts []*checker.Article) []Syndication {
	if len(arts) < 2 {
		return nil
	}
	grams := make([][]uint64, len(arts))
	for i, a := range arts {
		grams[i] = trigrams(a)
	}
	if len(arts) <= comparedWhole {
		return syndicatedPairs(arts, grams)
	}
	sets := rankedSets(grams)
	type posting struct{ set, pos int32 }
	index := map[uint32][]posting{} // prefix member -> sets whose prefix holds it, and where
	var pairs [][2]int32
	// shared[j] counts the prefix members set j shares with set i so far,
	// -1 once the pair is ruled out; touched lists the j it was set for.
	shared := make([]int32, len(sets))
	var touched []int32
	for i, s := range sets {
		if len(s) == 0 {
			continue // jaccard is 0: never a near copy
		}
		for p, m := range s[:prefixLen(len(s))] {
			for _, e := range index[m] {
				j, c := e.set, shared[e.set]
				if c < 0 || !sizesAllow(len(sets[j]), len(s)) {
					continue
				}
				if c == 0 {
					touched = append(touched, j)
				}
				// The members after these two places are the most the sets
				// can still share: members are sorted, so none before them.
				rest := min(len(s)-p-1, len(sets[j])-int(e.pos)-1)
				if int(c)+1+rest < overlapNeeded(len(sets[j]), len(s)) {
					shared[j] = -1
					continue
				}
				shared[j] = c + 1
			}
			index[m] = append(index[m], posting{int32(i), int32(p)})
		}
		for _, j := range touched {
			if shared[j] > 0 {
				pairs = append(pairs, [2]int32{j, int32(i)})
			}
			shared[j] = 0
		}
		touched = touched[:0]
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	var out []Syndication
	for _, p := range pairs {
		a, b := sets[p[0]], sets[p[1]]
		if !mayShare(a, b, overlapNeeded(len(a), len(b))) {
			continue
		}
		if s := jaccard(a, b); s >= SyndicationThreshold {
			out = append(out, Syndication{A: arts[p[0]].ID, B: arts[p[1]].ID, Similarity: s})
		}
	}
	return out
}

// comparedWhole is the most articles whose 3-gram sets Syndicated
// compares pair by pair: fewer pairs than indexing them would cost.
const comparedWhole = 16

// syndicatedPairs is Syndicated comparing every pair of a few articles:
// each article's 3-grams in a hash set, the smaller set of a pair looked
// up in the larger.
func syndicatedPairs(arts []*checker.Article, grams [][]uint64) []Syndication {
	sets := make([]gramSet, len(grams))
	for i, g := range grams {
		sets[i] = newGramSet(g)
	}
	var out []Syndication
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			a, b := &sets[i], &sets[j]
			m, n := len(a.keys), len(b.keys)
			if m == 0 || n == 0 || !sizesAllow(m, n) {
				continue
			}
			if m > n {
				a, b = b, a
			}
			inter, ok := a.shared(b, overlapNeeded(m, n))
			if !ok {
				continue
			}
			if s := float64(inter) / float64(m+n-inter); s >= SyndicationThreshold {
				out = append(out, Syndication{A: arts[i].ID, B: arts[j].ID, Similarity: s})
			}
		}
	}
	return out
}

// A gramSet is an article's distinct 3-gram hashes, in the order met and
// in an open-addressing table.
type gramSet struct {
	keys  []uint64
	slots []uint64 // a power of two of them, 0 for empty
	zero  bool     // the set holds the hash 0, which slots cannot
}

func newGramSet(g []uint64) gramSet {
	size := 16
	for size < 2*len(g) {
		size *= 2
	}
	s := gramSet{keys: make([]uint64, 0, len(g)), slots: make([]uint64, size)}
	for _, k := range g {
		if k == 0 {
			if !s.zero {
				s.zero = true
				s.keys = append(s.keys, k)
			}
			continue
		}
		for i := k & uint64(size-1); ; i = (i + 1) & uint64(size-1) {
			if s.slots[i] == k {
				break
			}
			if s.slots[i] == 0 {
				s.slots[i] = k
				s.keys = append(s.keys, k)
				break
			}
		}
	}
	return s
}

func (s *gramSet) has(k uint64) bool {
	if k == 0 {
		return s.zero
	}
	mask := uint64(len(s.slots) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// shared counts the members s shares with t, giving up (ok false) once
// what is left of s cannot make up need.
func (s *gramSet) shared(t *gramSet, need int) (inter int, ok bool) {
	for i, k := range s.keys {
		if inter+len(s.keys)-i < need {
			return inter, false
		}
		if t.has(k) {
			inter++
		}
	}
	return inter, inter >= need
}

// mayShare reports whether two sorted sets can share need members,
// stopping as soon as what is left of them cannot make up the count.
func mayShare[T cmp.Ordered](a, b []T, need int) bool {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if inter+min(len(a)-i, len(b)-j) < need {
			return false
		}
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return inter >= need
}

// overlapNeeded is the fewest members sets of sizes m and n must share
// for a Jaccard index of SyndicationThreshold: o/(m+n−o) ≥ t when
// o ≥ t(m+n)/(1+t). It errs low, never high.
func overlapNeeded(m, n int) int {
	t := SyndicationThreshold
	return int(math.Ceil(t*float64(m+n)/(1+t) - 1e-9))
}

// trigrams returns the word 3-grams of an article's normalText, in text
// order, each a 64-bit hash of its three words, read straight from the
// paragraphs. Two different 3-grams share a hash with a chance of about
// 2⁻⁶⁴: never, in any corpus crosscheck reads.
func trigrams(a *checker.Article) []uint64 {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(p.Text)
	}
	out := make([]uint64, 0, n/4) // words are rarely shorter, with their space
	var w [3]uint64               // the last three words' hashes
	words := 0
	h := uint64(fnvOffset)
	in := false
	end := func() {
		w[0], w[1], w[2] = w[1], w[2], h
		if words++; words >= 3 {
			out = append(out, mix(mix(mix(w[0])^w[1])^w[2]))
		}
		h, in = fnvOffset, false
	}
	for _, p := range a.Paragraphs {
		for i := 0; i < len(p.Text); {
			if c := p.Text[i]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if asciiWord[c] {
					h, in = (h^uint64(c))*fnvPrime, true
				} else if in {
					end()
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(p.Text[i:])
			if r = unicode.ToLower(r); inWord(r) {
				var b [utf8.UTFMax]byte
				for _, c := range b[:utf8.EncodeRune(b[:], r)] {
					h = (h ^ uint64(c)) * fnvPrime
				}
				in = true
			} else if in {
				end()
			}
			i += size
		}
		if in {
			end()
		}
	}
	return out
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix scrambles a hash (the finalizer of splitmix64), so that 3-grams of
// like words get unlike keys.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// rankedSets returns each article's set of 3-grams, every 3-gram
// numbered by its rank in a global order (fewest articles first, then
// first met), as a sorted slice: the rarest members lead.
func rankedSets(grams [][]uint64) [][]uint32 {
	n := 0
	for _, g := range grams {
		n += len(g)
	}
	gramID := make(map[uint64]uint32, n/2)
	var df []int32   // articles holding each 3-gram, by ID
	var last []int32 // the last article (+1) that held each 3-gram
	sets := make([][]uint32, len(grams))
	for i, g := range grams {
		set := make([]uint32, 0, len(g))
		for _, k := range g {
			id, ok := gramID[k]
			if !ok {
				id = uint32(len(gramID))
				gramID[k] = id
				df = append(df, 0)
				last = append(last, 0)
			}
			if last[id] != int32(i)+1 {
				last[id] = int32(i) + 1
				df[id]++
				set = append(set, id)
			}
		}
		sets[i] = set
	}
	// Rank the 3-grams by how many articles hold them, then by ID: a
	// counting sort, as a count is at most the articles.
	next := make([]uint32, len(grams)+2) // next[d]: the next rank of a 3-gram held d times
	for _, d := range df {
		next[d+1]++
	}
	for d := 1; d < len(next); d++ {
		next[d] += next[d-1]
	}
	rank := make([]uint32, len(df))
	for id, d := range df {
		rank[id] = next[d]
		next[d]++
	}
	for _, set := range sets {
		for j, id := range set {
			set[j] = rank[id]
		}
		slices.Sort(set)
	}
	return sets
}

// prefixLen is how many of the first members of a set of n a near copy
// must share one of. ⌊t·n⌋ is at most the overlap the threshold needs,
// so the prefix errs long, never short.
func prefixLen(n int) int {
	return min(n, n-int(math.Floor(SyndicationThreshold*float64(n)))+1)
}

// sizesAllow reports whether sets of sizes m and n can reach the
// threshold at all: the Jaccard index is at most min/max. It errs
// towards comparing.
func sizesAllow(m, n int) bool {
	lo, hi := min(m, n), max(m, n)
	return float64(lo) >= SyndicationThreshold*float64(hi)-1e-9
}

// jaccard is the Jaccard index of two sorted sets.
func jaccard[T cmp.Ordered](a, b []T) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// SameArticle returns the two keys under which Load merges copies of an
// article: its URL with tracking parameters and the like ironed out (""
// when it has none), and its text with case, punctuation and spacing
// ironed out. A batch run that cannot hold a corpus in memory hashes them
// to find the copies as it streams.
func SameArticle(a *checker.Article) (url, text string) {
	return normalURL(a.URL), normalText(a)
}
