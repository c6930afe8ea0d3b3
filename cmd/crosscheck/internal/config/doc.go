// Package config reads crosscheck's configuration file, .crosscheck.yaml:
// the fail level, the minimum confidence, tolerances per kind of figure,
// outlet weights, attribute synonyms and ignore rules. It records where
// each value came from (a default, a line of the file, a flag), so that
// `crosscheck config` can say, and every error names the file, the line
// and the key.
package config
