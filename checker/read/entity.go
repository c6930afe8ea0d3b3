package read

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker/text"
)

// A mention is a stretch of a sentence that names an entity ("Scale AI",
// "Meta's") or stands for one ("the company", "the 28-year-old").
type mention struct {
	start, end int    // token range in the sentence
	surface    string // as written, possessive dropped
	key        string // canonical key; for corefs, filled in on resolution
	raw        string // keyOf(surface), once asked
	poss       bool   // "Meta's"
	coref      string // "", "org" or "person": a noun phrase standing for an entity
	tag        string // the coref's head noun ("startup"), to match descriptors
}

// entities is what the whole article set says about its named entities.
type entities struct {
	lex     *Lexicon
	display map[string]string   // key -> the name to show
	forms   map[string][]form   // key -> its surface forms
	person  map[string]bool     // keys of people
	surname map[string]string   // surname -> person key, when unique
	alias   map[string]string   // acronym key -> the key it stands for
	tags    map[string][]string // key -> the descriptors met before it ("startup")
	midCaps map[string]bool     // words seen capitalized inside sentences
	lowSeen map[string]bool     // words seen in lower case
	topic   string              // the entity named most often in the set
	places  map[string]bool     // keys of names used as places
	keys    map[string]string   // surface -> key, as keyOf made it; kept across sets
	openers map[string]bool     // seeOpeners' scratch
	facts   map[string]keyFacts // factsOf's answers

	// Scratch for finish and mainEntity, kept for reuse.
	recs     []keyRecord
	formSlab []form // room for forms, two a key
	initials map[string][]string
	count    map[string]int
}

// A form is one way a set writes an entity's name, and how often.
type form struct {
	surface string
	n       int
}

func newEntities(lex *Lexicon) *entities {
	return &entities{
		lex: lex, display: map[string]string{}, forms: map[string][]form{},
		person: map[string]bool{}, surname: map[string]string{}, alias: map[string]string{},
		tags: map[string][]string{}, midCaps: map[string]bool{}, lowSeen: map[string]bool{},
		places: map[string]bool{}, keys: map[string]string{}, openers: map[string]bool{}, facts: map[string]keyFacts{},
		initials: map[string][]string{}, count: map[string]int{},
	}
}

// maxKeys bounds the names whose keys entities remember across sets.
const maxKeys = 1 << 14

// reset empties e for another article set, keeping its maps' room and
// the keys of the names it has met.
func (e *entities) reset(lex *Lexicon) {
	e.lex, e.topic = lex, ""
	clear(e.display)
	clear(e.forms)
	clear(e.person)
	clear(e.surname)
	clear(e.alias)
	clear(e.tags)
	clear(e.midCaps)
	clear(e.lowSeen)
	clear(e.places)
	if len(e.keys) > maxKeys {
		clear(e.keys)
	}
	clear(e.openers)
	e.formSlab = e.formSlab[:0] // the forms it held went with forms
	clear(e.facts)
	clear(e.initials)
	clear(e.count)
}

// hasTag reports whether the entity of key k was described by noun tag.
func (e *entities) hasTag(k, tag string) bool { return slices.Contains(e.tags[k], tag) }

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stripPossessive returns w without "'s" or "’s" and whether it had one.
func stripPossessive(w string) (string, bool) {
	if n := len(w); n == 0 || w[n-1] != 's' && w[n-1] != '\'' && w[n-1] != "’"[2] {
		return w, false // no possessive ends so: most words
	}
	for _, s := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			if s == "s'" || s == "s’" {
				return w[:len(w)-len(s)+1], true // the apostrophe goes, the s stays
			}
			return w[:len(w)-len(s)], true
		}
	}
	return w, false
}

// capRuns finds runs of capitalized words in a sentence: candidate names.
// Role words ("CEO", "Chancellor") split runs and are left out; a
// possessive ends a run.
func (e *entities) capRuns(s *sentence, ms []mention) []mention {
	toks, cls := s.toks, s.cls
	i := 0
	for i < len(toks) {
		t := &toks[i]
		if t.Kind != text.Word || cls[i]&(wCap|wRole) != wCap {
			i++
			continue
		}
		start := i
		var buf [8]string
		var atBuf [8]int
		words, at := buf[:0], atBuf[:0] // the words and the token each starts at
		poss := false
		j := i
		for j < len(toks) {
			tj := &toks[j]
			if tj.Kind == text.Word && cls[j]&(wCap|wRole) == wCap &&
				!(j+1 < len(toks) && toks[j+1].Kind == text.Num && !toks[j+1].Space) { // "H100" is no name
				w, p := tj.Text, false
				if wd := s.wd[j]; len(wd.bare) != len(wd.low) {
					// Only a word whose lower case ends as a possessive
					// may: most do not.
					w, p = stripPossessive(tj.Text)
				}
				words, at = append(words, w), append(at, j)
				j++
				if p {
					poss = true
					break
				}
				continue
			}
			if joinsName(s, j) {
				if tj.Text == "-" {
					// "Coca-Cola": the hyphen binds the words around it.
					words[len(words)-1] += "-" + toks[j+1].Text
					j += 2
					continue
				}
				words, at = append(words, tj.Text), append(at, j)
				j++
				continue
			}
			break
		}
		// Leading words that are never names ("The", "AI infrastructure") go.
		for len(words) > 0 && (e.lex.isNotEntity(words[0]) || isFunctionWord(s, words[0], at[0])) {
			words, at = words[1:], at[1:]
			start++
		}
		if len(words) > 0 && !(len(words) == 1 && (utf8.RuneCountInString(words[0]) < 2 || e.lex.isNotEntity(words[0]))) {
			ms = append(ms, mention{start: start, end: j, surface: s.join(words, toks[at[0]].Start), poss: poss})
		}
		if j == i {
			j++
		}
		i = j
	}
	return ms
}

// seeOpeners records, for each word that opens a sentence capitalized,
// whether it is capitalized inside some sentence (midCaps) and whether it
// is written in lower case anywhere (lowSeen): what filterRuns asks.
// Asking only about openers keeps this to a lookup per word.
func (e *entities) seeOpeners(docs [][]*sentence) {
	openers := e.openers
	var shapes text.Shapes // openers' shapes: most words are ruled out by them
	for _, doc := range docs {
		for _, s := range doc {
			if f := firstWord(s.toks); f >= 0 && !s.headline && s.is(f, wCap) {
				w, _ := stripPossessive(s.toks[f].Text)
				lw := s.low[f]
				if w != s.toks[f].Text {
					lw = strings.ToLower(w)
				}
				for _, k := range [...]string{s.toks[f].Text, w, lw} {
					if !openers[k] {
						openers[k] = true
						shapes.Add(k)
					}
				}
			}
		}
	}
	for _, doc := range docs {
		for _, s := range doc {
			if s.headline {
				continue
			}
			for i := range s.toks {
				t := &s.toks[i]
				// filterRuns asks of no function word.
				if t.Kind != text.Word || s.cls[i]&wFunction != 0 || !shapes.MayHave(t.Text) || !openers[t.Text] {
					continue
				}
				if !isCap(t.Text) {
					e.lowSeen[t.Text] = true
				} else if i > 0 {
					e.midCaps[t.Text] = true
				}
			}
		}
	}
}

// isFunctionWord reports whether w, a word of a name that starts at
// token i, is a function word.
func isFunctionWord(s *sentence, w string, i int) bool {
	if w == s.toks[i].Text {
		return s.cls[i]&wFunction != 0
	}
	return functionWord(strings.ToLower(w))
}

// join returns words joined by spaces: the sentence's own text when it
// reads so from byte at, to spare a copy.
func (s *sentence) join(words []string, at int) string {
	if len(words) == 1 {
		return words[0]
	}
	k := at
	for i, w := range words {
		if i > 0 {
			if k >= len(s.text) || s.text[k] != ' ' {
				return strings.Join(words, " ")
			}
			k++
		}
		if !strings.HasPrefix(s.text[k:], w) {
			return strings.Join(words, " ")
		}
		k += len(w)
	}
	return s.text[at:k]
}

// knownIn finds, in a headline where every word is capitalized, the
// longest runs of words (up to four) that name an entity met elsewhere.
func (e *entities) knownIn(toks []text.Token) []mention {
	var ms []mention
	for i := 0; i < len(toks); i++ {
		for n := 4; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			words := make([]string, 0, n)
			poss := false
			for k := i; k < i+n; k++ {
				t := &toks[k]
				if t.Kind != text.Word || !isCap(t.Text) || (k > i && !t.Space) || poss {
					words = nil
					break
				}
				w, p := stripPossessive(t.Text)
				words = append(words, w)
				poss = p
			}
			if len(words) != n {
				continue
			}
			surface := strings.Join(words, " ")
			if _, ok := e.forms[e.keyOf(surface)]; ok && !e.lex.notEntity[surface] {
				ms = append(ms, mention{start: i, end: i + n, surface: surface, poss: poss})
				i += n - 1
				break
			}
		}
	}
	return ms
}

// joinsName reports whether token j joins two capitalized words into one
// name: a hyphen written tight ("Coca-Cola"), an ampersand ("Procter &
// Gamble"), or a lower-case particle ("Bank of England", "Vincent van Gogh").
func joinsName(s *sentence, j int) bool {
	toks := s.toks
	if j+1 >= len(toks) || toks[j+1].Kind != text.Word || !s.is(j+1, wCap) {
		return false
	}
	t := &toks[j]
	switch {
	case t.Kind == text.Sym && t.Text == "-":
		return !t.Space && !toks[j+1].Space
	case t.Kind == text.Sym && t.Text == "&":
		return true
	case t.Kind == text.Word:
		return t.Text == "of" || t.Text == "de" || t.Text == "van" || t.Text == "von" || t.Text == "del" || t.Text == "da"
	}
	return false
}

// keyOf makes the canonical key of a name: lower case, with the
// organisation suffixes its short form drops ("Scale AI" -> "scale").
func (e *entities) keyOf(surface string) string {
	if k, ok := e.keys[surface]; ok {
		return k
	}
	// The surface may point into an article, and the map outlives it.
	surface = strings.Clone(surface)
	f := strings.Fields(strings.ToLower(surface))
	for len(f) > 1 && e.lex.orgSuffix[f[len(f)-1]] {
		f = f[:len(f)-1]
	}
	for len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	k := strings.Join(f, " ")
	e.keys[surface] = k
	return k
}

// rawKey returns the key of a name mention's surface, made once.
func (e *entities) rawKey(m *mention) string {
	if m.raw == "" {
		m.raw = e.keyOf(m.surface)
	}
	return m.raw
}

// learn records the mentions of one sentence.
func (e *entities) learn(ms []mention, s *sentence) {
	toks, low, cls := s.toks, s.low, s.cls
	for i := range ms {
		m := &ms[i]
		k := e.rawKey(m)
		e.see(k, m.surface)
		// A role word or honorific before the name, ", who" or an age
		// after it: a person.
		if m.start > 0 {
			p := low[m.start-1]
			if cls[m.start-1]&wRole != 0 || p == "chief" || p == "executive" {
				e.person[k] = true
			}
			// "startup Scale AI": a descriptor before the name.
			if cls[m.start-1]&wOrgNoun != 0 && !e.hasTag(k, p) {
				e.tags[k] = append(e.tags[k], p)
			}
		}
		// "its plant in Eindhoven", "the city of Lenholt", "Boston-based".
		if m.start >= 2 && cls[m.start-2]&wPlace != 0 && (low[m.start-1] == "in" || low[m.start-1] == "of" || low[m.start-1] == "at" || low[m.start-1] == "near") ||
			m.start >= 2 && low[m.start-2] == "based" && low[m.start-1] == "in" ||
			m.end+1 < len(toks) && low[m.end] == "-" && low[m.end+1] == "based" {
			e.places[k] = true
		}
		if m.end+1 < len(toks) && low[m.end] == "," && (low[m.end+1] == "who" || low[m.end+1] == "whose") {
			e.person[k] = true
		}
		if m.end < len(toks) && (low[m.end] == "said" || low[m.end] == "says") {
			e.person[k] = true
		}
		// "Alexandr Wang, CEO of …", "Dario Venn, 41, …"
		if m.end+1 < len(toks) && low[m.end] == "," && (e.lex.role[low[m.end+1]] || toks[m.end+1].Kind == text.Num && m.end+2 < len(toks) && low[m.end+2] == ",") {
			e.person[k] = true
		}
	}
	// A possessive pronoun soon after a name, in the same clause, is the
	// name's: "hiring Alexandr Wang alongside members of his team".
	for j := range toks {
		if s.any&wHisHer == 0 {
			break
		}
		if !s.is(j, wHisHer) {
			continue
		}
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].end > j {
				continue
			}
			clean := j-ms[i].end <= 8
			for k := ms[i].end; k < j && clean; k++ {
				clean = toks[k].Kind != text.Sym
			}
			if clean {
				e.person[e.rawKey(&ms[i])] = true
			}
			break
		}
	}
}

// see counts one mention of entity k written as surface.
func (e *entities) see(k, surface string) {
	fs := e.forms[k]
	for i := range fs {
		if fs[i].surface == surface {
			fs[i].n++
			return
		}
	}
	if fs == nil {
		// Most names have a form or two: take room for two from a slab.
		if len(e.formSlab)+2 > cap(e.formSlab) {
			e.formSlab = make([]form, 0, 256)
		}
		n := len(e.formSlab)
		e.formSlab = e.formSlab[:n+2]
		fs = e.formSlab[n : n : n+2]
	}
	e.forms[k] = append(fs, form{surface, 1})
}

// finish settles display names, people and surnames once every sentence
// has been learned.
func (e *entities) finish() {
	// One record a key, sorted by key, so that what follows asks no map
	// about a key twice.
	recs := e.recs[:0]
	for k, fs := range e.forms {
		recs = append(recs, keyRecord{key: k, display: fullest(fs), n: total(fs), person: e.person[k]})
	}
	slices.SortFunc(recs, func(a, b keyRecord) int { return strings.Compare(a.key, b.key) })
	e.recs = recs
	spelled := e.initials // acronym -> the keys whose initials spell it
	for _, r := range recs {
		e.display[r.key] = r.display
		if len(r.display) >= 2 && isUpperCase(r.display) {
			spelled[r.display] = nil
		}
	}
	// A one-word name that is the last word of a person's name is that
	// person's ("Wang"); one that opens exactly one organisation's longer
	// name, used at least a third as often, is that organisation's
	// ("Lumora" for "Lumora Health").
	for i, r := range recs {
		k := r.key
		if strings.Contains(k, " ") || r.person {
			continue
		}
		// The names k opens follow it in sorted order: no character of a
		// key sorts before the space.
		long, n := "", 0
		for _, l := range recs[i+1:] {
			if len(l.key) <= len(k) || l.key[len(k)] != ' ' || l.key[:len(k)] != k {
				break
			}
			if !l.person && 3*l.n >= r.n {
				long, n = l.key, n+1
			}
		}
		if n == 1 {
			e.alias[k] = long
		}
	}
	// An acronym stands for the entity whose initials it spells: "EU" for
	// "European Union", when just one entity does.
	if len(spelled) > 0 {
		for _, r := range recs {
			if !strings.ContainsAny(r.display, " \t") {
				continue
			}
			var buf [32]byte
			b := buf[:0]
			for w := range strings.FieldsSeq(r.display) {
				if isCap(w) {
					c, _ := utf8.DecodeRuneInString(w)
					b = utf8.AppendRune(b, c)
				}
			}
			if keys, ok := spelled[string(b)]; ok {
				spelled[string(b)] = append(keys, r.key)
			}
		}
		for _, r := range recs {
			if full := spelled[r.display]; len(full) == 1 {
				e.alias[r.key] = full[0]
			}
		}
	}
	count := e.count
	for _, r := range recs {
		if last, ok := lastWord(r.key); ok && r.person {
			count[last]++
		}
	}
	for _, r := range recs {
		if last, ok := lastWord(r.key); ok && r.person && count[last] == 1 {
			e.surname[last] = r.key
		}
	}
}

// A keyRecord is what finish works from for one key.
type keyRecord struct {
	key, display string
	n            int // mentions
	person       bool
}

// fullest returns the name to show for an entity written in forms fs: the
// fullest form that is common, at least a quarter as frequent as the most
// frequent ("Scale AI" over "Scale").
func fullest(fs []form) string {
	top := 0
	for _, f := range fs {
		top = max(top, f.n)
	}
	best := ""
	for _, f := range fs {
		if 4*f.n < top {
			continue
		}
		if best == "" || len(f.surface) > len(best) || (len(f.surface) == len(best) && f.surface < best) {
			best = f.surface
		}
	}
	return best
}

// isUpperCase reports whether strings.ToUpper(s) == s, without making
// the upper-case copy.
func isUpperCase(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			return false // upper case would change it, whatever else s holds
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if ascii {
		return true
	}
	if !utf8.ValidString(s) {
		return strings.ToUpper(s) == s // which replaces the bad bytes
	}
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// lastWord returns the last word of a key of two words or more.
func lastWord(k string) (string, bool) {
	i := strings.LastIndexByte(k, ' ')
	return k[i+1:], i > 0
}

func total(fs []form) int {
	n := 0
	for _, f := range fs {
		n += f.n
	}
	return n
}

// canonical maps a key to the key it stands for: a surname to the full
// name of the one person who bears it.
func (e *entities) canonical(k string) string {
	if full, ok := e.alias[k]; ok {
		return full
	}
	if full, ok := e.surname[k]; ok {
		return full
	}
	return k
}

func (e *entities) isPerson(k string) bool { return e.factsOf(k).person }

// keyFacts is what finish settled about a key, looked up once.
type keyFacts struct{ person, place bool }

// factsOf returns whether the entity of key k is a person and whether a
// place. Asked only once finish has run, when neither can change.
func (e *entities) factsOf(k string) keyFacts {
	f, ok := e.facts[k]
	if !ok {
		f = keyFacts{person: e.person[e.canonical(k)], place: e.places[k]}
		e.facts[k] = f
	}
	return f
}
