package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/google/renameio/v2"
)

var errBaseline = errors.New("bad baseline")

// A baseline records findings by their stable id (a hash of the slot and
// the values, not of line numbers), so that a lint run can report only
// the findings that are new.
type baseline struct {
	SchemaVersion int             `json:"schema_version"`
	Findings      []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	ID        string   `json:"id"`
	Draft     string   `json:"draft,omitempty"`
	Subject   string   `json:"subject"`
	Attribute string   `json:"attribute"`
	Values    []string `json:"values"`
}

func readBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: %w: %v (write one with --write-baseline)", path, errBaseline, err)
	}
	if b.SchemaVersion != checker.SchemaVersion {
		return nil, fmt.Errorf("%s: %w: schema_version %d, want %d", path, errBaseline, b.SchemaVersion, checker.SchemaVersion)
	}
	for i, e := range b.Findings {
		if e.ID == "" {
			return nil, fmt.Errorf("%s: %w: finding %d has no id", path, errBaseline, i+1)
		}
	}
	return &b, nil
}

// filter drops the findings the baseline records, counting them.
func (b *baseline) filter(r *checker.Report) {
	known := map[string]bool{}
	for _, e := range b.Findings {
		known[e.ID] = true
	}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		if known[f.ID] {
			r.Baselined++
			continue
		}
		kept = append(kept, f)
	}
	r.Findings = kept
}

// writeBaseline records r's findings, sorted by id, atomically.
func writeBaseline(path string, r *checker.Report) error {
	b := baseline{SchemaVersion: checker.SchemaVersion, Findings: []baselineEntry{}}
	for _, f := range r.Findings {
		e := baselineEntry{ID: f.ID, Draft: f.Draft, Subject: f.Subject, Attribute: f.Attribute}
		for _, v := range f.Values {
			e.Values = append(e.Values, v.Text)
		}
		b.Findings = append(b.Findings, e)
	}
	sort.Slice(b.Findings, func(i, j int) bool { return b.Findings[i].ID < b.Findings[j].ID })
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(path, append(data, '\n')); err != nil {
		return fmt.Errorf("baseline %s: %w", path, err)
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	return renameio.WriteFile(path, data, 0o644)
}
