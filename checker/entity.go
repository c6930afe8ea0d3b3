package checker

import (
	"sort"
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
	poss       bool   // "Meta's"
	coref      string // "", "org" or "person": a noun phrase standing for an entity
	tag        string // the coref's head noun ("startup"), to match descriptors
}

// entities is what the whole article set says about its named entities.
type entities struct {
	lex     *Lexicon
	display map[string]string         // key -> the name to show
	forms   map[string]map[string]int // key -> surface form -> count
	person  map[string]bool           // keys of people
	surname map[string]string         // surname -> person key, when unique
	alias   map[string]string         // acronym key -> the key it stands for
	tags    map[string]map[string]bool
	midCaps map[string]bool   // words seen capitalized inside sentences
	lowSeen map[string]bool   // words seen in lower case
	topic   string            // the entity named most often in the set
	places  map[string]bool   // keys of names used as places
	keys    map[string]string // surface -> key, as keyOf made it
}

func newEntities(lex *Lexicon) *entities {
	return &entities{
		lex: lex, display: map[string]string{}, forms: map[string]map[string]int{},
		person: map[string]bool{}, surname: map[string]string{}, alias: map[string]string{},
		tags: map[string]map[string]bool{}, midCaps: map[string]bool{}, lowSeen: map[string]bool{},
		places: map[string]bool{}, keys: map[string]string{},
	}
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// stripPossessive returns w without "'s" or "’s" and whether it had one.
func stripPossessive(w string) (string, bool) {
	for _, s := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			if s == "s'" || s == "s’" {
				return w[:len(w)-len("'")], true
			}
			return w[:len(w)-len(s)], true
		}
	}
	return w, false
}

// capRuns finds runs of capitalized words in a sentence: candidate names.
// Role words ("CEO", "Chancellor") split runs and are left out; a
// possessive ends a run.
func (e *entities) capRuns(toks []text.Token, low []string) []mention {
	var ms []mention
	i := 0
	for i < len(toks) {
		t := toks[i]
		if t.Kind != text.Word || !isCap(t.Text) || e.lex.role[low[i]] {
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
			tj := toks[j]
			if tj.Kind == text.Word && isCap(tj.Text) && !e.lex.role[low[j]] &&
				!(j+1 < len(toks) && toks[j+1].Kind == text.Num && !toks[j+1].Space) { // "H100" is no name
				w, p := stripPossessive(tj.Text)
				words, at = append(words, w), append(at, j)
				j++
				if p {
					poss = true
					break
				}
				continue
			}
			if joinsName(toks, j) {
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
		for len(words) > 0 && (e.lex.notEntity[words[0]] || functionWord(lowerWord(words[0], toks[at[0]].Text, low[at[0]]))) {
			words, at = words[1:], at[1:]
			start++
		}
		if len(words) > 0 && !(len(words) == 1 && (utf8.RuneCountInString(words[0]) < 2 || e.lex.notEntity[words[0]])) {
			ms = append(ms, mention{start: start, end: j, surface: strings.Join(words, " "), poss: poss})
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
	openers := map[string]bool{}
	for _, doc := range docs {
		for _, s := range doc {
			if f := firstWord(s.toks); f >= 0 && !s.headline && isCap(s.toks[f].Text) {
				w, _ := stripPossessive(s.toks[f].Text)
				openers[s.toks[f].Text], openers[w], openers[strings.ToLower(w)] = true, true, true
			}
		}
	}
	for _, doc := range docs {
		for _, s := range doc {
			if s.headline {
				continue
			}
			for i, t := range s.toks {
				if t.Kind != text.Word || !openers[t.Text] {
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

// lowerWord returns word w in lower case, using low, the lower-case form
// of the token it starts at, when w is that token as written.
func lowerWord(w, tok, low string) string {
	if w == tok {
		return low
	}
	return strings.ToLower(w)
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
				t := toks[k]
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
func joinsName(toks []text.Token, j int) bool {
	if j+1 >= len(toks) || toks[j+1].Kind != text.Word || !isCap(toks[j+1].Text) {
		return false
	}
	t := toks[j]
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

// learn records the mentions of one sentence.
func (e *entities) learn(ms []mention, toks []text.Token, low []string) {
	for _, m := range ms {
		k := e.keyOf(m.surface)
		if e.forms[k] == nil {
			e.forms[k] = map[string]int{}
		}
		e.forms[k][m.surface]++
		// A role word or honorific before the name, ", who" or an age
		// after it: a person.
		if m.start > 0 {
			p := low[m.start-1]
			if e.lex.role[p] || p == "chief" || p == "executive" {
				e.person[k] = true
			}
			// "startup Scale AI": a descriptor before the name.
			if e.lex.orgNoun[p] {
				if e.tags[k] == nil {
					e.tags[k] = map[string]bool{}
				}
				e.tags[k][p] = true
			}
		}
		// "its plant in Eindhoven", "the city of Lenholt", "Boston-based".
		if m.start >= 2 && e.lex.place[low[m.start-2]] && (low[m.start-1] == "in" || low[m.start-1] == "of" || low[m.start-1] == "at" || low[m.start-1] == "near") ||
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
		if low[j] != "his" && low[j] != "her" {
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
				e.person[e.keyOf(ms[i].surface)] = true
			}
			break
		}
	}
}

// finish settles display names, people and surnames once every sentence
// has been learned.
func (e *entities) finish() {
	keys := make([]string, 0, len(e.forms))
	for k := range e.forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// Show the fullest form that is common: at least a quarter as
		// frequent as the most frequent ("Scale AI" over "Scale").
		top := 0
		for _, n := range e.forms[k] {
			top = max(top, n)
		}
		best := ""
		for f, n := range e.forms[k] {
			if 4*n < top {
				continue
			}
			if best == "" || len(f) > len(best) || (len(f) == len(best) && f < best) {
				best = f
			}
		}
		e.display[k] = best
	}
	// A one-word name that is the last word of a person's name is that
	// person's ("Wang"); one that opens exactly one organisation's longer
	// name, used at least a third as often, is that organisation's
	// ("Lumora" for "Lumora Health").
	opens := map[string][]string{} // first word -> the longer names it opens
	for _, l := range keys {
		if first, _, ok := strings.Cut(l, " "); ok && !e.person[l] {
			opens[first] = append(opens[first], l)
		}
	}
	for _, k := range keys {
		if strings.Contains(k, " ") || e.person[k] {
			continue
		}
		var long []string
		for _, l := range opens[k] {
			if 3*total(e.forms[l]) >= total(e.forms[k]) {
				long = append(long, l)
			}
		}
		if len(long) == 1 {
			e.alias[k] = long[0]
		}
	}
	// An acronym stands for the entity whose initials it spells: "EU" for
	// "European Union", when just one entity does.
	initials := map[string][]string{}
	for _, k := range keys {
		d := e.display[k]
		if !strings.ContainsAny(d, " \t") {
			continue
		}
		var b []byte
		for w := range strings.FieldsSeq(d) {
			if isCap(w) {
				r, _ := utf8.DecodeRuneInString(w)
				b = utf8.AppendRune(b, r)
			}
		}
		initials[string(b)] = append(initials[string(b)], k)
	}
	for _, k := range keys {
		d := e.display[k]
		if full := initials[d]; len(full) == 1 && len(d) >= 2 && strings.ToUpper(d) == d {
			e.alias[k] = full[0]
		}
	}
	count := map[string]int{}
	for _, k := range keys {
		if last, ok := lastWord(k); ok && e.person[k] {
			count[last]++
		}
	}
	for _, k := range keys {
		if last, ok := lastWord(k); ok && e.person[k] && count[last] == 1 {
			e.surname[last] = k
		}
	}
}

// lastWord returns the last word of a key of two words or more.
func lastWord(k string) (string, bool) {
	i := strings.LastIndexByte(k, ' ')
	return k[i+1:], i > 0
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
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

func (e *entities) isPerson(k string) bool { return e.person[e.canonical(k)] }
