// Package render draws a checker.Report for people and machines: a table
// for a terminal, one line per finding for scripts and editors, and the
// JSON report contract (schema_version 1) for other tools; and a batch
// run's reports: the HTML pages an editor reads (BatchHTML), report.md
// and report.json.
//
// Renderers only print; every decision was made by the checker.
package render
