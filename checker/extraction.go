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

// NewExtraction lists the claims of arts (or, with quantities, every
// quantity found) in article and text order.
func NewExtraction(arts []*Article, lex *Lexicon, quantities bool) *Extraction {
	x := &Extraction{SchemaVersion: SchemaVersion, Sources: SourcesOf(arts)}
	if quantities {
		var sc Scanner
		var fs []Found
		x.Quantities = []Extracted{}
		for _, a := range arts {
			fs = sc.Quantities(a, fs[:0])
			for _, f := range fs {
				x.Quantities = append(x.Quantities, Extracted{
					Source: a.ID, Text: f.Quantity.Text, Value: ValueOf(f.Quantity),
					Evidence: f.Evidence, Span: [2]int{f.Start, f.End},
				})
			}
		}
		return x
	}
	x.Claims = []Extracted{}
	for _, c := range (Extractor{Lex: lex}).Extract(arts) {
		how := c.How
		x.Claims = append(x.Claims, Extracted{
			Source: c.Source, Subject: c.Subject, Attribute: c.Attribute, Time: c.Time,
			Hedges: c.Hedges, How: &how, Text: c.Quantity.Text, Value: ValueOf(c.Quantity),
			Evidence: c.Evidence, Span: [2]int{c.Quantity.Start, c.Quantity.End},
		})
	}
	return x
}
