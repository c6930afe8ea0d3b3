package checker

import (
	"math"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

// SourcesOf describes articles as a report lists them.
func SourcesOf(arts []*Article) []SourceInfo {
	out := make([]SourceInfo, 0, len(arts))
	for _, a := range arts {
		si := SourceInfo{ID: a.ID, Path: a.Path, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Byline: a.Byline}
		if !a.Published.IsZero() {
			si.Published = a.Published.Format("2006-01-02")
		}
		out = append(out, si)
	}
	return out
}

// ValueOf turns a quantity into the report's value object.
func ValueOf(q quantity.Quantity) Value {
	v := Value{Kind: string(q.Kind), Unit: q.Unit, Amount: q.Value, Bound: string(q.Bound), Date: q.Date}
	if !math.IsInf(q.Low, 0) {
		lo := q.Low
		v.Low = &lo
	}
	if !math.IsInf(q.High, 0) {
		hi := q.High
		v.High = &hi
	}
	return v
}
