package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const page = `<!doctype html><html><head><title>Harbour fire destroys warehouses</title>
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2026-05-02T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Harbour fire destroys warehouses</h1>
<p>A fire at the Seld harbour destroyed 14 warehouses overnight, the fire service said on Saturday.</p>
<p>About 120 firefighters fought the blaze for nine hours before it was brought under control.</p>
</article><footer>© Coast Gazette</footer></body></html>`

// TestGather fetches a manifest's pages from a local server, writes each
// text with its front matter, reports a page that is gone without
// stopping, and with -check lists a keyed value the texts do not state.
func TestGather(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/fire" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	keys, dir := t.TempDir(), t.TempDir()
	ev := filepath.Join(keys, "accident-harbour-fire")
	if err := os.MkdirAll(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := `{"event": "harbour fire", "domain": "accidents", "articles": [
		{"file": "gazette.txt", "site": "gazette.example", "url": "` + srv.URL + `/fire", "query": "harbour fire warehouses"},
		{"file": "gone.txt", "site": "gone.example", "url": "` + srv.URL + `/gone", "query": "harbour fire"}]}`
	key := `{"event": "harbour fire", "disagreements": [{"what": "warehouses", "kind": "count", "values": [14, 41]}], "traps": []}`
	for name, body := range map[string]string{"sources.json": manifest, "key.json": key} {
		if err := os.WriteFile(filepath.Join(ev, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-keys", keys, "-dir", dir, "-check"}, &stdout, &stderr); err != nil {
		t.Fatalf("gather: %v\n%s", err, stderr.String())
	}
	text, err := os.ReadFile(filepath.Join(dir, "accident-harbour-fire", "gazette.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`outlet: "Coast Gazette"`, "published: 2026-05-02", "url: " + srv.URL + "/fire", "destroyed 14 warehouses"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("gathered text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "Home | World") {
		t.Errorf("page furniture kept:\n%s", text)
	}
	if !strings.Contains(stderr.String(), "gone.txt") || !strings.Contains(stderr.String(), "404") {
		t.Errorf("the missing page is not reported: %s", stderr.String())
	}
	if !strings.Contains(stdout.String(), "41 is no longer stated") || strings.Contains(stdout.String(), "14 is no longer") {
		t.Errorf("-check: %q, want 41 listed and 14 not", stdout.String())
	}
}

// TestGatherExcerpts writes the texts from stored excerpts, as where there
// is no network: the site is the outlet, each line a paragraph, and an
// excerpt that is missing or empty is reported without stopping the rest.
func TestGatherExcerpts(t *testing.T) {
	keys, raw, dir := t.TempDir(), t.TempDir(), t.TempDir()
	ev := filepath.Join(keys, "accident-quarry-collapse")
	if err := os.MkdirAll(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := `{"event": "quarry collapse", "domain": "accidents", "articles": [
		{"file": "valley.txt", "site": "valley.example", "url": "https://valley.example/quarry", "query": "quarry collapse", "published": "2026-03-04"},
		{"file": "empty.txt", "site": "empty.example", "url": "https://empty.example/q", "query": "quarry collapse"},
		{"file": "absent.txt", "site": "absent.example", "url": "https://absent.example/q", "query": "quarry collapse"},
		{"file": "gathered.txt", "site": "gathered.example", "url": "https://gathered.example/q", "query": "quarry collapse"}]}`
	if err := os.WriteFile(filepath.Join(ev, "sources.json"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	rawEv := filepath.Join(raw, "accident-quarry-collapse")
	if err := os.MkdirAll(rawEv, 0o755); err != nil {
		t.Fatal(err)
	}
	excerpt := "Quarry wall gives way\n\n  Nine workers were hurt when a wall of the Marl Hill quarry gave way.  \nRescuers worked through the night.\n"
	for name, body := range map[string]string{"valley.txt": excerpt, "empty.txt": " \n", "gathered.txt": "\ufeff---\r\ntitle: \"x\"\r\n---\r\nText.\r\n"} {
		if err := os.WriteFile(filepath.Join(rawEv, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A text an earlier run wrote from an excerpt now gone is removed.
	stale := filepath.Join(dir, "accident-quarry-collapse", "absent.txt")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("old text"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run([]string{"-keys", keys, "-dir", dir, "-excerpts", raw}, &stdout, &stderr); err != nil {
		t.Fatalf("gather: %v\n%s", err, stderr.String())
	}
	text, err := os.ReadFile(filepath.Join(dir, "accident-quarry-collapse", "valley.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: \"\"\noutlet: \"valley.example\"\npublished: 2026-03-04\nurl: https://valley.example/quarry\n---\n" +
		"Quarry wall gives way\n\nNine workers were hurt when a wall of the Marl Hill quarry gave way.\n\nRescuers worked through the night.\n\n"
	if string(text) != want {
		t.Errorf("text from the excerpt:\n%s\nwant:\n%s", text, want)
	}
	for _, name := range []string{"empty.txt", "absent.txt", "gathered.txt"} {
		if _, err := os.Stat(filepath.Join(dir, "accident-quarry-collapse", name)); err == nil {
			t.Errorf("%s was written from no excerpt", name)
		}
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "wrote 1 texts") || !strings.Contains(stderr.String(), "3 texts could not be made") || !strings.Contains(stderr.String(), "opens with front matter") {
		t.Errorf("summary: %s", stderr.String())
	}
	rel, err := filepath.Rel(".", raw)
	if err != nil {
		rel = raw
	}
	for _, args := range [][]string{
		{"-excerpts", raw, "-dir", raw},                                    // the texts would overwrite their excerpts
		{"-excerpts", rel + string(filepath.Separator) + ".", "-dir", raw}, // the same directory spelt otherwise
		{"-excerpts", raw, "-cache", t.TempDir()},                          // excerpts are not fetched
		{"-excerpts", raw + "-typo", "-dir", dir},                          // no such directory: nothing is touched
	} {
		if err := run(append([]string{"-keys", keys}, args...), &stdout, &stderr); err == nil {
			t.Errorf("gather %v: no error", args)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "accident-quarry-collapse", "valley.txt")); err != nil {
		t.Errorf("a refused run removed a gathered text: %v", err)
	}
}
