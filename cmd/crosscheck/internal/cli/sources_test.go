package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

// slotOf is what a finding says, without where it says it.
type slotOf struct {
	ID, Subject, Attribute, Time string
	Confidence                   float64
	Values                       string
}

func findingsOf(t *testing.T, out string) ([]slotOf, *checker.Report) {
	t.Helper()
	var r checker.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var fs []slotOf
	for _, f := range r.Findings {
		var vs []string
		for _, v := range f.Values {
			vs = append(vs, fmt.Sprintf("%s %v", v.Text, v.Sources))
		}
		fs = append(fs, slotOf{f.ID, f.Subject, f.Attribute, f.Time, f.Confidence, strings.Join(vs, "; ")})
	}
	return fs, &r
}

// TestHTMLFindingsEqualText: the seed articles wrapped in news pages give
// the findings the plain text gives, with evidence in the HTML files. The
// pages also carry publication dates, which the aligner weighs (a figure
// may change over the coverage), so confidences may differ a little.
func TestHTMLFindingsEqualText(t *testing.T) {
	inRepo(t)
	_, text, _ := run(t, nil, "check", "--format", "json", "--fail-level", "none", seed)
	_, page, errOut := run(t, nil, "check", "--format", "json", "--fail-level", "none", "fixtures/meta-scale-html")
	want, _ := findingsOf(t, text)
	got, r := findingsOf(t, page)
	// Every finding at the warning level or above in either report is in
	// the other, with the same values, its confidence within 0.1.
	byID := func(fs []slotOf) map[string]slotOf {
		m := map[string]slotOf{}
		for _, f := range fs {
			m[f.ID] = f
		}
		return m
	}
	pages, texts := byID(got), byID(want)
	sure := 0
	for _, pair := range [][2]map[string]slotOf{{pages, texts}, {texts, pages}} {
		for id, f := range pair[0] {
			if f.Confidence < 0.5 {
				continue
			}
			sure++
			g, ok := pair[1][id]
			if !ok || g.Values != f.Values || g.Subject != f.Subject || g.Attribute != f.Attribute || math.Abs(g.Confidence-f.Confidence) > 0.1 {
				t.Errorf("finding %s (%s, %.2f) has no match within 0.1 in the other report: %+v\npages: %+v\ntext: %+v\n%s", id, f.Values, f.Confidence, g, got, want, errOut)
			}
		}
	}
	if sure == 0 {
		t.Errorf("no finding at the warning level in either report:\npages: %+v\ntext: %+v", got, want)
	}
	raw := map[string]string{}
	for _, s := range r.Sources {
		data, err := os.ReadFile(s.Path)
		if err != nil {
			t.Fatal(err)
		}
		raw[s.ID] = string(data)
		if s.Outlet == "" || s.Published == "" || s.Byline == "" {
			t.Errorf("source %+v: outlet, published and byline come from the page's meta tags", s)
		}
	}
	for _, f := range r.Findings {
		for _, v := range f.Values {
			for _, e := range v.Evidence {
				line := strings.Split(raw[e.Source], "\n")[e.Line-1]
				figure := v.Text[:len(v.Text)-len(strings.TrimLeft(v.Text, "$€£0123456789.,"))]
				if !strings.HasPrefix(line[e.Column-1:], figure) {
					t.Errorf("%s:%d:%d points at %q, not at %q", e.Source, e.Line, e.Column, line[e.Column-1:], v.Text)
				}
			}
		}
	}
}

// TestCheckEveryFormatInOneRun reads a page file, a URL, a feed and a
// JSONL dump together, and accounts for every input.
func TestCheckEveryFormatInOneRun(t *testing.T) {
	inRepo(t)
	page, err := os.ReadFile("fixtures/meta-scale-html/meta-bets-15bn.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/meta-bets-15bn" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	args := []string{"check", "--format", "json", "--fail-level", "medium", "--keep-going", "--cache", cache,
		"fixtures/meta-scale-html/biggest-external-ai-bet.html",
		srv.URL + "/meta-bets-15bn",
		"sources/testdata/atom.xml",
		"sources/testdata/dump.jsonl",
		srv.URL + "/gone",
	}
	code, out, errOut := run(t, nil, args...)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1 (the deal value disagreement)\n%s", code, errOut)
	}
	fs, r := findingsOf(t, out)
	if len(fs) == 0 || fs[0].Attribute != "deal value" {
		t.Errorf("findings %+v, want the deal value first", fs)
	}
	// Inputs: 1 page + 1 URL + 2 atom entries + 11 JSONL lines (one blank)
	// + 1 missing URL = 15 records, each loaded, merged or skipped.
	accounted := len(r.Sources) + len(r.Duplicates) + len(r.Skipped)
	if accounted != 15 {
		t.Errorf("%d sources + %d duplicates + %d skipped = %d, want 15 inputs accounted for\nstderr:\n%s", len(r.Sources), len(r.Duplicates), len(r.Skipped), accounted, errOut)
	}
	var gone bool
	for _, s := range r.Skipped {
		gone = gone || (s.Path == srv.URL+"/gone" && strings.Contains(s.Reason, "404"))
	}
	if !gone {
		t.Errorf("skipped %+v: the missing URL must be listed with its status", r.Skipped)
	}
	// A rerun is served from the cache: the server can be gone.
	srv.Close()
	code, out2, _ := run(t, nil, args[:len(args)-1]...)
	if code != ExitFindings {
		t.Errorf("rerun from the cache: exit %d", code)
	}
	if fs2, _ := findingsOf(t, out2); !reflect.DeepEqual(fs2, fs) {
		t.Errorf("rerun from the cache found %+v, want %+v", fs2, fs)
	}
}

func TestInputFlags(t *testing.T) {
	inRepo(t)
	for _, tt := range []struct {
		args   []string
		code   int
		msg    string
		reason string
	}{
		{[]string{"check", "--input-format", "pdf", seed}, ExitError, `--input-format: input format "pdf"`, "an unknown format"},
		{[]string{"check", "--timeout", "0s", seed}, ExitError, "--timeout 0s", "a zero timeout"},
		{[]string{"check", "file:///etc/passwd", seed}, ExitError, "file:///etc/passwd: only http and https URLs are fetched", "no file:// URLs"},
		{[]string{"check", "--input-format", "feed", seed + "/dual-ai-strategy.txt", seed}, ExitError, "dual-ai-strategy.txt: not an RSS, Atom or JSON feed", "a forced format that does not fit"},
		{[]string{"check", "--fail-level", "none", "--input-format", "html", "fixtures/meta-scale-html"}, ExitOK, "", "forcing the format the content has"},
	} {
		code, _, errOut := run(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q (%s)", tt.args, code, errOut, tt.code, tt.msg, tt.reason)
		}
	}
}
