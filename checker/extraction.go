package checker

// An Extraction is what `crosscheck extract` reports: the sources and
// either their claims or every quantity they state. It is the JSON
// contract's extract form (schema_version 1).
type Extraction struct {
	SchemaVersion int          `json:"schema_version"`
	Sources       []SourceInfo `json:"sources"`
	// Claims is set when claims are listed, Quantities when every
	// quantity is; the other is left out.
	Claims     []Extracted `json:"claims,omitempty"`
	Quantities []Extracted `json:"quantities,omitempty"`
}

// Extracted is one claim or quantity as extract reports it.
type Extracted struct {
	Source string `json:"source"`
	// Subject, Attribute and Time are the claim's slot; empty for a bare
	// quantity.
	Subject   string   `json:"subject,omitempty"`
	Attribute string   `json:"attribute,omitempty"`
	Time      string   `json:"time,omitempty"`
	Hedges    []string `json:"hedges,omitempty"`
	// How says how the slot was read (claims only).
	How      *Provenance `json:"how,omitempty"`
	Text     string      `json:"text"`
	Value    Value       `json:"value"`
	Evidence Evidence    `json:"evidence"`
	// Span is the quantity's byte span [start, end) in the original file.
	Span [2]int `json:"span"`
}
