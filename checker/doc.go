// Package checker holds crosscheck's domain: the articles it reads, the
// claims it extracts from them, the slots it lines claims up in, and the
// findings it reports where sources disagree or agree.
//
// The work runs in stages that return values and never print:
//
//	Extract  article text  -> []Claim      (quantity + subject, attribute, time, hedge)
//	Align    []Claim       -> []Slot       (same subject, attribute, time and unit)
//	Compare  Slot          -> value groups that agree or disagree
//	Score    disagreement  -> confidence in [0,1] with its reasons
//
// Check runs them all and returns a Report. Renderers (package render) and
// the command line (cmd/crosscheck) decide what to show.
//
// Extraction reads each word through its Lexicon's word table, which
// works out once per distinct word what every stage asks of it (lower
// case, stem, the lexicon's word classes, the cues and phrases it opens),
// and takes its sentences, tokens and names from arenas that extractions
// sharing the lexicon reuse. Both are safe for concurrent use, and nothing
// an arena hands out outlives the extraction it was handed to.
package checker
