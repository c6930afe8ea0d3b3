// Command fitgroup fits the grouping's threshold and background prior
// (checker/group/fit.json) to labelled corpora: slices of 5 to 1,000
// articles of generated corpora, as a run over part of a day's feed would
// hold them; one story told by 300 outlets; the fixture events in one
// corpus; and the independent dev clusters (../shared/devsets/clusters)
// in one corpus. It keeps the parameters that give the best mean pairwise
// F1 (group.FitOptions). The real-news dev set is left out: it measures
// the fit (BenchmarkGrouping), it does not make it.
//
//	go run ./cmd/fitgroup            # or: make fitgroup
//
// A test holds the committed fit to what this program writes.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/group"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/sources"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "fitgroup:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fitgroup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the repository's directory")
	clusters := fs.String("clusters", filepath.Join("..", "shared", "devsets", "clusters"), "the dev clusters' directory")
	out := fs.String("o", filepath.Join("checker", "group", "fit.json"), `file to write ("-" for stdout)`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, err := Build(*root, *clusters)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(data)
		return err
	}
	return renameio.WriteFile(*out, data, 0o644)
}

// Build fits the grouping to the corpora and returns fit.json.
func Build(root, clusters string) ([]byte, error) {
	corpora, err := Corpora(root, clusters)
	if err != nil {
		return nil, err
	}
	fit, err := group.FitOptions(corpora, group.Options{})
	if err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(fit, "", "  ")
	return append(data, '\n'), err
}

// Corpora are the corpora the grouping is fitted on.
func Corpora(root, clusters string) ([]group.Corpus, error) {
	var cs []group.Corpus
	for _, s := range []struct {
		seed uint64
		n    []int
	}{{2, []int{5, 10, 20, 50, 100, 200, 1000}}, {3, []int{10, 50}}} {
		for _, n := range s.n {
			cs = append(cs, Generated(s.seed, n))
		}
	}
	cs = append(cs, OneStory(4, 300))
	fx, err := Directory("fixtures", filepath.Join(root, "fixtures"))
	if err != nil {
		return nil, err
	}
	cl, err := Directory("clusters", clusters)
	if err != nil {
		return nil, err
	}
	return append(cs, fx, cl), nil
}

var errEnough = errors.New("enough articles")

// Generated is the first n articles, in order of publication, of a
// generated corpus, less the word-for-word copies a batch merges before
// grouping.
func Generated(seed uint64, n int) group.Corpus {
	c := group.Corpus{Name: fmt.Sprintf("generated seed %d, first %d", seed, n)}
	ids := map[string]int{}
	_ = newsgen.New(seed).Corpus(newsgen.CorpusOptions{Events: n/5 + 100}, func(a newsgen.CorpusArticle) error {
		if len(c.Articles) == n {
			return errEnough
		}
		if a.DuplicateOf != "" {
			return nil
		}
		at, err := time.Parse(time.RFC3339, a.Published)
		if err != nil {
			return err
		}
		c.Articles = append(c.Articles, article(a.Title, a.Text, at))
		c.Truth = append(c.Truth, label(ids, a.Event))
		return nil
	})
	return c
}

// OneStory is one generated event told by n outlets on one day.
func OneStory(seed uint64, n int) group.Corpus {
	c := group.Corpus{Name: fmt.Sprintf("one story, %d outlets", n)}
	ev := newsgen.New(seed).Event("story", n)
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i, d := range ev.Docs {
		c.Articles = append(c.Articles, article("", d.Text, day.Add(time.Duration(i)*time.Minute)))
		c.Truth = append(c.Truth, 0)
	}
	return c
}

// Directory reads the articles under dir, each subdirectory one event; a
// subdirectory named …-html is the HTML copy of another and is left out,
// as a batch merges its copies.
func Directory(name, dir string) (group.Corpus, error) {
	c := group.Corpus{Name: name}
	ids := map[string]int{}
	err := sources.Stream([]string{dir}, sources.Options{}, func(r sources.Record) error {
		if r.Err != nil {
			return nil // what is no article (expected.json) is no event's
		}
		ev := filepath.Base(filepath.Dir(r.Key))
		if strings.HasSuffix(ev, "-html") {
			return nil
		}
		a := *r.Article
		a.Event = ""
		c.Articles = append(c.Articles, &a)
		c.Truth = append(c.Truth, label(ids, ev))
		return nil
	})
	if err == nil && len(c.Articles) == 0 {
		err = fmt.Errorf("%s: no articles", dir)
	}
	return c, err
}

func label(ids map[string]int, ev string) int {
	if _, ok := ids[ev]; !ok {
		ids[ev] = len(ids)
	}
	return ids[ev]
}

func article(title, text string, at time.Time) *checker.Article {
	a := &checker.Article{Title: title, Published: at}
	for _, p := range strings.Split(text, "\n\n") {
		a.Paragraphs = append(a.Paragraphs, checker.Paragraph{Text: p})
	}
	return a
}
