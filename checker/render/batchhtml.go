package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/checker"
)

// DefaultHTMLEvents is how many events a page of the batch report
// details when not told.
const DefaultHTMLEvents = 1000

// HTMLOptions control the batch report's pages.
type HTMLOptions struct {
	// PerPage is how many events a page details; 0 means
	// DefaultHTMLEvents. The events past it go to further pages.
	PerPage int
	// Dir is the directory the sources' relative paths are relative to,
	// for the links to articles without a URL; "" leaves them relative.
	Dir string
	// Tool names the crosscheck that checked, and Settings what it
	// checked under, for the page's note on how it was made.
	Tool     string
	Settings map[string]string
}

// The summary's lengths.
const (
	topFindings    = 10 // the most confident disagreements
	changedFigures = 20 // the figures that changed over the coverage
	chartOutlets   = 12 // the outlets the bar chart draws
	tableOutlets   = 15 // the outlets the table shows before "more"
)

// PageName is the file name of page n of the batch report: index.html,
// then page-2.html, page-3.html …
func PageName(n int) string {
	if n <= 1 {
		return "index.html"
	}
	return fmt.Sprintf("page-%d.html", n)
}

// BatchHTML writes a batch run's report: pages of at most PerPage
// events, in the order given (most confident disagreement first), each
// one self-contained HTML file (no external assets, no network). The
// first, index.html, opens with a summary of the whole run: events
// checked and with findings, by severity; the most confident
// disagreements; how often each outlet is on the minority side of a
// confident one, as a table and a bar chart; and the figures that
// changed over the coverage. Each event is a <details> element that
// opens to its findings: each value with the outlets and headlines that
// state it, linked to the articles with line:column, and the figure in
// a few words of its sentence. Everything is readable without
// JavaScript; a short script filters (severity, attribute, outlet),
// searches and sorts.
//
// BatchHTML reads events twice, once for the summary and once for the
// pages, and holds no more than a page's event at a time. It calls page
// once per page, in order, with the page's file name (PageName) and a
// function that draws the page.
func BatchHTML(s *checker.BatchSummary, events iter.Seq[checker.EventReport], opt HTMLOptions, page func(name string, draw func(io.Writer) error) error) error {
	if opt.PerPage <= 0 {
		opt.PerPage = DefaultHTMLEvents
	}
	ov := newOverview(s, opt)
	for ev := range events {
		ov.add(&ev)
	}
	ov.finish()
	next, stop := iter.Pull(events)
	defer stop()
	tmpl := batchTemplates()
	rank := 0
	for n := range ov.Pages {
		pv := pageView{overview: ov, Page: ov.Pages[n]}
		if n > 0 {
			pv.Prev = &ov.Pages[n-1]
		}
		if n+1 < len(ov.Pages) {
			pv.Next = &ov.Pages[n+1]
		}
		err := page(pv.Page.Name, func(w io.Writer) error {
			if err := tmpl.ExecuteTemplate(w, "head", pv); err != nil {
				return err
			}
			for range pv.Page.To - pv.Page.From + 1 {
				ev, ok := next()
				if !ok {
					return fmt.Errorf("the events ran out at %d of %d on their second reading", rank, ov.Total)
				}
				rank++
				if err := tmpl.ExecuteTemplate(w, "event", eventOf(&ev, rank, opt.Dir)); err != nil {
					return err
				}
			}
			return tmpl.ExecuteTemplate(w, "foot", pv)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// An overview is what the report says of the whole run, from a first
// reading of its events.
type overview struct {
	Summary  *checker.BatchSummary
	Opt      HTMLOptions
	Settings [][2]string
	// Coverage is the span of the articles' publication days.
	Coverage string
	days     span
	// Total counts the events, Checked those compared, Unchecked those
	// one article reports, WithFindings those with a disagreement,
	// Articles the articles in them.
	Total, Checked, Unchecked, WithFindings, Articles int
	Severities                                        []severityRow
	Pages                                             []pageRef
	Top                                               []summaryRow
	Changed                                           []summaryRow
	Outlets, MoreOutlets                              []outletRow
	Chart                                             barChart
	// Attributes and OutletNames are the filter's choices, most frequent
	// first.
	Attributes, OutletNames []choice

	// ChangedTotal counts the figures that changed, at a warning or
	// above (a weak signal that changed is more often two facts than an
	// update); Changed lists the most confident.
	ChangedTotal int

	severity   map[checker.Severity]*severityRow
	outlets    map[string]*outletRow
	attributes map[string]int
	findingOut map[string]int
}

// A severityRow counts the findings of one severity and the events they
// are in.
type severityRow struct {
	Severity              checker.Severity
	Heading, Words, Range string
	Findings, Events      int
}

// A pageRef is one page of the report: its number, file name and the
// ranks of its first and last events.
type pageRef struct {
	N        int
	Name     string
	From, To int
}

// A summaryRow is a finding the summary lists, with its event and the
// link to it.
type summaryRow struct {
	Href    string
	Event   string
	Finding findingView
	rank    int // the event's
	key     rowKey
}

// rowKey orders the summary's findings: most confident first, then the
// most sources, then the largest gap, then in the events' order.
type rowKey struct {
	confidence float64
	sources    int
	gap        float64
	rank, i    int
}

func (a rowKey) cmp(b rowKey) int {
	switch {
	case a.confidence != b.confidence:
		return cmpDesc(a.confidence, b.confidence)
	case a.sources != b.sources:
		return b.sources - a.sources
	case a.gap != b.gap:
		return cmpDesc(a.gap, b.gap)
	case a.rank != b.rank:
		return a.rank - b.rank
	}
	return a.i - b.i
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// An outletRow counts what one outlet's articles did over the run.
type outletRow struct {
	Name string
	// Articles are the outlet's articles; Events the events they are in.
	Articles, Events int
	// Confident counts the confident disagreements the outlet takes a
	// side in; Minority those it is on the minority side of.
	Confident, Minority int
}

// Share is how often the outlet is on the minority side of the confident
// disagreements it takes a side in.
func (o outletRow) Share() string {
	if o.Confident == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(o.Minority)/float64(o.Confident))
}

type choice struct {
	Name  string
	Count int
}

// A barChart is the outlets' minority counts as horizontal bars.
type barChart struct {
	Width, Height, LabelX, BarX int
	Bars                        []bar
}

type bar struct {
	Name           string
	Label          string // Name, shortened to fit
	Y, TextY, W    int
	Count          int
	CountX         int
	Share, Tooltip string
}

// The chart's geometry, in SVG user units.
const (
	chartWidth = 640
	chartBarX  = 210
	chartMaxW  = 330
	chartRow   = 24
)

func newOverview(s *checker.BatchSummary, opt HTMLOptions) *overview {
	ov := &overview{
		Summary: s, Opt: opt,
		severity:   map[checker.Severity]*severityRow{},
		outlets:    map[string]*outletRow{},
		attributes: map[string]int{},
		findingOut: map[string]int{},
	}
	for _, sev := range []checker.Severity{checker.Error, checker.Warning, checker.Info} {
		ov.Severities = append(ov.Severities, severityRow{Severity: sev, Heading: severityHeadings[sev], Words: severityWords[sev], Range: severityRange[sev]})
	}
	for i := range ov.Severities {
		ov.severity[ov.Severities[i].Severity] = &ov.Severities[i]
	}
	for _, k := range slices.Sorted(maps.Keys(opt.Settings)) {
		ov.Settings = append(ov.Settings, [2]string{k, opt.Settings[k]})
	}
	return ov
}

// add counts one event, the next in the report's order.
func (ov *overview) add(ev *checker.EventReport) {
	ov.Total++
	rank := ov.Total
	if ev.Status == checker.EventUnchecked {
		ov.Unchecked++
	} else {
		ov.Checked++
	}
	if len(ev.Findings) > 0 {
		ov.WithFindings++
	}
	ov.Articles += len(ev.Sources)
	src := sourcesOf(ev)
	inEvent := map[string]bool{}
	for _, s := range ev.Sources {
		if t, ok := published(s); ok {
			ov.days.add(t)
		}
		name := outletName(s)
		o := ov.outlet(name)
		o.Articles++
		if !inEvent[name] {
			inEvent[name] = true
			o.Events++
		}
	}
	sevs := map[checker.Severity]bool{}
	for i, f := range ev.Findings {
		sev := checker.SeverityOf(f.Confidence)
		if r := ov.severity[sev]; r != nil {
			r.Findings++
			if !sevs[sev] {
				sevs[sev] = true
				r.Events++
			}
		}
		ov.attributes[f.Attribute]++
		minor := minority(f)
		side := map[string]bool{} // outlet -> on the minority side
		nsrc := 0
		for j, g := range f.Values {
			nsrc += len(g.Sources)
			for _, id := range g.Sources {
				name := src.outlet(id)
				side[name] = side[name] || minor[j]
			}
		}
		for name, minor := range side {
			ov.findingOut[name]++
			if confident(f) {
				o := ov.outlet(name)
				o.Confident++
				if minor {
					o.Minority++
				}
			}
		}
		key := rowKey{confidence: f.Confidence, sources: nsrc, gap: gapOf(f).Key, rank: rank, i: i}
		row := func() summaryRow {
			return summaryRow{Event: ev.Title, Finding: findingOf(f, findingAnchor(ev, i), src, ov.Opt.Dir), rank: rank, key: key}
		}
		ov.Top = keepTop(ov.Top, topFindings, key, row)
		if sev != checker.Info && timelineOf(f, src) != nil {
			ov.ChangedTotal++
			ov.Changed = keepTop(ov.Changed, changedFigures, key, row)
		}
	}
}

// findingAnchor is the id of finding i of an event on the page, as
// eventOf makes it.
func findingAnchor(ev *checker.EventReport, i int) string {
	anchor := ev.ID + "-" + ev.Findings[i].ID
	for j := range i {
		if ev.Findings[i].ID == "" || ev.Findings[j].ID == ev.Findings[i].ID {
			return fmt.Sprintf("%s-%d", ev.ID, i+1)
		}
	}
	return anchor
}

// keepTop keeps the n best rows, building a row only when it is among
// them.
func keepTop(rows []summaryRow, n int, key rowKey, row func() summaryRow) []summaryRow {
	if len(rows) == n && key.cmp(rows[n-1].key) >= 0 {
		return rows
	}
	i, _ := slices.BinarySearchFunc(rows, key, func(r summaryRow, k rowKey) int { return r.key.cmp(k) })
	rows = slices.Insert(rows, i, row())
	if len(rows) > n {
		rows = rows[:n]
	}
	return rows
}

func (ov *overview) outlet(name string) *outletRow {
	o := ov.outlets[name]
	if o == nil {
		o = &outletRow{Name: name}
		ov.outlets[name] = o
	}
	return o
}

// finish turns the counts into what the page shows.
func (ov *overview) finish() {
	ov.Coverage = ov.days.String()
	per := ov.Opt.PerPage
	for from := 1; from <= ov.Total || len(ov.Pages) == 0; from += per {
		n := len(ov.Pages) + 1
		ov.Pages = append(ov.Pages, pageRef{N: n, Name: PageName(n), From: from, To: min(from+per-1, ov.Total)})
	}
	for _, rows := range [][]summaryRow{ov.Top, ov.Changed} {
		for i := range rows {
			p := (rows[i].rank-1)/per + 1
			rows[i].Href = "#" + rows[i].Finding.Anchor
			if p > 1 {
				rows[i].Href = PageName(p) + rows[i].Href
			}
		}
	}
	rows := make([]outletRow, 0, len(ov.outlets))
	for _, o := range ov.outlets {
		rows = append(rows, *o)
	}
	slices.SortFunc(rows, func(a, b outletRow) int {
		switch {
		case a.Minority != b.Minority:
			return b.Minority - a.Minority
		case a.Confident != b.Confident:
			return b.Confident - a.Confident
		case a.Articles != b.Articles:
			return b.Articles - a.Articles
		}
		return strings.Compare(a.Name, b.Name)
	})
	ov.Outlets = rows[:min(len(rows), tableOutlets)]
	ov.MoreOutlets = rows[len(ov.Outlets):]
	ov.Chart = chartOf(rows)
	ov.Attributes = choices(ov.attributes)
	ov.OutletNames = choices(ov.findingOut)
}

// chartOf draws the outlets most often on the minority side of a
// confident disagreement; rows are in that order.
func chartOf(rows []outletRow) barChart {
	c := barChart{Width: chartWidth, LabelX: chartBarX - 8, BarX: chartBarX}
	most := 0
	for _, o := range rows {
		most = max(most, o.Minority)
	}
	for _, o := range rows {
		if o.Minority == 0 || len(c.Bars) == chartOutlets {
			break
		}
		y := 4 + len(c.Bars)*chartRow
		w := max(2, o.Minority*chartMaxW/most)
		c.Bars = append(c.Bars, bar{
			Name: o.Name, Label: shorten(o.Name, 30), Y: y, TextY: y + 14, W: w, Count: o.Minority, CountX: chartBarX + w + 6,
			Share:   o.Share(),
			Tooltip: fmt.Sprintf("%s: on the minority side of %d of the %d confident disagreements it takes a side in", o.Name, o.Minority, o.Confident),
		})
	}
	c.Height = 8 + len(c.Bars)*chartRow
	return c
}

func choices(m map[string]int) []choice {
	out := make([]choice, 0, len(m))
	for k, n := range m {
		out = append(out, choice{k, n})
	}
	slices.SortFunc(out, func(a, b choice) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// A pageView is one page of the report.
type pageView struct {
	*overview
	Page       pageRef
	Prev, Next *pageRef
}

// First is whether this is index.html, the page with the summary.
func (p pageView) First() bool { return p.Page.N == 1 }

//go:embed batch.html.tmpl
var batchHTML string

// batchTemplates are the batch pages' templates, parsed when first
// written: the commands that write no pages do not parse them.
var batchTemplates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("batch").Funcs(template.FuncMap{
		"join":     strings.Join,
		"lines":    func(s []string) string { return strings.Join(s, "\n") },
		"minus":    func(a, b int) int { return a - b },
		"plural":   count,
		"sevWords": func(s checker.Severity) string { return severityWords[s] },
	}).Parse(batchHTML))
})

// A navLink is one link of the pages' navigation; Href is empty for the
// page itself and for a gap ("…").
type navLink struct {
	Label, Href string
	Current     bool
}

// maxNav is how many pages the navigation lists every one of.
const maxNav = 15

// Nav links to the other pages: previous, each page (or the first, the
// last and those near this one), next.
func (p pageView) Nav() []navLink {
	if len(p.Pages) <= 1 {
		return nil
	}
	var out []navLink
	if p.Prev != nil {
		out = append(out, navLink{Label: "‹ previous", Href: p.Prev.Name})
	}
	gap := false
	for _, q := range p.Pages {
		near := q.N == 1 || q.N == len(p.Pages) || (q.N >= p.Page.N-2 && q.N <= p.Page.N+2)
		if len(p.Pages) > maxNav && !near {
			if !gap {
				out = append(out, navLink{Label: "…"})
			}
			gap = true
			continue
		}
		gap = false
		l := navLink{Label: fmt.Sprint(q.N), Href: q.Name, Current: q.N == p.Page.N}
		if l.Current {
			l.Href = ""
		}
		out = append(out, l)
	}
	if p.Next != nil {
		out = append(out, navLink{Label: "next ›", Href: p.Next.Name})
	}
	return out
}
