package read

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// sentence is one sentence of an article, read.
type sentence struct {
	art      *checker.Article
	text     string
	para     *checker.Paragraph // the paragraph the sentence is in
	start    int                // byte offset of text in para.Text
	toks     []text.Token
	low      []string // lower-case words
	cls      []wordClass
	wd       []*word   // what the lexicon knows of each token; nil for numbers
	bounds   []bool    // which tokens separate clauses, for a sentence with quantities
	any      wordClass // the classes of all its words together
	qs       []quantity.Quantity
	qtok     [][2]int // token range of each quantity
	ments    []mention
	headline bool
	cues     []cueMatch // filled on first use, once mentions are known
	cuesDone bool
	attrs    []attrRead                  // attribute of each quantity, filled on first use
	hits     [numPhraseLists][]phraseHit // lexicon phrases found, by list
	hitsDone bool                        // hits are found, for every list at once
}

// attrRead is what attribute found for one quantity.
type attrRead struct {
	done             bool
	attr, how        string
	score            float64
	cueStart, cueEnd int
}

// An Extractor reads claims from articles. It holds no state between
// calls to Extract.
type Extractor struct {
	Lex *Lexicon
	// refYear is the year relative dates resolve against in an article
	// with no publication date: the median of the set's dated articles.
	refYear int
	ar      *arena // the extraction's arena, for scratch
}

// Extract returns the claims of every article, in article and text order.
// Entities are resolved across the whole set, so "Wang" in one article is
// the "Alexandr Wang" of another.
func (x Extractor) Extract(arts []*checker.Article) []checker.Claim {
	return x.ExtractSentences(arts, nil)
}

// ExtractSentences is Extract that also hands fn each sentence of arts
// that has a quantity, in article and text order, as a Scanner's
// Sentences would: the same text, tokens, quantities and headline flag,
// from the one reading the claims are made of. fn is called while the
// articles are read, before any claim is made; the sentence and its
// slices are valid only until fn returns, and fn must not change them:
// the claims are read from them. fn may be nil.
func (x Extractor) ExtractSentences(arts []*checker.Article, fn func(a *checker.Article, s *Sentence)) []checker.Claim {
	x.refYear = medianYear(arts)
	ar := x.Lex.arena()
	defer x.Lex.release(ar)
	ar.useTable(x.Lex)
	x.ar = ar
	ents := ar.entities(x.Lex)
	docs := ar.docs(len(arts))
	size := 0
	for _, a := range arts {
		for _, para := range a.Paragraphs {
			size += len(para.Text)
		}
	}
	ar.block = size/4 + 16 // about a token per four bytes of prose
	nq := 0
	var out *Sentence // what fn is handed, one for all its calls
	if fn != nil {
		out = new(Sentence)
	}
	for ai, a := range arts {
		for pi, para := range a.Paragraphs {
			ar.spans = text.AppendSentences(ar.spans[:0], para.Text)
			for _, sp := range ar.spans {
				s := ar.sentence()
				*s = sentence{art: a, text: para.Text[sp.Start:sp.End], para: &a.Paragraphs[pi], start: sp.Start}
				x.read(s, ar)
				nq += len(s.qs)
				docs[ai] = append(docs[ai], s)
				if out != nil && len(s.qs) > 0 {
					// As a Scanner reads the sentence: a headline only in the
					// first paragraph.
					*out = Sentence{Text: s.text, Tokens: s.toks, Quantities: s.qs, Headline: pi == 0 && s.headline,
						s: sentence{art: a, text: s.text, para: s.para, start: s.start}}
					fn(a, out)
				}
			}
		}
	}
	ents.seeOpeners(docs)
	// Names: runs of capitals. At the start of a sentence a single word
	// counts only if it is capitalized inside a sentence somewhere; in a
	// headline, only if it names an entity met elsewhere.
	for _, doc := range docs {
		for _, s := range doc {
			if s.headline {
				continue
			}
			s.ments = ents.filterRuns(keep(&ar.ments, ents.capRuns(s, ar.mentionRoom())), s)
			ents.learn(s.ments, s)
		}
	}
	for _, doc := range docs {
		for _, s := range doc {
			if s.headline {
				s.ments = ents.knownIn(s.toks)
			}
		}
	}
	ents.finish()
	ents.topic = ents.mainEntity(docs)
	claims := make([]checker.Claim, 0, nq) // a claim a quantity at most, bar conversions
	ar.outBlock = 2*nq + 8                 // about a participant and a hedge a claim
	for _, doc := range docs {
		claims = x.claims(doc, ents, claims)
	}
	return claims
}

// An arena hands out the sentences of an extraction, their tokens, words
// and quantities from a few large blocks instead of several allocations
// a sentence. Extractions that share a lexicon reuse its arenas: nothing
// an arena hands out outlives the extraction it was handed to.
type arena struct {
	block int // tokens a block holds
	toks  []text.Token
	words []string
	cls   []wordClass
	wds   []*word
	bools []bool
	qs    []quantity.Quantity
	qtok  [][2]int
	sents []sentence
	ments []mention
	cues  []cueMatch
	attrs []attrRead
	// out holds the string lists of the claims an extraction returns:
	// theirs, so never reused.
	out      []string
	outBlock int // the strings an out block holds
	doc      [][]*sentence
	spans    []text.Span // the sentence splitter's scratch
	p        quantity.Parser
	ents     *entities
	taken    []bool    // findCues' scratch
	disc     discourse // claims' scratch
	// local holds the words of table met by this arena's extractions.
	local  map[string]*word
	recent [recentWords]*word   // the last word met in each slot of recentSlot
	ascii  [utf8.RuneSelf]*word // the words of one ASCII byte
	table  *wordTable
}

// entities returns the arena's empty entities.
func (a *arena) entities(lex *Lexicon) *entities {
	if a.ents == nil {
		a.ents = newEntities(lex)
	} else {
		a.ents.reset(lex)
	}
	return a.ents
}

// maxArenaTokens bounds the arenas a lexicon keeps for reuse: one that
// read a huge article is left to the collector.
const maxArenaTokens = 1 << 16

// arena returns an empty arena, reused when one is free.
func (l *Lexicon) arena() *arena {
	if a, ok := l.arenas.Get().(*arena); ok {
		return a
	}
	return &arena{}
}

// release hands an arena back for reuse, emptied.
func (l *Lexicon) release(a *arena) {
	if cap(a.toks) > maxArenaTokens || cap(a.sents) > maxArenaTokens/8 {
		return
	}
	a.toks, a.words, a.cls, a.qs, a.qtok = a.toks[:0], a.words[:0], a.cls[:0], a.qs[:0], a.qtok[:0]
	a.wds = a.wds[:0]
	a.ments, a.bools, a.cues, a.attrs = a.ments[:0], a.bools[:0], a.cues[:0], a.attrs[:0]
	a.out = nil
	clear(a.sents) // sentences point at articles: let them go
	a.sents = a.sents[:0]
	for i := range a.doc {
		a.doc[i] = nil
	}
	l.arenas.Put(a)
}

// grow returns block when need more items fit in it, else a new block of
// n items or twice block's, whichever is more: an arena soon holds blocks
// big enough for a whole article, which it keeps for the next.
func grow[T any](block []T, need, n int) []T {
	if need > cap(block)-len(block) {
		return make([]T, 0, max(n, need, 2*cap(block)))
	}
	return block
}

// take returns n zero items from the end of block, and the block.
func take[T any](block []T, n, size int) ([]T, []T) {
	block = grow(block, n, size)
	k := len(block)
	block = block[:k+n]
	clear(block[k:])
	return block, block[k : k+n : k+n]
}

// strings returns n empty strings from the arena.
func (a *arena) strings(n int) (out []string) {
	a.words, out = take(a.words, n, a.block)
	return out
}

// classes returns n empty word classes from the arena.
func (a *arena) classes(n int) (out []wordClass) {
	a.cls, out = take(a.cls, n, a.block)
	return out
}

// wordsOf returns n nil words from the arena.
func (a *arena) wordsOf(n int) (out []*word) {
	a.wds, out = take(a.wds, n, a.block)
	return out
}

// flags returns n false flags from the arena.
func (a *arena) flags(n int) (out []bool) {
	a.bools, out = take(a.bools, n, a.block)
	return out
}

// quantityRanges returns n token ranges from the arena.
func (a *arena) quantityRanges(n int) (out [][2]int) {
	a.qtok, out = take(a.qtok, n, a.block/16)
	return out
}

// sentence returns a sentence from the arena.
func (a *arena) sentence() *sentence {
	a.sents = grow(a.sents, 1, a.block/16)
	a.sents = a.sents[:len(a.sents)+1]
	return &a.sents[len(a.sents)-1]
}

// room returns an empty slice at the end of block, with room for need
// items or more, for a sentence to append its items to; keep then takes
// them.
func room[T any](block *[]T, need, size int) []T {
	*block = grow(*block, need, size)
	return (*block)[len(*block):len(*block)]
}

// keep claims items appended to what room gave: when they are still in
// the block, the block's next sentence goes after them. The result has no
// spare room, so appending to it copies.
func keep[T any](block *[]T, items []T) []T {
	b, k := *block, len(*block)
	if len(items) > 0 && k < cap(b) && &b[:k+1][k] == &items[0] {
		*block = b[:k+len(items)]
	}
	return items[:len(items):len(items)]
}

// mentionRoom returns room for a sentence's names.
func (a *arena) mentionRoom() []mention { return room(&a.ments, 16, a.block/8) }

// discourse returns an empty discourse, reusing the last one's room.
func (a *arena) discourse() *discourse {
	if a == nil {
		return &discourse{byAttr: map[string]string{}}
	}
	d := &a.disc
	if d.byAttr == nil {
		d.byAttr = map[string]string{}
	}
	clear(d.byAttr)
	*d = discourse{orgs: d.orgs[:0], orgSent: d.orgSent[:0], byAttr: d.byAttr}
	return d
}

// scratchFlags returns n false flags, to use until the next call.
func (x Extractor) scratchFlags(n int) []bool {
	if x.ar == nil {
		return make([]bool, n)
	}
	if cap(x.ar.taken) < n {
		x.ar.taken = make([]bool, n)
	}
	t := x.ar.taken[:n]
	clear(t)
	return t
}

// stringList returns a copy of ss to go out with the extraction's claims,
// nil when ss is empty; the copies share a few allocations.
func (x Extractor) stringList(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	if x.ar == nil {
		return slices.Clone(ss)
	}
	x.ar.out = grow(x.ar.out, len(ss), x.ar.outBlock)
	k := len(x.ar.out)
	x.ar.out = append(x.ar.out, ss...)
	return x.ar.out[k:len(x.ar.out):len(x.ar.out)]
}

// docs returns n empty lists of sentences, one an article.
func (a *arena) docs(n int) [][]*sentence {
	if cap(a.doc) < n {
		a.doc = make([][]*sentence, n)
	}
	return a.doc[:n]
}

// stemOf returns the stem of a lower-case word.
func (x Extractor) stemOf(w string) string { return x.Lex.Stem(w) }

// medianYear returns the median publication year of the dated articles,
// 0 when none is dated.
func medianYear(arts []*checker.Article) int {
	var ys []int
	for _, a := range arts {
		if !a.Published.IsZero() {
			ys = append(ys, a.Published.Year())
		}
	}
	if len(ys) == 0 {
		return 0
	}
	sort.Ints(ys)
	return ys[len(ys)/2]
}

// mainEntity returns the entity named most often across all articles: the
// subject of a figure nothing else in its article attributes.
func (e *entities) mainEntity(docs [][]*sentence) string {
	n := e.count
	clear(n) // finish is done with it
	// learn counted the names of every sentence but headlines.
	for k, fs := range e.forms {
		n[e.canonical(k)] += total(fs)
	}
	for _, doc := range docs {
		for _, s := range doc {
			if !s.headline {
				continue
			}
			for i := range s.ments {
				if m := &s.ments[i]; m.coref == "" {
					n[e.canonical(e.rawKey(m))]++
				}
			}
		}
	}
	best, bestN := "", 0
	for k, c := range n {
		if c > bestN || (c == bestN && k < best) {
			best, bestN = k, c
		}
	}
	return best
}

// read tokenizes a sentence and finds its quantities.
func (x Extractor) read(s *sentence, ar *arena) {
	// Tokens go straight into the arena's block: no copy, no write
	// barriers for one.
	s.toks = keep(&ar.toks, text.Tokenize(s.text, room(&ar.toks, len(s.text)/3+4, ar.block)))
	n := len(s.toks)
	s.low = ar.strings(n)
	s.cls = ar.classes(n)
	s.wd = ar.wordsOf(n)
	start := ar.flags(n) // which words may start a quantity, for the parser
	words, caps := 0, 0  // as text.IsHeadline counts them
	for i := range s.toks {
		t := &s.toks[i]
		if t.Kind == text.Num {
			// Digits: too many to remember, with no case and no class.
			s.low[i] = t.Text
			continue
		}
		w := ar.word(x.Lex, t.Text)
		s.wd[i] = w
		s.low[i], s.cls[i] = w.low, w.class
		s.any |= w.class
		if t.Kind == text.Word {
			start[i] = w.class&wQuantityStart != 0
			if len(t.Text) >= text.HeadlineWord {
				words++
				if w.class&wCap != 0 {
					caps++
				}
			}
		}
	}
	s.headline = text.HeadlineShare(words, caps)
	// The quantities go at the end of the arena's block: the next
	// sentence's go after them.
	ar.qs = grow(ar.qs, 8, ar.block/8)
	k := len(ar.qs)
	ar.qs = ar.p.ParseWords(s.text, s.toks, quantity.Words{Low: s.low, Start: start, Headline: s.headline}, ar.qs)
	s.qs = ar.qs[k:len(ar.qs):len(ar.qs)]
	s.qtok = ar.quantityRanges(len(s.qs))
	ar.attrs, s.attrs = take(ar.attrs, len(s.qs), ar.block/16)
	if len(s.qs) > 0 {
		// Every quantity asks where its clause starts and ends.
		bounds := ar.flags(n)
		for i := range bounds {
			// Only a symbol or "and" can separate clauses.
			if s.toks[i].Kind == text.Sym || s.cls[i]&wAnd != 0 {
				bounds[i] = boundaryAt(s, i)
			}
		}
		s.bounds = bounds
	}
	for qi, q := range s.qs {
		s.qtok[qi] = tokenRange(s.toks, q.Start, q.End)
	}
}

// tokenRange returns the range of the tokens of toks that bytes
// [start, end) of their text cover.
func tokenRange(toks []text.Token, start, end int) [2]int {
	a := sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	b := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= end })
	return [2]int{a, b}
}

// filterRuns drops the word that opens a sentence from a run unless that
// word is capitalized inside some sentence too: "Insiders say" is no name,
// and "Inside Scale" is "Scale".
func (e *entities) filterRuns(ms []mention, s *sentence) []mention {
	out := ms[:0]
	for _, m := range ms {
		if m.start == firstWord(s.toks) {
			w, _ := stripPossessive(s.toks[m.start].Text)
			if !e.midCaps[w] && !e.midCaps[s.toks[m.start].Text] {
				words := strings.Fields(m.surface)
				if len(words) == 1 {
					continue
				}
				if lw := strings.ToLower(w); !e.lowSeen[lw] && !functionWord(lw) {
					out = append(out, m) // "Northbridge United": never a common word
					continue
				}
				m.surface = strings.Join(words[1:], " ")
				m.start++
			}
		}
		out = append(out, m)
	}
	return out
}

func firstWord(toks []text.Token) int {
	for i := range toks {
		t := &toks[i]
		if t.Kind == text.Word || t.Kind == text.Num {
			return i
		}
	}
	return -1
}

// discourse is what one article has said so far: the entities it last
// named, for "the company" and "he".
type discourse struct {
	lastOrg, lastPerson string
	// lastSubject is the last name that opened a sentence as its
	// subject: what "he" or "she" stands for when no name is known to
	// be a person's ("In 2004, Tomas Ferrel joined … He is …").
	lastSubject string
	orgs        []string          // organisations named, newest last
	orgSent     []int             // the sentence each of orgs was named in
	sent        int               // the current sentence
	byAttr      map[string]string // the last well-read subject of each attribute
}

// claims appends the claims of one article's sentences to out.
func (x Extractor) claims(doc []*sentence, ents *entities, out []checker.Claim) []checker.Claim {
	d := x.ar.discourse()
	for si, s := range doc {
		d.sent = si
		x.addCorefs(s)
		// Resolve mentions in text order, so that "the company" in a
		// sentence sees the names before it.
		for i := range s.ments {
			m := &s.ments[i]
			if m.coref == "" {
				m.key = ents.canonical(ents.rawKey(m))
			} else {
				m.key = d.resolve(m, ents)
			}
			if m.key == "" {
				continue
			}
			if x.attributive(s, *m) {
				continue // "the Dutch chipmaker": a modifier is no antecedent
			}
			if f := ents.factsOf(m.key); f.person {
				d.lastPerson = m.key
			} else if !f.place {
				d.lastOrg = m.key
				d.orgs = append(d.orgs, m.key)
				d.orgSent = append(d.orgSent, si)
			}
		}
		if m, _ := x.sentenceSubject(s); m != nil && m.coref == "" && m.key != "" && !ents.factsOf(m.key).place && strings.Contains(m.key, " ") {
			d.lastSubject = m.key
		}
		var prev *checker.Claim
		for qi := range s.qs {
			if r := s.qtok[qi]; progressMark(s.toks, s.qs[qi], r[0], r[1], func(i int) wordClass { return s.cls[i] }) {
				prev = nil
				continue // when a figure was counted or reported, not what
			}
			c, ok := x.claim(s, qi, ents, d)
			if conv := x.conversionOf(s, qi); conv && prev != nil {
				// "€85m (£72m)": the bracketed figure restates the one
				// before it in another unit, so it is the same claim. In
				// the same base unit ("5 metres (16 ft)") it adds nothing
				// to compare: the figure as first written stands.
				if s.qs[qi].Unit == prev.Quantity.Unit {
					continue
				}
				c, ok = x.restate(*prev, s, qi), true
			}
			if !ok {
				// A conversion after this figure restates no claim
				// before it: "on 9 March … 84 metres (277 feet)".
				prev = nil
				continue
			}
			if c.How.SubjectScore >= 0.8 {
				d.byAttr[c.Attribute] = c.SubjectKey
			}
			out = append(out, c)
			prev = &out[len(out)-1]
		}
	}
	return out
}

// conversionOf reports whether quantity qi stands in brackets right after
// another quantity of the same kind: "€85m (£72m)".
func (x Extractor) conversionOf(s *sentence, qi int) bool {
	if qi == 0 || s.qs[qi].Kind != s.qs[qi-1].Kind {
		return false
	}
	a := s.qtok[qi][0]
	return a >= 1 && s.toks[a-1].Text == "(" && s.qtok[qi-1][1] == a-1
}

// restate makes the claim of a bracketed conversion from the claim before it.
func (x Extractor) restate(prev checker.Claim, s *sentence, qi int) checker.Claim {
	c := prev
	q := s.qs[qi]
	c.Evidence = s.evidence(q)
	q.Start, q.End = s.rawStart(q.Start), s.rawEnd(q.End)
	c.Quantity = q
	return c
}

// resolve finds the entity a coreferring noun phrase stands for: for an
// organisation, the most recent one in this or the two sentences before
// that the set describes by the same noun ("startup Scale AI" for "the
// startup"), else the most recent.
func (d *discourse) resolve(m *mention, ents *entities) string {
	if m.coref == "person" {
		if d.lastPerson == "" {
			return d.lastSubject
		}
		return d.lastPerson
	}
	for i := len(d.orgs) - 1; i >= 0 && d.orgSent[i] >= d.sent-2; i-- {
		if ents.hasTag(d.orgs[i], m.tag) {
			return d.orgs[i]
		}
	}
	return d.lastOrg
}

// addCorefs adds mentions for noun phrases that stand for an entity:
// "the company", "the data-labeling startup", "the 28-year-old", "he".
func (x Extractor) addCorefs(s *sentence) {
	if s.any&(wHeShe|wDeterminer) == 0 {
		return
	}
	var buf [8]mention
	add := buf[:0]
	for i := 0; i < len(s.toks); i++ {
		w := s.low[i]
		if s.is(i, wHeShe) && s.toks[i].Kind == text.Word {
			add = append(add, mention{start: i, end: i + 1, coref: "person"})
			continue
		}
		if !s.is(i, wDeterminer) || w == "its" || w == "their" {
			continue
		}
		// the [modifiers] noun: up to four words and hyphens.
		for j := i + 1; j < len(s.toks) && j <= i+6; j++ {
			t := &s.toks[j]
			if t.Kind == text.Sym && t.Text == "-" {
				continue
			}
			if t.Kind != text.Word || s.is(j, wCap) {
				// "the 28-year-old": an age standing as a noun.
				if qi := quantityAt(s, j); qi >= 0 && s.qs[qi].Kind == quantity.Age {
					end := s.qtok[qi][1]
					// "the 25-year-old Italian": a capitalized word after the
					// age describes the person too.
					if end < len(s.toks) && s.toks[end].Kind == text.Word && s.is(end, wCap) {
						add = append(add, mention{start: i, end: end + 1, coref: "person"})
					} else if !isNounAfter(s, end) {
						add = append(add, mention{start: i, end: end, coref: "person"})
					}
				}
				break
			}
			if s.is(j, wOrgNoun) {
				add = append(add, mention{start: i, end: j + 1, coref: "org", tag: s.low[j]})
				break
			}
			if s.is(j, wPersonNoun) && j == i+1 {
				add = append(add, mention{start: i, end: j + 1, coref: "person"})
				break
			}
			if s.is(j, wFunction) {
				break
			}
		}
	}
	if len(add) == 0 {
		return
	}
	if x.ar != nil {
		all := room(&x.ar.ments, len(s.ments)+len(add), x.ar.block/8)
		s.ments = keep(&x.ar.ments, append(append(all, s.ments...), add...))
	} else {
		s.ments = append(s.ments, add...)
	}
	slices.SortStableFunc(s.ments, func(a, b mention) int { return cmp.Compare(a.start, b.start) })
}

func quantityAt(s *sentence, tok int) int {
	for qi, r := range s.qtok {
		if tok >= r[0] && tok < r[1] {
			return qi
		}
	}
	return -1
}

// isNounAfter reports whether a lower-case content word follows token i:
// "28-year-old CEO" has one (the age describes a noun), "The 28-year-old
// founded" does not (the age is the noun).
func isNounAfter(s *sentence, i int) bool {
	if i >= len(s.toks) || s.toks[i].Kind != text.Word {
		return false
	}
	return !s.is(i, wFunction) && !strings.HasSuffix(s.low[i], "ed")
}

func functionWord(w string) bool { return text.FunctionWord(w) }

// bare returns token i in lower case, less a possessive.
func (s *sentence) bare(i int) string {
	if s.toks[i].Kind == text.Word {
		return s.wd[i].bare
	}
	return s.low[i]
}

// stem returns the stem of word i; any other token in lower case.
func (s *sentence) stem(i int) string {
	if s.toks[i].Kind == text.Word {
		return s.wd[i].stem
	}
	return s.low[i]
}

// is reports whether token i is a word of any of the classes c.
func (s *sentence) is(i int, c wordClass) bool { return s.cls[i]&c != 0 }

// evidence points at quantity q of sentence s in the original file.
func (s *sentence) evidence(q quantity.Quantity) checker.Evidence {
	start, end := s.rawStart(q.Start), s.rawEnd(q.End)
	line, col := s.art.Position(start)
	endLine, endCol := s.art.Position(end)
	return checker.Evidence{Source: s.art.ID, Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Sentence: s.text, Offset: start}
}

// rawStart and rawEnd map a byte offset in the sentence to one in the
// original file: where the byte at i begins, and where the bytes before
// i end.
func (s *sentence) rawStart(i int) int { return s.para.RawOffset(s.start + i) }
func (s *sentence) rawEnd(i int) int   { return s.para.RawEnd(s.start + i) }
