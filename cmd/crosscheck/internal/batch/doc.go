// Package batch runs crosscheck over a corpus: it groups the articles
// into events, checks each event on its own, and writes a report for the
// whole run. It is what `crosscheck batch` and `crosscheck merge` call.
//
// A run reads its inputs twice, streaming both times, so that memory is
// bounded by the events in flight and not by the corpus:
//
//  1. Scan. Every record is read once: an unreadable one, or one
//     published before Since, is skipped with its reason; a copy of an
//     earlier article (same URL or same text) is merged into it; the
//     rest are grouped into events (package group). The outcome, a line
//     per record, is DIR/events.assign.jsonl, and a run given one
//     (Options.Assign) skips the scan: that is how shards share one
//     grouping.
//  2. Check. The records are read again; each event's articles are held
//     until its last has been read and then checked, by Jobs workers, as
//     a pure function of those articles (CheckEvent). Each result is
//     appended to a journal as it is done.
//
// At the end the journal becomes events.jsonl (sorted by event ID),
// summary.json, skipped.jsonl and the human reports, each written to a
// temporary file and renamed, so an interrupted run never leaves half a
// report; Resume reads the journal of an interrupted run and checks only
// the events it does not hold with the same articles.
//
// A run holds a lock on Dir while it writes it, as Merge does, so that
// two runs never write one directory; a second is refused, not queued.
// A cancelled Context stops a run in any phase.
//
// Shard i of n checks only the events whose ID hashes to i; Merge
// combines the shards' directories into the report one run would write.
package batch
