package read

import "sort"

// The phrase lists of a lexicon, numbered so that a sentence can keep
// where each list's phrases occur in it.
const (
	hedgeList = iota
	reportingList
	earlierList
	subeventList
	relativeList
	numPhraseLists
)

// A phraseHit is a phrase of a list found in a sentence.
type phraseHit struct {
	phrase int // index into the list
	at     int // first token
}

// A phraseList is a list of exact-word phrases indexed by first word, so
// that finding which of them occur in a stretch of a sentence costs a map
// lookup per token, not a scan of the stretch per phrase.
type phraseList struct {
	id int // which of a lexicon's lists it is, for the sentence's cache
	// all are the lexicon's lists, this one among them: a sentence's
	// hits for every list are found in one pass.
	all     *[numPhraseLists]*phraseList
	list    []phrase
	text    []string         // each phrase's words joined by spaces
	byFirst map[string][]int // indices into list by first word, ascending
}

// newPhraseList reads exact-word phrases, in the order given. Phrases with
// no words are dropped.
func newPhraseList(id int, ss []string) *phraseList {
	l := &phraseList{id: id, byFirst: map[string][]int{}}
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
	for _, h := range l.hits(s) {
		if h.at >= lo && h.at+len(l.list[h.phrase]) <= hi {
			dst = append(dst, h.phrase)
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
func (l *phraseList) first(s *sentence, lo, hi int) int { return l.firstExcept(s, lo, hi, nil) }

// firstExcept is first, less the phrases that start where skip, when
// given, says.
func (l *phraseList) firstExcept(s *sentence, lo, hi int, skip func(at int) bool) int {
	best := -1
	for _, h := range l.hits(s) {
		if h.at >= lo && h.at+len(l.list[h.phrase]) <= hi && (best < 0 || h.phrase < best) && (skip == nil || !skip(h.at)) {
			best = h.phrase
		}
	}
	return best
}

// hits returns where the list's phrases occur in s, found on first use
// and kept with the sentence: every quantity of a sentence asks.
func (l *phraseList) hits(s *sentence) []phraseHit {
	if s.hitsDone {
		return s.hits[l.id]
	}
	s.hitsDone = true
	const firsts = wordClass(1<<numPhraseLists-1) * wPhraseFirst
	if s.any&firsts == 0 {
		return nil
	}
	for i, c := range s.cls {
		if c&firsts == 0 {
			continue
		}
		for _, pl := range l.all {
			if c&phraseFirst(pl.id) == 0 {
				continue
			}
			starts := s.wd[i].phrases[pl.id]
			hs := pl.matchAt(s, i, starts[0], s.hits[pl.id])
			s.hits[pl.id] = pl.matchAt(s, i, starts[1], hs)
		}
	}
	return s.hits[l.id]
}

// matchAt appends to dst those of the candidate phrases that match from
// token i.
func (l *phraseList) matchAt(s *sentence, i int, cands []int, dst []phraseHit) []phraseHit {
	for _, c := range cands {
		p := l.list[c]
		if i+len(p) > len(s.low) {
			continue
		}
		ok := true
		for k, w := range p[1:] {
			if s.low[i+1+k] != w && s.bare(i+1+k) != w {
				ok = false
				break
			}
		}
		if ok {
			dst = append(dst, phraseHit{c, i})
		}
	}
	return dst
}
