package render

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// message says what a finding is in one line. In a lint report it speaks
// of the draft: "Scale AI · deal value: draft says $13.4 billion; 3 of 5
// sources say $14.3 billion". Otherwise it lists the competing values,
// the minority first.
func message(f checker.Finding) string {
	if f.Draft == "" || len(f.Values) < 2 {
		return fmt.Sprintf("%s: %s", slot(f.Subject, f.Attribute, f.Time), versus(f.Values, true))
	}
	var speaking []string
	for _, v := range f.Values[1:] {
		for _, s := range v.Sources {
			if !slices.Contains(speaking, s) {
				speaking = append(speaking, s)
			}
		}
	}
	against := f.Values[1]
	return fmt.Sprintf("%s: draft says %s; %d of %d sources say %s", slot(f.Subject, f.Attribute, f.Time), f.Values[0].Text, len(against.Sources), len(speaking), against.Text)
}

// unsupportedMessage says what a draft states that no source speaks to:
// "Scale AI · employees: draft says about 900; no source speaks to it".
func unsupportedMessage(u checker.Agreement) string {
	return fmt.Sprintf("%s: draft says %s; no source speaks to it", slot(u.Subject, u.Attribute, u.Time), u.Values[0].Text)
}

// unsupportedAt is where a fact no source backs is stated in its draft.
func unsupportedAt(u checker.Agreement) (checker.Evidence, bool) {
	if len(u.Values) == 0 || len(u.Values[0].Evidence) == 0 {
		return checker.Evidence{}, false
	}
	return u.Values[0].Evidence[0], true
}

// leftOut says which findings the report leaves out, "" when none: "1
// finding suppressed in the draft, 2 findings recorded in the baseline".
func leftOut(r *checker.Report) string {
	var parts []string
	if r.Suppressed > 0 {
		parts = append(parts, count(r.Suppressed, "finding")+" suppressed in the draft")
	}
	if r.Baselined > 0 {
		parts = append(parts, count(r.Baselined, "finding")+" recorded in the baseline")
	}
	return strings.Join(parts, ", ")
}

// pathOf returns the path to show for a source: its path from
// Options.Paths, relative to Options.Root when it lies below it, with
// forward slashes; the ID when the source has no path.
func pathOf(id string, opt Options) string {
	p, ok := opt.Paths[id]
	if !ok || p == "" {
		return id
	}
	if opt.Root != "" && filepath.IsAbs(p) {
		if rel, err := filepath.Rel(opt.Root, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
	}
	return filepath.ToSlash(p)
}

// endOf returns where the quantity at e ends: its own end when the
// extractor recorded one, else the end of its line's first word.
func endOf(e checker.Evidence) (line, col int) {
	if e.EndLine > 0 {
		return e.EndLine, e.EndColumn
	}
	return e.Line, e.Column + 1
}

// groupKey is the file a finding belongs to in per-file formats (JUnit,
// Markdown): its draft in a lint report, else the source of its location.
func groupKey(f checker.Finding) string {
	if f.Draft != "" {
		return f.Draft
	}
	if loc, ok := f.Location(); ok {
		return loc.Source
	}
	return ""
}

// files lists the files of a report that per-file formats draw: the
// drafts of a lint report, else every source.
func files(r *checker.Report) []string {
	if len(r.Drafts) > 0 {
		return r.Drafts
	}
	out := make([]string, 0, len(r.Sources))
	for _, s := range r.Sources {
		out = append(out, s.ID)
	}
	return out
}
