// Package sources turns the inputs a user names — files, directories,
// standard input — into checker.Articles, so that the checker never knows
// where text came from.
//
// Text and Markdown files may open with YAML front matter (title, outlet,
// published, url, weight). Page furniture that is not the article —
// share and subscribe prompts, app-store lines, comment prompts, "Read
// more" teaser blocks — is dropped by general rules, and every paragraph
// keeps its byte offset in the original file so evidence points at the
// source.
//
// Every failure is an *Error naming the input and wrapping one of the
// sentinel errors (ErrEmpty, ErrBinary, …), so callers can both print it
// and test for it with errors.Is.
package sources
