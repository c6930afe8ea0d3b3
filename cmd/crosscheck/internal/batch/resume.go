package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// A journalHeader is the first line of a journal: what its events are
// checked under, as summary.json records it for a finished run.
type journalHeader struct {
	Tool     version.Tool      `json:"tool"`
	Settings map[string]string `json:"settings"`
}

// checkResume refuses to resume in dir when an earlier run there checked
// its events under other settings or with another crosscheck than tool
// and settings: its interrupted run's journal and its finished run's
// summary.json are each held to them. It names what differs.
func checkResume(dir string, tool version.Tool, settings map[string]string) error {
	for _, rec := range []struct {
		path, what string
		read       func(string) (*journalHeader, error)
	}{
		{filepath.Join(dir, journalFile), "an interrupted run", readJournalHeader},
		{filepath.Join(dir, SummaryFile), "a finished run", readSummaryHeader},
	} {
		h, err := rec.read(rec.path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		again := "run without --resume to check every event again, or with the settings and crosscheck they were checked under"
		if h == nil {
			return fmt.Errorf("--resume: the events in %s (%s, %s) were checked by a crosscheck whose settings are not recorded: %s", dir, rec.what, filepath.Base(rec.path), again)
		}
		if diff := differences(*h, journalHeader{tool, settings}, "this run"); len(diff) > 0 {
			return fmt.Errorf("--resume: the events in %s (%s, %s) were checked under other settings: %s; %s", dir, rec.what, filepath.Base(rec.path), strings.Join(diff, "; "), again)
		}
	}
	return nil
}

// differences lists what differs between what events were checked under
// (was) and what other events are (is, which label names), the tool
// first, then the settings by name.
func differences(was, is journalHeader, label string) []string {
	var diff []string
	if was.Tool != is.Tool {
		diff = append(diff, fmt.Sprintf("%s %s (%s %s)", was.Tool.Name, was.Tool.Version, label, is.Tool.Version))
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range was.Settings {
			if !yield(k) {
				return
			}
		}
		for k := range is.Settings {
			if _, ok := was.Settings[k]; !ok && !yield(k) {
				return
			}
		}
	})
	show := func(m map[string]string, k string) string {
		if v, ok := m[k]; ok {
			return v
		}
		return "unset"
	}
	for _, k := range keys {
		if a, b := show(was.Settings, k), show(is.Settings, k); a != b {
			diff = append(diff, fmt.Sprintf("%s %s (%s %s)", k, a, label, b))
		}
	}
	return diff
}

// readJournalHeader reads a journal's header: nil when the journal has
// none (a crosscheck from before headers), fs.ErrNotExist when there is
// no journal or an empty one.
func readJournalHeader(path string) (*journalHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadBytes('\n')
	if errors.Is(err, io.EOF) {
		// Not one whole line: an interruption as the journal was begun,
		// before any event was checked.
		return nil, fs.ErrNotExist
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var h journalHeader
	if json.Unmarshal(line, &h) != nil || h.Tool.Name == "" {
		return nil, nil
	}
	return &h, nil
}

// readSummaryHeader reads what a finished run's summary.json says it was
// checked under: nil when it does not say.
func readSummaryHeader(path string) (*journalHeader, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var s Summary
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if s.Tool.Name == "" || s.Settings == nil {
		return nil, nil
	}
	return &journalHeader{s.Tool, s.Settings}, nil
}

// carryOver appends to the journal the lines of a finished run's
// events.jsonl whose events the journal does not hold, so that the events
// a resumed run keeps from it are in the report it writes.
func carryOver(journal io.Writer, events string, inJournal map[string]string) error {
	f, err := os.Open(events)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(journal, 1<<16)
	br := bufio.NewReaderSize(f, 1<<16)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			var ev struct{ ID string }
			if json.Unmarshal(line, &ev) == nil && ev.ID != "" {
				if _, ok := inJournal[ev.ID]; !ok {
					if _, err := bw.Write(line); err != nil {
						return err
					}
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return bw.Flush()
		}
		if err != nil {
			return fmt.Errorf("%s: %w", events, err)
		}
	}
}

// header is the journal's first line.
func header(tool version.Tool, settings map[string]string) []byte {
	line, _ := json.Marshal(journalHeader{tool, settings}) // strings only: cannot fail
	return append(line, '\n')
}
