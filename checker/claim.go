package checker

import "github.com/crosscheck/crosscheck/checker/quantity"

// A Claim is a quantity an article states and what it is about.
type Claim struct {
	Source     string // the article's ID
	Subject    string // the entity the value is about, as displayed; "" for the event itself
	SubjectKey string // canonical key of Subject
	Attribute  string // what is measured: "deal value", "stake", "age" …
	Time       string // "current", "earlier", "expected" (a forecast, "expected 2026" with its year), or a year such as "2025"
	Hedges     []string
	// Participants are the entities named in the claim's clause, with its
	// subject: the parties to a deal, for aligning transactions.
	Participants []string
	// Scope is the attribute's scope from the lexicon: "", "event",
	// "transaction" or "person".
	Scope    string
	Quantity quantity.Quantity
	Evidence Evidence
	// How says how subject and attribute were found, for scoring and for
	// the reasons a finding gives.
	How Provenance
}

// Provenance records how a claim's subject and attribute were read.
type Provenance struct {
	Subject        string  `json:"subject"`       // "object", "possessive", "neighbour", "sentence", "attribute", "topic", "event", "coref"
	SubjectScore   float64 `json:"subject_score"` // 0..1: how sure the subject is
	Attribute      string  `json:"attribute"`     // "implied", "cue", "noun"
	AttributeScore float64 `json:"attribute_score"`
}

// Evidence points at where a claim was read.
type Evidence struct {
	Source string `json:"source"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	// EndLine and EndColumn point just past the quantity's text.
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Sentence  string `json:"sentence"`
	// Offset is the byte offset of the quantity in the original file.
	Offset int `json:"-"`
}
