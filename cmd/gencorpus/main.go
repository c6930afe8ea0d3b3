// Command gencorpus writes a deterministic news corpus for crosscheck's
// batch benchmarks: articles about many synthetic events (deals,
// earthquakes, layoffs, wildfires) from several outlets each, with
// disagreements planted among them, in order of publication, as JSONL
// that `crosscheck batch --input` reads. The event each article is about
// is left out of the records and written to a separate truth file, so a
// grouping can be scored against it.
//
//	go run ./cmd/gencorpus -events 2000 -articles 8 -o corpus.jsonl -truth truth.jsonl
//
// -article-bytes 4000 pads each article to a real one's size with
// background prose that adds no figures and no names.
//
// About one event in ten is a singleton (one article) and one article in
// 50 is republished word for word by a second outlet.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker/newsgen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
		}
		os.Exit(2)
	}
}

// truthRecord is a line of the truth file.
type truthRecord struct {
	ID          string `json:"id"`
	Event       string `json:"event"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	events := fs.Int("events", 2000, "how many events")
	perEvent := fs.Int("articles", 8, "mean articles an event (of those reported more than once)")
	perDay := fs.Int("per-day", 400, "events that begin each day")
	seed := fs.Uint64("seed", 1, "the generator's seed: the same seed gives the same corpus")
	articleBytes := fs.Int("article-bytes", 0, "pad each article with background prose (no figures, no names) to about this many bytes, a real article's size being about 4000; 0 leaves the generator's 600-byte reports")
	out := fs.String("o", "-", "the corpus file (JSONL), or - for standard output")
	truth := fs.String("truth", "", "write each article's event to this JSONL file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *events < 1 || *perEvent < 2 || *perDay < 1 || *articleBytes < 0 {
		return errors.New("-events and -per-day must be at least 1, -articles at least 2, -article-bytes at least 0")
	}
	corpus, err := create(*out, stdout)
	if err != nil {
		return err
	}
	defer corpus.Cleanup()
	var truthFile *output
	if *truth != "" {
		if truthFile, err = create(*truth, nil); err != nil {
			return err
		}
		defer truthFile.Cleanup()
	}
	enc := json.NewEncoder(corpus.w)
	enc.SetEscapeHTML(false)
	var tenc *json.Encoder
	if truthFile != nil {
		tenc = json.NewEncoder(truthFile.w)
	}
	n := 0
	err = newsgen.New(*seed).Corpus(newsgen.CorpusOptions{Events: *events, PerEvent: *perEvent, PerDay: *perDay, ArticleBytes: *articleBytes}, func(a newsgen.CorpusArticle) error {
		n++
		if err := enc.Encode(a); err != nil {
			return err
		}
		if tenc != nil {
			return tenc.Encode(truthRecord{ID: a.ID, Event: a.Event, DuplicateOf: a.DuplicateOf})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", *out, err)
	}
	if err := corpus.Close(); err != nil {
		return err
	}
	if truthFile != nil {
		if err := truthFile.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "gencorpus: %d articles about %d events\n", n, *events)
	return nil
}

// output is a buffered file written atomically, or standard output.
type output struct {
	name string
	w    *bufio.Writer
	f    *renameio.PendingFile
}

func create(name string, stdout io.Writer) (*output, error) {
	if name == "-" && stdout != nil {
		return &output{name: name, w: bufio.NewWriterSize(stdout, 1<<20)}, nil
	}
	f, err := renameio.NewPendingFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &output{name: name, w: bufio.NewWriterSize(f, 1<<20), f: f}, nil
}

// Close flushes the output and puts the file in place.
func (o *output) Close() error {
	if err := o.w.Flush(); err != nil {
		return fmt.Errorf("%s: %w", o.name, err)
	}
	if o.f != nil {
		if err := o.f.CloseAtomicallyReplace(); err != nil {
			return fmt.Errorf("%s: %w", o.name, err)
		}
	}
	return nil
}

// Cleanup removes a file that was not closed.
func (o *output) Cleanup() {
	if o.f != nil {
		_ = o.f.Cleanup()
	}
}
