package newsgen

import (
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, b := New(7).Text(20000), New(7).Text(20000)
	if a != b {
		t.Fatal("the same seed gave two texts")
	}
	if New(8).Text(20000) == a {
		t.Fatal("two seeds gave the same text")
	}
	if len(a) < 20000 {
		t.Fatalf("Text(20000) wrote %d bytes", len(a))
	}
}

func TestGoldIsInTheText(t *testing.T) {
	g := New(1)
	for i := 0; i < 2000; i++ {
		s := g.Sentence()
		from := 0
		for _, q := range s.Gold {
			k := strings.Index(s.Text[from:], q.Text)
			if k < 0 {
				t.Fatalf("gold %q not in order in %q", q.Text, s.Text)
			}
			from += k + len(q.Text)
			if q.Low > q.High {
				t.Fatalf("gold %q: low %v above high %v", q.Text, q.Low, q.High)
			}
		}
	}
}

func TestEventDeterministic(t *testing.T) {
	a, b := New(5).Event("e", 4), New(5).Event("e", 4)
	if len(a.Docs) != 4 || len(b.Docs) != 4 {
		t.Fatalf("docs %d and %d, want 4", len(a.Docs), len(b.Docs))
	}
	for i := range a.Docs {
		if a.Docs[i] != b.Docs[i] {
			t.Fatalf("doc %d differs between two runs of one seed", i)
		}
	}
}

// TestEventPlanted checks the truth against the text: every planted
// disagreement's wrong outlet exists, and the outlets differ, over many
// events of every kind.
func TestEventPlanted(t *testing.T) {
	g := New(11)
	planted := 0
	for i := range 200 {
		ev := g.Event("e", 2+i%4)
		seen := map[string]bool{}
		for _, d := range ev.Docs {
			if seen[d.Source] {
				t.Fatalf("event %d: outlet %q twice", i, d.Source)
			}
			seen[d.Source] = true
			if !strings.HasPrefix(d.Text, ev.Title+"\n\n") {
				t.Fatalf("event %d: %s does not open with the title", i, d.Source)
			}
		}
		for _, p := range ev.Planted {
			planted++
			if p.True == p.Wrong {
				t.Errorf("event %d: %s planted with equal values %v", i, p.Fact, p.True)
			}
			if len(p.Sources) != 1 || !seen[p.Sources[0]] {
				t.Errorf("event %d: %s planted in %v, not one of the outlets", i, p.Fact, p.Sources)
			}
		}
	}
	// About a third of four figures an event.
	if planted < 150 || planted > 400 {
		t.Errorf("%d planted disagreements in 200 events, want about 280", planted)
	}
}

// TestCorpus checks the properties a batch benchmark relies on: articles
// come in order of publication, each names its event, singletons and
// duplicates occur at their rates, and invented names keep two events of
// one kind apart.
func TestCorpus(t *testing.T) {
	var arts []CorpusArticle
	err := New(3).Corpus(CorpusOptions{Events: 400}, func(a CorpusArticle) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	size := map[string]int{}
	titles := map[string]string{}
	ids := map[string]bool{}
	dups := 0
	for i, a := range arts {
		if i > 0 && a.Published < arts[i-1].Published {
			t.Fatalf("article %d published %s before article %d (%s)", i, a.Published, i-1, arts[i-1].Published)
		}
		if ids[a.ID] {
			t.Fatalf("ID %s twice", a.ID)
		}
		ids[a.ID] = true
		if a.DuplicateOf != "" {
			dups++
			continue
		}
		size[a.Event]++
		if old, ok := titles[a.Event]; ok && old != a.Title {
			t.Errorf("event %s titled %q and %q", a.Event, old, a.Title)
		}
		titles[a.Event] = a.Title
	}
	if len(size) != 400 {
		t.Fatalf("%d events, want 400", len(size))
	}
	singles := 0
	for _, n := range size {
		if n == 1 {
			singles++
		}
	}
	if singles < 20 || singles > 70 {
		t.Errorf("%d of 400 events are singletons, want about 40", singles)
	}
	if dups == 0 || dups > len(arts)/20 {
		t.Errorf("%d duplicates in %d articles, want about 2%%", dups, len(arts))
	}
	byTitle := map[string]int{}
	for _, title := range titles {
		byTitle[title]++
	}
	for title, n := range byTitle {
		if n > 2 {
			t.Errorf("%d events titled %q: invented names should keep events apart", n, title)
		}
	}
	var again []CorpusArticle
	_ = New(3).Corpus(CorpusOptions{Events: 400}, func(a CorpusArticle) error {
		again = append(again, a)
		return nil
	})
	if len(again) != len(arts) || again[len(again)-1].Text != arts[len(arts)-1].Text {
		t.Error("the same seed gave a different corpus")
	}
}

func TestCorpusArticleBytes(t *testing.T) {
	tests := []struct {
		size   int
		lo, hi int // the mean article's bytes
		reason string
	}{
		{0, 300, 1200, "unpadded: the event's report and a closing line or three"},
		{4000, 3700, 4300, "padded to a real article's size"},
	}
	for _, tt := range tests {
		total, n := 0, 0
		err := New(5).Corpus(CorpusOptions{Events: 60, ArticleBytes: tt.size}, func(a CorpusArticle) error {
			total += len(a.Text)
			n++
			if tt.size > 0 && len(a.Text) < tt.size-400 {
				t.Errorf("%s: an article of %d bytes", tt.reason, len(a.Text))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if mean := total / n; mean < tt.lo || mean > tt.hi {
			t.Errorf("%s: articles of %d bytes on average, want %d–%d", tt.reason, mean, tt.lo, tt.hi)
		}
	}
}

// TestMoneyTextScale: a slip of scale is written as outlets would write
// it, the same digits under the next scale word, never "$2400bn".
func TestMoneyTextScale(t *testing.T) {
	g := New(1)
	for _, tt := range []struct {
		v      float64
		words  []string
		reason string
	}{
		{2.4e12, []string{"$2.4 trillion", "$2.4tn"}, "a billions figure a thousand times over is trillions"},
		{2.4e9, []string{"$2.4 billion", "$2.4bn"}, "billions stay billions"},
		{850e6, []string{"$850 million", "$850m"}, "millions stay millions"},
	} {
		for i := 0; i < 4; i++ {
			got := g.moneyText(tt.v, false)
			if got != tt.words[0] && got != tt.words[1] {
				t.Errorf("moneyText(%g) = %q, want one of %q (%s)", tt.v, got, tt.words, tt.reason)
			}
		}
	}
}
