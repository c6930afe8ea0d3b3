// Package text splits English prose into the units crosscheck reads:
// tokens (words, numbers, symbols with byte offsets) and sentences.
//
// Both keep byte offsets into the input so that every claim can point at
// the line and column it came from.
package text
