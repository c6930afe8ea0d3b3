// Package nearcopy gathers the pairs of near copies that
// sources.Syndicated finds (wire copy run by several outlets) into
// groups, and marks them on a report, in time linear in the pairs: a
// group of n copies is n(n-1)/2 pairs, so anything done per pair per
// source is cubic in the group.
package nearcopy

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/sources"
)

// A Group is a set of articles each of which is a near copy of another
// in the set: a connected component of the pairs.
type Group struct {
	IDs []string // sorted
	// Low and High are the least and the greatest similarity of the
	// group's pairs.
	Low, High float64
}

// Groups returns the groups the pairs make, sorted by their first ID.
func Groups(pairs []sources.Syndication) []Group {
	index := map[string]int{}
	var ids []string
	var parent []int
	node := func(id string) int {
		i, ok := index[id]
		if !ok {
			i = len(ids)
			index[id] = i
			ids = append(ids, id)
			parent = append(parent, i)
		}
		return i
	}
	root := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]] // path halving
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		a, b := root(node(p.A)), root(node(p.B))
		if a != b {
			parent[b] = a
		}
	}
	byRoot := map[int]*Group{}
	for _, p := range pairs {
		r := root(index[p.A])
		g := byRoot[r]
		if g == nil {
			g = &Group{Low: p.Similarity, High: p.Similarity}
			byRoot[r] = g
		}
		g.Low, g.High = min(g.Low, p.Similarity), max(g.High, p.Similarity)
	}
	for i, id := range ids {
		g := byRoot[root(i)]
		g.IDs = append(g.IDs, id)
	}
	groups := make([]Group, 0, len(byRoot))
	for _, g := range byRoot {
		slices.Sort(g.IDs)
		groups = append(groups, *g)
	}
	slices.SortFunc(groups, func(a, b Group) int { return strings.Compare(a.IDs[0], b.IDs[0]) })
	return groups
}

// Mark lists on each source of r the sources it is a near copy of, in the
// order of the pairs, as r.MarkSyndicated does pair by pair, but in one
// pass over r's sources.
func Mark(r *checker.Report, pairs []sources.Syndication) {
	if len(pairs) == 0 {
		return
	}
	with := map[string][]string{}
	for _, p := range pairs {
		with[p.A] = append(with[p.A], p.B)
		with[p.B] = append(with[p.B], p.A)
	}
	for i := range r.Sources {
		s := &r.Sources[i]
		s.SyndicatedWith = append(s.SyndicatedWith, with[s.ID]...)
	}
}
