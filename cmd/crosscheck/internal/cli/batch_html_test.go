package cli

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck/checker"
)

var screenshots = flag.String("screenshots", "", "keep the batch report's Chromium screenshots in this directory")

// chromium is the headless browser the report is opened in; the test
// is skipped without one, except in CI, which installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH in CI: .ci/run installs Debian's chromium")
	}
	t.Skip("no chromium on PATH (.ci/run installs Debian's chromium)") // justified: CI installs it, and there a missing chromium fails above
	return ""
}

// browse opens target in headless Chromium, a window 1280 wide and
// height high, and returns the DOM once its scripts have run; with shot,
// it also writes a screenshot of the window there. Headless Chromium
// draws a blank screenshot of a scrolled page, so a state to be seen is
// one that fits the window unscrolled.
func browse(t *testing.T, browser, target, shot string, height int) *html.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), fmt.Sprintf("--window-size=1280,%d", height), "--dump-dom"}
	if shot != "" {
		args = append(args, "--screenshot="+shot)
	}
	cmd := exec.CommandContext(ctx, browser, append(args, target)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", browser, target, err, stderr.String())
	}
	doc, err := html.Parse(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func fileURL(path, query, fragment string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: query, Fragment: fragment}).String()
}

func all(n *html.Node, selector string) []*html.Node {
	return cascadia.QueryAll(n, cascadia.MustCompile(selector))
}

func one(t *testing.T, n *html.Node, selector string) *html.Node {
	t.Helper()
	m := cascadia.Query(n, cascadia.MustCompile(selector))
	if m == nil {
		t.Fatalf("no %s in the page", selector)
	}
	return m
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func has(n *html.Node, key string) bool { _, ok := attr(n, key); return ok }

// text is n's text, its white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func ids(nodes []*html.Node) []string {
	var out []string
	for _, n := range nodes {
		id, _ := attr(n, "id")
		out = append(out, id)
	}
	return out
}

// colours counts the pixels of a screenshot near each of the given
// colours (within 12 of each channel), after checking that it is the
// window's size and not blank.
func colours(t *testing.T, path string, height int, want ...[3]int) []int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b != image.Rect(0, 0, 1280, height) {
		t.Errorf("%s is %v, want the window, 1280×%d", path, b, height)
	}
	rgba, ok := img.(*image.RGBA)
	if !ok {
		rgba = image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	counts := make([]int, len(want))
	ink := 0
	for p := range slices.Chunk(rgba.Pix, 4) {
		px := [3]int{int(p[0]), int(p[1]), int(p[2])}
		if px[0] < 128 && px[1] < 128 && px[2] < 128 {
			ink++
		}
		for i, c := range want {
			if abs(px[0]-c[0]) <= 12 && abs(px[1]-c[1]) <= 12 && abs(px[2]-c[2]) <= 12 {
				counts[i]++
			}
		}
	}
	if ink < 2000 {
		t.Errorf("%s: %d dark pixels: a blank page, not the report", path, ink)
	}
	return counts
}

func abs(x int) int { return max(x, -x) }

// The page's colours: an error badge, a highlighted figure.
var (
	errorRed  = [3]int{0xb3, 0x26, 0x1e}
	highlight = [3]int{0xff, 0xe0, 0x8a}
)

// outletOf names a source's outlet as the report does: its outlet, else
// its URL's host, else its ID.
func outletOf(s checker.SourceInfo) string {
	if s.Outlet != "" {
		return s.Outlet
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return s.ID
}

// TestBatchHTMLInChromium opens the fixtures' batch report in headless
// Chromium in four states — the summary, an open event, a filtered view,
// and JavaScript off — and checks each state's DOM for its key elements
// against events.jsonl, and its screenshot for what must show. Search,
// sort and "open all" are driven through the DOM by a script added to a
// copy of the page. With -screenshots DIR the screenshots are kept.
func TestBatchHTMLInChromium(t *testing.T) {
	browser := chromium(t)
	inRepo(t)
	out := t.TempDir()
	const perPage = 4
	if code, _, stderr := run(t, nil, "batch", "--input", "fixtures/", "--output", out, "-q", "--html-events", fmt.Sprint(perPage)); code != ExitOK {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	out, _ = filepath.Abs(out)
	cwd, _ := os.Getwd()
	shots := *screenshots
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shots, _ = filepath.Abs(shots)

	// The events, in the report's order.
	var events []checker.EventReport
	data, _ := os.ReadFile(filepath.Join(out, "events.jsonl"))
	for line := range bytes.Lines(data) {
		var ev checker.EventReport
		if err := json.Unmarshal(line, &ev); err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	slices.SortStableFunc(events, func(a, b checker.EventReport) int {
		return cmp.Or(cmp.Compare(b.TopConfidence(), a.TopConfidence()), strings.Compare(a.ID, b.ID))
	})
	if len(events) <= perPage {
		t.Fatalf("%d events: too few for a second page of %d", len(events), perPage)
	}
	first, second := events[:perPage], events[perPage:min(len(events), 2*perPage)]

	index := filepath.Join(out, "index.html")
	raw, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	for _, asset := range []string{`src=`, `<link`, `@import`, `url(`} {
		if bytes.Contains(raw, []byte(asset)) {
			t.Errorf("index.html refers to an external asset (%s)", asset)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "page-2.html")); err != nil {
		t.Errorf("the events past --html-events: %v", err)
	}

	t.Run("summary", func(t *testing.T) {
		t.Parallel()
		const height = 2600
		shot := filepath.Join(shots, "summary.png")
		doc := browse(t, browser, fileURL(index, "", ""), shot, height)
		checked, with, errs, findings := 0, 0, 0, 0
		minority := map[string]int{}
		changed := 0
		for _, ev := range events {
			if ev.Status == checker.EventChecked {
				checked++
			}
			if len(ev.Findings) > 0 {
				with++
			}
			outlet := map[string]string{}
			for _, s := range ev.Sources {
				outlet[s.ID] = outletOf(s)
			}
			for _, f := range ev.Findings {
				findings++
				if f.Confidence >= 0.5 && strings.Contains(strings.Join(f.Reasons, "\n"), "changed over the coverage") {
					changed++ // the summary lists those worth a check or likely errors
				}
				if f.Confidence < 0.7 {
					continue
				}
				errs++
				most := 0
				for _, g := range f.Values {
					most = max(most, len(g.Sources))
				}
				on := map[string]bool{}
				for _, g := range f.Values {
					for _, id := range g.Sources {
						on[outlet[id]] = on[outlet[id]] || len(g.Sources) < most
					}
				}
				for o, m := range on {
					if m {
						minority[o]++
					}
				}
			}
		}
		cards := all(doc, "#summary .card b")
		if len(cards) != 5 || text(cards[0]) != fmt.Sprint(checked) || text(cards[1]) != fmt.Sprint(with) || text(cards[2]) != fmt.Sprint(errs) {
			t.Errorf("summary cards %v, want %d checked, %d with disagreements, %d likely errors first", texts(cards), checked, with, errs)
		}
		top := all(doc, "ol.top > li")
		if len(top) != min(10, findings) || !strings.HasPrefix(text(top[0]), fmt.Sprintf("%.2f", events[0].TopConfidence())) {
			t.Errorf("%d most confident disagreements (the first %q), want %d, the first at %.2f", len(top), text(top[0]), min(10, findings), events[0].TopConfidence())
		}
		rows := all(doc, "table.rows tr[data-outlet]")
		if len(rows) == 0 {
			t.Fatal("no outlet table")
		}
		for _, tr := range rows {
			name, _ := attr(tr, "data-outlet")
			cells := all(tr, "td")
			if len(cells) != 6 || text(cells[4]) != fmt.Sprint(minority[name]) {
				t.Errorf("outlet %s: row %v, want %d times on the minority side", name, texts(cells), minority[name])
			}
		}
		bars := all(doc, "svg.chart g.bar")
		prev := 1 << 30
		for _, g := range bars {
			name, _ := attr(g, "data-outlet")
			if n := minority[name]; n == 0 || n > prev {
				t.Errorf("bar %s (%d times in the minority) out of place: bars are the outlets in the minority, most often first", name, n)
			} else {
				prev = n
			}
		}
		want := 0
		for _, n := range minority {
			if n > 0 {
				want++
			}
		}
		if len(bars) != min(want, 12) {
			t.Errorf("%d bars, want %d (an outlet per bar, each in the minority at least once)", len(bars), min(want, 12))
		}
		if got := len(all(doc, "#changed .changed")); got != min(changed, 20) || len(all(doc, "#changed figure.timeline svg circle")) < 2*got {
			t.Errorf("%d timelines of figures that changed, want %d (the findings at 0.5 or more whose reasons say so), each with a dot a value", got, min(changed, 20))
		}
		if has(one(t, doc, "form#controls"), "hidden") {
			t.Error("with JavaScript the filters are hidden")
		}
		if got, want := text(one(t, doc, "#shown")), fmt.Sprintf("%d of %d events shown", len(first), len(first)); got != want {
			t.Errorf("count %q, want %q", got, want)
		}
		got := ids(all(doc, "details.event"))
		if want := eventIDs(first); !slices.Equal(got, want) {
			t.Errorf("index.html lists %v, want the first %d events %v", got, perPage, want)
		}
		if c := colours(t, shot, height, errorRed); c[0] < 200 {
			t.Errorf("summary.png: %d error-red pixels, want the badges of the most confident disagreements", c[0])
		}
	})

	t.Run("open event", func(t *testing.T) {
		t.Parallel()
		const height = 3000
		ev := second[0]
		shot := filepath.Join(shots, "open-event.png")
		doc := browse(t, browser, fileURL(filepath.Join(out, "page-2.html"), "", ev.ID), shot, height)
		var open []string
		for _, d := range all(doc, "details.event") {
			if has(d, "open") {
				id, _ := attr(d, "id")
				open = append(open, id)
			}
		}
		if !slices.Equal(open, []string{ev.ID}) {
			t.Fatalf("open events %v, want %s, the one the link names", open, ev.ID)
		}
		byID := map[string]checker.SourceInfo{}
		for _, s := range ev.Sources {
			byID[s.ID] = s
		}
		sections := all(doc, "#"+ev.ID+" section.finding")
		if len(sections) != len(ev.Findings) {
			t.Fatalf("%d findings drawn, want %d", len(sections), len(ev.Findings))
		}
		for i, f := range ev.Findings {
			sides := all(sections[i], ".side")
			if len(sides) != len(f.Values) {
				t.Errorf("finding %s: %d sides, want %d", f.ID, len(sides), len(f.Values))
				continue
			}
			for j, g := range f.Values {
				side := sides[j]
				if v := text(one(t, side, ".value")); v != g.Text {
					t.Errorf("finding %s: side %q, want %q", f.ID, v, g.Text)
				}
				if strings.Contains(g.Evidence[0].Sentence, g.Text) {
					if m := all(side, "mark.figure"); len(m) != 1 || text(m[0]) != g.Text {
						t.Errorf("finding %s: highlighted %v, want only the figure %q", f.ID, texts(m), g.Text)
					}
				}
				// A few words either side of the figure, not the sentence.
				if n, most := len(strings.Fields(text(one(t, side, "p.snippet")))), 12+len(strings.Fields(g.Text)); n > most {
					t.Errorf("finding %s: the snippet %q has %d words, want at most %d", f.ID, text(one(t, side, "p.snippet")), n, most)
				}
				refs := all(side, "ul.refs > li")
				if len(refs) != len(g.Sources) {
					t.Errorf("finding %s, %s: %d sources listed, want %d", f.ID, g.Text, len(refs), len(g.Sources))
					continue
				}
				for k, id := range g.Sources {
					s := byID[id]
					ref := refs[k]
					a := one(t, ref, "a")
					href, _ := attr(a, "href")
					want := s.URL
					if want == "" {
						want = fileURL(filepath.Join(cwd, s.Path), "", "")
					}
					if b := text(one(t, ref, "b")); b != outletOf(s) || text(a) != s.Title || href != want {
						t.Errorf("finding %s: source %q, link %q to %s; want the outlet %q, the headline %q, linked to %s", f.ID, b, text(a), href, outletOf(s), s.Title, want)
					}
					var loc string
					for _, e := range g.Evidence {
						if e.Source == id {
							loc = fmt.Sprintf("%d:%d", e.Line, e.Column)
							break
						}
					}
					if got := text(one(t, ref, ".loc")); got != loc {
						t.Errorf("finding %s, %s: at %q, want %q", f.ID, outletOf(s), got, loc)
					}
				}
			}
		}
		if c := colours(t, shot, height, highlight, errorRed); c[0] < 100 || c[1] < 100 {
			t.Errorf("open-event.png: %d highlighted and %d error-red pixels, want the open event's figures and badges", c[0], c[1])
		}
	})

	t.Run("filtered", func(t *testing.T) {
		t.Parallel()
		// An outlet in a likely error of some of the first page's events,
		// not all: the filter must hide some and keep some.
		matches := func(f checker.Finding, ev checker.EventReport, outlet string) bool {
			if checker.SeverityOf(f.Confidence) != checker.Error {
				return false
			}
			for _, g := range f.Values {
				for _, id := range g.Sources {
					for _, s := range ev.Sources {
						if s.ID == id && outletOf(s) == outlet {
							return true
						}
					}
				}
			}
			return false
		}
		shownWith := func(outlet string) (shown []string) {
			for _, ev := range first {
				if slices.ContainsFunc(ev.Findings, func(f checker.Finding) bool { return matches(f, ev, outlet) }) {
					shown = append(shown, ev.ID)
				}
			}
			return shown
		}
		outlet := ""
		for _, ev := range first {
			for _, s := range ev.Sources {
				if n := len(shownWith(outletOf(s))); n > 0 && n < len(first) && outlet == "" {
					outlet = outletOf(s)
				}
			}
		}
		if outlet == "" {
			t.Fatal("no outlet in the likely errors of some of the first page's events and not all: the fixtures changed")
		}
		// The filters come from the URL, as a link to a filtered view
		// gives them; then "Open all" is clicked, to see the findings.
		page := filepath.Join(out, "index.open-all.html")
		openAll := []byte(`<script>document.querySelector('#controls [data-open="1"]').click();</script></body>`)
		if err := os.WriteFile(page, bytes.Replace(raw, []byte("</body>"), openAll, 1), 0o644); err != nil {
			t.Fatal(err)
		}
		// Tall enough to reach past the summary, whose changed-figures
		// section grows with the findings, to the first events shown.
		const height = 6000
		shot := filepath.Join(shots, "filtered.png")
		q := url.Values{"severity": {"error"}, "outlet": {outlet}}.Encode()
		doc := browse(t, browser, fileURL(page, q, ""), shot, height)
		var shown []string
		for _, d := range all(doc, "details.event") {
			id, _ := attr(d, "id")
			if !has(d, "hidden") {
				shown = append(shown, id)
			}
			if has(d, "open") == has(d, "hidden") {
				t.Errorf("?%s: event %s open %v, hidden %v: Open all opens the events shown, only those", q, id, has(d, "open"), has(d, "hidden"))
			}
			var ev checker.EventReport
			for _, e := range first {
				if e.ID == id {
					ev = e
				}
			}
			for i, sec := range all(d, "section.finding") {
				if want := matches(ev.Findings[i], ev, outlet); has(sec, "hidden") == want {
					t.Errorf("?%s: finding %s of %s hidden = %v, want %v", q, ev.Findings[i].ID, id, want, !want)
				}
			}
		}
		if want := shownWith(outlet); !slices.Equal(shown, want) {
			t.Errorf("?%s: events shown %v, want %v", q, shown, want)
		}
		if got, want := text(one(t, doc, "#shown")), fmt.Sprintf("%d of %d events shown", len(shownWith(outlet)), len(first)); got != want {
			t.Errorf("?%s: count %q, want %q", q, got, want)
		}
		if c := colours(t, shot, height, highlight); c[0] == 0 {
			t.Error("filtered.png: no highlighted figure: the filtered findings do not show")
		}
	})

	t.Run("search, sort and open through the DOM", func(t *testing.T) {
		t.Parallel()
		// The longest word of the second event's title, searched for as a
		// reader types it.
		word := ""
		for _, w := range strings.FieldsFunc(strings.ToLower(first[1].Title), func(r rune) bool { return !('a' <= r && r <= 'z') }) {
			if len(w) > len(word) {
				word = w
			}
		}
		var want []checker.EventReport
		for _, ev := range first {
			hay := []string{ev.Title, ev.ID}
			for _, s := range ev.Sources {
				hay = append(hay, outletOf(s), s.Title)
			}
			for _, f := range ev.Findings {
				hay = append(hay, f.Subject, f.Attribute)
			}
			if strings.Contains(strings.ToLower(strings.Join(hay, " ")), word) {
				want = append(want, ev)
			}
		}
		if len(want) == 0 || len(want) == len(first) {
			t.Fatalf("searching %q finds %d of %d events: not a search that narrows", word, len(want), len(first))
		}
		slices.SortStableFunc(want, func(a, b checker.EventReport) int { return len(b.Sources) - len(a.Sources) })
		actions := fmt.Sprintf(`<script>
var f = document.getElementById('controls');
f.elements.q.value = %q; f.elements.q.dispatchEvent(new Event('input', {bubbles: true}));
f.elements.sort.value = 'sources'; f.elements.sort.dispatchEvent(new Event('change', {bubbles: true}));
f.querySelector('[data-open="1"]').click();
</script>
</body>`, word)
		page := filepath.Join(out, "index.actions.html")
		if err := os.WriteFile(page, bytes.Replace(raw, []byte("</body>"), []byte(actions), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		doc := browse(t, browser, fileURL(page, "", ""), "", 1000)
		var shown []string
		for _, d := range all(doc, "details.event") {
			id, _ := attr(d, "id")
			if has(d, "hidden") {
				continue
			}
			shown = append(shown, id)
			if !has(d, "open") {
				t.Errorf("event %s is shown but not open after Open all", id)
			}
		}
		if got, want := shown, eventIDs(want); !slices.Equal(got, want) {
			t.Errorf("searching %q, sorted by sources: events %v, want %v", word, got, want)
		}
	})

	t.Run("javascript off", func(t *testing.T) {
		t.Parallel()
		// Headless Chromium's --dump-dom and --screenshot need scripts
		// on; the page with JavaScript off is the page as a browser
		// without it draws it: no script, and what <noscript> holds.
		noJS := regexp.MustCompile(`(?s)<script>.*?</script>`).ReplaceAll(raw, nil)
		if bytes.Equal(noJS, raw) {
			t.Fatal("index.html has no <script> to take out")
		}
		noJS = regexp.MustCompile(`</?noscript>`).ReplaceAll(noJS, nil)
		page := filepath.Join(out, "index.nojs.html")
		if err := os.WriteFile(page, noJS, 0o644); err != nil {
			t.Fatal(err)
		}
		const height = 3000
		shot := filepath.Join(shots, "javascript-off.png")
		doc := browse(t, browser, fileURL(page, "", ""), shot, height)
		if !has(one(t, doc, "form#controls"), "hidden") {
			t.Error("without JavaScript the filters, which need it, show")
		}
		if !slices.ContainsFunc(all(doc, "p.note"), func(n *html.Node) bool { return strings.Contains(text(n), "need JavaScript") }) {
			t.Error("without JavaScript no word on what needs it")
		}
		details := all(doc, "details.event")
		if got, want := ids(details), eventIDs(first); !slices.Equal(got, want) {
			t.Errorf("events %v, want %v", got, want)
		}
		sides := 0
		for i, d := range details {
			if has(d, "hidden") || has(d, "open") {
				t.Errorf("event %s: hidden %v, open %v; want it there, closed", first[i].ID, has(d, "hidden"), has(d, "open"))
			}
			if got := len(all(d, "section.finding:not([hidden])")); got != len(first[i].Findings) {
				t.Errorf("event %s: %d findings in the page, want %d", first[i].ID, got, len(first[i].Findings))
			}
			for _, f := range first[i].Findings {
				sides += len(f.Values)
			}
		}
		if got := len(all(doc, "mark.figure")); got != sides {
			t.Errorf("%d highlighted figures, want one a value (%d)", got, sides)
		}
		for _, sel := range []string{"svg.chart g.bar", "#outlet-table tr[data-outlet]", "ol.top > li", "#changed figure.timeline"} {
			if len(all(doc, sel)) == 0 {
				t.Errorf("without JavaScript no %s", sel)
			}
		}
		if c := colours(t, shot, height, highlight, errorRed); c[0] != 0 || c[1] < 200 {
			t.Errorf("javascript-off.png: %d highlighted pixels (want none: the events are closed), %d error-red (want the badges)", c[0], c[1])
		}
	})
}

func eventIDs(events []checker.EventReport) []string {
	var out []string
	for _, ev := range events {
		out = append(out, ev.ID)
	}
	return out
}

func texts(nodes []*html.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, text(n))
	}
	return out
}
