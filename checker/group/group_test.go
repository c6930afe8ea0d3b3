package group

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/sources"
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
		{"an opener joins the name that follows it", "Tremal Biotech employs 15,687 people.", []string{"tremal", "biotech", "#15687"}},
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

// firstOf is the first n articles, in order of publication, of a
// generated feed, less the word-for-word copies a batch merges first.
func firstOf(t testing.TB, seed uint64, n int) (arts []*checker.Article, truth []int) {
	t.Helper()
	ids := map[string]int{}
	enough := errors.New("enough")
	err := newsgen.New(seed).Corpus(newsgen.CorpusOptions{Events: n/5 + 100}, func(a newsgen.CorpusArticle) error {
		if len(arts) == n {
			return enough
		}
		if a.DuplicateOf != "" {
			return nil
		}
		at, err := time.Parse(time.RFC3339, a.Published)
		if err != nil {
			return err
		}
		arts = append(arts, article(a.Title, a.Text, at))
		if _, ok := ids[a.Event]; !ok {
			ids[a.Event] = len(ids)
		}
		truth = append(truth, ids[a.Event])
		return nil
	})
	if err != nil && !errors.Is(err, enough) {
		t.Fatal(err)
	}
	return arts, truth
}

// TestGroupsSmallCorpora is issue 17's third item: the grouping holds
// for a newsroom's afternoon run of a few articles, and for a corpus of
// one story, as well as for a year's feed.
func TestGroupsSmallCorpora(t *testing.T) {
	cases := []struct {
		reason string
		corpus func(t *testing.T) (arts []*checker.Article, truth []int)
	}{
		{"the seed event's 5 articles are one event: in a corpus of five, every name is in a share of the articles no feed of many events would give it, and only the background tells Meta and Alexandr Wang from Officials",
			func(t *testing.T) ([]*checker.Article, []int) {
				var arts []*checker.Article
				err := sources.Stream([]string{filepath.Join("..", "..", "fixtures", "meta-scale")}, sources.Options{}, func(r sources.Record) error {
					if r.Err == nil {
						arts = append(arts, r.Article)
					}
					return nil
				})
				if err != nil || len(arts) != 5 {
					t.Fatalf("fixtures/meta-scale: %d articles, %v", len(arts), err)
				}
				return arts, make([]int, len(arts))
			}},
		{"the first 10 articles of a feed are 10 events begun minutes apart: two wildfires share Wildfire, Firefighters and Containment, which open sentences and are no names",
			func(t *testing.T) ([]*checker.Article, []int) { return firstOf(t, 1, 10) }},
		{"the first 50 articles: a few events with several articles each, and singletons",
			func(t *testing.T) ([]*checker.Article, []int) { return firstOf(t, 5, 50) }},
		{"2,000 articles of one story are one event: their names are in every article, which makes them common among articles but not among events",
			func(t *testing.T) ([]*checker.Article, []int) {
				ev := newsgen.New(9).Event("story", 2000)
				day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
				var arts []*checker.Article
				for i, d := range ev.Docs {
					arts = append(arts, article("", d.Text, day.Add(time.Duration(i)*time.Second)))
				}
				return arts, make([]int, len(arts))
			}},
	}
	for _, c := range cases {
		arts, truth := c.corpus(t)
		g := New(Options{})
		for _, a := range arts {
			g.Add(a)
		}
		got := g.Groups()
		if p, r, f1 := Pairwise(got, truth); f1 < 1 {
			t.Errorf("%s: pairwise P %.3f R %.3f F1 %.3f over %d articles in %d groups, want every event whole and apart", c.reason, p, r, f1, len(got), groups(got))
		}
	}
}

func groups(labels []int) int {
	n := 0
	for i, l := range labels {
		if l == i {
			n++
		}
	}
	return n
}

func TestEachFigure(t *testing.T) {
	cases := []struct {
		reason, text string
		want         []string
	}{
		{"thousands separators go", "15,687 people", []string{"#15687"}},
		{"a decimal point stays", "$14.3 billion and $143 million", []string{"#14.3", "#143"}},
		{"a year is no figure: two events of one year share it by chance", "In 2021 it paid 1,999", []string{"#1999"}},
		{"a hyphen ends a figure, a comma inside one goes", "2,500-strong and 12,5", []string{"#2500", "#125"}},
		{"a figure of one or two digits is in any number of stories", "49% of 10 firms, 3.5 times", nil},
		{"a full stop after a figure ends it", "It rose to 1,200.", []string{"#1200"}},
		{"points that group thousands go too, so either convention keys one figure", "2.500.000 and 2,500,000", []string{"#2500000", "#2500000"}},
	}
	for _, c := range cases {
		var got []string
		eachFigure(c.text, func(f string) { got = append(got, f) })
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: %q gave %q, want %q", c.reason, c.text, got, c.want)
		}
	}
}

func TestReadBackground(t *testing.T) {
	cases := []struct {
		reason, table, err string
	}{
		{"a table WriteBackground writes", "# c\ndocuments 3\nfoo\t2\t1\n#12\t1\t0\n", ""},
		{"the count of documents comes first", "foo\t2\t1\n", "documents N"},
		{"more documents with a word than there are", "documents 3\nfoo\t4\t1\n", "documents ≤ 3"},
		{"more in lower case than at all", "documents 3\nfoo\t1\t2\n", "lower-case"},
		{"a word twice, in two cases", "documents 3\nfoo\t1\t1\nFoo\t1\t0\n", "listed twice"},
		{"a column missing", "documents 3\nfoo\t1\n", "tab-separated"},
		{"nothing at all", "", "no \"documents N\""},
	}
	for _, c := range cases {
		_, err := ReadBackground(strings.NewReader(c.table))
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.reason, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one saying %q", c.reason, err, c.err)
		}
	}
	// The committed table reads, and says what the grouping leans on.
	bg := DefaultBackground()
	for _, w := range []string{"officials", "capital", "Officials’s"} {
		if bg.DF(w) == 0 {
			t.Errorf("the committed background has no %q", w)
		}
	}
	if bg.DF("velmora") != 0 {
		t.Error("the committed background knows an invented name")
	}
}

func TestWriteBackground(t *testing.T) {
	var b strings.Builder
	docs := []string{"The jury met. Jury duty, 1,500 hours.", "The Jury's 1500 days", "Nothing here"}
	if err := WriteBackground(&b, []string{"test"}, docs, 2); err != nil {
		t.Fatal(err)
	}
	want := "# test\ndocuments 3\n#1500\t2\t0\njury\t2\t1\nthe\t2\t0\n"
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
}
