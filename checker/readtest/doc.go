// Package readtest tests the claim reader's rules on annotated sentences,
// as golang.org/x/tools/go/analysis/analysistest tests an analyzer.
//
// A test file is one article: each line a paragraph (the first its
// headline). A line may end in annotations of the claims it must yield:
//
//	Harbor agreed to pay $2.4 billion for Dock. // want `Dock · deal value \(current\) = \$2.4bn`
//
// Each annotation is a regular expression (in backquotes or double
// quotes) matched against "subject · attribute (time) = value", the value
// as quantity.Quantity.String writes it ("(event)" for an event's own
// subject). Run reads every *.txt file of a directory and fails the test
// for every annotation no claim of its line matches and for every claim of
// an annotated line no annotation matches; a line with no annotation may
// yield anything. A line may say `// want none` to require no claim.
package readtest
