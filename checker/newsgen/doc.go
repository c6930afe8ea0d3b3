// Package newsgen writes deterministic English news text with known
// quantities: realistic sentences about companies, deals, disasters,
// sport and politics, each with the exact values it states. Benchmarks
// read it as a multi-megabyte corpus; tests read its gold values to check
// the quantity parser on phrasings no fixture contains.
//
// The same seed always gives the same text.
package newsgen
