package checker

import (
	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// A Found is a quantity read from an article, whether or not it became a
// claim: what `crosscheck extract --quantities` lists and what the
// quantity evaluation scores.
type Found struct {
	Quantity quantity.Quantity
	// Evidence points at the quantity in the original file; Offset and
	// Evidence's end position bound its bytes there.
	Evidence Evidence
	// Start and End are the quantity's byte offsets in the original file.
	Start, End int
}

// A Scanner reads every quantity of an article, sentence by sentence, with
// the tokenizer and parser claim extraction uses. It keeps its buffers
// between calls; use one per goroutine.
type Scanner struct {
	// Dollar is the currency a bare "$" or "dollars" means: "AUD" for an
	// Australian outlet; "" means USD.
	Dollar string
	// Local is the currency of slang such as "10 grand"; "" is Dollar.
	Local string
	p     quantity.Parser
	toks  []text.Token
	qs    []quantity.Quantity
}

// Quantities appends the quantities of a to dst, in text order.
func (sc *Scanner) Quantities(a *Article, dst []Found) []Found {
	for pi := range a.Paragraphs {
		para := &a.Paragraphs[pi]
		for _, sp := range text.Sentences(para.Text) {
			s := sentence{art: a, text: para.Text[sp.Start:sp.End], para: para, start: sp.Start}
			sc.p.Dollar, sc.p.Local = sc.Dollar, sc.Local
			sc.toks = text.Tokenize(s.text, sc.toks[:0])
			sc.qs = sc.p.ParseTokens(s.text, sc.toks, sc.qs[:0])
			for _, q := range sc.qs {
				ev := s.evidence(q)
				start, end := s.rawStart(q.Start), s.rawEnd(q.End)
				dst = append(dst, Found{Quantity: q, Evidence: ev, Start: start, End: end})
			}
		}
	}
	return dst
}
