package read

import "github.com/crosscheck/crosscheck/checker"

// NewExtraction lists the claims of arts (or, with quantities, every
// quantity found) in article and text order.
func NewExtraction(arts []*checker.Article, lex *Lexicon, quantities bool) *checker.Extraction {
	x := &checker.Extraction{SchemaVersion: checker.SchemaVersion, Sources: checker.SourcesOf(arts)}
	if quantities {
		x.Quantities = []checker.Extracted{}
		_ = EachQuantity(arts, func(e *checker.Extracted) error {
			x.Quantities = append(x.Quantities, *e)
			return nil
		})
		return x
	}
	x.Claims = []checker.Extracted{}
	for _, c := range (Extractor{Lex: lex}).Extract(arts) {
		how := c.How
		x.Claims = append(x.Claims, checker.Extracted{
			Source: c.Source, Subject: c.Subject, Attribute: c.Attribute, Time: c.Time,
			Hedges: c.Hedges, How: &how, Text: c.Quantity.Text, Value: checker.ValueOf(c.Quantity),
			Evidence: c.Evidence, Span: [2]int{c.Quantity.Start, c.Quantity.End},
		})
	}
	return x
}
