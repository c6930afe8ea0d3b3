package sources

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/crosscheck/crosscheck/checker"
)

// ErrNotFeed is an input read as a feed that is not one.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// A FeedItem is a feed entry: its article when the feed carries its text,
// and its link, to fetch when asked (--fetch-items).
type FeedItem struct {
	Article *checker.Article // nil when the item has neither content nor summary
	Link    string
	Path    string // name#index, for messages
	// DateErr says why the item's date could not be read (ErrBadDate);
	// its article is then undated.
	DateErr error
}

// ParseFeed reads an RSS 1.0/2.0, Atom or JSON Feed (github.com/mmcdole/
// gofeed). Each item is an article: its full content when present, else
// its summary, read as HTML; its title, link, publication time and
// author; the feed's title as the outlet. An item's path is
// "name#n" (1-based) and positions are in the item's own text. An item
// whose date is given but cannot be read has DateErr set.
func ParseFeed(name string, data []byte) ([]FeedItem, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	outlet := strings.TrimSpace(f.Title)
	var items []FeedItem
	for i, it := range f.Items {
		path := fmt.Sprintf("%s#%d", name, i+1)
		fi := FeedItem{Link: it.Link, Path: path}
		published, err := itemDate(it)
		fi.DateErr = err
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		if strings.TrimSpace(body) != "" {
			var u *url.URL
			if it.Link != "" {
				u, _ = url.Parse(it.Link)
			}
			// The item's text is its headline and its content: positions
			// are lines and columns of that.
			doc := "<h1>" + html.EscapeString(strings.TrimSpace(it.Title)) + "</h1>\n" + body
			a, err := ParseHTML(path, []byte(doc), u, "text/html; charset=utf-8")
			if err != nil || len(a.Paragraphs) == 0 {
				// A short summary may be too little for readability: read
				// it as text.
				a, err = Parse(path, []byte(strings.TrimSpace(it.Title)+"\n"+htmlToText(body)))
			}
			if err == nil {
				fi.Article = a
				a.Title = strings.TrimSpace(it.Title)
				a.URL = it.Link
				if outlet != "" {
					a.Outlet = outlet
				}
				a.Published = published
				if len(it.Authors) > 0 && it.Authors[0] != nil {
					a.Byline = it.Authors[0].Name
				}
				a.ID = slug(it.Title)
			}
		}
		items = append(items, fi)
	}
	return items, nil
}

// itemDate is when an item was published, else updated: zero when it
// gives neither, an ErrBadDate when the one it gives cannot be read.
func itemDate(it *gofeed.Item) (time.Time, error) {
	for _, d := range []struct {
		text   string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		switch text := strings.TrimSpace(d.text); {
		case d.parsed != nil:
			return *d.parsed, nil
		case text != "":
			if t, err := parseTime(text); err == nil {
				return t, nil
			}
			return time.Time{}, fmt.Errorf("%w: %q", ErrBadDate, text)
		}
	}
	return time.Time{}, nil
}

// htmlToText drops the tags of a fragment and decodes its entities.
func htmlToText(s string) string {
	st := textStream("<body>" + s + "</body>")
	return strings.TrimSpace(st.text)
}

// slug makes a short ID from a title: lower-case words joined by hyphens,
// at most 40 bytes; "" for no title.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			if b.Len() >= 40 {
				break
			}
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	s := b.String()
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	return s
}
