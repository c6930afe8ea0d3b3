package sources

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strings"
	"unicode"

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
// ironed out.
func normalText(a *checker.Article) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		for _, w := range words(p.Text) {
			b.WriteString(w)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' && r != '%' && r != '.'
	})
}

// Syndicated flags pairs of articles whose word 3-grams overlap by
// SyndicationThreshold or more, in the order of the articles (A before
// B, pairs of an earlier A first).
//
// It does not compare every pair. Two sets with a Jaccard index of at
// least t share at least ⌈t·n⌉ of the n members of the larger one, so
// once every set is sorted by a global order of its members (rarest
// first), any such pair shares a member among the first n−⌊t·n⌋+1 of
// each set (prefix filtering). Only pairs that share a prefix member and
// whose sizes allow the threshold are compared, which is linear in the
// corpus unless the articles are all copies of each other.
func Syndicated(arts []*checker.Article) []Syndication {
	if len(arts) < 2 {
		return nil
	}
	sets := trigramSets(arts)
	index := map[uint32][]int32{} // prefix member -> sets whose prefix holds it
	var pairs [][2]int32
	seen := make([]int32, len(sets)) // seen[j] == i+1: (j, i) is a candidate
	for i, s := range sets {
		if len(s) == 0 {
			continue // jaccard is 0: never a near copy
		}
		for _, m := range s[:prefixLen(len(s))] {
			for _, j := range index[m] {
				if seen[j] == int32(i)+1 || !sizesAllow(len(sets[j]), len(s)) {
					continue
				}
				seen[j] = int32(i) + 1
				pairs = append(pairs, [2]int32{j, int32(i)})
			}
			index[m] = append(index[m], int32(i))
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	var out []Syndication
	for _, p := range pairs {
		if s := jaccard(sets[p[0]], sets[p[1]]); s >= SyndicationThreshold {
			out = append(out, Syndication{A: arts[p[0]].ID, B: arts[p[1]].ID, Similarity: s})
		}
	}
	return out
}

// trigramSets returns each article's set of word 3-grams, every 3-gram
// numbered by its rank in a global order (fewest articles first), as a
// sorted slice: the rarest members lead.
func trigramSets(arts []*checker.Article) [][]uint32 {
	wordID := map[string]uint32{}
	gramID := map[[3]uint32]uint32{}
	var df []int // articles holding each 3-gram, by ID
	sets := make([][]uint32, len(arts))
	for i, a := range arts {
		ws := words(normalText(a))
		ids := make([]uint32, len(ws))
		for j, w := range ws {
			id, ok := wordID[w]
			if !ok {
				id = uint32(len(wordID))
				wordID[w] = id
			}
			ids[j] = id
		}
		var set []uint32
		for j := 0; j+3 <= len(ids); j++ {
			g := [3]uint32{ids[j], ids[j+1], ids[j+2]}
			id, ok := gramID[g]
			if !ok {
				id = uint32(len(gramID))
				gramID[g] = id
				df = append(df, 0)
			}
			set = append(set, id)
		}
		slices.Sort(set)
		set = slices.Compact(set)
		for _, id := range set {
			df[id]++
		}
		sets[i] = set
	}
	// Rank the 3-grams by how many articles hold them, then by ID.
	order := make([]uint32, len(df))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		if c := cmp.Compare(df[a], df[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	rank := make([]uint32, len(df))
	for r, id := range order {
		rank[id] = uint32(r)
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
func jaccard(a, b []uint32) float64 {
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
