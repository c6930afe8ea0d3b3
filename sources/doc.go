// Package sources turns the inputs a user names — files, directories,
// URLs, standard input — into checker.Articles, so that the checker never
// knows where text came from.
//
// Each format has an adapter named after what it reads: Parse (text and
// Markdown with YAML front matter, Markdown stripped with goldmark),
// ParseHTML (news pages, via go-readability), ParseFeed (RSS, Atom and
// JSON Feed, via gofeed), ParseJSONL (an article a line) and Fetcher
// (http and https, with timeouts, limits and a cache). Sniff chooses the
// adapter by content, content type and extension. Load runs them all,
// merges duplicates (same URL or text) and flags syndicated near copies;
// Stream hands over the same records one at a time, for a corpus of any
// size, a JSONL dump's lines parsed on Options.Workers goroutines. A directory is walked in name order: what in it cannot be read (a
// subdirectory without permission, a FIFO, a symbolic link loop) is a
// record of its own with its reason, never the end of the walk. Options.FS
// is the file system read, so that tests can make it fail.
//
// Every paragraph maps each byte of its text back to the original file,
// so evidence points at the line and column an editor can find, even in
// an HTML page or a Markdown draft.
//
// Every failure is an *Error naming the input (a file, a URL, "dump.jsonl:7"
// or "feed.xml#3") and wrapping one of the sentinel errors (ErrEmpty,
// ErrBinary, ErrHTTP, …), so callers can both print it and test for it
// with errors.Is.
package sources
