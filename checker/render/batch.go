package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/crosscheck/crosscheck/checker"
)

// DefaultHTMLEvents is how many events BatchHTML details when not told.
const DefaultHTMLEvents = 1000

// BatchHTML writes a batch run's index.html: one self-contained page (no
// external assets, no network) with the run's counts and its events, in
// the order given (most confident disagreement first), each a <details>
// element that opens to its findings: the competing values side by side,
// each with its evidence sentence, the words that differ highlighted.
// Everything is in the page without JavaScript; a short script only adds
// buttons that open and close every event. At most limit events are
// detailed (0 means DefaultHTMLEvents); the page says how many more
// events.jsonl holds.
func BatchHTML(w io.Writer, s *checker.BatchSummary, events iter.Seq[checker.EventReport], limit int) error {
	if limit <= 0 {
		limit = DefaultHTMLEvents
	}
	if err := batchTemplates.ExecuteTemplate(w, "head", s); err != nil {
		return err
	}
	shown, more := 0, 0
	for ev := range events {
		if shown >= limit {
			more++
			continue
		}
		shown++
		if err := batchTemplates.ExecuteTemplate(w, "event", htmlEvent(ev)); err != nil {
			return err
		}
	}
	return batchTemplates.ExecuteTemplate(w, "foot", struct{ Shown, More int }{shown, more})
}

// The view of an event that the template draws.
type eventView struct {
	checker.EventReport
	Open     bool
	Top      string
	Severity checker.Severity
	Findings []findingView
}

type findingView struct {
	checker.Finding
	Sides []sideView
}

type sideView struct {
	checker.ValueGroup
	Source string
	Words  []wordView
}

type wordView struct {
	Text    string
	Differs bool
}

func htmlEvent(ev checker.EventReport) eventView {
	v := eventView{EventReport: ev}
	if len(ev.Findings) > 0 {
		top := ev.TopConfidence()
		v.Top = fmt.Sprintf("%.2f", top)
		v.Severity = checker.SeverityOf(top)
	}
	for _, f := range ev.Findings {
		fv := findingView{Finding: f}
		for _, g := range f.Values {
			sv := sideView{ValueGroup: g}
			if len(g.Evidence) > 0 {
				sv.Source = g.Evidence[0].Source
			}
			fv.Sides = append(fv.Sides, sv)
		}
		if len(fv.Sides) >= 2 && len(f.Values[0].Evidence) > 0 && len(f.Values[1].Evidence) > 0 {
			a, b := f.Values[0].Evidence[0].Sentence, f.Values[1].Evidence[0].Sentence
			for _, d := range wordDiff(a, b) {
				switch d.Type {
				case diffmatchpatch.DiffEqual:
					fv.Sides[0].Words = append(fv.Sides[0].Words, wordView{Text: d.Text})
					fv.Sides[1].Words = append(fv.Sides[1].Words, wordView{Text: d.Text})
				case diffmatchpatch.DiffDelete:
					fv.Sides[0].Words = append(fv.Sides[0].Words, wordView{Text: d.Text, Differs: true})
				case diffmatchpatch.DiffInsert:
					fv.Sides[1].Words = append(fv.Sides[1].Words, wordView{Text: d.Text, Differs: true})
				}
			}
		}
		for i := range fv.Sides {
			if fv.Sides[i].Words == nil && len(fv.Sides[i].Evidence) > 0 {
				fv.Sides[i].Words = []wordView{{Text: fv.Sides[i].Evidence[0].Sentence}}
			}
		}
		v.Findings = append(v.Findings, fv)
	}
	return v
}

var batchTemplates = template.Must(template.New("batch").Funcs(template.FuncMap{
	"conf": func(x float64) string { return fmt.Sprintf("%.2f", x) },
	"join": strings.Join,
	"sorted": func(m map[string]int) []string {
		k := make([]string, 0, len(m))
		for x := range m {
			k = append(k, x)
		}
		slices.Sort(k)
		return k
	},
	"sev": func(m map[checker.Severity]int, s string) int { return m[checker.Severity(s)] },
}).Parse(batchHTML))

const batchHTML = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crosscheck: {{.Events.Total}} events, {{.Events.WithFindings}} with disagreements</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1d1d1f;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
table.counts{border-collapse:collapse;margin-bottom:1rem}
table.counts td,table.counts th{padding:.15rem .8rem .15rem 0;text-align:left;font-weight:normal}
table.counts th{color:#555}
details.event{border:1px solid #d0d0d5;border-radius:6px;margin:.5rem 0;padding:.3rem .8rem}
details.event>summary{cursor:pointer;font-weight:600}
.badge{display:inline-block;min-width:2.6rem;text-align:center;border-radius:4px;padding:0 .3rem;margin-right:.4rem;font-variant-numeric:tabular-nums;color:#fff;background:#888}
.badge.error{background:#b3261e}.badge.warning{background:#b86e00}.badge.info{background:#52606d}
.meta{color:#555;font-weight:normal;font-size:.9rem}
.finding{border-top:1px solid #eee;padding:.5rem 0}
.slot{font-weight:600}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.8rem;margin:.4rem 0}
.side{background:#f6f7f9;border-radius:4px;padding:.4rem .6rem}
.value{font-size:1.1rem;font-weight:600}
.sentence{margin:.3rem 0 0}
mark.diff{background:#ffe08a;color:inherit;padding:0 .1rem;border-radius:2px}
ul.reasons{margin:.2rem 0;color:#444;font-size:.9rem}
ul.sources{font-size:.9rem;color:#333}
.controls button{margin-right:.5rem}
</style>
</head>
<body>
<h1>crosscheck batch report</h1>
<table class="counts">
<tr><th>records read</th><td>{{.Articles.Records}}</td><th>events</th><td>{{.Events.Total}} ({{.Events.Checked}} checked, {{.Events.Unchecked}} with one article)</td></tr>
<tr><th>articles checked</th><td>{{.Articles.Checked}}</td><th>events with disagreements</th><td>{{.Events.WithFindings}}</td></tr>
<tr><th>merged duplicates</th><td>{{.Articles.Duplicates}}</td><th>findings</th><td>{{sev .Findings "error"}} errors, {{sev .Findings "warning"}} warnings, {{sev .Findings "info"}} info</td></tr>
<tr><th>alone in their event</th><td>{{.Articles.Singletons}}</td><th>grouping</th><td>{{.Grouping}}</td></tr>
<tr><th>skipped</th><td>{{.Articles.Skipped}}{{range $r := sorted .Skipped}} · {{$r}}: {{index $.Skipped $r}}{{end}}</td>{{if .Shard}}<th>shard</th><td>{{.Shard}}</td>{{end}}</tr>
</table>
<p class="controls" id="controls" hidden><button type="button" data-open="1">Open all</button><button type="button" data-open="">Close all</button></p>
<main id="events">
{{end}}
{{define "event"}}<details class="event" id="{{.ID}}" data-confidence="{{.Top}}">
<summary>{{if .Top}}<span class="badge {{.Severity}}">{{.Top}}</span>{{else}}<span class="badge">–</span>{{end}}{{.Title}} <span class="meta">· {{len .Sources}} sources · {{len .Findings}} findings{{if eq .Status "unchecked"}} · unchecked: one article{{end}} · {{.ID}}</span></summary>
{{range .Findings}}<section class="finding">
<div class="slot"><span class="badge {{.Severity}}">{{conf .Confidence}}</span>{{if .Subject}}{{.Subject}} · {{end}}{{.Attribute}}{{if and .Time (ne .Time "current")}} ({{.Time}}){{end}}</div>
<div class="sides">{{range .Sides}}<div class="side">
<div class="value">{{.Text}}</div>
<div class="meta">{{join .Sources ", "}}</div>
<p class="sentence">{{range $i, $w := .Words}}{{if $i}} {{end}}{{if $w.Differs}}<mark class="diff">{{$w.Text}}</mark>{{else}}{{$w.Text}}{{end}}{{end}}</p>
</div>{{end}}</div>
<ul class="reasons">{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>
</section>
{{end}}<ul class="sources">{{range .Sources}}<li>{{if .Outlet}}{{.Outlet}}: {{end}}{{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}{{if .Published}} ({{.Published}}){{end}} <span class="meta">{{.ID}}</span></li>{{end}}</ul>
{{range .Duplicates}}<p class="meta">{{.Path}} merged: {{.Reason}} as {{.DuplicateOf}}</p>{{end}}
</details>
{{end}}
{{define "foot"}}</main>
{{if .More}}<p>{{.More}} more events are in events.jsonl (this page details the first {{.Shown}}).</p>{{end}}
<script>
(function(){var c=document.getElementById('controls');c.hidden=false;c.addEventListener('click',function(e){var o=e.target.getAttribute('data-open');if(o===null)return;document.querySelectorAll('details.event').forEach(function(d){d.open=!!o;});});})();
</script>
</body>
</html>
{{end}}`

// BatchMarkdown writes a batch run's report.md: the counts, then each
// event with findings, most confident first, as a table of its values.
func BatchMarkdown(w io.Writer, s *checker.BatchSummary, events iter.Seq[checker.EventReport]) error {
	fmt.Fprintf(w, "# crosscheck batch report\n\n")
	fmt.Fprintf(w, "%d records: %d articles checked, %d merged duplicates, %d alone in their event, %d skipped. ",
		s.Articles.Records, s.Articles.Checked, s.Articles.Duplicates, s.Articles.Singletons, s.Articles.Skipped)
	fmt.Fprintf(w, "%d events, %d with disagreements: %d errors, %d warnings, %d info.\n\n",
		s.Events.Total, s.Events.WithFindings, s.Findings[checker.Error], s.Findings[checker.Warning], s.Findings[checker.Info])
	for ev := range events {
		if len(ev.Findings) == 0 {
			continue
		}
		fmt.Fprintf(w, "## %s\n\n`%s` · %d sources\n\n| confidence | slot | values |\n|---|---|---|\n", cell(ev.Title), ev.ID, len(ev.Sources))
		for _, f := range ev.Findings {
			var vals []string
			for _, g := range f.Values {
				vals = append(vals, fmt.Sprintf("%s (%s)", g.Text, strings.Join(g.Sources, ", ")))
			}
			fmt.Fprintf(w, "| %.2f | %s · %s | %s |\n", f.Confidence, cell(f.Subject), cell(f.Attribute), cell(strings.Join(vals, " vs ")))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// BatchJSON writes a batch run's report.json: {"summary": …, "events": […]}.
func BatchJSON(w io.Writer, s *checker.BatchSummary, events iter.Seq[checker.EventReport]) error {
	head, err := json.Marshal(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "{\"summary\":%s,\"events\":[", head)
	first := true
	for ev := range events {
		line, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if !first {
			io.WriteString(w, ",")
		}
		first = false
		w.Write(line)
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}
