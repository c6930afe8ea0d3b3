package group

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
)

func article(title, text string, at time.Time) *checker.Article {
	a := &checker.Article{Title: title, Published: at}
	for _, p := range strings.Split(text, "\n\n") {
		a.Paragraphs = append(a.Paragraphs, checker.Paragraph{Text: p})
	}
	return a
}

// corpus groups a generated corpus and returns the grouping and the truth.
func corpus(t testing.TB, events int, opt Options) (got, truth []int) {
	t.Helper()
	g := New(opt)
	ids := map[string]int{}
	err := newsgen.New(7).Corpus(newsgen.CorpusOptions{Events: events, PerDay: 200}, func(a newsgen.CorpusArticle) error {
		at, err := time.Parse(time.RFC3339, a.Published)
		if err != nil {
			return err
		}
		g.Add(article(a.Title, a.Text, at))
		if _, ok := ids[a.Event]; !ok {
			ids[a.Event] = len(ids)
		}
		truth = append(truth, ids[a.Event])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return g.Groups(), truth
}

// TestGroupsGeneratedCorpus is the target on a corpus small
// enough for a unit test: events of the same kind (two earthquakes) are
// told apart by their names, and an event's articles are found although
// each states a different subset of its facts.
func TestGroupsGeneratedCorpus(t *testing.T) {
	got, truth := corpus(t, 600, Options{})
	p, r, f1 := Pairwise(got, truth)
	t.Logf("%d articles: pairwise P %.4f R %.4f F1 %.4f", len(got), p, r, f1)
	if f1 < 0.95 {
		t.Errorf("grouping F1 %.3f (P %.3f R %.3f), want ≥ 0.95", f1, p, r)
	}
}

func TestGroupsByRule(t *testing.T) {
	day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		reason string
		arts   []*checker.Article
		want   []int
	}{
		{"the same rare names on the same day are one event",
			[]*checker.Article{
				article("Velmora Capital buys stake in Trask Robotics", "Velmora Capital will pay $2bn for Trask Robotics.", day),
				article("Trask Robotics sells stake", "Velmora Capital is investing in Trask Robotics, the companies said on Monday.", day.Add(3*time.Hour)),
			}, []int{0, 0}},
		{"the same names weeks apart are two events",
			[]*checker.Article{
				article("Velmora Capital buys stake in Trask Robotics", "Velmora Capital will pay $2bn for Trask Robotics.", day),
				article("Velmora Capital buys stake in Trask Robotics", "Velmora Capital will pay $2bn for Trask Robotics.", day.Add(30*24*time.Hour)),
			}, []int{0, 1}},
		{"sharing only a weekday and sentence openers is no link",
			[]*checker.Article{
				article("Earthquake strikes", "The quake struck near Osaka on Monday. Officials said 40 people died.", day),
				article("Wildfire spreads", "The fire near Calgary grew on Monday. Officials said 40 homes burned.", day),
			}, []int{0, 1}},
		{"an input's own event name wins over the text",
			[]*checker.Article{
				{Title: "A", Event: "e1", Paragraphs: []checker.Paragraph{{Text: "Velmora Capital and Trask Robotics."}}},
				{Title: "B", Event: "e2", Paragraphs: []checker.Paragraph{{Text: "Velmora Capital and Trask Robotics."}}},
				{Title: "C", Event: "e1", Paragraphs: []checker.Paragraph{{Text: "Nothing in common."}}},
			}, []int{0, 1, 0}},
		{"an article with no names is an event of its own",
			[]*checker.Article{
				article("", "prices rose.", day),
				article("", "prices rose.", day),
			}, []int{0, 1}},
	}
	for _, c := range cases {
		g := New(Options{})
		for _, a := range c.arts {
			g.Add(a)
		}
		got := g.Groups()
		if len(got) != len(c.want) {
			t.Fatalf("%s: %d labels for %d articles", c.reason, len(got), len(c.want))
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.reason, got, c.want)
				break
			}
		}
	}
}

func TestNames(t *testing.T) {
	cases := []struct {
		reason, text string
		want         []string
	}{
		{"an opener joins the name that follows it", "Tremal Biotech employs 15,687 people.", []string{"tremal", "biotech"}},
		{"an opener alone is not sure to be a name", "Officials said Bizoux was hit.", []string{"bizoux", "officials?"}},
		{"a lone opener is held for the corpus to decide", "Lenholt mourns. The toll rose.", []string{"lenholt?"}},
		{"weekdays and months are not names", "On Monday in March, Velmora said.", []string{"velmora"}},
		{"a figure breaks a run", "In 2009 a quake near Bizoux killed people.", []string{"bizoux"}},
		{"accents are lower-cased too", "The fire reached Ñandú Park.", []string{"ñandú", "park"}},
	}
	for _, c := range cases {
		want := map[uint64]string{}
		for _, w := range c.want {
			var h uint64 = 14695981039346656037
			kind := "name"
			if strings.HasSuffix(w, "?") {
				w, kind = strings.TrimSuffix(w, "?"), "opener"
			}
			for _, b := range []byte(w) {
				h = (h ^ uint64(b)) * 1099511628211
			}
			want[h] = kind
		}
		var got []uint64
		names(c.text, func(h uint64, k wordKind) {
			switch {
			case k == lowerWord:
			case want[h] == "name" && k != nameWord, want[h] == "opener" && k != openerWord:
				t.Errorf("%s: %q: a word of %v came as kind %d", c.reason, c.text, c.want, k)
			default:
				got = append(got, h)
			}
		})
		if len(got) != len(want) {
			t.Errorf("%s: %q gave %d names, want %v", c.reason, c.text, len(got), c.want)
			continue
		}
		for _, h := range got {
			if _, ok := want[h]; !ok {
				t.Errorf("%s: %q gave a name not in %v", c.reason, c.text, c.want)
			}
		}
	}
}

func TestPairwise(t *testing.T) {
	cases := []struct {
		reason     string
		got, truth []int
		p, r, f1   float64
	}{
		{"identical", []int{0, 0, 1}, []int{5, 5, 6}, 1, 1, 1},
		{"all merged: every true pair found, one in three right", []int{0, 0, 0}, []int{0, 0, 1}, 1.0 / 3, 1, 0.5},
		{"all split: nothing wrong, nothing found", []int{0, 1, 2}, []int{0, 0, 1}, 1, 0, 0},
	}
	for _, c := range cases {
		p, r, f1 := Pairwise(c.got, c.truth)
		if abs64(p-c.p) > 1e-9 || abs64(r-c.r) > 1e-9 || abs64(f1-c.f1) > 1e-9 {
			t.Errorf("%s: P %v R %v F1 %v, want %v %v %v", c.reason, p, r, f1, c.p, c.r, c.f1)
		}
	}
}

func abs64(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func BenchmarkGroup(b *testing.B) {
	for b.Loop() {
		got, truth := corpus(b, 2000, Options{})
		_, _, f1 := Pairwise(got, truth)
		b.ReportMetric(f1, "F1")
		b.ReportMetric(float64(len(got)), "articles")
	}
}

// TestLowerWordsAllKept checks that the words a Grouper records as
// written in lower case are every one names finds, whatever its cache of
// recent words lets it skip: here three times as many words as the cache
// holds, each met several times, in articles of a generated corpus and
// of invented words.
func TestLowerWordsAllKept(t *testing.T) {
	g := New(Options{})
	want := map[uint64]struct{}{}
	add := func(a *checker.Article) {
		g.Add(a)
		for _, s := range append([]string{a.Title}, paragraphTexts(a)...) {
			names(s, func(h uint64, k wordKind) {
				if k == lowerWord {
					want[h] = struct{}{}
				}
			})
		}
	}
	err := newsgen.New(4).Corpus(newsgen.CorpusOptions{Events: 50, ArticleBytes: 4000}, func(a newsgen.CorpusArticle) error {
		add(article(a.Title, a.Text, time.Time{}))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	word := func(n int) string { // n in letters, base 26
		var b []byte
		for ; n > 0 || len(b) == 0; n /= 26 {
			b = append(b, byte('a'+n%26))
		}
		return string(b)
	}
	for round := range 3 {
		var b strings.Builder
		for i := range 3 * lowerSeenSize {
			b.WriteString(word((i*7919 + round*104729) % (3 * lowerSeenSize)))
			b.WriteByte(' ')
		}
		add(article("invented words", b.String(), time.Time{}))
	}
	if len(want) < 3*lowerSeenSize {
		t.Fatalf("%d lower-case words: fewer than three times the cache, the test does not test", len(want))
	}
	if len(g.lower) != len(want) {
		t.Fatalf("the Grouper kept %d lower-case words, names finds %d", len(g.lower), len(want))
	}
	for h := range want {
		if _, ok := g.lower[h]; !ok {
			t.Fatalf("word hash %x found but not kept", h)
		}
	}
}

func paragraphTexts(a *checker.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}
