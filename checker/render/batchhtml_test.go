package render

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
)

// group is a value stated by the given sources, each once, in sentence.
func group(text string, amount float64, sentence string, ids ...string) checker.ValueGroup {
	g := checker.ValueGroup{Text: text, Value: checker.Value{Kind: "money", Unit: "USD", Amount: amount, Bound: "exact"}, Sources: ids}
	for _, id := range ids {
		g.Evidence = append(g.Evidence, checker.Evidence{Source: id, Line: 3, Column: 5, Sentence: sentence})
	}
	return g
}

func finding(id string, confidence float64, values ...checker.ValueGroup) checker.Finding {
	return checker.Finding{
		ID: id, Kind: "disagreement", Subject: "Harbor", Attribute: "deal value", Time: "current",
		Confidence: confidence, Severity: checker.SeverityOf(confidence), Values: values,
	}
}

func source(id, outlet, published string) checker.SourceInfo {
	return checker.SourceInfo{ID: id, Path: "corpus.jsonl:1", Title: "Headline of " + id, Outlet: outlet, Published: published, URL: "https://" + id + ".example/a"}
}

func TestMinority(t *testing.T) {
	tests := []struct {
		reason string
		counts []int
		want   []bool
	}{
		{"the value fewer sources state is the minority", []int{3, 1}, []bool{false, true}},
		{"one source against one: no minority", []int{1, 1}, []bool{false, false}},
		{"two values tied at the top, a third below", []int{2, 2, 1}, []bool{false, false, true}},
		{"a larger group listed later is still the majority", []int{2, 1, 4}, []bool{true, true, false}},
	}
	for _, tt := range tests {
		var f checker.Finding
		for i, n := range tt.counts {
			var ids []string
			for j := range n {
				ids = append(ids, fmt.Sprintf("s%d-%d", i, j))
			}
			f.Values = append(f.Values, checker.ValueGroup{Sources: ids})
		}
		if got := minority(f); !slices.Equal(got, tt.want) {
			t.Errorf("%s: minority(%v) = %v, want %v", tt.reason, tt.counts, got, tt.want)
		}
	}
}

// outletEvents are two events: in the first, Daily is alone against
// Ledger and Courier on a confident finding, and alone again on a weak
// one; in the second, Daily has two articles, one on each side of a
// confident finding, and Wire is alone against them.
func outletEvents() []checker.EventReport {
	return []checker.EventReport{
		{
			ID: "ev-1", Title: "Harbor sold", Status: checker.EventChecked,
			Sources: []checker.SourceInfo{source("a", "Ledger", "2026-03-10"), source("b", "Courier", "2026-03-10"), source("c", "Daily", "2026-03-11")},
			Findings: []checker.Finding{
				finding("f1", 0.9, group("$14bn", 14e9, "Harbor sold for $14bn.", "a", "b"), group("$15bn", 15e9, "Harbor sold for $15bn.", "c")),
				finding("f2", 0.4, group("$2bn", 2e9, "Debt of $2bn.", "a", "b"), group("$3bn", 3e9, "Debt of $3bn.", "c")),
			},
		},
		{
			ID: "ev-2", Title: "Quay bought", Status: checker.EventChecked,
			Sources: []checker.SourceInfo{source("d", "Daily", "2026-03-12"), source("e", "Daily", "2026-03-12"), source("f", "Ledger", "2026-03-12"), {ID: "g", Path: "x.txt", URL: "https://www.wire.example/q"}},
			Findings: []checker.Finding{
				finding("f3", 0.8, group("$1bn", 1e9, "Quay went for $1bn.", "d", "f"), group("$9bn", 9e9, "Quay went for $9bn.", "e", "g")),
				finding("f4", 0.75, group("$5m", 5e6, "A fee of $5m.", "d", "f"), group("$6m", 6e6, "A fee of $6m.", "g")),
			},
		},
	}
}

func TestOutletCounts(t *testing.T) {
	ov := newOverview(&checker.BatchSummary{}, HTMLOptions{PerPage: 10})
	for _, ev := range outletEvents() {
		ov.add(&ev)
	}
	ov.finish()
	got := map[string]outletRow{}
	for _, o := range append(slices.Clone(ov.Outlets), ov.MoreOutlets...) {
		got[o.Name] = o
	}
	tests := []struct {
		reason string
		name   string
		want   outletRow
	}{
		{"alone against two on a confident finding counts; the weak one does not; in two 2-2 ties nothing, and both its articles count once per finding",
			"Daily", outletRow{Name: "Daily", Articles: 3, Events: 2, Confident: 3, Minority: 1}},
		{"always with the majority", "Ledger", outletRow{Name: "Ledger", Articles: 2, Events: 2, Confident: 3, Minority: 0}},
		{"an outlet without a name is its URL's host, minority once of two",
			"wire.example", outletRow{Name: "wire.example", Articles: 1, Events: 1, Confident: 2, Minority: 1}},
		{"on the majority side once", "Courier", outletRow{Name: "Courier", Articles: 1, Events: 1, Confident: 1, Minority: 0}},
	}
	for _, tt := range tests {
		if g := got[tt.name]; g != tt.want {
			t.Errorf("%s: %s = %+v, want %+v", tt.reason, tt.name, g, tt.want)
		}
	}
	if len(got) != 4 {
		t.Errorf("outlets %v, want Daily, Ledger, Courier and wire.example", got)
	}
	// Ranked by minority count, then by confident disagreements.
	var order []string
	for _, o := range ov.Outlets {
		order = append(order, o.Name)
	}
	if want := []string{"Daily", "wire.example", "Ledger", "Courier"}; !slices.Equal(order, want) {
		t.Errorf("outlet order %v, want %v (most often in the minority first)", order, want)
	}
	if len(ov.Chart.Bars) != 2 || ov.Chart.Bars[0].Name != "Daily" || ov.Chart.Bars[0].W <= 0 || ov.Chart.Bars[1].W > ov.Chart.Bars[0].W {
		t.Errorf("chart bars %+v, want Daily and wire.example (no bar for an outlet never in the minority), Daily's not shorter", ov.Chart.Bars)
	}
	if s := got["Daily"].Share(); s != "33%" {
		t.Errorf("Daily's share = %q, want 33%% (1 of 3)", s)
	}
	want := []severityRow{
		{Severity: checker.Error, Heading: "likely errors", Words: "likely error", Range: severityRange[checker.Error], Findings: 3, Events: 2},
		{Severity: checker.Warning, Heading: "worth a check", Words: "worth a check", Range: severityRange[checker.Warning]},
		{Severity: checker.Info, Heading: "weak signals", Words: "weak", Range: severityRange[checker.Info], Findings: 1, Events: 1},
	}
	if !slices.Equal(ov.Severities, want) {
		t.Errorf("severities %+v, want %+v", ov.Severities, want)
	}
	if ov.Top[0].Finding.Anchor != "ev-1-f1" || ov.Top[len(ov.Top)-1].Finding.Anchor != "ev-1-f2" {
		t.Errorf("top findings %v…%v, want ev-1-f1 (0.9) first, ev-1-f2 (0.4) last", ov.Top[0].Finding.Anchor, ov.Top[len(ov.Top)-1].Finding.Anchor)
	}
}

// TestChangedFigures holds the summary's figures that changed over the
// coverage to findings worth a check or likely errors: a weak signal
// whose values followed one another in time is more often two facts
// than an update.
func TestChangedFigures(t *testing.T) {
	days := []checker.SourceInfo{source("a", "Ledger", "2026-03-10"), source("b", "Courier", "2026-03-11")}
	ev := checker.EventReport{
		ID: "ev", Title: "Harbor sold", Status: checker.EventChecked, Sources: days,
		Findings: []checker.Finding{
			finding("error", 0.9, group("$14bn", 14e9, "Harbor sold for $14bn.", "a"), group("$15bn", 15e9, "Harbor sold for $15bn.", "b")),
			finding("warning", 0.6, group("$2bn", 2e9, "Debt of $2bn.", "a"), group("$3bn", 3e9, "Debt of $3bn.", "b")),
			finding("weak", 0.45, group("$5m", 5e6, "A fee of $5m.", "a"), group("$6m", 6e6, "A fee of $6m.", "b")),
		},
	}
	ov := newOverview(&checker.BatchSummary{}, HTMLOptions{PerPage: 10})
	ov.add(&ev)
	ov.finish()
	var changed []string
	for _, r := range ov.Changed {
		changed = append(changed, r.Finding.Anchor)
	}
	if want := []string{"ev-error", "ev-warning"}; !slices.Equal(changed, want) || ov.ChangedTotal != 2 {
		t.Errorf("changed figures %v (of %d), want %v of 2: a likely error and one worth a check, not the weak signal", changed, ov.ChangedTotal, want)
	}
}

// pages draws the report of events with perPage events a page and
// returns each page by name, in the order drawn.
func pages(t *testing.T, events []checker.EventReport, perPage int) (names []string, page map[string]string) {
	t.Helper()
	page = map[string]string{}
	s := &checker.BatchSummary{Inputs: []string{"corpus.jsonl"}, Grouping: "MinHash/LSH over names (16 bands × 1 rows) within 72h0m0s"}
	err := BatchHTML(s, slices.Values(events), HTMLOptions{PerPage: perPage, Tool: "crosscheck v1.2.3"}, func(name string, draw func(io.Writer) error) error {
		var b bytes.Buffer
		if err := draw(&b); err != nil {
			return err
		}
		names = append(names, name)
		page[name] = b.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names, page
}

func TestBatchHTMLPaging(t *testing.T) {
	var events []checker.EventReport
	for i := range 5 {
		ev := outletEvents()[i%2]
		ev.ID = fmt.Sprintf("ev-%d", i+1)
		ev.Findings[0].Confidence = 0.95 - 0.1*float64(i)
		events = append(events, ev)
	}
	names, page := pages(t, events, 2)
	if want := []string{"index.html", "page-2.html", "page-3.html"}; !slices.Equal(names, want) {
		t.Fatalf("pages %v, want %v", names, want)
	}
	eventIDs := regexp.MustCompile(`<details class="event" id="([^"]+)"`)
	for name, want := range map[string][]string{"index.html": {"ev-1", "ev-2"}, "page-2.html": {"ev-3", "ev-4"}, "page-3.html": {"ev-5"}} {
		var got []string
		for _, m := range eventIDs.FindAllStringSubmatch(page[name], -1) {
			got = append(got, m[1])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s holds events %v, want %v", name, got, want)
		}
		if strings.Contains(page[name], `id="summary"`) != (name == "index.html") {
			t.Errorf("%s: the summary is on it = %v; it is on index.html only", name, !(name == "index.html"))
		}
	}
	for _, tt := range []struct {
		reason, page, link string
	}{
		{"a finding on the first page links within it", "index.html", `href="#ev-1-f1"`},
		{"a finding further on links to its page", "index.html", `href="page-2.html#ev-3-f1"`},
		{"the first page links to the next", "index.html", `<a href="page-2.html">next ›</a>`},
		{"the last page links back", "page-3.html", `<a href="page-2.html">‹ previous</a>`},
		{"and to the first", "page-3.html", `<a href="index.html">1</a>`},
	} {
		if !strings.Contains(page[tt.page], tt.link) {
			t.Errorf("%s: %s has no %s", tt.reason, tt.page, tt.link)
		}
	}
	if strings.Contains(page["page-3.html"], "next ›") {
		t.Error("the last page links to a next page")
	}
	// No events: one page, saying so.
	names, page = pages(t, nil, 2)
	if !slices.Equal(names, []string{"index.html"}) || !strings.Contains(page["index.html"], "disagree on no figure") {
		t.Errorf("no events: pages %v, want index.html saying there is no disagreement", names)
	}
}

func TestNav(t *testing.T) {
	ov := &overview{}
	for n := 1; n <= 30; n++ {
		ov.Pages = append(ov.Pages, pageRef{N: n, Name: PageName(n)})
	}
	p := pageView{overview: ov, Page: ov.Pages[9], Prev: &ov.Pages[8], Next: &ov.Pages[10]}
	var got []string
	for _, l := range p.Nav() {
		got = append(got, l.Label)
	}
	want := "‹ previous 1 … 8 9 10 11 12 … 30 next ›"
	if strings.Join(got, " ") != want {
		t.Errorf("page 10 of 30 links %q, want %q (the first, the last and the nearest only)", strings.Join(got, " "), want)
	}
}

func TestBatchHTMLPage(t *testing.T) {
	_, page := pages(t, outletEvents(), 10)
	html := page["index.html"]
	head, foot, ok := strings.Cut(html, `<details class="method"`)
	if !ok {
		t.Fatal("no note on how the report was made")
	}
	for _, tt := range []struct {
		reason string
		in     string
		want   string
		absent bool
	}{
		{"the header speaks plainly: no parameters before the note", head, "MinHash", true},
		{"the header speaks plainly: no durations before the note", head, "72h0m0s", true},
		{"the parameters are in the note", foot, "MinHash/LSH over names (16 bands × 1 rows) within 72h0m0s", false},
		{"the note says who checked", foot, "crosscheck v1.2.3", false},
		{"a side names its outlets and headlines, linked to the article", html, `<b>Daily</b> · <a href="https://c.example/a">Headline of c</a> <span class="loc" title="corpus.jsonl:1, line 3, column 5">3:5</span>`, false},
		{"the figure is highlighted, not the sentence", html, `<p class="snippet" title="Harbor sold for $15bn.">Harbor sold for <mark class="figure">$15bn</mark>.</p>`, false},
		{"the minority side says so", html, `1 of 3 sources · the minority`, false},
		{"an event gives its dates and outlets", html, `10–11 Mar 2026 · Ledger, Courier, Daily · 2 disagreements`, false},
		{"the filters offer every outlet of a finding", html, `<option value="wire.example">wire.example (2)</option>`, false},
		{"a finding carries its outlets for the filter", html, "data-outlets=\"Ledger\nCourier\nDaily\"", false},
		{"the events are counted by severity", html, `<b>3</b> likely errors<small>confidence 0.70 or more · in 2 events</small>`, false},
		{"a figure that changed over the coverage has its timeline", html, `<b>$14bn</b> (10 Mar 2026: Ledger, Courier) → <b>$15bn</b> (11 Mar 2026: Daily)`, false},
		{"no external asset", html, `<link`, true},
		{"no external script", html, `<script src`, true},
	} {
		if strings.Contains(tt.in, tt.want) == tt.absent {
			t.Errorf("%s: %q present = %v", tt.reason, tt.want, !tt.absent)
		}
	}
}

func TestSnippetOf(t *testing.T) {
	long := "In a statement on Tuesday the company, which was founded in Boston, said that it had raised $150 million in its Series C round, led by Granite Peak Capital and two others."
	tests := []struct {
		reason   string
		e        checker.Evidence
		g        checker.ValueGroup
		other    string
		want     string
		cutFront bool
		cutBack  bool
	}{
		{"the figure and six words either side", checker.Evidence{Sentence: long}, group("$150 million", 150e6, ""), "",
			"Boston, said that it had raised [$150 million] in its Series C round, led", true, true},
		{"the statement writes the value otherwise: found by its value and span",
			checker.Evidence{Sentence: "Lumora raised $150 million on Monday.", Line: 2, Column: 15, EndLine: 2, EndColumn: 27}, group("$150mn", 150e6, ""), "",
			"Lumora raised [$150 million] on Monday.", false, false},
		{"of two figures, the one of the value", checker.Evidence{Sentence: "It paid $3bn for 40% of Harbor, worth $7.5bn."}, group("$7.5bn", 7.5e9, ""), "",
			"$3bn for 40% of Harbor, worth [$7.5bn].", true, false},
		{"neither the value nor its text: the words the other statement does not share",
			checker.Evidence{Sentence: "The toll rose to 75 on Wednesday."}, checker.ValueGroup{Text: "seventy", Value: checker.Value{Kind: "count", Amount: 70}},
			"The toll rose to 80 on Wednesday.", "The toll rose to [75] on Wednesday.", false, false},
		{"lines joined", checker.Evidence{Sentence: "Harbor sold\nfor $14bn,\n  sources say."}, group("$14bn", 14e9, ""), "",
			"Harbor sold for [$14bn], sources say.", false, false},
	}
	for _, tt := range tests {
		s := snippetOf(tt.e, tt.g, tt.other)
		got := s.Before + "[" + s.Figure + "]" + s.After
		if got != tt.want || s.CutBefore != tt.cutFront || s.CutAfter != tt.cutBack {
			t.Errorf("%s: snippet %q (cut %v, %v), want %q (cut %v, %v)", tt.reason, got, s.CutBefore, s.CutAfter, tt.want, tt.cutFront, tt.cutBack)
		}
	}
	// A sentence too long to read the figures of is searched for the text.
	huge := strings.Repeat("word ", 4000) + "sold for $14bn in the end " + strings.Repeat("word ", 4000)
	s := snippetOf(checker.Evidence{Sentence: huge}, group("$14bn", 14e9, ""), "")
	if s.Figure != "$14bn" || len(s.Full) > maxFull+len("…") || !s.CutBefore || !s.CutAfter {
		t.Errorf("a 40 kB sentence: figure %q, full %d bytes, cut %v %v; want $14bn, at most %d bytes, cut both sides", s.Figure, len(s.Full), s.CutBefore, s.CutAfter, maxFull)
	}
}

func TestGapOf(t *testing.T) {
	date := func(d string) checker.ValueGroup {
		return checker.ValueGroup{Value: checker.Value{Kind: "date", Date: d}}
	}
	num := func(kind string, x float64) checker.ValueGroup {
		return checker.ValueGroup{Value: checker.Value{Kind: kind, Amount: x}}
	}
	tests := []struct {
		reason string
		a, b   checker.ValueGroup
		label  string
		key    float64
	}{
		{"a scale-word slip", num("money", 150e6), num("money", 150e9), "1,000× apart", 999},
		{"a small gap in percent", num("money", 14e9), num("money", 15e9), "7.1% apart", 1.0 / 14},
		{"the order of the values does not matter", num("count", 212), num("count", 187), "13.4% apart", 25.0 / 187},
		{"dates, in days", date("2026-03-25"), date("2026-03-26"), "1 day apart", 1.0 / 365},
		{"years, in years", num("year", 2019), num("year", 2021), "2 years apart", 2.0 / 2019},
		{"ages, in their unit", checker.ValueGroup{Value: checker.Value{Kind: "age", Unit: "year", Amount: 24}}, checker.ValueGroup{Value: checker.Value{Kind: "age", Unit: "year", Amount: 25}}, "1 year apart", 1.0 / 24},
		{"durations, in their unit", checker.ValueGroup{Value: checker.Value{Kind: "duration", Unit: "month", Amount: 18}}, checker.ValueGroup{Value: checker.Value{Kind: "duration", Unit: "month", Amount: 12}}, "6 months apart", 6.0 / 12},
		{"against zero", num("count", 0), num("count", 5), "opposite", maxGap},
	}
	for _, tt := range tests {
		g := gapOf(checker.Finding{Values: []checker.ValueGroup{tt.a, tt.b}})
		if g.Label != tt.label || !same(g.Key, tt.key) {
			t.Errorf("%s: gap %+v, want %q, key %g", tt.reason, g, tt.label, tt.key)
		}
	}
}

func TestArticleHref(t *testing.T) {
	tests := []struct {
		reason string
		s      checker.SourceInfo
		dir    string
		want   string
	}{
		{"the URL when known", checker.SourceInfo{URL: "https://x.example/a?b=1", Path: "a.txt"}, "/srv", "https://x.example/a?b=1"},
		{"a page read from the web is its path", checker.SourceInfo{Path: "http://x.example/a"}, "/srv", "http://x.example/a"},
		{"a file, made absolute", checker.SourceInfo{Path: "fixtures/quake/wire.txt"}, "/srv/cc", "file:///srv/cc/fixtures/quake/wire.txt"},
		{"a JSONL record links to its dump", checker.SourceInfo{Path: "dumps/day.jsonl:17"}, "/srv", "file:///srv/dumps/day.jsonl"},
		{"a file name with a space", checker.SourceInfo{Path: "/data/my draft.md"}, "/srv", "file:///data/my%20draft.md"},
		{"no directory: relative", checker.SourceInfo{Path: "a/b.txt"}, "", "a/b.txt"},
		{"a URL that is not the web's is not linked", checker.SourceInfo{URL: "javascript:alert(1)", Path: "-"}, "/srv", ""},
		{"standard input has nothing to link", checker.SourceInfo{Path: "-"}, "/srv", ""},
	}
	for _, tt := range tests {
		if got := string(articleHref(tt.s, tt.dir)); got != tt.want {
			t.Errorf("%s: articleHref(%+v, %q) = %q, want %q", tt.reason, tt.s, tt.dir, got, tt.want)
		}
	}
}

func TestTimelineOf(t *testing.T) {
	src := sources{}
	for id, d := range map[string]string{"a": "2026-03-10", "b": "2026-03-11", "c": "2026-03-12", "d": "2026-03-12", "u": ""} {
		src[id] = source(id, strings.ToUpper(id), d)
	}
	tests := []struct {
		reason string
		f      checker.Finding
		want   string // the steps' texts in order, "" for no timeline
	}{
		{"a toll that rose", finding("", 0.8, group("14", 14, "", "c", "d"), group("9", 9, "", "a")), "9 → 14"},
		{"three steps", finding("", 0.8, group("2", 2, "", "b"), group("1", 1, "", "a"), group("3", 3, "", "c")), "1 → 2 → 3"},
		{"the values overlap in time", finding("", 0.8, group("14", 14, "", "a", "c"), group("9", 9, "", "b")), ""},
		{"stated the same day", finding("", 0.8, group("14", 14, "", "c"), group("9", 9, "", "d")), ""},
		{"an undated article", finding("", 0.8, group("14", 14, "", "c"), group("9", 9, "", "u")), ""},
	}
	for _, tt := range tests {
		tv := timelineOf(tt.f, src)
		var got []string
		if tv != nil {
			for _, s := range tv.Steps {
				got = append(got, s.Text)
				if s.From < tv.X0 || s.To > tv.X1 || s.From > s.To {
					t.Errorf("%s: step %q from %d to %d, outside %d..%d", tt.reason, s.Text, s.From, s.To, tv.X0, tv.X1)
				}
			}
		}
		if strings.Join(got, " → ") != tt.want {
			t.Errorf("%s: timeline %q, want %q", tt.reason, strings.Join(got, " → "), tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	tests := []struct {
		reason, first, last, want string
	}{
		{"one day", "2026-03-11", "2026-03-11", "11 Mar 2026"},
		{"one month", "2026-03-11", "2026-03-12", "11–12 Mar 2026"},
		{"one year", "2026-02-28", "2026-03-02", "28 Feb – 2 Mar 2026"},
		{"over new year", "2025-12-30", "2026-01-02", "30 Dec 2025 – 2 Jan 2026"},
	}
	for _, tt := range tests {
		if got := dateRange(d(tt.first), d(tt.last)); got != tt.want {
			t.Errorf("%s: dateRange(%s, %s) = %q, want %q", tt.reason, tt.first, tt.last, got, tt.want)
		}
	}
}
