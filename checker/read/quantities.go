package read

import (
	"github.com/crosscheck/crosscheck/checker"
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
	Evidence checker.Evidence
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
	sents []text.Span
	toks  []text.Token
	qs    []quantity.Quantity
	out   Sentence
}

// A Sentence is one sentence of an article with quantities in it, as a
// Scanner or an Extractor (ExtractSentences) read it. Its slices are the
// reader's buffers: valid only until the function it was passed to
// returns.
type Sentence struct {
	Text       string
	Tokens     []text.Token
	Quantities []quantity.Quantity // in text order, offsets into Text
	// Headline is true for a sentence of the first paragraph that reads
	// as a headline (text.IsHeadline).
	Headline bool
	s        sentence
}

// Found returns quantity i of the sentence with where it is in the
// original file.
func (s *Sentence) Found(i int) Found {
	q := s.Quantities[i]
	return Found{Quantity: q, Evidence: s.s.evidence(q), Start: s.s.rawStart(q.Start), End: s.s.rawEnd(q.End)}
}

// Sentences calls fn for each sentence of a that has a quantity, in text
// order.
func (sc *Scanner) Sentences(a *checker.Article, fn func(*Sentence)) {
	for pi := range a.Paragraphs {
		sc.sents = text.AppendSentences(sc.sents[:0], a.Paragraphs[pi].Text)
		sc.sentences(a, pi, sc.sents, fn)
	}
}

// sentences calls fn for each of the sentences spans of paragraph pi of
// a (text.Sentences of its text, or a run of them) that has a quantity,
// in text order.
func (sc *Scanner) sentences(a *checker.Article, pi int, spans []text.Span, fn func(*Sentence)) {
	para := &a.Paragraphs[pi]
	for _, sp := range spans {
		s := sentence{art: a, text: para.Text[sp.Start:sp.End], para: para, start: sp.Start}
		sc.p.Dollar, sc.p.Local = sc.Dollar, sc.Local
		sc.toks = text.Tokenize(s.text, sc.toks[:0])
		sc.qs = sc.p.ParseTokens(s.text, sc.toks, sc.qs[:0])
		if len(sc.qs) == 0 {
			continue
		}
		sc.out = Sentence{Text: s.text, Tokens: sc.toks, Quantities: sc.qs, Headline: pi == 0 && text.IsHeadline(sc.toks), s: s}
		fn(&sc.out)
	}
}

// Quantities appends the quantities of a to dst, in text order.
func (sc *Scanner) Quantities(a *checker.Article, dst []Found) []Found {
	sc.Sentences(a, func(s *Sentence) {
		for i := range s.Quantities {
			dst = append(dst, s.Found(i))
		}
	})
	return dst
}
