package checker

// An EventReport is one line of a batch run's events.jsonl: an event's
// articles and the disagreements among them, findings per the report
// contract.
type EventReport struct {
	SchemaVersion int    `json:"schema_version"`
	ID            string `json:"id"`
	Title         string `json:"title"`
	// Status is "checked", or "unchecked" for an event only one article
	// reports: nothing to compare it with.
	Status string `json:"status"`
	// Hash identifies the event's articles (their IDs and text), so that
	// a resumed run checks again an event whose articles changed.
	Hash     string       `json:"hash"`
	Sources  []SourceInfo `json:"sources"`
	Findings []Finding    `json:"findings"`
	// Agreements counts the facts the sources corroborate.
	Agreements int `json:"agreements"`
	// Duplicates are input records merged into one of the event's
	// articles because they are the same article.
	Duplicates []DuplicateInfo `json:"duplicates,omitempty"`
}

// The statuses of an EventReport.
const (
	EventChecked   = "checked"
	EventUnchecked = "unchecked"
)

// TopConfidence is the confidence of the event's most confident finding,
// 0 when it has none.
func (e *EventReport) TopConfidence() float64 {
	top := 0.0
	for _, f := range e.Findings {
		top = max(top, f.Confidence)
	}
	return top
}

// A BatchSummary is a batch run's summary.json: what happened to every
// input record. Records = Checked + Duplicates + Singletons + Skipped +
// OtherShards, always.
type BatchSummary struct {
	SchemaVersion int      `json:"schema_version"`
	Inputs        []string `json:"inputs"`
	// Shard is "i/n" for a run of one shard, empty for a whole run.
	Shard string `json:"shard,omitempty"`
	// Since is the --since cut-off, RFC 3339, when one was given.
	Since string `json:"since,omitempty"`
	// Grouping names how articles were put into events.
	Grouping string           `json:"grouping"`
	Articles ArticleCounts    `json:"articles"`
	Skipped  map[string]int   `json:"skipped"` // reason -> records; each is listed in skipped.jsonl
	Events   EventCounts      `json:"events"`
	Findings map[Severity]int `json:"findings"`
}

// ArticleCounts account for every input record.
type ArticleCounts struct {
	Records     int `json:"records"`      // input records read: articles, and records that are not
	Checked     int `json:"checked"`      // in an event with two or more articles
	Duplicates  int `json:"duplicates"`   // merged into another record as the same article
	Singletons  int `json:"singletons"`   // alone in their event: reported, unchecked
	Skipped     int `json:"skipped"`      // not read, or left out (--since), each with a reason
	OtherShards int `json:"other_shards"` // in events another shard checks
}

// EventCounts count a run's events.
type EventCounts struct {
	Total        int `json:"total"`
	Checked      int `json:"checked"`
	Unchecked    int `json:"unchecked"`
	WithFindings int `json:"with_findings"`
	Resumed      int `json:"resumed"` // taken from an interrupted run's output, not checked again
}

// Accounted is the number of records the counts account for.
func (c ArticleCounts) Accounted() int {
	return c.Checked + c.Duplicates + c.Singletons + c.Skipped + c.OtherShards
}
