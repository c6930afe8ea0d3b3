package nearcopy

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

func pair(a, b string, s float64) sources.Syndication {
	return sources.Syndication{A: a, B: b, Similarity: s}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		pairs  []sources.Syndication
		want   []Group
		reason string
	}{
		{nil, []Group{}, "no pairs, no groups"},
		{[]sources.Syndication{pair("b", "a", 0.8)}, []Group{{[]string{"a", "b"}, 0.8, 0.8}}, "a pair is a group of two, its IDs sorted"},
		{[]sources.Syndication{pair("a", "b", 0.9), pair("a", "c", 0.7), pair("b", "c", 0.8)}, []Group{{[]string{"a", "b", "c"}, 0.7, 0.9}}, "three copies of one another are one group, not three pairs"},
		{[]sources.Syndication{pair("a", "b", 0.9), pair("c", "d", 0.7), pair("b", "e", 0.6)}, []Group{{[]string{"a", "b", "e"}, 0.6, 0.9}, {[]string{"c", "d"}, 0.7, 0.7}}, "a chain is one group; another story is another, each with its own range"},
		{[]sources.Syndication{pair("z", "y", 0.9), pair("b", "c", 0.7)}, []Group{{[]string{"b", "c"}, 0.7, 0.7}, {[]string{"y", "z"}, 0.9, 0.9}}, "groups sorted by their first ID, whatever the order of the pairs"},
		{[]sources.Syndication{pair("a", "b", 0.9), pair("c", "d", 0.7), pair("d", "a", 0.65)}, []Group{{[]string{"a", "b", "c", "d"}, 0.65, 0.9}}, "a later pair joins two groups"},
	}
	for _, tt := range tests {
		if got := Groups(tt.pairs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Groups(%v) = %v, want %v (%s)", tt.pairs, got, tt.want, tt.reason)
		}
	}
}

// TestMarkAsMarkSyndicated: Mark lists the same near copies, in the same
// order, as checker's MarkSyndicated called pair by pair.
func TestMarkAsMarkSyndicated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 50 {
		n := 2 + rng.IntN(12)
		var srcs []checker.SourceInfo
		for i := range n {
			srcs = append(srcs, checker.SourceInfo{ID: fmt.Sprintf("s%d", i)})
		}
		var pairs []sources.Syndication
		for i := range n {
			for j := i + 1; j < n; j++ {
				if rng.IntN(3) == 0 {
					pairs = append(pairs, pair(srcs[i].ID, srcs[j].ID, 0.6+0.4*rng.Float64()))
				}
			}
		}
		want := &checker.Report{Sources: append([]checker.SourceInfo(nil), srcs...)}
		for _, p := range pairs {
			want.MarkSyndicated(p.A, p.B)
		}
		got := &checker.Report{Sources: append([]checker.SourceInfo(nil), srcs...)}
		Mark(got, pairs)
		if !reflect.DeepEqual(got.Sources, want.Sources) {
			t.Fatalf("trial %d, pairs %v:\nMark           %+v\nMarkSyndicated %+v", trial, pairs, got.Sources, want.Sources)
		}
	}
}

// BenchmarkMark marks a group of 2,000 copies of one story: about two
// million pairs.
func BenchmarkMark(b *testing.B) {
	const n = 2000
	srcs := make([]checker.SourceInfo, n)
	for i := range srcs {
		srcs[i].ID = fmt.Sprintf("s%d", i)
	}
	var pairs []sources.Syndication
	for i := range n {
		for j := i + 1; j < n; j++ {
			pairs = append(pairs, pair(srcs[i].ID, srcs[j].ID, 0.9))
		}
	}
	for b.Loop() {
		r := &checker.Report{Sources: append([]checker.SourceInfo(nil), srcs...)}
		Mark(r, pairs)
		Groups(pairs)
	}
}
