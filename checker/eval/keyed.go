package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/align"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/read"
	"github.com/crosscheck/crosscheck/sources"
)

// A Key is an answer key written by a person who read the articles of one
// event and never the code: the disagreements a perfect checker reports
// and the traps it must not fall into. It is the key.json of the
// independent dev clusters and of the real-news dev set.
type Key struct {
	Event         string      `json:"event"`
	Disagreements []KeyedFact `json:"disagreements"`
	Traps         []KeyedTrap `json:"traps"`
}

// A KeyedFact is one planted or real disagreement: two values of one fact
// that cannot both be true.
type KeyedFact struct {
	What  string     `json:"what"`
	Kind  string     `json:"kind"`
	Value []KeyValue `json:"values"`
	// ChangedOverTime marks a figure that changed over the coverage (a
	// death toll that rose): still a disagreement an editor wants shown.
	ChangedOverTime bool `json:"changed_over_time,omitempty"`
	// Sides names the files stating each value, when the key gives them.
	Sides [][]string `json:"sides,omitempty"`
}

// A KeyedTrap is what must not be reported: with two values, a pair that
// must never be a finding's opposed pair; with one, a fact stated in other
// words or units that must not be opposed to itself.
type KeyedTrap struct {
	What  string     `json:"what"`
	Value []KeyValue `json:"values"`
}

// A KeyValue is a number in base units, or a string matched inside a
// value's date or text ("04-06", "2:17:41").
type KeyValue struct {
	Num   float64
	Str   string
	IsStr bool
}

// UnmarshalJSON reads a number or a string.
func (v *KeyValue) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		v.IsStr = true
		return json.Unmarshal(b, &v.Str)
	}
	if err := json.Unmarshal(b, &v.Num); err != nil {
		return fmt.Errorf("a key value is a number or a string, got %s", b)
	}
	return nil
}

// MarshalJSON writes the value back as it was read.
func (v KeyValue) MarshalJSON() ([]byte, error) {
	if v.IsStr {
		return json.Marshal(v.Str)
	}
	return json.Marshal(v.Num)
}

func (v KeyValue) String() string {
	if v.IsStr {
		return v.Str
	}
	return strconv.FormatFloat(v.Num, 'g', -1, 64)
}

// LoadKey reads a key.json.
func LoadKey(path string) (Key, error) {
	var k Key
	data, err := os.ReadFile(path)
	if err != nil {
		return k, err
	}
	if err := json.Unmarshal(data, &k); err != nil {
		return k, fmt.Errorf("%s: %w", path, err)
	}
	for i, d := range k.Disagreements {
		if len(d.Value) != 2 {
			return k, fmt.Errorf("%s: disagreement %d (%q): want 2 values, got %d", path, i+1, d.What, len(d.Value))
		}
	}
	for i, t := range k.Traps {
		if len(t.Value) < 1 || len(t.Value) > 2 {
			return k, fmt.Errorf("%s: trap %d (%q): want 1 or 2 values, got %d", path, i+1, t.What, len(t.Value))
		}
	}
	return k, nil
}

var figureRE = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

// keyMatches reports whether a report's value group carries the key's
// value, as the dev sets' score.py counts it: numbers within 0.5%, whole
// numbers under a million exactly, the figure as written in the value's
// text too; strings inside the value's date or text.
func keyMatches(g checker.ValueGroup, want KeyValue) bool {
	if want.IsStr {
		return strings.Contains(g.Value.Date+" "+g.Text, want.Str)
	}
	var ns []float64
	ns = append(ns, g.Value.Amount)
	if g.Value.Low != nil {
		ns = append(ns, *g.Value.Low)
	}
	if g.Value.High != nil {
		ns = append(ns, *g.Value.High)
	}
	for _, m := range figureRE.FindAllString(g.Text, -1) {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64); err == nil {
			ns = append(ns, f)
		}
	}
	w := want.Num
	for _, n := range ns {
		switch {
		case w == 0:
			if n == 0 {
				return true
			}
		case w == math.Round(w) && math.Abs(w) < 1e6:
			if n == w {
				return true
			}
		case math.Abs(n-w)/math.Abs(w) <= 0.005:
			return true
		}
	}
	return false
}

// carries reports whether distinct value groups of gs carry every value.
func carries(gs []checker.ValueGroup, values []KeyValue) bool {
	used := make([]bool, len(gs))
	for _, want := range values {
		hit := -1
		for i, g := range gs {
			if !used[i] && keyMatches(g, want) {
				hit = i
				break
			}
		}
		if hit < 0 {
			return false
		}
		used[hit] = true
	}
	return true
}

// breaks reports whether finding f falls into trap t: its opposed pair
// (the first two values) carries both of a two-value trap's values, or a
// one-value trap's value opposed to itself in another scale.
func breaks(f checker.Finding, t KeyedTrap) bool {
	pair := f.Values[:min(2, len(f.Values))]
	if len(t.Value) == 2 {
		return carries(pair, t.Value)
	}
	v := t.Value[0]
	for i, g := range pair {
		if !keyMatches(g, v) {
			continue
		}
		for j, h := range pair {
			if j == i {
				continue
			}
			if v.IsStr {
				if keyMatches(h, v) {
					return true
				}
				continue
			}
			for _, s := range []float64{1, 1.0 / 100, 100, 1.0 / 1000, 1000, 1e6, 1e-6} {
				if keyMatches(h, KeyValue{Num: v.Num * s}) {
					return true
				}
			}
		}
	}
	return false
}

// A KeyedEvent is an event's articles and its key.
type KeyedEvent struct {
	Name     string
	Key      Key
	Articles []*checker.Article
}

// A TrapBreak is a trap a finding fell into.
type TrapBreak struct {
	Case, What string
	Confidence float64
	X          []float64 // the finding's fact features, for refitting
}

// Miss classes: why a true disagreement was not reported, judged from
// what the checker read. They follow the failure classes of the reading
// issue, as far as the output can tell them apart.
const (
	MissMisread   = "misread"    // a value is not among the figures read
	MissUnpaired  = "unpaired"   // both are figures, never a candidate pair (kind, unit, ratio or tolerance apart)
	MissAlignment = "alignment"  // a candidate pair, never in one finding
	MissLowScore  = "confidence" // a finding carries both, below the threshold
)

// Keyed checks each event with c and scores its findings against its key:
// a finding is right when it carries both values of one of the key's
// disagreements. Traps broken are counted at every threshold the caller
// asks for through TrapsAt.
func Keyed(suite string, events []KeyedEvent, c *judge.Checker) SuiteResult {
	r := SuiteResult{Suite: suite}
	for _, ev := range events {
		r.Cases++
		if len(ev.Key.Disagreements) == 0 {
			r.Negatives++
		}
		rep := c.Check(ev.Articles)
		for i, d := range ev.Key.Disagreements {
			tags := []string{"kind:" + d.Kind}
			if d.ChangedOverTime {
				tags = append(tags, "changed over time")
			}
			r.Truth = append(r.Truth, Truth{ID: fmt.Sprintf("%s#%d", ev.Name, i), Case: ev.Name, What: d.What, Tags: tags})
		}
		for _, f := range rep.Findings {
			if f.Kind != "disagreement" {
				continue
			}
			det := Detection{Case: ev.Name, Finding: Describe(f), Confidence: f.Confidence}
			if f.Factors != nil {
				det.X = f.Factors.Fact
			}
			ev.Key.cover(&det, f, ev.Name)
			r.Detections = append(r.Detections, det)
			for _, t := range ev.Key.Traps {
				if breaks(f, t) {
					r.Traps = append(r.Traps, TrapBreak{Case: ev.Name, What: t.What, Confidence: f.Confidence, X: det.X})
				}
			}
		}
		r.TrapCount += len(ev.Key.Traps)
		r.diagnose(ev, rep, c)
	}
	return r
}

// cover marks det with the key's disagreements whose values finding f
// carries: one as the disagreement it covers, the rest as also found. The
// one it covers is the first whose values its opposed pair (its first
// two values, what an editor reads first and what traps are judged on)
// carries, and the finding is then strict; else the first it carries
// anywhere, and the finding is not strict.
func (k Key) cover(det *Detection, f checker.Finding, event string) {
	opposed := f.Values[:min(2, len(f.Values))]
	var carried []int // the disagreements f carries, by index
	lead := -1        // the first of them its opposed pair carries, in carried
	for i, d := range k.Disagreements {
		if !carries(f.Values, d.Value) {
			continue
		}
		if lead < 0 && carries(opposed, d.Value) {
			lead = len(carried)
		}
		carried = append(carried, i)
	}
	if len(carried) == 0 {
		return
	}
	det.Strict = lead >= 0
	lead = max(lead, 0)
	id := func(i int) string { return fmt.Sprintf("%s#%d", event, i) }
	det.Covers = id(carried[lead])
	det.Tags = []string{"kind:" + k.Disagreements[carried[lead]].Kind}
	for j, i := range carried {
		if j != lead {
			det.Also = append(det.Also, id(i))
		}
	}
}

// diagnose gives each disagreement of ev a miss class, for when it is
// missed: the deepest stage that still carried both of its values.
func (r *SuiteResult) diagnose(ev KeyedEvent, rep *checker.Report, c *judge.Checker) {
	if r.Why == nil {
		r.Why = map[string]string{}
	}
	claims := read.Extractor{Lex: c.Lexicon}.Extract(ev.Articles)
	figs := c.Figures(ev.Articles, claims)
	pairs := align.NewEvent(figs).Pairs(judge.Comparer(c.Tolerances))
	group := func(i int) checker.ValueGroup {
		q := figs[i].Quantity
		return checker.ValueGroup{Text: q.Text, Value: checker.ValueOf(q)}
	}
	for i, d := range ev.Key.Disagreements {
		id := fmt.Sprintf("%s#%d", ev.Name, i)
		read := true
		for _, v := range d.Value {
			in := false
			for fi := range figs {
				if keyMatches(group(fi), v) {
					in = true
					break
				}
			}
			read = read && in
		}
		k := Key{Disagreements: []KeyedFact{d}}
		paired := false
		for _, p := range pairs {
			if k.Opposes(group(p.A), group(p.B)) {
				paired = true
				break
			}
		}
		class := MissUnpaired
		switch {
		case !read:
			class = MissMisread
		case paired:
			class = MissAlignment
			for _, f := range rep.Findings {
				if carries(f.Values, d.Value) {
					class = MissLowScore
					break
				}
			}
		}
		r.Why[id] = class
	}
}

// TrapsAt returns the traps broken by findings at or above t.
func (r SuiteResult) TrapsAt(t float64) []TrapBreak {
	return filter(r.Traps, func(b TrapBreak) bool { return b.Confidence >= t })
}

// MissedBy counts the disagreements missed at t by miss class.
func (r SuiteResult) MissedBy(t float64) map[string]int {
	out := map[string]int{}
	for _, m := range r.Missed(t) {
		out[r.Why[m.ID]]++
	}
	return out
}

// LoadKeyedDir reads the events of a dev set: each subdirectory of keys
// that holds a key.json is an event, its articles read from the
// subdirectory of the same name under texts (the same directory when
// texts is keys). An event whose texts are absent is skipped and named in
// the returned list.
func LoadKeyedDir(keys, texts string) (events []KeyedEvent, absent []string, err error) {
	paths, err := filepath.Glob(filepath.Join(keys, "*", "key.json"))
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		if _, serr := os.Stat(keys); serr != nil {
			return nil, nil, fmt.Errorf("%s: %w", keys, fs.ErrNotExist)
		}
		return nil, nil, fmt.Errorf("%s: no events (no */key.json)", keys)
	}
	sort.Strings(paths)
	for _, p := range paths {
		name := filepath.Base(filepath.Dir(p))
		k, err := LoadKey(p)
		if err != nil {
			return nil, nil, err
		}
		dir := filepath.Join(texts, name)
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			absent = append(absent, name)
			continue
		}
		res, err := sources.Load([]string{dir}, sources.Options{})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		events = append(events, KeyedEvent{Name: name, Key: k, Articles: res.Articles})
	}
	return events, absent, nil
}

// Opposes reports whether value groups a and b carry the two values of
// one of the key's disagreements, one each: what a finding opposing them
// would be right about.
func (k Key) Opposes(a, b checker.ValueGroup) bool {
	for _, d := range k.Disagreements {
		if keyMatches(a, d.Value[0]) && keyMatches(b, d.Value[1]) || keyMatches(a, d.Value[1]) && keyMatches(b, d.Value[0]) {
			return true
		}
	}
	return false
}

// KeyOf turns a fixture's expectation into a key: its expected
// disagreements' first two values (a date, else the amount, else the
// lower bound) and its forbidden pairs as traps.
func KeyOf(e Expectation) Key {
	k := Key{Event: e.Event}
	conv := func(specs []ValueSpec) []KeyValue {
		var out []KeyValue
		for _, v := range specs {
			switch {
			case v.Date != "":
				out = append(out, KeyValue{Str: v.Date, IsStr: true})
			case v.Amount != nil:
				out = append(out, KeyValue{Num: *v.Amount})
			case v.Low != nil:
				out = append(out, KeyValue{Num: *v.Low})
			case v.High != nil:
				out = append(out, KeyValue{Num: *v.High})
			}
		}
		return out
	}
	for _, d := range e.Disagreements {
		if vs := conv(d.Values); len(vs) >= 2 {
			k.Disagreements = append(k.Disagreements, KeyedFact{What: d.Reason, Kind: d.Values[0].Kind, Value: vs[:2]})
		}
	}
	for _, f := range e.Forbidden {
		if vs := conv(f.Values); len(vs) >= 1 && len(vs) <= 2 {
			k.Traps = append(k.Traps, KeyedTrap{What: f.Reason, Value: vs})
		}
	}
	return k
}

// LoadFixtureEvents reads the fixture events under dir as keyed events.
func LoadFixtureEvents(dir string) ([]KeyedEvent, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "expected.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []KeyedEvent
	for _, p := range paths {
		e, err := LoadExpectation(p)
		if err != nil {
			return nil, err
		}
		res, err := sources.Load([]string{filepath.Dir(p)}, sources.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, KeyedEvent{Name: filepath.Base(filepath.Dir(p)), Key: KeyOf(e), Articles: res.Articles})
	}
	return out, nil
}

// Merge adds the cases, detections, truth and traps of o to r.
func (r *SuiteResult) Merge(o SuiteResult) {
	r.Cases += o.Cases
	r.Negatives += o.Negatives
	r.Detections = append(r.Detections, o.Detections...)
	r.Truth = append(r.Truth, o.Truth...)
	r.Traps = append(r.Traps, o.Traps...)
	r.TrapCount += o.TrapCount
	r.Notes = append(r.Notes, o.Notes...)
	if r.Why == nil {
		r.Why = map[string]string{}
	}
	for k, v := range o.Why {
		r.Why[k] = v
	}
}

// Matches reports whether a value group carries a key's value.
func Matches(g checker.ValueGroup, v KeyValue) bool { return keyMatches(g, v) }
