package newsgen

import (
	"container/heap"
	"fmt"
	"strings"
	"time"
)

// A CorpusArticle is one article of a generated corpus: the record a
// newsroom's dump would hold (the JSONL fields), and the truth a grouping
// is scored against (Event, DuplicateOf), which the record leaves out.
type CorpusArticle struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
	// Event is the event the article is about; DuplicateOf, when set,
	// is the ID of the article it republishes word for word.
	Event       string `json:"-"`
	DuplicateOf string `json:"-"`
	at          time.Time
}

// CorpusOptions shape a corpus.
type CorpusOptions struct {
	Events   int       // how many events
	PerEvent int       // mean articles an event that is reported more than once; 0 means 8
	PerDay   int       // events that begin each day; 0 means 400
	Start    time.Time // when the first event begins; zero means 2026-01-05 UTC
	// ArticleBytes pads each article with background paragraphs (prose
	// without figures or names) to about this many bytes, the size of a
	// real news article (about 4,000); 0 leaves an article as its event's
	// report writes it, about 600 bytes.
	ArticleBytes int
}

// Chances in a corpus: an event that only one outlet reports, and an
// article republished word for word by another outlet.
const (
	singletonRate = 0.1
	duplicateRate = 0.02
)

var fillers = []string{
	"The company did not immediately respond to a request for comment.",
	"More details are expected later this week.",
	"Analysts said the news had been widely expected.",
	"Officials urged residents to follow local guidance.",
	"The announcement came after weeks of speculation.",
	"Local media first reported the news on Monday.",
	"It was not clear how long the process would take.",
	"A spokesperson declined to comment further.",
}

// background are the sentences that pad an article to a real one's
// length: prose without figures or names, each with two words of a
// jargon invented for the corpus, so that padding neither adds facts to
// compare, nor names to group by, nor wording that two articles share.
var background = []string{
	"The %s review is expected to look again at how the %s rules are applied.",
	"Officials said the %s process had been slower than planned because of %s concerns.",
	"People close to the talks said the %s question was still open and the %s side wanted more time.",
	"The %s group has asked for a clearer account of the %s plans before it takes a view.",
	"Critics of the %s approach say it leaves too much to the %s board.",
	"Supporters argue that the %s model has worked elsewhere and that the %s changes are overdue.",
	"The %s office said it would publish its findings once the %s checks were complete.",
	"Some %s advisers have left in recent months, and the %s team has been reorganised.",
	"Staff were told at the %s meeting that the %s timetable would not change.",
	"The %s spokesperson said the %s matter would be handled in the usual way.",
}

// Corpus writes opt.Events events as a stream of articles in order of
// publication, as a day's or a year's feed would hold them. Each event
// begins at its own time and its articles appear over the next 36 hours;
// one event in ten is reported by a single outlet, and one article in 50
// is republished word for word by another outlet. Names are invented, so
// two events of one kind (two earthquakes) differ by their names as real
// ones do. emit is called once for each article; an error from it stops
// the corpus. The same seed always gives the same corpus.
func (g *Generator) Corpus(opt CorpusOptions, emit func(CorpusArticle) error) error {
	if opt.PerEvent <= 1 {
		opt.PerEvent = 8
	}
	if opt.PerDay <= 0 {
		opt.PerDay = 400
	}
	if opt.Start.IsZero() {
		opt.Start = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	}
	invent := g.invent
	g.invent = true
	defer func() { g.invent = invent }()
	step := 24 * time.Hour / time.Duration(opt.PerDay)
	var pending byTime
	flush := func(before time.Time) error {
		for len(pending) > 0 && (before.IsZero() || pending[0].at.Before(before)) {
			if err := emit(heap.Pop(&pending).(CorpusArticle)); err != nil {
				return err
			}
		}
		return nil
	}
	for k := range opt.Events {
		begin := opt.Start.Add(time.Duration(k) * step)
		if err := flush(begin); err != nil {
			return err
		}
		id := fmt.Sprintf("ev%07d", k)
		n := 1
		if g.r.Float64() >= singletonRate {
			n = 2 + g.r.IntN(2*opt.PerEvent-3)
		}
		ev := g.Event(id, n)
		for _, d := range ev.Docs[:n] {
			a := g.corpusArticle(ev, d.Source, d.Text, begin, opt.ArticleBytes)
			heap.Push(&pending, a)
			if g.r.Float64() < duplicateRate {
				outlet := d.Source + " Syndicated"
				dup := a
				dup.ID = fmt.Sprintf("%016x", g.r.Uint64())
				dup.Outlet = outlet
				dup.URL = articleURL(outlet, a.Title, dup.ID)
				dup.at = a.at.Add(time.Duration(1+g.r.IntN(180)) * time.Minute)
				dup.Published = dup.at.Format(time.RFC3339)
				dup.DuplicateOf = a.ID
				heap.Push(&pending, dup)
			}
		}
	}
	return flush(time.Time{})
}

func (g *Generator) corpusArticle(ev Event, outlet, text string, begin time.Time, size int) CorpusArticle {
	var b strings.Builder
	b.WriteString(strings.TrimRight(text, "\n"))
	b.WriteString("\n\n")
	for b.Len() < size-200 { // leave room for the closing lines
		for i := range 3 {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, g.pick(background), g.jargonWord(), g.jargonWord())
		}
		b.WriteString("\n\n")
	}
	for i, n := 0, 1+g.r.IntN(3); i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.pick(fillers))
	}
	b.WriteByte('\n')
	id := fmt.Sprintf("%016x", g.r.Uint64())
	at := begin.Add(time.Duration(g.r.IntN(36*60)) * time.Minute)
	return CorpusArticle{
		ID: id, URL: articleURL(outlet, ev.Title, id), Title: ev.Title, Outlet: outlet,
		Published: at.Format(time.RFC3339), Text: b.String(), Event: ev.ID, at: at,
	}
}

// articleURL makes an outlet's address for an article.
func articleURL(outlet, title, id string) string {
	return "https://" + slug(outlet) + ".example/news/" + slug(title) + "-" + id[:8]
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// byTime is a heap of articles by publication time, then ID.
type byTime []CorpusArticle

func (h byTime) Len() int { return len(h) }
func (h byTime) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].ID < h[j].ID
}
func (h byTime) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *byTime) Push(x any)   { *h = append(*h, x.(CorpusArticle)) }
func (h *byTime) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// jargonSize is how many words the padding's jargon has.
const jargonSize = 8192

// jargonWord picks a lower-case word of the corpus's invented jargon, the
// first words far likelier than the last, as words of a language are.
func (g *Generator) jargonWord() string {
	if g.jargon == nil {
		g.jargon = make([]string, jargonSize)
		for i := range g.jargon {
			g.jargon[i] = strings.ToLower(g.word())
		}
	}
	return g.jargon[g.r.IntN(1+g.r.IntN(jargonSize))]
}
