package eval

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
)

func TestParseDeviationsOfTheRepo(t *testing.T) {
	d, err := ParseDeviations(quantity.SpecDeviations())
	if err != nil {
		t.Fatal(err)
	}
	if len(d) < 50 {
		t.Fatalf("%d deviations read; the table has more", len(d))
	}
	for k, reason := range d {
		if k[0] != "duckling" && k[0] != "recognizers-text" {
			t.Errorf("deviation %q: unknown suite %q", k[1], k[0])
		}
		if reason == "" {
			t.Errorf("deviation %q has no reason", k[1])
		}
	}
	if _, err := ParseDeviations("| duckling | a quarter | no backticks |"); err == nil {
		t.Error("an input outside backticks should be an error")
	}
}

// TestScore checks the tally on cases whose outcome is known.
func TestScore(t *testing.T) {
	money := func(text string, v float64, unit string, start, end int) read.Found {
		return read.Found{Quantity: quantity.Quantity{Kind: quantity.Money, Unit: unit, Value: v, Low: v, High: v, Bound: quantity.Exact, Text: text}, Start: start, End: end}
	}
	cases := []Case{
		{Suite: "s", ID: "1", Category: "money", Input: "$10", Want: []Want{{Text: "$10", Kinds: []quantity.Kind{quantity.Money}, Units: []string{"USD"}, Low: 10, High: 10, Start: 0, End: 3}}},
		{Suite: "s", ID: "2", Category: "money", Input: "€5", Want: []Want{{Text: "€5", Kinds: []quantity.Kind{quantity.Money}, Units: []string{"USD"}, Low: 5, High: 5, Start: -1, End: -1}}},
		{Suite: "s", ID: "3", Category: "money", Input: "under $7", Want: []Want{{Kinds: []quantity.Kind{quantity.Money}, Low: math.Inf(-1), High: 7, Start: -1}}},
		{Suite: "s", ID: "4", Category: "negative", Input: "none", Negative: true, Deny: []quantity.Kind{quantity.Money}},
		{Suite: "s", ID: "5", Category: "money", Input: "boom", Want: []Want{{Low: 1, High: 1, Start: -1}}},
		{Suite: "s", ID: "6", Category: "money", Input: "a quarter", Want: []Want{{Low: 0.25, High: 0.25, Start: -1}}},
	}
	rec := func(in, _ string) ([]read.Found, error) {
		switch in {
		case "$10":
			return []read.Found{money("$10", 10, "USD", 0, 3)}, nil
		case "€5":
			return []read.Found{money("€5", 5, "EUR", 0, 4)}, nil
		case "under $7":
			q := money("under $7", 7, "USD", 0, 8)
			q.Quantity.Bound, q.Quantity.Low = quantity.AtMost, 0
			return []read.Found{q}, nil
		case "none":
			return []read.Found{money("x", 1, "USD", 0, 1)}, nil
		case "boom":
			panic("boom")
		}
		return nil, errors.New("not reached")
	}
	dev := Deviations{{"s", "a quarter"}: "a fraction in news"}
	res := Score(cases, rec, dev)
	var mon, neg Tally
	for _, c := range res.Categories {
		switch c.Category {
		case "money":
			mon = c
		case "negative":
			neg = c
		}
	}
	if mon.Values != 4 || mon.Found != 2 || mon.Errors != 1 || mon.Deviations != 1 {
		t.Errorf("money: %+v; want 4 values (deviation apart), 2 found (a wrong currency is not found; an upper bound matches a floor of 0), 1 panic, 1 deviation", mon)
	}
	if mon.RawValues != 5 || mon.RawFound != 2 {
		t.Errorf("money raw: %d of %d, want 2 of 5", mon.RawFound, mon.RawValues)
	}
	if mon.Spans != 1 || mon.SpanOK != 1 {
		t.Errorf("spans: %d of %d, want 1 of 1", mon.SpanOK, mon.Spans)
	}
	if neg.Negatives != 1 || neg.FalsePositives != 1 {
		t.Errorf("negative: %+v, want one false positive", neg)
	}
	var problems []string
	for _, f := range res.Failures {
		problems = append(problems, f.ID+" "+f.Problem)
	}
	joined := strings.Join(problems, "\n")
	for _, want := range []string{"2 missed", "4 false positive", "5 error: panic: boom"} {
		if !strings.Contains(joined, want) {
			t.Errorf("failures lack %q:\n%s", want, joined)
		}
	}
	if len(res.Deviant) != 1 || !strings.Contains(res.Deviant[0].Problem, "a fraction in news") {
		t.Errorf("deviant: %+v", res.Deviant)
	}
}

func TestByteSpan(t *testing.T) {
	tests := []struct {
		s          string
		start, end int
		bs, be     int
		reason     string
	}{
		{"$10 now", 0, 3, 0, 3, "ASCII: code units are bytes"},
		{"€5 now", 0, 2, 0, 4, "the euro sign is one UTF-16 unit and three bytes"},
		{"x 😀 $1", 5, 7, 7, 9, "an emoji is two UTF-16 units"},
		{"abc", 2, 9, -1, -1, "a span past the end is no span"},
	}
	for _, tt := range tests {
		bs, be := byteSpan(tt.s, tt.start, tt.end)
		if bs != tt.bs || be != tt.be {
			t.Errorf("byteSpan(%q, %d, %d) = %d, %d; want %d, %d (%s)", tt.s, tt.start, tt.end, bs, be, tt.bs, tt.be, tt.reason)
		}
	}
}
