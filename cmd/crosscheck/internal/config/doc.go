// Package config reads crosscheck's configuration file, .crosscheck.yaml:
// the fail level, the minimum confidence, tolerances per kind of figure,
// outlet weights, attribute synonyms and ignore rules. It records where
// each value came from (a default, a line of the file, a flag), so that
// `crosscheck config` can say, and every error names the file, the line
// and the key.
//
// A Config is applied in one step: NewChecker returns a Checker that sets
// the tolerances, synonyms and minimum confidence, weighs the articles by
// outlet and drops the ignored findings. check, lint and batch all check
// through one, so that a key cannot be applied by one command and
// forgotten by another.
package config
