// Package checker is crosscheck's contract: the types every stage and
// every renderer share, and nothing that does the work.
//
//   - Article and Paragraph: a source as loaded (package sources), with the
//     map from its text back to lines and columns of the original file.
//   - Claim, Provenance and Evidence: a quantity an article states, what it
//     is about, how that was read, and where.
//   - Report, Finding, Agreement, ValueGroup and Value: what a check
//     found, the JSON report contract (SchemaVersion).
//   - EventReport and ArticleCounts: a batch run's records.
//   - Extraction: what `crosscheck extract` prints.
//
// The work is done in stage packages below this one, each with values in
// and values out and nothing printed, as in golang.org/x/tools/go/analysis:
//
//	read   article text  -> claims and quantities (subject, attribute, time, hedges; every quantity by sentence)
//	align  figures       -> facts                 (which figures of different sources are one fact)
//	judge  claims        -> Report                (builds the figures from read's sentences, aligns them,
//	                                               scores findings with reasons, agreements, lint)
//
// judge.Checker runs them all. Package render draws a Report; the command
// line (cmd/crosscheck) wires sources, stages and renderers together.
package checker
