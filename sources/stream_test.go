package sources

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStream checks that a stream hands over every record, articles and
// failures alike, in a stable order, with keys that name where each is.
func TestStream(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.jsonl", `{"id":"one","text":"The deal is worth $2bn."}`+"\n\nnot json\n"+`{"id":"two","text":"It is worth $3bn.","event":"deal"}`+"\n")
	write("b.txt", "Harbor Systems paid $2bn.\n")
	write("c.md", "")
	write("d.dump", `{"id":"three","text":"Sniffed as JSONL."}`+"\n")
	cases := []struct {
		reason string
		inputs []string
		want   []string // key, then "ok" or the error's text
	}{
		{"a JSONL file a line at a time: blank lines are not records, a bad line is", []string{filepath.Join(dir, "a.jsonl")},
			[]string{"a.jsonl:1 ok", "a.jsonl:3 bad JSONL line", "a.jsonl:4 ok"}},
		{"a directory in name order; an empty file is a record with its reason", []string{dir},
			[]string{"a.jsonl:1 ok", "a.jsonl:3 bad JSONL line", "a.jsonl:4 ok", "b.txt ok", "c.md empty"}},
		{"an unknown extension whose content is JSON lines", []string{filepath.Join(dir, "d.dump")}, []string{"d.dump:1 ok"}},
		{"a missing input is a record, not the end of the stream", []string{filepath.Join(dir, "gone.txt"), filepath.Join(dir, "b.txt")},
			[]string{"gone.txt no such file", "b.txt ok"}},
	}
	for _, c := range cases {
		var got []string
		err := Stream(c.inputs, Options{}, func(r Record) error {
			s := strings.TrimPrefix(r.Key, dir+string(filepath.Separator)) + " ok"
			if r.Err != nil {
				s = strings.TrimPrefix(r.Key, dir+string(filepath.Separator)) + " " + r.Err.Error()
			}
			got = append(got, s)
			return nil
		})
		if err != nil {
			t.Errorf("%s: %v", c.reason, err)
			continue
		}
		if len(got) != len(c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.reason, got, c.want)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], c.want[i][:strings.IndexByte(c.want[i], ' ')]) || !strings.Contains(got[i], c.want[i][strings.IndexByte(c.want[i], ' ')+1:]) {
				t.Errorf("%s: record %d is %q, want %q", c.reason, i, got[i], c.want[i])
			}
		}
	}
	stop := errors.New("enough")
	n := 0
	err := Stream([]string{dir}, Options{}, func(Record) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn's error: got %v after %d records, want it returned after 1", err, n)
	}
	if err := Stream([]string{"-"}, Options{}, func(Record) error { return nil }); err == nil {
		t.Error("standard input was accepted; it cannot be read twice")
	}
}

// failingReader gives its text, then fails.
type failingReader struct {
	r   *strings.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.r.Len() == 0 {
		return 0, f.err
	}
	return f.r.Read(p)
}

// TestJSONLWorkers holds a dump parsed by several goroutines to the dump
// parsed by one: the same records in the same order, the same read error
// after them, and fn's error stopping the reading.
func TestJSONLWorkers(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		switch i % 7 {
		case 3:
			b.WriteString("not json\n")
		case 5:
			b.WriteString("\n")
		case 6:
			b.WriteString(`{"id":"long","text":"` + strings.Repeat("x", 3000) + `"}` + "\n")
		default:
			fmt.Fprintf(&b, `{"id":"a%d","text":"Line %d: Harbor Systems paid $%dbn."}`+"\n", i, i, i)
		}
	}
	dump := b.String()
	boom := errors.New("disk on fire")
	read := func(r io.Reader, workers int, stopAt int) ([]string, error) {
		var got []string
		err := eachJSONL("d.jsonl", r, 2048, workers, func(rec Record) error {
			if len(got) == stopAt {
				return boom
			}
			s := rec.Key + " " + fmt.Sprint(rec.Err)
			if rec.Err == nil {
				s = rec.Key + " ok " + rec.Article.ID + " " + rec.Article.Paragraphs[0].Text
			}
			got = append(got, s)
			return nil
		})
		return got, err
	}
	tests := []struct {
		reader func() io.Reader
		stopAt int
		reason string
	}{
		{func() io.Reader { return strings.NewReader(dump) }, -1, "a whole dump: good, bad, blank and too long lines"},
		{func() io.Reader { return &failingReader{strings.NewReader(dump[:len(dump)/2]), boom} }, -1, "a read error half way: the records before it, then the error"},
		{func() io.Reader { return strings.NewReader(dump) }, 40, "fn's error stops the dump at once"},
	}
	for _, tt := range tests {
		want, wantErr := read(tt.reader(), 1, tt.stopAt)
		if len(want) < 30 {
			t.Fatalf("%s: %d records read by one goroutine: the case does not test", tt.reason, len(want))
		}
		for _, workers := range []int{2, 4, 16} {
			got, err := read(tt.reader(), workers, tt.stopAt)
			if !errors.Is(err, wantErr) || (err == nil) != (wantErr == nil) {
				t.Errorf("%s, %d workers: error %v, one goroutine gives %v", tt.reason, workers, err, wantErr)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s, %d workers: %d records differ from one goroutine's %d", tt.reason, workers, len(got), len(want))
			}
		}
	}
}
