package sources

import (
	"net/url"
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
// SyndicationThreshold or more. A check has a handful of articles, so all
// pairs are compared.
func Syndicated(arts []*checker.Article) []Syndication {
	sets := make([]map[string]bool, len(arts))
	for i, a := range arts {
		ws := words(normalText(a))
		sets[i] = map[string]bool{}
		for j := 0; j+3 <= len(ws); j++ {
			sets[i][ws[j]+" "+ws[j+1]+" "+ws[j+2]] = true
		}
	}
	var out []Syndication
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if s := jaccard(sets[i], sets[j]); s >= SyndicationThreshold {
				out = append(out, Syndication{A: arts[i].ID, B: arts[j].ID, Similarity: s})
			}
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
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
