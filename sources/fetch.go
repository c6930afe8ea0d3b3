package sources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Errors of the URL adapter.
var (
	ErrScheme    = errors.New("only http and https URLs are fetched")
	ErrHTTP      = errors.New("HTTP error")
	ErrRedirects = errors.New("too many redirects (at most 5)")
)

// UserAgent is what crosscheck says it is when it fetches a page.
const UserAgent = "crosscheck/1 (+https://github.com/crosscheck/crosscheck; fact-checking news articles)"

// A Fetcher gets articles over HTTP(S): connect and total timeouts, a size
// limit on the decompressed body, at most 5 redirects (http and https
// only), gzip, a clear User-Agent, and an optional on-disk cache.
type Fetcher struct {
	// Client does the requests; nil builds one from the timeouts.
	Client         *http.Client
	ConnectTimeout time.Duration // default 10s
	Timeout        time.Duration // the whole request, body included; default 30s
	MaxSize        int64         // default DefaultMaxSize
	// CacheDir, when set, keeps every successful response so a rerun
	// does not fetch it again (delete the directory to refetch).
	CacheDir string
}

// A Page is a fetched response.
type Page struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
}

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	connect := f.ConnectTimeout
	if connect <= 0 {
		connect = 10 * time.Second
	}
	total := f.Timeout
	if total <= 0 {
		total = 30 * time.Second
	}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: connect}).DialContext,
		TLSHandshakeTimeout:   connect,
		ResponseHeaderTimeout: total,
	}
	f.Client = &http.Client{Transport: tr, Timeout: total, CheckRedirect: checkRedirect}
	return f.Client
}

// checkRedirect allows at most 5 redirects, to http or https only.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > 5 {
		return ErrRedirects
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: redirect to %s", ErrScheme, req.URL.Redacted())
	}
	return nil
}

// IsURL reports whether an input names a URL rather than a file.
func IsURL(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && !strings.ContainsAny(s[:i], "/\\.")
}

// Fetch gets one URL. Errors name the URL and, for an HTTP error, the
// status.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (*Page, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &Error{raw, err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, &Error{raw, fmt.Errorf("%w (got %s://)", ErrScheme, u.Scheme)}
	}
	if p, ok := f.cached(raw); ok {
		return p, nil
	}
	max := f.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{raw, err}
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")
	resp, err := f.client().Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err) {
			err = fmt.Errorf("timed out: %w", err)
		}
		return nil, &Error{raw, err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &Error{raw, fmt.Errorf("%w: %s", ErrHTTP, resp.Status)}
	}
	body, err := readAll(resp.Body, max, -1)
	if err != nil {
		if os.IsTimeout(err) || errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("timed out reading the body: %w", err)
		}
		return nil, &Error{raw, err}
	}
	p := &Page{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}
	f.store(raw, p)
	return p, nil
}

type cacheMeta struct {
	URL         string    `json:"url"`
	FinalURL    string    `json:"final_url"`
	ContentType string    `json:"content_type"`
	Fetched     time.Time `json:"fetched"`
}

func (f *Fetcher) cacheKey(raw string) string {
	h := sha256.Sum256([]byte(raw))
	return filepath.Join(f.CacheDir, hex.EncodeToString(h[:16]))
}

func (f *Fetcher) cached(raw string) (*Page, bool) {
	if f.CacheDir == "" {
		return nil, false
	}
	k := f.cacheKey(raw)
	mb, err := os.ReadFile(k + ".json")
	if err != nil {
		return nil, false
	}
	var m cacheMeta
	if json.Unmarshal(mb, &m) != nil || m.URL != raw {
		return nil, false
	}
	body, err := os.ReadFile(k + ".body")
	if err != nil {
		return nil, false
	}
	return &Page{URL: m.FinalURL, ContentType: m.ContentType, Body: body}, true
}

// store writes a response to the cache, body first and atomically, so an
// interrupted run never leaves an entry that reads back half a page. A
// cache that cannot be written is not an error: the page was fetched.
func (f *Fetcher) store(raw string, p *Page) {
	if f.CacheDir == "" {
		return
	}
	if os.MkdirAll(f.CacheDir, 0o755) != nil {
		return
	}
	k := f.cacheKey(raw)
	m, _ := json.Marshal(cacheMeta{URL: raw, FinalURL: p.URL, ContentType: p.ContentType, Fetched: time.Now().UTC()})
	if writeAtomic(k+".body", p.Body) == nil {
		_ = writeAtomic(k+".json", m)
	}
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
