package read

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// wordTableSize bounds the words a lexicon remembers: about the
// vocabulary of a year of a newspaper, a few megabytes.
const wordTableSize = 200_000

// A wordClass is a set of the lexicon's word classes a word belongs to,
// so that each stage of reading tests a bit instead of looking a word up
// in a map of its own.
type wordClass uint64

const (
	wFunction         wordClass = 1 << iota // a closed-class word ("the", "of")
	wCap                                    // written with a capital first letter
	wRole                                   // a role word ("CEO")
	wOrgNoun                                // a noun for an organisation ("startup")
	wPersonNoun                             // a noun for a person ("founder")
	wPlace                                  // a noun for a place ("city")
	wDeterminer                             // may open a noun phrase (grammar.determiners)
	wCueFirst                               // its stem opens an attribute cue
	wVague                                  // a vague noun ("figure")
	wAnaphoric                              // a noun that refers back ("figure")
	wObjPrep                                // a preposition before an object ("for")
	wQuantityStart                          // a quantity may start with it (quantity.StartWord)
	wHeShe                                  // "he", "she": a person named before
	wHisHer                                 // "his", "her": a person's
	wAnd                                    // "and", which may join two clauses
	wClauseJoiner                           // opens a clause after a comma (grammar.clause_joiners)
	wClauseOpener                           // opens a clause after "and" (grammar.clause_openers)
	wPartitive                              // ends "N of …" as a share (grammar.partitive_pronouns)
	wCopula                                 // "is", "was" (grammar.copulas)
	wPeriodEnd                              // "to", "until" between two dates (grammar.period_ends)
	wPlacePrep                              // introduces a place (grammar.place_preps)
	wSpeech                                 // follows a speaker (grammar.speech_verbs)
	wYearPrep                               // attaches a year (grammar.year_preps)
	wLinking                                // ties a subject to the level after it (grammar.linking_verbs)
	wChange                                 // ties a subject to a level with "to" or "up to" (grammar.change_verbs)
	wAux                                    // may stand before a linking verb (grammar.auxiliaries)
	wNounPrep                               // opens a phrase modifying the noun before it (grammar.noun_preps)
	wProgress                               // says how far a count had got (grammar.progress_words)
	wProgressOpener                         // opens a mark of progress (grammar.progress_openers)
	wWindow                                 // opens a window of time after "the" (grammar.window_words)
	wComparisonBase                         // makes a time after it a figure's base (grammar.comparison_bases)
	wRevision                               // sets its object to a figure (grammar.revision_verbs)
	wElapsed                                // makes a length of time opening a sentence the time since the event (grammar.elapsed_words)
	wForecast                               // marks a figure as expected, not found (grammar.forecast_words)
	wForecastComparer                       // sets an outcome against a forecast (grammar.forecast_comparers)
	// wPhraseFirst<<list: the word, or the word less its possessive, opens
	// a phrase of that phrase list.
	wPhraseFirst
)

// phraseFirst is the class of the words that open a phrase of list id.
func phraseFirst(id int) wordClass { return wPhraseFirst << id }

// A word is what the lexicon knows of one word as written: its lower-case
// form, that form less a possessive, the stem of that, and its classes.
type word struct {
	text, low, bare, stem string // text: the word as written
	class                 wordClass
	kept                  bool  // in the table, its strings copied from the article
	cues                  []cue // the attribute cues its stem opens
	// phrases[list] are the phrases of a phrase list that the word opens
	// ([0]) and that the word less its possessive opens ([1]): nil for
	// most words.
	phrases *[numPhraseLists][2][]int
}

// A wordTable remembers the words met by every extraction that shares a
// lexicon, so that an archive works each word out once, not once per
// article. It is safe for concurrent use and stops growing at its bound.
type wordTable struct {
	m   sync.Map // word as written → *word
	n   atomic.Int64
	max int64
}

// word returns what the lexicon knows of w, a word token as written.
func (l *Lexicon) word(w string) *word {
	t := l.words.Load()
	if v, ok := t.m.Load(w); ok {
		return v.(*word)
	}
	wd := l.newWord(w)
	if t.n.Load() < t.max {
		// The word points into an article's text: keep a copy, not the
		// article.
		wd.keep()
		if v, loaded := t.m.LoadOrStore(wd.text, wd); loaded {
			return v.(*word)
		}
		t.n.Add(1)
	}
	return wd
}

// useTable empties the arena's words when they came from another table
// than the lexicon's: its cues have changed since. An extraction calls it
// once, before it asks for any word.
func (a *arena) useTable(l *Lexicon) {
	if t := l.words.Load(); a.table != t {
		a.table = t
		clear(a.local)
		clear(a.recent[:])
		clear(a.ascii[:])
	}
}

// localWords bounds the words an arena keeps in front of its lexicon's
// table.
const localWords = 1 << 14

// word returns what the lexicon knows of w, a word token as written,
// asking the arena's own map first: a plain map is cheaper to ask than
// the lexicon's shared one.
func (a *arena) word(l *Lexicon, w string) *word {
	if len(w) == 1 && w[0] < utf8.RuneSelf {
		// A letter or a symbol of one byte: one slot each.
		if wd := a.ascii[w[0]]; wd != nil {
			return wd
		}
	}
	// The commonest words are asked for again and again: a small table
	// indexed by a few of their bytes answers most asks without hashing
	// the whole word.
	h := recentSlot(w)
	if wd := a.recent[h]; wd != nil && wd.text == w {
		return wd
	}
	if wd, ok := a.local[w]; ok {
		a.recent[h] = wd
		return wd
	}
	wd := l.word(w)
	if a.local == nil {
		a.local = make(map[string]*word)
	}
	if len(a.local) >= localWords {
		clear(a.local)
	}
	if wd.kept {
		a.local[wd.text] = wd // the table's copy of the word: the article may go
		a.recent[h] = wd
		if len(w) == 1 && w[0] < utf8.RuneSelf {
			a.ascii[w[0]] = wd
		}
	}
	return wd
}

// recentWords is the size of an arena's table of recent words.
const recentWords = 1 << 10

// recentSlot picks w's slot in the table of recent words from its length
// and three of its bytes.
func recentSlot(w string) int {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint(n)*0x9e37 ^ uint(w[0])*0x85eb ^ uint(w[n-1])*0xc2b2 ^ uint(w[n/2])*0x27d4
	return int(h^h>>10) & (recentWords - 1)
}

// keep copies the word's strings out of the article it was met in, a
// form that opens the form before it sharing that one's copy.
func (wd *word) keep() {
	same := func(s, of string) string {
		if strings.HasPrefix(of, s) {
			return of[:len(s)]
		}
		return strings.Clone(s)
	}
	wd.text = strings.Clone(wd.text)
	wd.low = same(wd.low, wd.text)
	wd.bare = same(wd.bare, wd.low)
	wd.stem = same(wd.stem, wd.bare)
	wd.kept = true
}

// newWord works out what the lexicon knows of w.
func (l *Lexicon) newWord(w string) *word {
	low := strings.ToLower(w)
	bare, _ := stripPossessive(low)
	wd := &word{text: w, low: low, bare: bare, stem: stem(bare)}
	if isCap(w) {
		wd.class |= wCap
	}
	for _, f := range []struct {
		set map[string]bool
		c   wordClass
	}{
		{l.role, wRole}, {l.orgNoun, wOrgNoun}, {l.person, wPersonNoun},
		{l.place, wPlace}, {l.vague, wVague},
		{l.anaphoric, wAnaphoric}, {l.objPrep, wObjPrep},
	} {
		if f.set[low] {
			wd.class |= f.c
		}
	}
	wd.class |= l.grammar[low]
	switch low {
	case "he", "she":
		wd.class |= wHeShe
	case "his", "her":
		wd.class |= wHisHer
	case "and":
		wd.class |= wAnd
	}
	if quantity.StartWord(w) {
		wd.class |= wQuantityStart
	}
	if text.FunctionWord(low) {
		wd.class |= wFunction
	}
	if wd.cues = l.cues[wd.stem]; len(wd.cues) > 0 {
		wd.class |= wCueFirst
	}
	for _, pl := range l.phraseLists() {
		byLow, byBare := pl.byFirst[low], []int(nil)
		if bare != low {
			byBare = pl.byFirst[bare]
		}
		if len(byLow) > 0 || len(byBare) > 0 {
			wd.class |= phraseFirst(pl.id)
			if wd.phrases == nil {
				wd.phrases = new([numPhraseLists][2][]int)
			}
			wd.phrases[pl.id] = [2][]int{byLow, byBare}
		}
	}
	return wd
}

// phraseLists returns the lexicon's phrase lists.
func (l *Lexicon) phraseLists() [numPhraseLists]*phraseList {
	return [numPhraseLists]*phraseList{
		hedgeList: l.hedges, reportingList: l.reporting, earlierList: l.earlier,
		subeventList: l.subevents, relativeList: l.relative,
	}
}

// stemOf returns the stem of a lower-case word.
func (l *Lexicon) Stem(w string) string { return l.word(w).stem }

// stem reduces a lower-case word to its Snowball English stem.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
