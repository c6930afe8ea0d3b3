// Package eval measures crosscheck against labelled data written by
// others: quantity recognition on the test specs of Microsoft
// Recognizers-Text and Facebook Duckling.
//
// Loaders turn each third-party format into Cases; Score runs every case
// through a Recognizer (in the command, the same path as `crosscheck
// extract --quantities`) and counts, per suite and category, the expected
// values found with the right unit, the spans that match, and what was
// found in cases that expect nothing.
package eval
