package read

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

//go:embed lexicon.yaml
var defaultLexicon []byte

// A Lexicon holds the words claims are read by: attribute cues, hedges,
// time markers, coreference nouns and role words. See lexicon.yaml.
type Lexicon struct {
	Attributes map[string]AttributeDef `yaml:"attributes"`
	Hedges     []string                `yaml:"hedges"`
	Reporting  []string                `yaml:"reporting"`
	Earlier    []string                `yaml:"earlier"`
	OrgNouns   []string                `yaml:"org_nouns"`
	PersonNoun []string                `yaml:"person_nouns"`
	Roles      []string                `yaml:"roles"`
	NotEntity  []string                `yaml:"not_entities"`
	OrgSuffix  []string                `yaml:"org_suffixes"`
	Vague      []string                `yaml:"vague_nouns"`
	ObjPreps   []string                `yaml:"object_preps"`
	Anaphoric  []string                `yaml:"anaphoric_nouns"`
	Subevents  []string                `yaml:"subevents"`
	DateFiller []string                `yaml:"date_fillers"`
	DateEvents map[string][]string     `yaml:"date_events"`
	Relative   map[string]int          `yaml:"relative_years"`
	PlaceNouns []string                `yaml:"place_nouns"`
	Grammar    Grammar                 `yaml:"grammar"`

	cues      map[string][]cue         // attribute cues by their first stem, longest first
	defs      map[string]*AttributeDef // a copy of Attributes, to point at
	hedges    *phraseList              // exact lower-case words
	reporting *phraseList
	earlier   *phraseList
	orgNoun   map[string]bool
	person    map[string]bool
	role      map[string]bool
	notEntity map[string]bool
	// notEntityShapes rule most words out of notEntity unhashed.
	notEntityShapes text.Shapes
	orgSuffix       map[string]bool
	vague           map[string]bool
	objPrep         map[string]bool
	anaphoric       map[string]bool
	subevents       *phraseList
	dateFill        map[string]bool
	dateEvent       map[string]string // word stem -> the event a date of it is
	relative        *phraseList       // relative years, by their words
	relOffset       []int             // the year offset of each of relative
	place           map[string]bool
	grammar         map[string]wordClass      // word -> its grammar classes
	words           atomic.Pointer[wordTable] // the words met so far; replaced when cues change
	arenas          sync.Pool                 // *arena, free for an extraction
}

// Grammar holds the closed classes of words the rules read clauses by:
// which words join or open a clause, introduce a place or a year, report
// speech. Each list is a word class (wordClass); every list must be given.
type Grammar struct {
	// ClauseJoiners open a new clause after a comma: ", while …".
	ClauseJoiners []string `yaml:"clause_joiners"`
	// ClauseOpeners open a new clause after "and": "… and that it …".
	ClauseOpeners []string `yaml:"clause_openers"`
	// Partitives end "N of …" as a share of a group named before.
	Partitives []string `yaml:"partitive_pronouns"`
	// Copulas link a figure to the noun it measures: "the toll was N".
	Copulas []string `yaml:"copulas"`
	// PeriodEnds join the two ends of a period: "from May to June".
	PeriodEnds []string `yaml:"period_ends"`
	// PlacePreps introduce a place: "in X", "at X".
	PlacePreps []string `yaml:"place_preps"`
	// Determiners may open a noun phrase a figure is about.
	Determiners []string `yaml:"determiners"`
	// SpeechVerbs follow who said something: "X said".
	SpeechVerbs []string `yaml:"speech_verbs"`
	// YearPreps attach a year to the clause: "in 2019", "by 2030".
	YearPreps []string `yaml:"year_preps"`
	// LinkingVerbs tie the subject of a clause to the level after them:
	// "the toll reached 58", "the fund stood at $2m", "the toll was 58".
	// Copulas are among them; as Copulas they also name a noun before.
	LinkingVerbs []string `yaml:"linking_verbs"`
	// ChangeVerbs tie the subject to a level only with "to", "up to" or
	// "down to": "the toll rose to 58", "has gone up to 58" (but "rose by
	// 40" and "rose 40" are a change).
	ChangeVerbs []string `yaml:"change_verbs"`
	// Auxiliaries may stand before a linking verb: "has risen".
	Auxiliaries []string `yaml:"auxiliaries"`
	// NounPreps open a phrase that modifies the noun before it: "the
	// toll from the quake", "the value of the deal".
	NounPreps []string `yaml:"noun_preps"`
	// ProgressWords, after "N% of …", make the share a mark of how far a
	// count had got when it was reported: "with 97% of ballots counted".
	ProgressWords []string `yaml:"progress_words"`
	// ProgressOpeners open a share that is a mark of progress: "with".
	ProgressOpeners []string `yaml:"progress_openers"`
	// ElapsedWords, after a length of time that opens a sentence, make it
	// the time since the event: "Four days after the floods, …".
	ElapsedWords []string `yaml:"elapsed_words"`
	// ComparisonBases, before a time after the figure, make the time
	// what the figure is measured against: "up 9% on the previous
	// month", "compared with a year ago".
	ComparisonBases []string `yaml:"comparison_bases"`
	// RevisionVerbs set the cue that is their object to the figure after
	// "to" or "at": "raised the death toll to 39", "put the crowd at 9,000".
	RevisionVerbs []string `yaml:"revision_verbs"`
	// WindowWords, after "the", make the length of time after them a
	// window a figure was counted over: "in the past five years".
	WindowWords []string `yaml:"window_words"`
	// ForecastWords mark the figure they stand by as what was expected,
	// not what happened: "the expected 4.3%", "4.3% forecast by".
	ForecastWords []string `yaml:"forecast_words"`
	// ForecastComparers, just before a forecast word or joined to it
	// after, set the outcome against the forecast: "more than expected",
	// "beat expectations", "consensus-beating".
	ForecastComparers []string `yaml:"forecast_comparers"`
}

// A grammarClass is one list of the grammar: its key in lexicon.yaml,
// its words and the word class they get.
type grammarClass struct {
	key   string
	words []string
	class wordClass
}

// classes returns the grammar's lists.
func (g *Grammar) classes() []grammarClass {
	return []grammarClass{
		{"clause_joiners", g.ClauseJoiners, wClauseJoiner},
		{"clause_openers", g.ClauseOpeners, wClauseOpener},
		{"partitive_pronouns", g.Partitives, wPartitive},
		{"copulas", g.Copulas, wCopula},
		{"period_ends", g.PeriodEnds, wPeriodEnd},
		{"place_preps", g.PlacePreps, wPlacePrep},
		{"determiners", g.Determiners, wDeterminer},
		{"speech_verbs", g.SpeechVerbs, wSpeech},
		{"year_preps", g.YearPreps, wYearPrep},
		{"linking_verbs", g.LinkingVerbs, wLinking},
		{"change_verbs", g.ChangeVerbs, wChange},
		{"auxiliaries", g.Auxiliaries, wAux},
		{"noun_preps", g.NounPreps, wNounPrep},
		{"progress_words", g.ProgressWords, wProgress},
		{"progress_openers", g.ProgressOpeners, wProgressOpener},
		{"window_words", g.WindowWords, wWindow},
		{"revision_verbs", g.RevisionVerbs, wRevision},
		{"comparison_bases", g.ComparisonBases, wComparisonBase},
		{"elapsed_words", g.ElapsedWords, wElapsed},
		{"forecast_words", g.ForecastWords, wForecast},
		{"forecast_comparers", g.ForecastComparers, wForecastComparer},
	}
}

// An AttributeDef says what kinds of quantity an attribute measures and
// which words signal it.
type AttributeDef struct {
	Kinds []quantity.Kind `yaml:"kinds"`
	Units []string        `yaml:"units"`
	Scope string          `yaml:"scope"` // "event": the figure is about the event, not a named entity
	Cues  []string        `yaml:"cues"`
}

// A phrase is a sequence of word stems.
type phrase []string

type cue struct {
	words phrase
	word  string // the cue as written, lower case
	// exact, for a cue written "=word": it matches only its own words,
	// not others of their stems ("=rescued" is not "rescue").
	exact phrase
	attr  string
	def   *AttributeDef // Attributes[attr]
}

// newCue reads cue text c of attribute attr: stems, or exact words after
// a leading "=".
func newCue(c, attr string, def *AttributeDef) cue {
	raw, exact := strings.CutPrefix(c, "=")
	k := cue{words: toPhrase(raw, stem), word: strings.ToLower(raw), attr: attr, def: def}
	if exact {
		k.exact = toPhrase(raw, nil)
	}
	return k
}

// DefaultLexicon returns the lexicon that ships with crosscheck.
func DefaultLexicon() (*Lexicon, error) { return ParseLexicon(defaultLexicon) }

// ParseLexicon reads a lexicon in the format of lexicon.yaml.
func ParseLexicon(data []byte) (*Lexicon, error) {
	var l Lexicon
	if err := yaml.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l.cues = map[string][]cue{}
	l.defs = map[string]*AttributeDef{}
	for name, a := range l.Attributes {
		if len(a.Kinds) == 0 {
			return nil, fmt.Errorf("lexicon: attribute %q has no kinds", name)
		}
		def := &a
		l.defs[name] = def
		for _, c := range a.Cues {
			k := newCue(c, name, def)
			if len(k.words) == 0 {
				return nil, fmt.Errorf("lexicon: attribute %q: cue %q has no words", name, c)
			}
			l.cues[k.words[0]] = append(l.cues[k.words[0]], k)
		}
	}
	for k, cs := range l.cues {
		sort.Slice(cs, func(i, j int) bool {
			if len(cs[i].words) != len(cs[j].words) {
				return len(cs[i].words) > len(cs[j].words)
			}
			return cs[i].attr < cs[j].attr
		})
		l.cues[k] = cs
	}
	l.hedges = newPhraseList(hedgeList, l.Hedges)
	l.reporting = newPhraseList(reportingList, l.Reporting)
	l.earlier = newPhraseList(earlierList, l.Earlier)
	l.orgNoun = set(l.OrgNouns, strings.ToLower)
	l.person = set(l.PersonNoun, strings.ToLower)
	l.role = set(l.Roles, strings.ToLower)
	l.notEntity = set(l.NotEntity, nil)
	for w := range l.notEntity {
		l.notEntityShapes.Add(w)
	}
	l.grammar = map[string]wordClass{}
	for _, g := range l.Grammar.classes() {
		if len(g.words) == 0 {
			return nil, fmt.Errorf("lexicon: grammar.%s is empty", g.key)
		}
		for _, w := range g.words {
			l.grammar[strings.ToLower(w)] |= g.class
		}
	}
	l.orgSuffix = set(l.OrgSuffix, strings.ToLower)
	l.vague = set(l.Vague, strings.ToLower)
	l.objPrep = set(l.ObjPreps, strings.ToLower)
	l.anaphoric = set(l.Anaphoric, strings.ToLower)
	l.subevents = newPhraseList(subeventList, l.Subevents)
	l.dateFill = set(l.DateFiller, strings.ToLower)
	l.dateEvent = map[string]string{}
	for event, words := range l.DateEvents {
		for _, w := range words {
			st := stem(strings.ToLower(w))
			if other, ok := l.dateEvent[st]; ok && other != event {
				return nil, fmt.Errorf("lexicon: date event word %q is in both %q and %q", w, other, event)
			}
			l.dateEvent[st] = event
		}
	}
	l.place = set(l.PlaceNouns, strings.ToLower)
	rel := make([]string, 0, len(l.Relative))
	for k := range l.Relative {
		rel = append(rel, k)
	}
	sort.Slice(rel, func(i, j int) bool { return toPhrase(rel[i], nil).String() < toPhrase(rel[j], nil).String() })
	l.relative = newPhraseList(relativeList, rel)
	for _, k := range rel {
		l.relOffset = append(l.relOffset, l.Relative[k])
	}
	all := l.phraseLists()
	for _, pl := range all {
		pl.all = &all
	}
	l.words.Store(&wordTable{max: wordTableSize})
	return &l, nil
}

// isNotEntity reports whether w is never a name (notEntity).
func (l *Lexicon) isNotEntity(w string) bool {
	return l.notEntityShapes.MayHave(w) && l.notEntity[w]
}

// IsVague reports whether a lower-case noun is too vague to name what a
// figure counts ("people", "total"): a vague_nouns entry.
func (l *Lexicon) IsVague(w string) bool { return l.vague[w] }

// AddCues adds cue phrases to an attribute of the lexicon, so that
// "purchase price" can read as "deal value". The attribute must exist.
func (l *Lexicon) AddCues(attr string, cues ...string) error {
	a, ok := l.Attributes[attr]
	if !ok {
		names := make([]string, 0, len(l.Attributes))
		for n := range l.Attributes {
			names = append(names, n)
		}
		sort.Strings(names)
		return fmt.Errorf("unknown attribute %q (the lexicon has: %s)", attr, strings.Join(names, ", "))
	}
	for _, c := range cues {
		k := newCue(c, attr, l.defs[attr])
		p := k.words
		if len(p) == 0 {
			return fmt.Errorf("cue %q has no words", c)
		}
		a.Cues = append(a.Cues, c)
		cs := append(l.cues[p[0]], k)
		sort.SliceStable(cs, func(i, j int) bool {
			if len(cs[i].words) != len(cs[j].words) {
				return len(cs[i].words) > len(cs[j].words)
			}
			return cs[i].attr < cs[j].attr
		})
		l.cues[p[0]] = cs
	}
	l.Attributes[attr] = a
	*l.defs[attr] = a
	l.words.Store(&wordTable{max: wordTableSize}) // the words' cue classes changed
	return nil
}

func set(words []string, f func(string) string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if f != nil {
			w = f(w)
		}
		m[w] = true
	}
	return m
}

// toPhrase splits s into lower-case words at spaces and hyphens, mapping
// each through f when f is not nil.
func toPhrase(s string, f func(string) string) phrase {
	var p phrase
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' }) {
		if f != nil {
			w = f(w)
		}
		p = append(p, w)
	}
	return p
}

func (p phrase) String() string { return strings.Join(p, " ") }

// accepts reports whether attribute a can measure quantity q.
func (a *AttributeDef) accepts(q quantity.Quantity) bool {
	ok := false
	for _, k := range a.Kinds {
		if k == q.Kind {
			ok = true
			break
		}
	}
	if !ok || len(a.Units) == 0 {
		return ok
	}
	for _, u := range a.Units {
		if u == q.Unit {
			return true
		}
	}
	return false
}
