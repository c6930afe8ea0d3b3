package batch

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/sources"
	"github.com/crosscheck/crosscheck/sources/sourcestest"
)

const wireFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Velmora Capital buys Harbor</title><link>https://wire.example.com/1</link>
<pubDate>sometime on Tuesday</pubDate>
<description>Velmora Capital agreed to pay €2.4bn for Harbor Systems, the companies said on Monday.</description></item>
<item><title>Velmora Capital pays €2.5bn</title><link>https://wire.example.com/2</link>
<pubDate>Tue, 10 Jun 2025 18:20:00 GMT</pubDate>
<description>Velmora Capital agreed to pay €2.5bn for Harbor Systems, the companies said on Tuesday.</description></item>
</channel></rss>`

// operatorCorpus lays out the "done when" corpus in dir/corpus:
// a generated dump with bad lines and one line over the size limit, a
// subdirectory the test locks, a FIFO, a symbolic link loop and a feed
// with an item whose date cannot be read. It returns how many records
// the corpus has (every non-blank line, feed item and name skipped) and
// the number of the dump's last line, which follows the oversized one.
func operatorCorpus(t *testing.T, dir string, limit int) (records, last int) {
	t.Helper()
	dump, err := os.ReadFile(corpus(t, 20))
	if err != nil {
		t.Fatal(err)
	}
	top := filepath.Join(dir, "corpus")
	locked := filepath.Join(top, "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	long, _ := json.Marshal(map[string]string{"id": "long", "text": strings.Repeat("Velmora Capital paid $2bn. ", limit/10)})
	dump = append(dump, "{\"id\":\"bad\",\"txet\":\"a misspelt key\"}\n"...)
	dump = append(append(dump, long...), '\n')
	dump = append(dump, `{"id":"after-long","text":"Velmora Capital agreed to pay $2bn for Harbor Systems, its chief executive said."}`+"\n"...)
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(top, "dump.jsonl"), dump)
	write(filepath.Join(locked, "hidden-by-the-lock.txt"), []byte("Velmora Capital paid $2bn.\n"))
	write(filepath.Join(top, "wire.xml"), []byte(wireFeed))
	if err := syscall.Mkfifo(filepath.Join(top, "incoming.jsonl"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink(".", filepath.Join(top, "loop")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	lines := 0
	for line := range bytes.Lines(dump) {
		if len(bytes.TrimSpace(line)) > 0 {
			lines++
		}
	}
	// The dump's lines, the feed's 2 items; the locked directory, the
	// FIFO and the loop.
	return lines + 2 + 3, bytes.Count(dump, []byte("\n"))
}

// runWithin runs a batch and fails the test if it does not finish in a
// while: a FIFO opened for reading blocks until a writer comes.
func runWithin(t *testing.T, opt Options) (*Summary, error) {
	t.Helper()
	type result struct {
		sum *Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := Run(opt)
		done <- result{sum, err}
	}()
	select {
	case r := <-done:
		return r.sum, r.err
	case <-time.After(2 * time.Minute):
		t.Fatal("the batch hangs")
		return nil, nil
	}
}

// TestOperatorCorpus is the "done when": a batch over a
// directory with an unreadable subdirectory, a FIFO, a symbolic link
// loop, bad JSONL lines and one oversized line finishes, exits 0, and
// accounts in summary.json for every record, each skip with its reason.
func TestOperatorCorpus(t *testing.T) {
	dir := t.TempDir()
	const limit = 64 << 10
	records, last := operatorCorpus(t, dir, limit)
	t.Chdir(dir)
	since := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		since  time.Time
		want   map[string]int
		reason string
	}{
		{"since", since, map[string]int{
			"bad JSONL line":                            2, // the generated one, and the misspelt key
			"published before --since":                  1,
			"file too large":                            1,
			"directory cannot be read":                  1,
			"not a regular file":                        1,
			"symbolic link to a directory already read": 1,
			"unreadable publication date":               1,
		}, "with --since, a feed item whose date cannot be read cannot be placed: it is skipped with the reason"},
		{"no since", time.Time{}, map[string]int{
			"bad JSONL line":                            2,
			"file too large":                            1,
			"directory cannot be read":                  1,
			"not a regular file":                        1,
			"symbolic link to a directory already read": 1,
		}, "without --since, the undated item is read, with a warning in its record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tt.name, " ", "-"))
			sum, err := runWithin(t, Options{
				Inputs: []string{"corpus"}, Dir: out, Since: tt.since, Jobs: 2,
				Sources: sources.Options{MaxSize: limit, FS: sourcestest.LockedFS{FS: os.DirFS("."), Locked: map[string]bool{"corpus/locked": true}}},
			})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkAccounts(t, sum)
			if sum.Articles.Records != records {
				t.Errorf("%d records, want %d: every line, item and skipped name (%s)", sum.Articles.Records, records, tt.reason)
			}
			if !maps.Equal(sum.Skipped, tt.want) {
				t.Errorf("skip reasons\n %v\nwant\n %v (%s)", sum.Skipped, tt.want, tt.reason)
			}
			a, err := ReadAssignment(filepath.Join(out, AssignFile))
			if err != nil {
				t.Fatal(err)
			}
			byKey := map[string]Record{}
			for _, r := range a.Records {
				byKey[r.Key] = r
			}
			if r := byKey["corpus/dump.jsonl:"+strconv.Itoa(last)]; r.Event == "" || r.ID != "after-long" {
				t.Errorf("the line after the oversized one: %+v, want it read into an event", r)
			}
			item := byKey["corpus/wire.xml#1"]
			if tt.since.IsZero() {
				if item.Skipped || !strings.Contains(item.Warning, `unreadable publication date: "sometime on Tuesday"`) {
					t.Errorf("undated item without --since: %+v, want it read, its record warning of the date", item)
				}
			} else if !item.Skipped || !strings.Contains(item.Reason, "cannot tell whether it is before --since") {
				t.Errorf("undated item with --since: %+v, want it skipped, saying why", item)
			}
			var keys []string
			for _, r := range a.Records {
				if r.Skipped && !strings.HasPrefix(r.Key, "corpus/dump.jsonl") {
					keys = append(keys, r.Key)
				}
			}
			want := []string{"corpus/incoming.jsonl", "corpus/locked", "corpus/loop"}
			if !tt.since.IsZero() {
				want = append(want, "corpus/wire.xml#1")
			}
			if !slices.Equal(keys, want) {
				t.Errorf("skipped records outside the dump %q, want %q", keys, want)
			}
		})
	}
}

// TestNamedPipeInput: a FIFO given as --input is refused at once, by
// name: a batch reads its inputs twice, and a FIFO only once.
func TestNamedPipeInput(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "dump.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	_, err := runWithin(t, Options{Inputs: []string{fifo}, Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), fifo+": a named pipe cannot be read twice") {
		t.Errorf("Run: %v, want the FIFO refused by name", err)
	}
}

// TestRecordUnreadableAfterGrouping: a record read when the corpus was
// grouped and unreadable when it is checked (a permission changed in
// between) stops the run with an error naming it, not a panic.
func TestRecordUnreadableAfterGrouping(t *testing.T) {
	t.Chdir(t.TempDir())
	story := "Orvane agreed to buy Pellix Labs of Varnholm for $%s billion on Monday, Orvane said in Varnholm.\n\nPellix Labs employs 900 people in Varnholm.\n"
	if err := os.MkdirAll("corpus", 0o755); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"a.txt": "2.4", "b.txt": "2.5"} {
		if err := os.WriteFile(filepath.Join("corpus", name), []byte(fmt.Sprintf(story, v)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := runWithin(t, Options{Inputs: []string{"corpus"}, Dir: "first", Jobs: 1}); err != nil {
		t.Fatalf("first run: %v", err)
	}
	_, err := runWithin(t, Options{
		Inputs: []string{"corpus"}, Dir: "second", Jobs: 1, Assign: filepath.Join("first", AssignFile),
		Sources: sources.Options{FS: sourcestest.LockedFS{FS: os.DirFS("."), Locked: map[string]bool{"corpus/b.txt": true}}},
	})
	if err == nil || !strings.Contains(err.Error(), "corpus/b.txt") || !strings.Contains(err.Error(), "can no longer be read") {
		t.Errorf("second run: %v, want an error naming corpus/b.txt as no longer readable", err)
	}
}
