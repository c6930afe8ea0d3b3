package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/nearcopy"
	"github.com/crosscheck/crosscheck/sources"
)

// A Checker checks articles against each other: a *judge.Checker, or
// a *config.Checker, which applies a configuration in full.
type Checker interface {
	Check(arts []*checker.Article) *checker.Report
}

// CheckEvent checks one event's articles against each other. It depends
// only on its arguments, so an event can be checked anywhere (another
// process, another machine) with the same result. An event of one
// article is reported unchecked.
func CheckEvent(c Checker, id, title string, arts []*checker.Article, dups []checker.DuplicateInfo) checker.EventReport {
	ev := checker.EventReport{
		SchemaVersion: checker.SchemaVersion, ID: id, Title: title, Status: checker.EventUnchecked,
		Hash: Hash(arts), Findings: []checker.Finding{}, Duplicates: dups,
	}
	if len(arts) < 2 {
		ev.Sources = checker.SourcesOf(arts)
		return ev
	}
	r := c.Check(arts)
	nearcopy.Mark(r, sources.Syndicated(arts))
	ev.Status = checker.EventChecked
	ev.Sources = r.Sources
	ev.Findings = r.Findings
	ev.Agreements = len(r.Agreements)
	return ev
}

// Hash identifies a set of articles by their IDs and texts, whatever
// their order.
func Hash(arts []*checker.Article) string {
	type item struct{ id, sum string }
	items := make([]item, len(arts))
	var buf []byte // each paragraph and a NUL, hashed without a copy each
	for i, a := range arts {
		h := sha256.New()
		for _, p := range a.Paragraphs {
			buf = append(append(buf[:0], p.Text...), 0)
			h.Write(buf)
		}
		items[i] = item{a.ID, string(h.Sum(nil))}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.id != b.id {
			if a.id < b.id {
				return -1
			}
			return 1
		}
		if a.sum < b.sum {
			return -1
		}
		if a.sum > b.sum {
			return 1
		}
		return 0
	})
	h := sha256.New()
	for _, it := range items {
		h.Write([]byte(it.id))
		h.Write([]byte{0})
		h.Write([]byte(it.sum))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
