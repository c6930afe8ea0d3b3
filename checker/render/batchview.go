package render

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

// This file turns a batch run's events into what the HTML report draws:
// outlets and headlines instead of source IDs, the figure of each
// statement in a few words, the gap between the values, the timeline of
// a figure that changed, and the counts over the whole run.

// severityWords says what a severity means to a reader.
var severityWords = map[checker.Severity]string{
	checker.Error:   "likely error",
	checker.Warning: "worth a check",
	checker.Info:    "weak",
}

// severityHeadings name the findings of a severity in the summary.
var severityHeadings = map[checker.Severity]string{
	checker.Error:   "likely errors",
	checker.Warning: "worth a check",
	checker.Info:    "weak signals",
}

// severityRange says which confidences a severity covers (SeverityOf).
var severityRange = map[checker.Severity]string{
	checker.Error:   "confidence 0.70 or more",
	checker.Warning: "confidence 0.50 to 0.69",
	checker.Info:    "confidence below 0.50",
}

// confident reports whether a finding is a confident disagreement, the
// kind the outlet counts are about: one graded error.
func confident(f checker.Finding) bool { return checker.SeverityOf(f.Confidence) == checker.Error }

// minority reports, for each value of a finding, whether it is on the
// minority side: fewer sources state it than state another value. Two
// values stated by as many sources each have no minority.
func minority(f checker.Finding) []bool {
	most := 0
	for _, g := range f.Values {
		most = max(most, len(g.Sources))
	}
	out := make([]bool, len(f.Values))
	for i, g := range f.Values {
		out[i] = len(g.Sources) < most
	}
	return out
}

// sources looks an event's articles up by ID.
type sources map[string]checker.SourceInfo

func sourcesOf(ev *checker.EventReport) sources {
	m := make(sources, len(ev.Sources))
	for _, s := range ev.Sources {
		m[s.ID] = s
	}
	return m
}

// outlet is the name of the outlet that published source id: its outlet,
// else its URL's host, else its ID.
func (m sources) outlet(id string) string {
	s, ok := m[id]
	if !ok {
		return id
	}
	return outletName(s)
}

func outletName(s checker.SourceInfo) string {
	if s.Outlet != "" {
		return s.Outlet
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return s.ID
}

// headline is an article's title, else its file name.
func headline(s checker.SourceInfo) string {
	if s.Title != "" {
		return s.Title
	}
	if s.Path != "" {
		return filepath.Base(s.Path)
	}
	return s.ID
}

// published is an article's publication day, when it is known.
func published(s checker.SourceInfo) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s.Published)
	return t, err == nil
}

// articleHref links to an article: its URL when it has one, else its
// file, made absolute against dir (a JSONL record's place, "dump.jsonl:7",
// links to the dump). It is empty for standard input.
func articleHref(s checker.SourceInfo, dir string) template.URL {
	for _, u := range []string{s.URL, s.Path} {
		if p, err := url.Parse(u); err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" {
			return template.URL(p.String())
		}
	}
	p := s.Path
	if p == "" || p == "-" {
		return ""
	}
	if i := strings.LastIndexAny(p, ":#"); i > 0 && i < len(p)-1 && strings.Trim(p[i+1:], "0123456789") == "" {
		p = p[:i]
	}
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		if filepath.IsAbs(filepath.FromSlash(p)) { // a Windows drive
			p = "/" + p
		} else {
			return template.URL((&url.URL{Path: p}).String())
		}
	}
	return template.URL((&url.URL{Scheme: "file", Path: p}).String())
}

// day writes a date as a reader does: "11 Mar 2026".
func day(t time.Time) string { return t.Format("2 Jan 2006") }

// dateRange writes the span of days from first to last briefly:
// "11 Mar 2026", "11–12 Mar 2026", "28 Feb – 2 Mar 2026".
func dateRange(first, last time.Time) string {
	switch {
	case first.Equal(last):
		return day(first)
	case first.Year() == last.Year() && first.Month() == last.Month():
		return fmt.Sprintf("%d–%s", first.Day(), day(last))
	case first.Year() == last.Year():
		return first.Format("2 Jan") + " – " + day(last)
	}
	return day(first) + " – " + day(last)
}

// span is the first and last day of a set of articles.
type span struct{ first, last time.Time }

func (s *span) add(t time.Time) {
	if s.first.IsZero() || t.Before(s.first) {
		s.first = t
	}
	if t.After(s.last) {
		s.last = t
	}
}

func (s span) String() string {
	if s.first.IsZero() {
		return ""
	}
	return dateRange(s.first, s.last)
}

// A gap is how far apart a finding's two main values are.
type gap struct {
	// Key orders gaps: the larger value over the smaller, less one
	// (1 for twice as much, 999 for a thousand times); days apart over
	// 365 for dates.
	Key   float64
	Label string
}

// maxGap stands for an infinite gap (a value against zero).
const maxGap = 1e12

func gapOf(f checker.Finding) gap {
	if len(f.Values) < 2 {
		return gap{}
	}
	a, b := f.Values[0].Value, f.Values[1].Value
	if a.Kind == "date" {
		da, ea := time.Parse("2006-01-02", a.Date)
		db, eb := time.Parse("2006-01-02", b.Date)
		if ea != nil || eb != nil {
			return gap{}
		}
		d := int(math.Abs(db.Sub(da).Hours()) / 24)
		return gap{Key: float64(d) / 365, Label: count(d, "day") + " apart"}
	}
	if (a.Kind == "age" || a.Kind == "duration") && a.Unit != "" && a.Unit == b.Unit && a.Amount != b.Amount {
		d := math.Abs(a.Amount - b.Amount)
		label := trimNumber(d, 1) + " " + a.Unit + "s apart"
		if d == 1 {
			label = "1 " + a.Unit + " apart"
		}
		return gap{Key: d / math.Max(math.Min(math.Abs(a.Amount), math.Abs(b.Amount)), 1), Label: label}
	}
	if a.Kind == "year" {
		d := int(math.Abs(a.Amount - b.Amount))
		return gap{Key: math.Abs(a.Amount-b.Amount) / math.Max(math.Min(math.Abs(a.Amount), math.Abs(b.Amount)), 1), Label: count(d, "year") + " apart"}
	}
	lo, hi := math.Min(math.Abs(a.Amount), math.Abs(b.Amount)), math.Max(math.Abs(a.Amount), math.Abs(b.Amount))
	switch {
	case hi == lo:
		return gap{}
	case lo == 0 || (a.Amount < 0) != (b.Amount < 0):
		return gap{Key: maxGap, Label: "opposite"}
	}
	r := hi / lo
	if r >= 2 {
		return gap{Key: r - 1, Label: trimNumber(r, 1) + "× apart"}
	}
	return gap{Key: r - 1, Label: trimNumber(100*(r-1), 1) + "% apart"}
}

// trimNumber writes x with at most prec decimals, none when it is whole,
// and thousands separated.
func trimNumber(x float64, prec int) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// A sourceRef is one article stating a value, where it states it.
type sourceRef struct {
	Outlet, Headline string
	Href             template.URL
	// Line and Column are where the first statement is (Column in bytes).
	Line, Column int
	Path, ID     string
	Published    string
}

// A sideView is one value of a finding.
type sideView struct {
	Text     string
	Minority bool
	// Share says how many of the finding's sources state the value.
	Share   string
	Snippet snippet
	Refs    []sourceRef
	Outlets []string
}

// A findingView is a finding as the page draws it.
type findingView struct {
	Anchor     string
	Confidence string
	Severity   checker.Severity
	Words      string // what the severity means
	Slot       string
	Attribute  string
	Gap        gap
	Sides      []sideView
	Reasons    []string
	Timeline   *timelineView
	// Outlets are every outlet on any side, for the outlet filter.
	Outlets []string
	// Sources is how many articles take a side.
	Sources int
	// Latest is the last day an article of the finding was published,
	// "2006-01-02", for sorting by time.
	Latest string
}

// findingOf builds the view of finding f of an event.
func findingOf(f checker.Finding, anchor string, src sources, dir string) findingView {
	fv := findingView{
		Anchor:     anchor,
		Confidence: fmt.Sprintf("%.2f", f.Confidence),
		Severity:   checker.SeverityOf(f.Confidence),
		Slot:       slot(f.Subject, f.Attribute, f.Time),
		Attribute:  f.Attribute,
		Gap:        gapOf(f),
		Reasons:    f.Reasons,
	}
	fv.Words = severityWords[fv.Severity]
	minor := minority(f)
	total := 0
	for _, g := range f.Values {
		total += len(g.Sources)
	}
	fv.Sources = total
	seen := map[string]bool{}
	for i, g := range f.Values {
		sv := sideView{Text: g.Text, Minority: minor[i], Share: fmt.Sprintf("%d of %d sources", len(g.Sources), total)}
		if total == 1 {
			sv.Share = "1 source"
		}
		if len(g.Evidence) > 0 {
			other := ""
			if j := 1 - min(i, 1); j < len(f.Values) && len(f.Values[j].Evidence) > 0 {
				other = f.Values[j].Evidence[0].Sentence
			}
			sv.Snippet = snippetOf(g.Evidence[0], g, other)
		}
		for _, id := range g.Sources {
			si := src[id]
			ref := sourceRef{Outlet: src.outlet(id), Headline: headline(si), Href: articleHref(si, dir), Path: si.Path, ID: id}
			if si.ID == "" {
				ref.Headline = id
			}
			if t, ok := published(si); ok {
				ref.Published = day(t)
				fv.Latest = max(fv.Latest, si.Published)
			}
			for _, e := range g.Evidence {
				if e.Source == id {
					ref.Line, ref.Column = e.Line, e.Column
					break
				}
			}
			sv.Refs = append(sv.Refs, ref)
			if !slices.Contains(sv.Outlets, ref.Outlet) {
				sv.Outlets = append(sv.Outlets, ref.Outlet)
			}
			if !seen[ref.Outlet] {
				seen[ref.Outlet] = true
				fv.Outlets = append(fv.Outlets, ref.Outlet)
			}
		}
		fv.Sides = append(fv.Sides, sv)
	}
	fv.Timeline = timelineOf(f, src)
	return fv
}

// An eventView is an event as the page draws it.
type eventView struct {
	ID, Title  string
	Unchecked  bool
	Top        string // the most confident finding's confidence, "" with none
	Severity   checker.Severity
	Dates      string
	Outlets    []string
	Findings   []findingView
	Sources    []sourceRef
	Duplicates []checker.DuplicateInfo
	Agreements int
	// Rank is the event's place in the run's order, from 1.
	Rank int
	// What sorting and search read.
	Gap    float64
	Latest string
	Search string
}

func eventOf(ev *checker.EventReport, rank int, dir string) eventView {
	src := sourcesOf(ev)
	v := eventView{
		ID: ev.ID, Title: ev.Title, Unchecked: ev.Status == checker.EventUnchecked,
		Duplicates: ev.Duplicates, Agreements: ev.Agreements, Rank: rank,
	}
	if len(ev.Findings) > 0 {
		top := ev.TopConfidence()
		v.Top, v.Severity = fmt.Sprintf("%.2f", top), checker.SeverityOf(top)
	}
	var days span
	search := []string{ev.Title, ev.ID}
	for _, s := range ev.Sources {
		ref := sourceRef{Outlet: outletName(s), Headline: headline(s), Href: articleHref(s, dir), Path: s.Path, ID: s.ID}
		if t, ok := published(s); ok {
			ref.Published = day(t)
			days.add(t)
			v.Latest = max(v.Latest, s.Published)
		}
		v.Sources = append(v.Sources, ref)
		if !slices.Contains(v.Outlets, ref.Outlet) {
			v.Outlets = append(v.Outlets, ref.Outlet)
		}
		search = append(search, ref.Outlet, ref.Headline)
	}
	v.Dates = days.String()
	for i, f := range ev.Findings {
		fv := findingOf(f, findingAnchor(ev, i), src, dir)
		v.Gap = max(v.Gap, fv.Gap.Key)
		v.Findings = append(v.Findings, fv)
		search = append(search, f.Subject, f.Attribute)
	}
	v.Search = strings.ToLower(strings.Join(search, " "))
	return v
}

// A timelineView shows how a figure changed over the coverage: each
// value in the order the articles stating it were published, no two
// values' days overlapping.
type timelineView struct {
	Steps []timelineStep
	// The drawing, in SVG user units: the values' labels end at LabelX,
	// the days run from X0 to X1 on an axis at AxisY, their labels at
	// TickY.
	Width, Height, LabelX, X0, X1, AxisY, TickY int
	Ticks                                       []timelineTick
}

type timelineStep struct {
	Text, Outlets, Dates string
	// Y is the row's baseline and CY its dots' centre; From and To are
	// the first and last day's x; Days each day's x.
	Y, CY, From, To int
	Days            []int
	Colour          int
}

type timelineTick struct {
	X     int
	Label string
}

// The timeline's geometry.
const (
	tlWidth   = 560
	tlX0      = 170
	tlX1      = 540
	tlRow     = 22
	tlTop     = 16
	tlMaxTick = 6
)

// timelineOf returns the timeline of a finding whose values followed one
// another over the coverage: every article stating a value dated, and
// the values' days not overlapping. It is nil for any other finding.
func timelineOf(f checker.Finding, src sources) *timelineView {
	if len(f.Values) < 2 {
		return nil
	}
	type side struct {
		i       int
		days    span
		all     []time.Time
		outlets []string
	}
	var sides []side
	var whole span
	for i, g := range f.Values {
		s := side{i: i}
		for _, id := range g.Sources {
			t, ok := published(src[id])
			if !ok {
				return nil
			}
			s.days.add(t)
			whole.add(t)
			if !slices.ContainsFunc(s.all, t.Equal) {
				s.all = append(s.all, t)
			}
			if o := src.outlet(id); !slices.Contains(s.outlets, o) {
				s.outlets = append(s.outlets, o)
			}
		}
		if s.days.first.IsZero() {
			return nil
		}
		sides = append(sides, s)
	}
	slices.SortStableFunc(sides, func(a, b side) int { return a.days.first.Compare(b.days.first) })
	for i := 1; i < len(sides); i++ {
		if !sides[i-1].days.last.Before(sides[i].days.first) {
			return nil
		}
	}
	width := whole.last.Sub(whole.first).Hours()
	x := func(t time.Time) int {
		return tlX0 + int(math.Round(float64(tlX1-tlX0)*t.Sub(whole.first).Hours()/width))
	}
	tv := &timelineView{Width: tlWidth, LabelX: tlX0 - 14, X0: tlX0, X1: tlX1}
	var ticks []time.Time
	for i, s := range sides {
		st := timelineStep{
			Text: f.Values[s.i].Text, Outlets: strings.Join(s.outlets, ", "), Dates: s.days.String(),
			Y: tlTop + i*tlRow, CY: tlTop + i*tlRow - 4, From: x(s.days.first), To: x(s.days.last), Colour: s.i % 4,
		}
		for _, t := range s.all {
			st.Days = append(st.Days, x(t))
			if !slices.ContainsFunc(ticks, t.Equal) {
				ticks = append(ticks, t)
			}
		}
		tv.Steps = append(tv.Steps, st)
	}
	slices.SortFunc(ticks, time.Time.Compare)
	if len(ticks) > tlMaxTick { // the first and last, and some between
		keep := make([]time.Time, 0, tlMaxTick)
		for i := range tlMaxTick {
			keep = append(keep, ticks[i*(len(ticks)-1)/(tlMaxTick-1)])
		}
		ticks = keep
	}
	tv.AxisY = tlTop + len(sides)*tlRow - 8
	tv.TickY = tv.AxisY + 16
	tv.Height = tv.TickY + 6
	for _, t := range ticks {
		tv.Ticks = append(tv.Ticks, timelineTick{X: x(t), Label: t.Format("2 Jan")})
	}
	return tv
}
