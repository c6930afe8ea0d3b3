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
