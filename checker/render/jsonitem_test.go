package render

import (
	"bytes"
	"math"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/newsgen"
	"github.com/crosscheck/crosscheck/checker/read"
)

// sameAsReflection writes e with a JSONLWriter at each evidence level and
// fails unless every line is byte for byte what encoding/json writes.
func sameAsReflection(t *testing.T, e *checker.Extracted, reason string) {
	t.Helper()
	for _, level := range EvidenceLevels {
		var fast, slow bytes.Buffer
		wf, err := NewJSONLWriter(&fast, level)
		if err != nil {
			t.Fatal(err)
		}
		ws, _ := NewJSONLWriter(&slow, level)
		errFast, errSlow := wf.Write(e), ws.encode(e)
		wf.Flush()
		ws.Flush()
		if (errFast == nil) != (errSlow == nil) {
			t.Fatalf("%s, evidence %s: Write error %v, encoding/json error %v", reason, level, errFast, errSlow)
		}
		if fast.String() != slow.String() {
			t.Fatalf("%s, evidence %s:\nwrote         %s\nencoding/json %s", reason, level, fast.String(), slow.String())
		}
	}
}

func TestJSONLWriterAsEncodingJSON(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	var every []byte
	for c := range 0x80 {
		every = append(every, byte(c))
	}
	base := checker.Extracted{
		Source: "wire", Text: "$14.3 billion",
		Value:    checker.Value{Kind: "money", Unit: "USD", Amount: 14.3e9, Low: f(14.25e9), High: f(14.35e9), Bound: "exact"},
		Evidence: checker.Evidence{Source: "wire", Line: 3, Column: 41, EndLine: 3, EndColumn: 54, Sentence: "Meta paid $14.3 billion."},
		Span:     [2]int{83, 96},
	}
	tests := []struct {
		edit   func(e *checker.Extracted)
		reason string
	}{
		{func(e *checker.Extracted) {}, "a quantity as extract lists it"},
		{func(e *checker.Extracted) { e.Evidence.Sentence = string(every) }, "every ASCII byte, control characters escaped as encoding/json does (\\b, \\f, \\u00XX)"},
		{func(e *checker.Extracted) { e.Text = "<b>&amp;</b> \"q\" \\ \u2028\u2029 é 日本 🎉" }, "HTML left as it is; quotes, backslashes, U+2028/9 escaped; other Unicode kept"},
		{func(e *checker.Extracted) { e.Evidence.Sentence = "bad \xff\xfe bytes \xe2\x82" }, "invalid UTF-8 written as U+FFFD"},
		{func(e *checker.Extracted) { e.Value.Low, e.Value.High, e.Value.Unit = nil, nil, "" }, "open bounds and no unit are left out"},
		{func(e *checker.Extracted) { e.Evidence.EndLine, e.Evidence.EndColumn = 0, 0 }, "no end position: left out"},
		{func(e *checker.Extracted) {
			e.Subject, e.Attribute, e.Time, e.Hedges = "meta", "price", "2025", []string{"about", "reportedly"}
		}, "a claim's slot and hedges"},
		{func(e *checker.Extracted) { e.Hedges = []string{} }, "empty hedges are left out, as omitempty does"},
		{func(e *checker.Extracted) { e.How = &checker.Provenance{} }, "a claim's provenance goes through encoding/json"},
		{func(e *checker.Extracted) { e.Value.Date, e.Value.Kind = "2026-04-06", "date" }, "a date"},
		{func(e *checker.Extracted) { e.Value.Amount = math.NaN() }, "NaN is refused as encoding/json refuses it"},
		{func(e *checker.Extracted) { e.Value.High = f(math.Inf(1)) }, "an infinite bound is refused"},
	}
	for _, tt := range tests {
		e := base
		tt.edit(&e)
		sameAsReflection(t, &e, tt.reason)
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 1, -3.25, 0.1 + 0.2, 1e20, 1e21, 1.5e21, -2e25, 1e-6, 9.99e-7, 1e-7, -1.25e-9, 5e-324, math.MaxFloat64, 123456789012345678, 23000000000, -23000000000, 1 << 53, 1<<53 - 1, -(1<<53 - 1), 9007199254740993, 2012, 0.5, -7} {
		e := base
		e.Value.Amount, e.Value.Low = v, f(v/3)
		sameAsReflection(t, &e, "the float "+string(appendFloat(nil, v)))
	}
}

// TestJSONLWriterOnNews writes every quantity of generated news and
// holds each line to encoding/json's.
func TestJSONLWriterOnNews(t *testing.T) {
	text := newsgen.New(3).Text(200 << 10)
	a := &checker.Article{ID: "news", Path: "news.txt", Raw: text, LineStarts: checker.LineStarts(text)}
	for off := 0; off < len(text); {
		end := off + bytes.IndexByte([]byte(text[off:]), '\n')
		if end < off {
			end = len(text)
		}
		if end > off {
			a.Paragraphs = append(a.Paragraphs, checker.Paragraph{Text: text[off:end], Offset: off})
		}
		off = end + 1
	}
	n := 0
	err := read.EachQuantity([]*checker.Article{a}, func(e *checker.Extracted) error {
		n++
		sameAsReflection(t, e, "a quantity of generated news: "+e.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("%d quantities in 200 kB of news: the test does not test", n)
	}
}
