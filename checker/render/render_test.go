package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b, want string
		reason     string
	}{
		{"Meta paid $14.3 billion for the stake.", "Meta paid $15bn for the stake.", "Meta paid [-$14.3 billion-] {+$15bn+} for the stake.", "only the figure differs"},
		{"same words here", "same words here", "same words here", "nothing differs"},
		{"", "new sentence", "{+new sentence+}", "one side empty"},
	}
	for _, tt := range tests {
		if got := WordDiff(tt.a, tt.b, false); got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
	}
	if got := WordDiff("a b", "a c", true); !strings.Contains(got, "\x1b[") {
		t.Errorf("WordDiff with colour = %q, want ANSI codes", got)
	}
}

func report() *checker.Report {
	hi := 15e9
	return &checker.Report{
		SchemaVersion: checker.SchemaVersion,
		Sources:       []checker.SourceInfo{{ID: "ledger", Path: "x/ledger.txt"}, {ID: "courier", Path: "x/courier.txt"}},
		Findings: []checker.Finding{{
			ID: "abc", Kind: "disagreement", Subject: "Harbor", Attribute: "deal value", Time: "current",
			Confidence: 0.86, Severity: checker.Error, Reasons: []string{"1 source against 1 source"},
			Values: []checker.ValueGroup{
				{Text: "$14bn", Value: checker.Value{Kind: "money", Unit: "USD", Amount: 14e9, Bound: "exact"}, Sources: []string{"ledger"},
					Evidence: []checker.Evidence{{Source: "ledger", Line: 3, Column: 9, Sentence: "Harbor sold for $14bn."}}},
				{Text: "$15bn", Value: checker.Value{Kind: "money", Unit: "USD", Amount: 15e9, High: &hi, Bound: "at_most"}, Sources: []string{"courier"},
					Evidence: []checker.Evidence{{Source: "courier", Line: 7, Column: 12, Sentence: "Harbor sold for $15bn."}}},
			},
		}},
		Agreements: []checker.Agreement{},
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, report(), Options{Paths: map[string]string{"courier": "x/courier.txt"}}); err != nil {
		t.Fatal(err)
	}
	want := "x/courier.txt:7:12: [error] Harbor · deal value: $15bn (1 source) vs $14bn (1 source) (confidence 0.86)\n"
	if b.String() != want {
		t.Errorf("Text = %q, want %q (located at the minority value's evidence)", b.String(), want)
	}
}

func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, report()); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v, want 1", m["schema_version"])
	}
	f := m["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "kind", "subject", "attribute", "time", "confidence", "severity", "values", "reasons"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding has no %q: the JSON contract requires it", k)
		}
	}
	v := f["values"].([]any)[1].(map[string]any)["value"].(map[string]any)
	if _, ok := v["low"]; ok || v["high"] != 15e9 || v["amount"] != 15e9 {
		t.Errorf("value = %v: an open side is left out, amounts in base units", v)
	}
	if agreements, ok := m["agreements"].([]any); !ok || len(agreements) != 0 {
		t.Errorf("agreements = %v, want [] (never null)", m["agreements"])
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", report(), Options{}); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("Write(xml) error = %v", err)
	}
}
