package sources

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// jsonl joins lines into a dump.
func jsonl(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// TestLoadJSONLLimitIsPerLine is must-fix 10: --max-size bounds a JSONL
// line, as documented, not the file; one line over it is skipped alone.
func TestLoadJSONLLimitIsPerLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"id":"long","text":"` + strings.Repeat("word ", 400) + `"}`
	dump := jsonl(
		`{"id":"one","text":"Meta paid $14.3 billion for a stake in Scale AI."}`,
		long,
		`{"id":"two","text":"Meta paid $15 billion for a stake in Scale AI."}`,
		`{"id":"three","text":"Scale AI was valued at $29 billion."}`,
	)
	path := write(t, dir, "dump.jsonl", dump)
	sniffed := write(t, dir, "dump.data", dump)
	const limit = 1000
	if len(dump) <= limit || len(long) <= limit {
		t.Fatalf("the dump (%d bytes) and its long line (%d) must both be over the %d-byte limit", len(dump), len(long), limit)
	}
	tests := []struct {
		name   string
		input  string
		opt    Options
		reason string
	}{
		{"by extension", path, Options{}, "a .jsonl file over the limit whose lines are under it"},
		{"by content", sniffed, Options{}, "an unknown extension whose first bytes are JSON lines"},
		{"forced", sniffed, Options{Format: JSONL}, "--input-format jsonl"},
		{"standard input", "-", Options{}, "a dump piped in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.MaxSize, opt.KeepGoing = limit, true
			opt.Stdin = strings.NewReader(dump)
			res, err := Load([]string{tt.input}, opt)
			if err != nil {
				t.Fatalf("Load: %v (%s)", err, tt.reason)
			}
			var ids []string
			for _, a := range res.Articles {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, []string{"one", "two", "three"}) || len(res.Skipped) != 1 ||
				!errors.Is(res.Skipped[0].Err, ErrTooLarge) || res.Skipped[0].Path != tt.input+":2" {
				t.Errorf("articles %v, skipped %v; want the three short lines read and line 2 skipped as too large (%s)", ids, res.Skipped, tt.reason)
			}
			// Without KeepGoing the long line is the error, named by line.
			opt.KeepGoing = false
			opt.Stdin = strings.NewReader(dump)
			_, err = Load([]string{tt.input}, opt)
			var e *Error
			if !errors.As(err, &e) || e.Path != tt.input+":2" || !errors.Is(err, ErrTooLarge) {
				t.Errorf("without KeepGoing: %v, want the error of line 2", err)
			}
		})
	}
	// A text file is still bounded as a whole.
	big := write(t, dir, "big.txt", strings.Repeat("word ", 400))
	if _, err := Load([]string{big}, Options{MaxSize: limit}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a text file over the limit: %v, want ErrTooLarge", err)
	}
}

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, order binary.ByteOrder) []byte {
	units := utf16.Encode([]rune("\uFEFF" + s))
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return b
}

// TestEncodings checks that a file with a byte-order mark is read as the
// text it is: UTF-16 converted, not called binary, and a UTF-8 mark not
// counted in line 1's columns.
func TestEncodings(t *testing.T) {
	dir := t.TempDir()
	const text = "Harbor Systems paid €2.4bn for Tidewater.\nThe deal closed on Monday.\n"
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"plain.txt", []byte(text), "the reference: UTF-8 without a mark"},
		{"bom8.txt", []byte("\uFEFF" + text), "a UTF-8 byte-order mark (Windows Notepad) is not text and not a column"},
		{"le.txt", utf16Bytes(text, binary.LittleEndian), "UTF-16 little-endian with its mark (Windows 'Unicode')"},
		{"be.txt", utf16Bytes(text, binary.BigEndian), "UTF-16 big-endian with its mark"},
		{"le.md", utf16Bytes("---\ntitle: Harbor\n---\n"+text, binary.LittleEndian), "UTF-16 Markdown with front matter"},
		{"le.jsonl", utf16Bytes(`{"id":"le","text":"Harbor Systems paid €2.4bn for Tidewater."}`+"\n", binary.LittleEndian), "a UTF-16 dump read a line at a time"},
		{"le.html", utf16Bytes(`<html><head><meta charset="utf-16"></head><body><article><p>`+strings.Repeat("Harbor Systems paid €2.4bn for Tidewater, the companies said. ", 4)+`</p></article></body></html>`, binary.LittleEndian), "a UTF-16 page whose meta tag says so"},
	}
	// A mark does not make binary bytes text: NULs after conversion are
	// still binary.
	path := write(t, dir, "marked.bin.txt", "\xff\xfe\x00\x00\x01\x02PK")
	if _, err := Load([]string{path}, Options{}); !errors.Is(err, ErrBinary) {
		t.Errorf("binary bytes after a UTF-16 mark: %v, want ErrBinary", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			write(t, dir, tt.name, string(tt.data))
			res, err := Load([]string{path}, Options{})
			if err != nil {
				t.Fatalf("Load: %v (%s)", err, tt.reason)
			}
			a := res.Articles[0]
			var p = a.Paragraphs[0]
			for _, q := range a.Paragraphs {
				if strings.Contains(q.Text, "€2.4bn") {
					p = q
					break
				}
			}
			i := strings.Index(p.Text, "€2.4bn")
			if i < 0 {
				t.Fatalf("paragraphs %+v: no €2.4bn (%s)", a.Paragraphs, tt.reason)
			}
			line, col := a.Position(p.Offset + i)
			if strings.HasSuffix(tt.name, ".txt") && (line != 1 || col != 21) {
				t.Errorf("€2.4bn at %d:%d, want 1:21 as in the file without a mark (%s)", line, col, tt.reason)
			}
			if strings.ContainsRune(a.Raw, '\uFEFF') {
				t.Errorf("the article's text keeps the byte-order mark (%s)", tt.reason)
			}
		})
	}
}

// TestFrontMatterErrors checks that a front-matter error names the key
// and its line in the file, in words, not YAML's Go types.
func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		src    string
		want   string
		reason string
	}{
		{"---\ntitle: x\nauthor: y\n---\nText $5m.\n", `line 3: unknown key "author" (want title, outlet, published, url, weight)`, "an unknown key, on the third line of the file"},
		{"---\ntitle: x\nweight: heavy\n---\nText $5m.\n", `line 3: weight "heavy": not a number`, "a weight that is a word"},
		{"---\nweight: -2\n---\nText $5m.\n", `line 2: weight -2: want a positive number`, "a negative weight"},
		{"---\nweight: .nan\n---\nText $5m.\n", `line 2: weight .nan: want a positive number`, "NaN would poison every score it touches"},
		{"---\nweight: .inf\n---\nText $5m.\n", `line 2: weight .inf: want a positive number`, "an infinite weight"},
		{"---\nweight: 0\n---\nText $5m.\n", `line 2: weight 0: want a positive number`, "a zero weight reads as no weight given; say so"},
		{"---\ntitle: x\n\npublished: yesterday\n---\nText.\n", `line 4: published "yesterday": not a date (want 2006-01-02 or RFC 3339)`, "a date we cannot read, after a blank line"},
		{"---\ntitle: [a, b]\n---\nText.\n", `line 2: title: want one value, not a list`, "a list where a string belongs"},
		{"---\ntitle: a\ntitle: b\n---\nText.\n", `line 3: title: given twice (first on line 2)`, "a repeated key"},
		{"---\ntitle: x\n  outlet: y: z\n---\nText.\n", `line 3: `, "a YAML syntax error, its line counted in the file"},
		{"---\n- a\n- b\n---\nText.\n", `line 2: want key: value lines`, "a list, not a mapping"},
		{"---\n\tfoo\n---\nText.\n", `lines 2-2: found character that cannot start any token`, "a YAML error without a line names the block's lines"},
		{"\uFEFF---\ntitle: x\nbogus: 1\n---\nText.\n", `line 3: unknown key "bogus"`, "a byte-order mark before the front matter moves no line"},
	}
	for _, tt := range tests {
		_, err := Parse("fm.md", []byte(tt.src))
		if !errors.Is(err, ErrFrontMatter) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want ErrFrontMatter saying %q (%s)", tt.src, err, tt.want, tt.reason)
			continue
		}
		for _, goType := range []string{"float64", "!!str", "!!seq", "unmarshal", "sources.frontMatter", "yaml:"} {
			if strings.Contains(err.Error(), goType) {
				t.Errorf("%q: error %q speaks YAML's Go types (%s) (%s)", tt.src, err, goType, tt.reason)
			}
		}
	}
	// What is valid still reads.
	a, err := Parse("ok.md", []byte("---\ntitle: 2026\nweight: 1.5\noutlet:\n---\nText $5m.\n"))
	if err != nil || a.Title != "2026" || a.Weight != 1.5 || a.Outlet != "" {
		t.Errorf("valid front matter: %+v, %v", a, err)
	}
}

const badDateFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Harbor pays €2.4bn</title><link>https://wire.example.com/1</link>
<pubDate>sometime on Tuesday</pubDate>
<description>Harbor Systems agreed to pay €2.4bn for Tidewater Labs, the companies said.</description></item>
<item><title>Harbor pays €2.5bn</title><link>https://wire.example.com/2</link>
<pubDate>Tue, 10 Jun 2025 18:20:00 GMT</pubDate>
<description>Harbor Systems agreed to pay €2.5bn for Tidewater Labs, the companies said.</description></item>
<item><title>Harbor, a week on</title><link>https://wire.example.com/3</link>
<pubDate>2025-06-17</pubDate>
<description>Harbor Systems closed its €2.4bn purchase of Tidewater Labs on Tuesday.</description></item>
</channel></rss>`

// TestFeedItemBadDate checks that a feed item whose date cannot be read
// is reported, as a JSONL line's is, not read as undated in silence: it
// is kept, with a warning naming the item and the date.
func TestFeedItemBadDate(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "wire.xml", badDateFeed)
	res, err := Load([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 3 || len(res.Warnings) != 1 {
		t.Fatalf("%d articles, warnings %v; want 3 articles and one warning", len(res.Articles), res.Warnings)
	}
	w := res.Warnings[0]
	if w.Path != path+"#1" || !errors.Is(w.Err, ErrBadDate) || !strings.Contains(w.Err.Error(), `"sometime on Tuesday"`) {
		t.Errorf("warning %s: %v; want item 1 named, with its date", w.Path, w.Err)
	}
	if !res.Articles[0].Published.IsZero() || res.Articles[2].Published.Format("2006-01-02") != "2025-06-17" {
		t.Errorf("published %v and %v; want item 1 undated and item 3's plain date read", res.Articles[0].Published, res.Articles[2].Published)
	}
	var warned []string
	err = Stream([]string{path}, Options{}, func(r Record) error {
		if r.Warn != nil {
			warned = append(warned, r.Key)
		}
		return nil
	})
	if err != nil || !slices.Equal(warned, []string{path + "#1"}) {
		t.Errorf("Stream: warnings on %v (%v); want the record of item 1 to carry it", warned, err)
	}
}
