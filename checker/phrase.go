package checker

import "sort"

// A phraseList is a list of exact-word phrases indexed by first word, so
// that finding which of them occur in a stretch of a sentence costs a map
// lookup per token, not a scan of the stretch per phrase.
type phraseList struct {
	list    []phrase
	text    []string         // each phrase's words joined by spaces
	byFirst map[string][]int // indices into list by first word, ascending
}

// newPhraseList reads exact-word phrases, in the order given. Phrases with
// no words are dropped.
func newPhraseList(ss []string) *phraseList {
	l := &phraseList{byFirst: map[string][]int{}}
	for _, s := range ss {
		p := toPhrase(s, nil)
		if len(p) == 0 {
			continue
		}
		l.byFirst[p[0]] = append(l.byFirst[p[0]], len(l.list))
		l.list = append(l.list, p)
		l.text = append(l.text, p.String())
	}
	return l
}

// find appends to dst the indices of the phrases that occur within tokens
// [lo, hi) of s, each once, in list order. A word matches in its
// lower-case form or with its possessive dropped: "last year's" has "last
// year".
func (l *phraseList) find(s *sentence, lo, hi int, dst []int) []int {
	n := len(dst)
	for i := max(lo, 0); i < hi && i < len(s.low); i++ {
		dst = l.matchAt(s, i, hi, l.byFirst[s.low[i]], dst)
		if s.bare[i] != s.low[i] {
			dst = l.matchAt(s, i, hi, l.byFirst[s.bare[i]], dst)
		}
	}
	found := dst[n:]
	if len(found) < 2 {
		return dst
	}
	sort.Ints(found)
	k := 1
	for _, v := range found[1:] {
		if v != found[k-1] {
			found[k] = v
			k++
		}
	}
	return dst[:n+k]
}

// first returns the index of the first phrase in list order that occurs
// within tokens [lo, hi) of s, or -1.
func (l *phraseList) first(s *sentence, lo, hi int) int {
	var buf [8]int
	if f := l.find(s, lo, hi, buf[:0]); len(f) > 0 {
		return f[0]
	}
	return -1
}

// matchAt appends to dst those of the candidate phrases that match from
// token i without passing hi.
func (l *phraseList) matchAt(s *sentence, i, hi int, cands, dst []int) []int {
	for _, c := range cands {
		p := l.list[c]
		if i+len(p) > hi {
			continue
		}
		ok := true
		for k, w := range p[1:] {
			if s.low[i+1+k] != w && s.bare[i+1+k] != w {
				ok = false
				break
			}
		}
		if ok {
			dst = append(dst, c)
		}
	}
	return dst
}
