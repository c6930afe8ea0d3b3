package sources

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const pageHTML = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Harbor Ledger"><title>Harbor buys Tidewater</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbor buys Tidewater</h1>
<p>Harbor Systems agreed to pay $2.4 billion for Tidewater Labs on Monday, ending a six-month bidding war for the sensor maker.</p>
<p>Tidewater, founded in 2011, employs 340 people at its plant near the harbour, the company said.</p></article></body></html>`

// newsServer serves the pages and failures the URL tests need.
func newsServer(t *testing.T, hits *atomic.Int32) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("User-Agent") != UserAgent {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pageHTML)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		fmt.Fprint(w, strings.ReplaceAll(strings.ReplaceAll(pageHTML, "$2.4 billion", "\xa32.4 billion"), "harbour", "harbour caf\xe9"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		fmt.Fprint(gz, pageHTML)
		gz.Close()
	})
	// 8 MB of zeros, gzipped to about 8 kB: eight times the size limit.
	var bomb bytes.Buffer
	gz := gzip.NewWriter(&bomb)
	zero := make([]byte, 1<<20)
	for range 8 {
		gz.Write(zero)
	}
	gz.Close()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>more words "), 1000)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database on fire", http.StatusInternalServerError)
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/story", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	var hits atomic.Int32
	srv := newsServer(t, &hits)
	tests := []struct {
		path   string
		want   error  // nil: the page loads
		msg    string // in the error, or in the article text
		reason string
	}{
		{"/story", nil, "$2.4 billion", "a page, with crosscheck's User-Agent"},
		{"/gzip", nil, "$2.4 billion", "gzip transfer encoding"},
		{"/latin1", nil, "£2.4 billion", "a charset in the Content-Type header, converted to UTF-8"},
		{"/hop/4", nil, "$2.4 billion", "five redirects are allowed"},
		{"/hop/5", ErrRedirects, "too many redirects", "six are not"},
		{"/to-file", ErrScheme, "only http and https", "a redirect to file:// is refused"},
		{"/missing", ErrHTTP, "HTTP error: 404 Not Found", "a 404 names the status"},
		{"/broken", ErrHTTP, "500 Internal Server Error", "a 500 names the status"},
		{"/bomb", ErrTooLarge, "over the 1048576-byte limit", "a gzip bomb stops at the size limit, decompressed"},
		{"/endless", ErrTooLarge, "over the 1048576-byte limit", "an endless response stops at the size limit"},
		{"/slow", nil, "timed out", "a response slower than the timeout"},
	}
	for _, tt := range tests {
		t.Run(strings.Trim(tt.path, "/"), func(t *testing.T) {
			f := &Fetcher{Timeout: 2 * time.Second, MaxSize: 1 << 20}
			url := srv.URL + tt.path
			res, err := Load([]string{url}, Options{Fetcher: f, MaxSize: 1 << 20})
			if tt.want == nil && !strings.Contains(tt.msg, "timed out") {
				if err != nil {
					t.Fatalf("%s: %v (%s)", url, err, tt.reason)
				}
				a := res.Articles[0]
				if !holds(a.Paragraphs, tt.msg) || a.Outlet != "Harbor Ledger" || !strings.HasPrefix(a.URL, srv.URL) {
					t.Errorf("%s: article %q from %q at %q; want %q (%s)", url, a.Title, a.Outlet, a.URL, tt.msg, tt.reason)
				}
				return
			}
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), url) {
				t.Errorf("%s: error %v; want %v saying %q and naming the URL (%s)", url, err, tt.want, tt.msg, tt.reason)
			}
		})
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/story", "gopher://x/"} {
		_, err := (&Fetcher{}).Fetch(context.Background(), u)
		if !errors.Is(err, ErrScheme) || !strings.Contains(err.Error(), u) {
			t.Errorf("Fetch(%s) = %v, want ErrScheme naming the URL", u, err)
		}
	}
}

func TestFetchCache(t *testing.T) {
	var hits atomic.Int32
	srv := newsServer(t, &hits)
	dir := t.TempDir()
	for range 3 {
		f := &Fetcher{CacheDir: dir}
		if _, err := f.Fetch(context.Background(), srv.URL+"/story"); err != nil {
			t.Fatal(err)
		}
	}
	if hits.Load() != 1 {
		t.Errorf("%d requests for three fetches with a cache, want 1", hits.Load())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("cache holds %d files, want a body and its metadata", len(entries))
	}
}

func TestLoadFeedFetchItems(t *testing.T) {
	var hits atomic.Int32
	srv := newsServer(t, &hits)
	feed := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>
<item><title>Harbor buys Tidewater</title><link>%s/story</link></item>
<item><title>Gone</title><link>%s/missing</link></item></channel></rss>`, srv.URL, srv.URL)
	path := write(t, t.TempDir(), "feed.xml", feed)
	res, err := Load([]string{path}, Options{FetchItems: true, KeepGoing: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || !holds(res.Articles[0].Paragraphs, "$2.4 billion") || len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Err.Error(), "404") || res.Skipped[0].Path != path+"#2" {
		t.Errorf("articles %d, skipped %+v; want the fetched story, and item 2 skipped with its 404", len(res.Articles), res.Skipped)
	}
}
