package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
)

// EvidenceLevels lists how much evidence a JSONLWriter writes with each
// item: none, its place (span), or its place and sentence (sentence, the
// full contract form).
var EvidenceLevels = []string{"none", "span", "sentence"}

// A JSONLWriter writes extracted items one a line, through a buffer, as
// they are found. Call Flush when done.
type JSONLWriter struct {
	bw       *bufio.Writer
	enc      *json.Encoder
	evidence string
	b        brief // reused for every item, as are p and line
	p        place
	line     []byte
}

// NewJSONLWriter returns a JSONLWriter on w that writes evidence at the
// given level (one of EvidenceLevels).
func NewJSONLWriter(w io.Writer, evidence string) (*JSONLWriter, error) {
	switch evidence {
	case "none", "span", "sentence":
	default:
		return nil, fmt.Errorf("unknown evidence level %q (want %s)", evidence, strings.Join(EvidenceLevels, ", "))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{bw: bw, enc: enc, evidence: evidence}, nil
}

// place is an item's evidence without its sentence.
type place struct {
	Source    string `json:"source"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

// brief is checker.Extracted with its evidence cut to a place, or left
// out.
type brief struct {
	Source    string              `json:"source"`
	Subject   string              `json:"subject,omitempty"`
	Attribute string              `json:"attribute,omitempty"`
	Time      string              `json:"time,omitempty"`
	Hedges    []string            `json:"hedges,omitempty"`
	How       *checker.Provenance `json:"how,omitempty"`
	Text      string              `json:"text"`
	Value     checker.Value       `json:"value"`
	Evidence  *place              `json:"evidence,omitempty"`
	Span      [2]int              `json:"span"`
}

// Write writes one item on a line.
func (w *JSONLWriter) Write(e *checker.Extracted) error {
	var ok bool
	if w.line, ok = appendItem(w.line[:0], e, w.evidence); ok {
		_, err := w.bw.Write(w.line)
		return err
	}
	return w.encode(e)
}

// encode writes one item on a line by encoding/json.
func (w *JSONLWriter) encode(e *checker.Extracted) error {
	if w.evidence == "sentence" {
		return w.enc.Encode(e)
	}
	w.b = brief{
		Source: e.Source, Subject: e.Subject, Attribute: e.Attribute, Time: e.Time,
		Hedges: e.Hedges, How: e.How, Text: e.Text, Value: e.Value, Span: e.Span,
	}
	if w.evidence == "span" {
		ev := e.Evidence
		w.p = place{Source: ev.Source, Line: ev.Line, Column: ev.Column, EndLine: ev.EndLine, EndColumn: ev.EndColumn}
		w.b.Evidence = &w.p
	}
	return w.enc.Encode(&w.b)
}

// Flush writes out what the buffer holds.
func (w *JSONLWriter) Flush() error { return w.bw.Flush() }
