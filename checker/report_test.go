package checker

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestReportJSONCarriesEveryList holds the contract's promise that a
// reader never meets a missing or null list, at any depth.
func TestReportJSONCarriesEveryList(t *testing.T) {
	r := Report{
		SchemaVersion: SchemaVersion,
		Sources:       []SourceInfo{{ID: "ledger", Path: "ledger.txt"}},
		Findings:      []Finding{{ID: "f", Values: []ValueGroup{{Text: "$2bn"}}}},
		Agreements:    []Agreement{{Values: []ValueGroup{{Text: "49%"}}}},
		Unsupported:   []Agreement{{}},
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "null") {
		t.Errorf("JSON has a null: %s", data)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path   []string
		reason string
	}{
		{[]string{"skipped"}, "no input was skipped"},
		{[]string{"duplicates"}, "no input was a copy"},
		{[]string{"drafts"}, "a check has no drafts"},
		{[]string{"unsupported", "0", "sources"}, "a fact with no sources"},
		{[]string{"unsupported", "0", "values"}, "a fact with no values"},
		{[]string{"sources", "0", "syndicated_with"}, "a source no one copies"},
		{[]string{"findings", "0", "reasons"}, "a finding with no reasons"},
		{[]string{"findings", "0", "values", "0", "sources"}, "a value with no sources"},
		{[]string{"findings", "0", "values", "0", "evidence"}, "a value with no evidence"},
		{[]string{"agreements", "0", "sources"}, "an agreement with no sources"},
		{[]string{"agreements", "0", "values", "0", "evidence"}, "an agreement's value with no evidence"},
	} {
		var at any = doc
		for _, k := range tt.path {
			switch v := at.(type) {
			case map[string]any:
				at = v[k]
			case []any:
				at = v[0]
			}
		}
		if l, ok := at.([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %v, want [] (%s)", strings.Join(tt.path, "."), at, tt.reason)
		}
	}
	for _, k := range []string{"suppressed", "baselined"} {
		if doc[k] != float64(0) {
			t.Errorf("%s = %v, want 0: a count is written when it is none", k, doc[k])
		}
	}
	if _, ok := doc["tool"]; ok {
		t.Errorf("tool = %v, want it left out when the report does not say", doc["tool"])
	}
	if r.Skipped != nil || r.Findings[0].Reasons != nil || r.Sources[0].SyndicatedWith != nil {
		t.Error("marshalling filled the report's own lists: it must leave the report as it was")
	}
}

// TestReportJSONEscapesHTMLOnlyWhenAsked: a sentence's "<" and "&" stay as
// they are for an encoder that does not escape HTML, as the renderers use.
func TestReportJSONEscapesHTMLOnlyWhenAsked(t *testing.T) {
	r := Report{Sources: []SourceInfo{{ID: "a", Title: "AT&T <b>"}}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"AT&T <b>"`) {
		t.Errorf("with HTML escaping off: %s", b.String())
	}
	data, _ := json.Marshal(r)
	if !strings.Contains(string(data), `AT\u0026T \u003cb\u003e`) {
		t.Errorf("json.Marshal escapes HTML: %s", data)
	}
}
