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
