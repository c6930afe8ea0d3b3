package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/read"
)

// A Case is one input of a third-party spec and what it expects.
type Case struct {
	Suite    string // "recognizers-text", "duckling"
	ID       string // where it is in the spec: file and index
	Category string // the spec's category: "currency", "number-words", "money", …
	Input    string
	// Locale is the spec's locale ("EN_AU"), "" for the default. It sets
	// the currency a bare "$" means.
	Locale string
	// Negative cases expect no quantity of kind Deny (any kind when
	// empty), or with DenyBounds no bounded or ranged value either.
	Negative   bool
	Deny       []quantity.Kind
	DenyBounds bool
	Want       []Want
	// Whole says the expected value spans the whole input (Duckling).
	Whole bool
}

// Want is one expected value.
type Want struct {
	Text string
	// Kinds the value may be found as; any kind when empty.
	Kinds []quantity.Kind
	// Units accepted (currency codes; "year", "month" … for ages); any
	// when empty.
	Units []string
	// Low and High bound the value; equal for a single value; an open
	// side is infinite.
	Low, High float64
	// Start and End are the expected span in bytes of Input, End
	// exclusive; -1 when the spec gives none.
	Start, End int
}

// A Recognizer reads the quantities of one input; a Found's Start and
// End are byte offsets in the input.
type Recognizer func(input, locale string) ([]read.Found, error)

// dollarCodes are the currencies written "$".
var dollarCodes = []string{"USD", "AUD", "CAD", "NZD", "HKD", "SGD", "JMD", "TTD", "BZD", "MXN", "TWD"}

// specUnits maps a spec's unit name to the currency codes it allows.
// "Cent", "Pence" and the like are hundredths: see subunits.
var specUnits = map[string][]string{
	"Dollar": dollarCodes, "United States dollar": {"USD"}, "USD": {"USD"},
	"Euro": {"EUR"}, "EUR": {"EUR"}, "Pound": {"GBP"}, "British pound": {"GBP"}, "GBP": {"GBP"},
	"Chinese yuan": {"CNY"}, "CNY": {"CNY"}, "Japanese yen": {"JPY"},
	"Canadian dollar": {"CAD"}, "CAD": {"CAD"}, "Australian dollar": {"AUD"}, "AUD": {"AUD"},
	"New Zealand dollar": {"NZD"}, "NZD": {"NZD"}, "Hong Kong dollar": {"HKD"},
	"Franc": {"CHF", "FRF"}, "Swiss franc": {"CHF"}, "CHF": {"CHF"},
	"Rupee": {"INR"}, "INR": {"INR"}, "Sri Lankan rupee": {"LKR"},
	"Turkish lira": {"TRY"}, "Mexican peso": {"MXN"}, "Bitcoin": {"BTC"},
	"Costa Rican colón": {"CRC"}, "Georgian lari": {"GEL"}, "Lao kip": {"LAK"},
	"Finnish markka": {"FIM"}, "Peseta": {"ESP"}, "Netherlands guilder": {"NLG"},
	"JMD": {"JMD"}, "TTD": {"TTD"}, "MYR": {"MYR"}, "EGP": {"EGP"}, "KWD": {"KWD"},
	"LBP": {"LBP"}, "QAR": {"QAR"}, "SAR": {"SAR"}, "BGN": {"BGN"}, "ILS": {"ILS"},
	"UAH": {"UAH"}, "MNT": {"MNT"}, "Dinar": {"KWD", "IQD", "JOD", "BHD", "DZD", "LYD", "TND", "RSD"},
	"Rial": {"IRR", "OMR", "YER"}, "Riyal": {"SAR", "QAR"},
}

// subunits are hundredths of a currency: a value in cents is found as
// the currency amount divided by 100.
var subunits = map[string][]string{
	"Cent": dollarCodes, "Pence": {"GBP"}, "Penny": {"GBP"}, "Sen": {"MYR"},
	"Satoshi": {"BTC"},
}

// LocaleDollar is the currency a bare "$" means in a spec locale.
var LocaleDollar = map[string]string{
	"EN_AU": "AUD", "EN_CA": "CAD", "EN_NZ": "NZD", "EN_JM": "JMD", "EN_TT": "TTD",
	"EN_US": "USD", "EN_BZ": "BZD",
}

// LocaleCurrency is the local currency of a spec locale, where it is not
// its dollar: what "10 grand" means.
var LocaleCurrency = map[string]string{"EN_GB": "GBP"}

// currencyWant fills w's kind, units and scale from a spec unit name.
func currencyWant(w *Want, unit string) error {
	w.Kinds = []quantity.Kind{quantity.Money}
	if codes, ok := subunits[unit]; ok {
		w.Units = codes
		w.Low /= 100
		w.High /= 100
		if unit == "Satoshi" {
			w.Low /= 1e6
			w.High /= 1e6
		}
		return nil
	}
	if unit == "Unnamed" {
		return nil
	}
	codes, ok := specUnits[unit]
	if !ok {
		return fmt.Errorf("unknown currency unit %q", unit)
	}
	w.Units = codes
	return nil
}

// LoadRecognizers reads Recognizers-Text's flattened relevant.jsonl.
func LoadRecognizers(path string) ([]Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cases []Case
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var r struct {
			Source   string `json:"source"`
			Index    int    `json:"index"`
			Category string `json:"category"`
			Input    string `json:"input"`
			Results  []struct {
				Text       string
				TypeName   string
				Resolution struct {
					Value *string `json:"value"`
					Unit  string  `json:"unit"`
					ISO   string  `json:"isoCurrency"`
				}
				Start, End int
			} `json:"results"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		file := r.Source[strings.LastIndex(r.Source, "/")+1:]
		c := Case{Suite: "recognizers-text", ID: fmt.Sprintf("%s#%d", file, r.Index), Category: r.Category, Input: r.Input}
		if len(r.Results) == 0 {
			c.Negative = true
			switch {
			case strings.HasPrefix(r.Category, "currency"):
				c.Deny = []quantity.Kind{quantity.Money}
			case strings.HasPrefix(r.Category, "percent"):
				c.Deny = []quantity.Kind{quantity.Percent}
			case r.Category == "age":
				c.Deny = []quantity.Kind{quantity.Age}
			case r.Category == "numberrange":
				c.DenyBounds = true
			default:
				c.Deny = []quantity.Kind{quantity.Number, quantity.Count}
			}
		}
		for _, res := range r.Results {
			if res.Resolution.Value == nil {
				continue // a unit with no figure ("dollars"): nothing to find
			}
			w := Want{Text: res.Text, Start: -1, End: -1}
			w.Start, w.End = byteSpan(r.Input, res.Start, res.End+1)
			v := *res.Resolution.Value
			switch res.TypeName {
			case "numberrange":
				lo, hi, err := parseInterval(v)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", path, line, err)
				}
				w.Low, w.High = lo, hi
			case "percentage":
				x, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: percentage %q: %w", path, line, v, err)
				}
				w.Low, w.High = x, x
				w.Kinds = []quantity.Kind{quantity.Percent}
			default:
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: value %q: %w", path, line, v, err)
				}
				w.Low, w.High = x, x
			}
			switch res.TypeName {
			case "currency":
				unit := res.Resolution.Unit
				if res.Resolution.ISO != "" {
					unit = res.Resolution.ISO
				}
				if err := currencyWant(&w, unit); err != nil {
					if res.Resolution.ISO != "" {
						w.Units = []string{res.Resolution.ISO}
					} else {
						return nil, fmt.Errorf("%s:%d: %w", path, line, err)
					}
				}
			case "age":
				w.Kinds = []quantity.Kind{quantity.Age}
				u := strings.ToLower(res.Resolution.Unit)
				if u == "age" {
					u = "year"
				}
				w.Units = []string{u}
			}
			c.Want = append(c.Want, w)
		}
		if !c.Negative && len(c.Want) == 0 {
			continue // only unit words, no figure
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// byteSpan turns a span in UTF-16 code units (as the .NET specs count)
// into bytes of s.
func byteSpan(s string, start, end int) (int, int) {
	bs, be := -1, -1
	u := 0
	for i, r := range s {
		if u == start {
			bs = i
		}
		if u == end {
			be = i
		}
		u++
		if r >= 0x10000 {
			u++
		}
	}
	if u == end {
		be = len(s)
	}
	if bs < 0 || be < bs {
		return -1, -1
	}
	return bs, be
}

// parseInterval reads a numberrange value: "[1000,5000)", "(150,)".
func parseInterval(v string) (lo, hi float64, err error) {
	if len(v) < 3 {
		return 0, 0, fmt.Errorf("range %q: too short", v)
	}
	parts := strings.Split(v[1:len(v)-1], ",")
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("range %q: want two bounds", v)
	}
	lo, hi = math.Inf(-1), math.Inf(1)
	if p := strings.TrimSpace(parts[0]); p != "" {
		if lo, err = strconv.ParseFloat(p, 64); err != nil {
			return 0, 0, fmt.Errorf("range %q: %w", v, err)
		}
	}
	if p := strings.TrimSpace(parts[1]); p != "" {
		if hi, err = strconv.ParseFloat(p, 64); err != nil {
			return 0, 0, fmt.Errorf("range %q: %w", v, err)
		}
	}
	return lo, hi, nil
}

// LoadDuckling reads the Duckling corpus file.
func LoadDuckling(path string) ([]Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		Cases []struct {
			Dimension string `json:"dimension"`
			Locale    string `json:"locale"`
			Corpus    string `json:"corpus"`
			Input     string `json:"input"`
			Source    string `json:"source"`
			Expected  *struct {
				Kind  string   `json:"kind"`
				Unit  string   `json:"unit"`
				Value *float64 `json:"value"`
				From  *float64 `json:"from"`
				To    *float64 `json:"to"`
			} `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var cases []Case
	for i, d := range file.Cases {
		cat := strings.ToLower(d.Dimension)
		switch d.Dimension {
		case "AmountOfMoney":
			cat = "money"
		case "Numeral":
			cat = "numeral"
		}
		if d.Corpus != "corpus" {
			cat += "-" + d.Corpus
		}
		locale := ""
		if d.Locale != "EN" {
			locale = d.Locale
		}
		c := Case{Suite: "duckling", ID: fmt.Sprintf("%s#%d", d.Locale, i), Category: cat, Input: d.Input, Locale: locale, Whole: true}
		if d.Expected == nil {
			c.Negative = true
			c.Deny = []quantity.Kind{quantity.Money}
			if d.Dimension == "Numeral" {
				c.Deny = []quantity.Kind{quantity.Number, quantity.Count}
			}
			cases = append(cases, c)
			continue
		}
		e := d.Expected
		w := Want{Text: d.Input, Start: 0, End: len(d.Input)}
		switch {
		case e.Kind == "interval" && e.From != nil && e.To != nil:
			w.Low, w.High = *e.From, *e.To
		case e.Kind == "above" && e.Value != nil:
			w.Low, w.High = *e.Value, math.Inf(1)
		case e.Kind == "under" && e.Value != nil:
			w.Low, w.High = math.Inf(-1), *e.Value
		case e.Value != nil:
			w.Low, w.High = *e.Value, *e.Value
		default:
			return nil, fmt.Errorf("%s: case %d: expected %q without a value", path, i, e.Kind)
		}
		switch d.Dimension {
		case "AmountOfMoney":
			if err := currencyWant(&w, e.Unit); err != nil {
				return nil, fmt.Errorf("%s: case %d: %w", path, i, err)
			}
			if d.Locale != "EN" && e.Unit == "Dollar" {
				w.Units = dollarCodes
			}
		case "Quantity":
			w.Kinds = []quantity.Kind{quantity.Measure, quantity.Count, quantity.Number}
		}
		c.Want = []Want{w}
		cases = append(cases, c)
	}
	return cases, nil
}

// Deviations are the spec cases judged wrong for news prose, keyed by
// suite and input, with the reason.
type Deviations map[[2]string]string

// ParseDeviations reads the table of SPEC_DEVIATIONS.md: rows of
// "| suite | `input` | reason |".
func ParseDeviations(md string) (Deviations, error) {
	d := Deviations{}
	for n, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| Suite") {
			continue
		}
		cells := strings.SplitN(strings.TrimSuffix(strings.TrimSpace(line), "|"), "|", 4)
		if len(cells) < 4 {
			return nil, fmt.Errorf("SPEC_DEVIATIONS.md:%d: want | suite | `input` | reason |", n+1)
		}
		suite := strings.TrimSpace(cells[1])
		in := strings.TrimPrefix(cells[2], " ")
		in = strings.TrimSuffix(in, " ")
		if len(in) < 2 || in[0] != '`' || in[len(in)-1] != '`' {
			return nil, fmt.Errorf("SPEC_DEVIATIONS.md:%d: input %q is not in backticks", n+1, in)
		}
		d[[2]string{suite, in[1 : len(in)-1]}] = strings.TrimSpace(cells[3])
	}
	return d, nil
}

// A Failure is a case the recognizer got wrong, for the failures file.
type Failure struct {
	Suite    string   `json:"suite"`
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Input    string   `json:"input"`
	Want     []string `json:"want,omitempty"`
	Got      []string `json:"got"`
	Problem  string   `json:"problem"`
}

// Tally counts one category of one suite.
type Tally struct {
	Suite, Category string
	Cases           int // all cases
	Values          int // expected values
	Found           int // expected values found with the right unit
	Spans           int // expected values with a span in the spec
	SpanOK          int // ... whose span matched exactly
	Negatives       int // cases that expect nothing
	FalsePositives  int // negative cases where something was found
	Errors          int // cases the recognizer failed on (panics included)
	// Deviations are cases judged wrong for news prose: left out of the
	// counts above. RawValues and RawFound count every case.
	Deviations          int
	RawValues, RawFound int
}

// RawAccuracy is RawFound over RawValues: the value accuracy with the
// deviations counted.
func (t Tally) RawAccuracy() float64 { return ratio(t.RawFound, t.RawValues) }

// ValueAccuracy is Found over Values, 1 when nothing was expected.
func (t Tally) ValueAccuracy() float64 { return ratio(t.Found, t.Values) }

// SpanAccuracy is SpanOK over the found values that have a spec span.
func (t Tally) SpanAccuracy() float64 { return ratio(t.SpanOK, t.Spans) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Add adds u's counts to t.
func (t *Tally) Add(u Tally) {
	t.Cases += u.Cases
	t.Values += u.Values
	t.Found += u.Found
	t.Spans += u.Spans
	t.SpanOK += u.SpanOK
	t.Negatives += u.Negatives
	t.FalsePositives += u.FalsePositives
	t.Errors += u.Errors
	t.Deviations += u.Deviations
	t.RawValues += u.RawValues
	t.RawFound += u.RawFound
}

// Result is the outcome of scoring cases: a tally per suite and category
// (sorted), a total per suite, and the failures.
type Result struct {
	Categories []Tally
	Suites     []Tally
	Failures   []Failure
	// Deviant are the deviation cases the recognizer does not match, as
	// the spec would have it.
	Deviant []Failure
}

// Score runs every case through rec and tallies the outcome. A panic in
// rec is recovered and counted as an error of its case.
func Score(cases []Case, rec Recognizer, dev Deviations) Result {
	byCat := map[[2]string]*Tally{}
	var res Result
	for _, c := range cases {
		key := [2]string{c.Suite, c.Category}
		t := byCat[key]
		if t == nil {
			t = &Tally{Suite: c.Suite, Category: c.Category}
			byCat[key] = t
		}
		t.Cases++
		got, err := safely(rec, c)
		if reason, deviant := dev[[2]string{c.Suite, c.Input}]; deviant {
			t.Deviations++
			found := 0
			if err == nil {
				for _, k := range matches(c.Want, got) {
					if k >= 0 {
						found++
					}
				}
			}
			t.RawValues += len(c.Want)
			t.RawFound += found
			if found < len(c.Want) {
				res.Deviant = append(res.Deviant, failure(c, got, "deviation: "+reason))
			}
			continue
		}
		if err != nil {
			t.Errors++
			t.Values += len(c.Want)
			t.RawValues += len(c.Want)
			res.Failures = append(res.Failures, failure(c, nil, "error: "+err.Error()))
			continue
		}
		if c.Negative {
			t.Negatives++
			for _, f := range got {
				if denied(c, f.Quantity) {
					t.FalsePositives++
					res.Failures = append(res.Failures, failure(c, got, "false positive"))
					break
				}
			}
			continue
		}
		var missed []string
		var spanBad []string
		for i, k := range matches(c.Want, got) {
			w := c.Want[i]
			t.Values++
			t.RawValues++
			if k < 0 {
				missed = append(missed, describeWant(w))
				continue
			}
			t.Found++
			t.RawFound++
			start, end := w.Start, w.End
			if start < 0 {
				continue
			}
			t.Spans++
			gs, ge := got[k].Start, got[k].End
			if c.Whole {
				start, end = trimSpan(c.Input, 0, len(c.Input))
			}
			if gs == start && ge == end {
				t.SpanOK++
			} else {
				spanBad = append(spanBad, fmt.Sprintf("%q at [%d,%d), want %q at [%d,%d)", c.Input[gs:ge], gs, ge, c.Input[start:end], start, end))
			}
		}
		if len(missed) > 0 {
			f := failure(c, got, "missed "+strings.Join(missed, "; "))
			res.Failures = append(res.Failures, f)
		} else if len(spanBad) > 0 {
			res.Failures = append(res.Failures, failure(c, got, "span "+strings.Join(spanBad, "; ")))
		}
	}
	suites := map[string]*Tally{}
	for _, t := range byCat {
		res.Categories = append(res.Categories, *t)
		s := suites[t.Suite]
		if s == nil {
			s = &Tally{Suite: t.Suite, Category: "all"}
			suites[t.Suite] = s
		}
		s.Add(*t)
	}
	for _, s := range suites {
		res.Suites = append(res.Suites, *s)
	}
	sort.Slice(res.Categories, func(i, j int) bool {
		a, b := res.Categories[i], res.Categories[j]
		if a.Suite != b.Suite {
			return a.Suite > b.Suite
		}
		return a.Category < b.Category
	})
	sort.Slice(res.Suites, func(i, j int) bool { return res.Suites[i].Suite > res.Suites[j].Suite })
	return res
}

func safely(rec Recognizer, c Case) (got []read.Found, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return rec(c.Input, c.Locale)
}

func trimSpan(s string, start, end int) (int, int) {
	for start < end && (s[start] == ' ' || s[start] == '\t') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return start, end
}

func denied(c Case, q quantity.Quantity) bool {
	if c.DenyBounds {
		return q.Bound == quantity.Range || q.Bound == quantity.AtLeast || q.Bound == quantity.AtMost
	}
	return kindIn(q.Kind, c.Deny)
}

func kindIn(k quantity.Kind, ks []quantity.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// matches pairs each wanted value with a distinct found quantity: the
// index in got, or -1 when none carries it.
func matches(want []Want, got []read.Found) []int {
	used := make([]bool, len(got))
	ks := make([]int, len(want))
	for i, w := range want {
		ks[i] = match(w, got, used)
		if ks[i] >= 0 {
			used[ks[i]] = true
		}
	}
	return ks
}

// match returns the index of the first unused found quantity that
// carries w's value with an allowed kind and unit, -1 if none does.
func match(w Want, got []read.Found, used []bool) int {
	for k, f := range got {
		if used[k] {
			continue
		}
		q := f.Quantity
		if len(w.Kinds) > 0 && !kindIn(q.Kind, w.Kinds) {
			continue
		}
		if len(w.Units) > 0 && !unitIn(q.Unit, w.Units) {
			continue
		}
		switch {
		case w.Low == w.High:
			if !near(q.Value, w.Low) {
				continue
			}
		case math.IsInf(w.Low, -1):
			// "under 7": the parser floors a count or an amount at 0.
			if q.Bound != quantity.AtMost || !near(q.High, w.High) {
				continue
			}
		case math.IsInf(w.High, 1):
			if q.Bound != quantity.AtLeast || !near(q.Low, w.Low) {
				continue
			}
		default:
			if !near(q.Low, w.Low) || !near(q.High, w.High) {
				continue
			}
		}
		return k
	}
	return -1
}

func unitIn(u string, us []string) bool {
	for _, x := range us {
		if strings.EqualFold(u, x) {
			return true
		}
	}
	return false
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func describeWant(w Want) string {
	v := strconv.FormatFloat(w.Low, 'f', -1, 64)
	if w.Low != w.High {
		v = "[" + v + ", " + strconv.FormatFloat(w.High, 'f', -1, 64) + "]"
	}
	s := v
	if len(w.Kinds) > 0 {
		s = string(w.Kinds[0]) + " " + s
	}
	if len(w.Units) > 0 {
		s += " " + w.Units[0]
	}
	return fmt.Sprintf("%s (%q)", s, w.Text)
}

func failure(c Case, got []read.Found, problem string) Failure {
	f := Failure{Suite: c.Suite, ID: c.ID, Category: c.Category, Input: c.Input, Problem: problem, Got: []string{}}
	for _, w := range c.Want {
		f.Want = append(f.Want, describeWant(w))
	}
	for _, g := range got {
		f.Got = append(f.Got, fmt.Sprintf("%s %s %q", g.Quantity.Kind, g.Quantity.String(), g.Quantity.Text))
	}
	return f
}
