package batch

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/group"
	"github.com/crosscheck/crosscheck/sources"
)

// A Record is the fate of one input record: a line of
// events.assign.jsonl. Exactly one of Event (with DuplicateOf when it is
// a copy) and Skipped is set.
type Record struct {
	N           int    `json:"n"`      // its place in the input, from 1
	Key         string `json:"record"` // where it is ("dump.jsonl:7", a file)
	ID          string `json:"id,omitempty"`
	Event       string `json:"event,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"` // the key of the record it copies
	Skipped     bool   `json:"skipped,omitempty"`
	Reason      string `json:"reason,omitempty"` // why it was skipped, or merged
	// Warning is a problem the record was read past: a feed item's date
	// that cannot be read, without --since.
	Warning string `json:"warning,omitempty"`
}

// An Assignment is the outcome of a scan: every record's fate.
type Assignment struct {
	Grouping string
	Records  []Record
}

// AssignFile is the name of the assignment in an output directory.
const AssignFile = "events.assign.jsonl"

// assignHeader is the first line of an assignment file.
type assignHeader struct {
	Grouping string `json:"grouping"`
	Records  int    `json:"records"`
}

// scan reads every record once and decides its fate.
func scan(opt *Options) (*Assignment, error) {
	gopt := opt.Group
	g := group.New(gopt)
	var recs []Record
	var gidx []int32 // record -> article number in g, or -1
	first := map[uint64]int32{}
	ids := map[uint64]int32{} // a hash of each ID given -> how many times
	var dupOf []int32         // record -> the record it copies, or -1
	named := false
	// handle decides a record's fate, in input order.
	handle := func(p *scanned) error {
		if err := opt.Context.Err(); err != nil {
			return err
		}
		r := p.r
		rec := Record{N: len(recs) + 1, Key: r.Key}
		gi, dup := int32(-1), int32(-1)
		a := r.Article
		switch {
		case r.Err != nil:
			rec.Skipped, rec.Reason = true, reasonOf(r.Err)
		case !opt.Since.IsZero() && errors.Is(r.Warn, sources.ErrBadDate):
			// Read as undated it would be kept; but its date was given,
			// and may be before --since.
			rec.Skipped, rec.Reason = true, reasonOf(r.Warn)+"; cannot tell whether it is before --since"
		case !opt.Since.IsZero() && !a.Published.IsZero() && a.Published.Before(opt.Since):
			rec.Skipped, rec.Reason = true, "published before --since"
		default:
			if r.Warn != nil {
				rec.Warning = reasonOf(r.Warn)
			}
			rec.ID = uniqueID(a, r.Key, ids)
			if j, ok := first[p.hu]; ok && p.url {
				rec.DuplicateOf, rec.Reason, dup = recs[j].Key, "same URL", j
			} else if j, ok := first[p.ht]; ok && p.text {
				rec.DuplicateOf, rec.Reason, dup = recs[j].Key, "same text", j
			} else {
				if p.url {
					first[p.hu] = int32(len(recs))
				}
				first[p.ht] = int32(len(recs))
				gi = int32(g.AddNames(a, p.names))
				if a.Event != "" {
					named = true
					rec.Event = a.Event
				}
			}
		}
		recs = append(recs, rec)
		gidx = append(gidx, gi)
		dupOf = append(dupOf, dup)
		opt.Counters.Records.Add(1)
		return nil
	}
	// Records are read a batch at a time: each article of a batch on every
	// worker (its copy keys and name words), then the batch in order
	// while the next one is read.
	batches := make(chan []scanned, 1)
	var herr error          // handle's first error; read after handled is closed
	var stopped atomic.Bool // and so set
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		for b := range batches {
			for i := 0; i < len(b) && herr == nil; i++ {
				if herr = handle(&b[i]); herr != nil {
					stopped.Store(true)
				}
			}
		}
	}()
	batch := make([]scanned, 0, scanBatch)
	seeds := [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()} // of the URL and text keys
	send := func() {
		parallel(len(batch), opt.Jobs, func(i int) { batch[i].read(seeds) })
		batches <- batch
		batch = make([]scanned, 0, scanBatch)
	}
	err := sources.Stream(opt.Inputs, opt.Sources, func(r sources.Record) error {
		if err := opt.Context.Err(); err != nil {
			return err
		}
		if stopped.Load() {
			return errStopped
		}
		batch = append(batch, scanned{r: r})
		if len(batch) == scanBatch {
			send()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		send()
	}
	close(batches)
	<-handled
	if herr != nil {
		err = herr
	}
	if err != nil {
		return nil, err
	}
	labels := g.Groups()
	// The members of each group, by their record.
	members := map[int][]int32{}
	for n, gi := range gidx {
		if gi >= 0 {
			members[labels[gi]] = append(members[labels[gi]], int32(n))
		}
	}
	for _, ms := range members {
		id := recs[ms[0]].Event // a named event keeps its name
		if id == "" {
			names := make([]string, len(ms))
			for i, n := range ms {
				names[i] = recs[n].ID
			}
			slices.Sort(names)
			sum := sha256.Sum256([]byte(strings.Join(names, "\n")))
			id = "ev-" + hex.EncodeToString(sum[:6])
		}
		for _, n := range ms {
			recs[n].Event = id
		}
	}
	for i, j := range dupOf {
		if j >= 0 {
			recs[i].Event = recs[j].Event
		}
	}
	how := describe(gopt)
	if named {
		how = "the input's event field where given; otherwise " + how
	}
	return &Assignment{Grouping: how, Records: recs}, nil
}

// describe names the grouping method and its parameters.
func describe(o group.Options) string {
	d := group.DefaultOptions()
	if o.Bands == 0 {
		o = d
	}
	return fmt.Sprintf("MinHash/LSH over each article's %d most salient name words (%d bands × %d rows); linked at TF-IDF cosine ≥ %.2g within %s; rarity from a background corpus and the events of a first pass",
		o.Salient, o.Bands, o.Rows, o.Threshold, o.Window)
}

// uniqueID is an article's ID: its own, else its file name without
// extension (for a JSONL line, the line's key), made unique in the run.
func uniqueID(a *checker.Article, key string, seen map[uint64]int32) string {
	base := strings.TrimSpace(a.ID)
	if base == "" {
		base = filepath.Base(key)
		if i := strings.LastIndexByte(base, ':'); i < 0 {
			base = strings.TrimSuffix(base, filepath.Ext(base))
		}
	}
	// Hashes, not strings, keep a million IDs small; for a suffixed ID to
	// collide with another, two 64-bit hashes would have to.
	h := hash64(base)
	seen[h]++
	if n := seen[h]; n > 1 {
		return base + "-" + strconv.Itoa(int(n))
	}
	return base
}

// scanBatch is how many records scan reads at a time.
const scanBatch = 256

// A scanned record is one record of a scan with what is read of its
// article before its fate is decided: the hashes of its copy keys
// (sources.SameArticle) and its name words.
type scanned struct {
	r         sources.Record
	url, text bool // the article has the key
	hu, ht    uint64
	names     group.Names
}

// read reads what a scan needs of the record's article, if it has one:
// its copy keys hashed with the seeds of URLs and texts, within the run.
func (s *scanned) read(seeds [2]maphash.Seed) {
	a := s.r.Article
	if a == nil {
		return
	}
	u, t := sources.SameArticle(a)
	s.url, s.text = u != "", t != ""
	s.hu, s.ht = maphash.String(seeds[0], u), maphash.String(seeds[1], t)
	s.names = group.ReadNames(a)
}

// errStopped stops a stream whose records are no longer handled; the
// handler's own error is returned instead.
var errStopped = errors.New("scan stopped")

// parallel calls fn(i) for every i below n, on up to workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}

// reasonOf is why a record was skipped, without the record's name,
// which the skip lists beside it.
func reasonOf(err error) string {
	var e *sources.Error
	if errors.As(err, &e) && e.Err != nil {
		return e.Err.Error()
	}
	return err.Error()
}

// reasonClass is the kind of a reason, for the summary's counts: the
// text before its first colon ("bad JSONL line").
func reasonClass(reason string) string {
	if i := strings.Index(reason, ": "); i > 0 {
		return reason[:i]
	}
	return reason
}

func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// ShardOf is the shard, of n, that checks an event (or owns a skipped
// record), by a hash of its ID.
func ShardOf(id string, n int) int {
	if n <= 1 {
		return 0
	}
	return int(hash64(id) % uint64(n))
}

// WriteAssignment writes an assignment as JSONL: a header line with the
// grouping method, then a line per record.
func WriteAssignment(w io.Writer, a *Assignment) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(assignHeader{Grouping: a.Grouping, Records: len(a.Records)}); err != nil {
		return err
	}
	for i := range a.Records {
		if err := enc.Encode(&a.Records[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadAssignment reads what WriteAssignment wrote, checking that it is
// whole: every record from 1 to the count its header gives.
func ReadAssignment(path string) (*Assignment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var head assignHeader
	a := &Assignment{}
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if err := json.Unmarshal(sc.Bytes(), &head); err != nil || head.Grouping == "" {
				return nil, fmt.Errorf("%s:1: not an event assignment header (want {\"grouping\":…,\"records\":N})", path)
			}
			a.Grouping = head.Grouping
			a.Records = make([]Record, 0, head.Records)
			continue
		}
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if r.N != len(a.Records)+1 || r.Key == "" || (r.Event == "") == !r.Skipped {
			return nil, fmt.Errorf("%s:%d: record %d out of order or without an event or a skip reason", path, line, r.N)
		}
		a.Records = append(a.Records, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	if len(a.Records) != head.Records {
		return nil, fmt.Errorf("%s: %d records, the header says %d: the file is cut short", path, len(a.Records), head.Records)
	}
	return a, nil
}
