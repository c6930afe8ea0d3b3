package quantity

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/currency"

	"github.com/crosscheck/crosscheck/checker/text"
)

// A Parser finds quantities in text. The zero value is ready to use; a
// Parser reuses its buffers across calls, so keep one per goroutine when
// scanning much text.
type Parser struct {
	// Dollar is the currency a bare "$" or "dollars" means; "" is USD.
	Dollar string
	// Local is the currency of slang such as "10 grand"; "" is Dollar.
	Local string
	s     string
	toks  []text.Token
	buf   []text.Token // Parse's own tokens
	low   []string     // lower-case form of each word token: own or given
	own   []string     // the forms ParseTokens makes
	start []bool       // StartWord of each word token, when given
	skip  []bool       // tokens inside a URL
	// nameEnd is the token index after the last figure read as a name, so
	// that "Llama 3 and 4" drops the 4 as well.
	nameEnd int
	// taken is the token index after the last quantity read: a modifier
	// before the next one may not reach back into it ("5 or over 10").
	taken int
	// takenKind is the kind of that quantity.
	takenKind Kind
	headline  bool
	// agedEnd is the token after the last age of a list "aged" opened
	// (-1 when none is open), and agedAnd whether its "and" has come:
	// "aged 18, 19 and 21".
	agedEnd int
	agedAnd bool
	// tally marks the bracketed figures of tallies (markTallies), once
	// talliesMarked.
	tally         []bool
	talliesMarked bool
}

// Parse returns the quantities in s in the order they appear.
func Parse(s string) []Quantity {
	var p Parser
	return p.Parse(s, nil)
}

// Parse appends the quantities in s to dst and returns it.
func (p *Parser) Parse(s string, dst []Quantity) []Quantity {
	p.buf = text.Tokenize(s, p.buf)
	return p.ParseTokens(s, p.buf, dst)
}

// ParseTokens is Parse for a caller that has already tokenized s with
// text.Tokenize; toks is read, never changed.
func (p *Parser) ParseTokens(s string, toks []text.Token, dst []Quantity) []Quantity {
	// One lower-case copy of s serves every ASCII token, so that a
	// sentence costs one allocation, not one a capitalized word.
	ls := lowerLetters(s)
	p.own = p.own[:0]
	for i := range toks {
		t := &toks[i]
		low := t.Text // digits have no case
		if t.Kind != text.Num {
			if isASCII(t.Text) {
				low = ls[t.Start:t.End]
			} else {
				low = lowerASCII(t.Text)
			}
		}
		p.own = append(p.own, low)
	}
	return p.ParseWords(s, toks, Words{Low: p.own, Headline: text.IsHeadline(toks)}, dst)
}

// Words is what a caller of ParseWords already knows of the tokens, so
// that the parser need not work it out again.
type Words struct {
	// Low[i] is strings.ToLower(toks[i].Text).
	Low []string
	// Start[i] is StartWord(toks[i].Text) for each word token. Nil to
	// have the parser ask.
	Start []bool
	// Headline is text.IsHeadline(toks).
	Headline bool
}

// ParseWords is ParseTokens for a caller that has lower-cased the tokens
// and knows which words may start a quantity. Neither toks nor w is
// changed.
func (p *Parser) ParseWords(s string, toks []text.Token, w Words, dst []Quantity) []Quantity {
	p.s = s
	p.toks = toks
	p.low, p.start = w.Low, w.Start
	p.nameEnd = -1
	p.taken, p.takenKind = 0, ""
	p.agedEnd, p.agedAnd = -1, false
	p.talliesMarked = false
	p.headline = w.Headline
	p.skipURLs()
	n0 := len(dst)
	for i := 0; i < len(p.toks); {
		if p.start != nil && !p.start[i] && p.toks[i].Kind == text.Word && !p.prefixed(i) {
			i++ // most words: told they start nothing, and no sign follows
			continue
		}
		if i < len(p.skip) && p.skip[i] || !p.canStart(i) {
			i++ // most tokens: at would read nothing here
			continue
		}
		q, next, ok := p.at(i)
		if ok {
			dst = append(dst, q)
			i = next
			p.taken, p.takenKind = next, q.Kind
			continue
		}
		if next > i {
			i = next
			continue
		}
		i++
	}
	return p.joinBounds(dst, n0)
}

// skipURLs marks the tokens inside URLs and e-mail-like strings, whose
// digits are no quantities: "…?q=30%25".
func (p *Parser) skipURLs() {
	p.skip = p.skip[:0]
	if !strings.Contains(p.s, "://") && !strings.Contains(p.s, "www.") {
		return
	}
	for range p.toks {
		p.skip = append(p.skip, false)
	}
	for _, marker := range []string{"://", "www."} {
		from := 0
		for {
			k := strings.Index(p.s[from:], marker)
			if k < 0 {
				break
			}
			start := from + k
			for start > 0 && !unicode.IsSpace(rune(p.s[start-1])) {
				start--
			}
			end := start
			for end < len(p.s) && !unicode.IsSpace(rune(p.s[end])) {
				end++
			}
			for i := range p.toks {
				t := &p.toks[i]
				if t.Start >= start && t.End <= end {
					p.skip[i] = true
				}
			}
			from = end
		}
	}
}

// joinBounds merges a lower and an upper bound stated together into one
// range: "more than 10 and less than 40", "at most 100 and at least 20".
func (p *Parser) joinBounds(qs []Quantity, from int) []Quantity {
	out := qs[:from]
	for i := from; i < len(qs); i++ {
		q := qs[i]
		if i+1 < len(qs) && qs[i+1].Start >= q.End {
			r := qs[i+1]
			gap := strings.TrimSpace(p.s[q.End:r.Start])
			joined := gap == "and" || gap == "but" || gap == "," || gap == ", and" || gap == ", but"
			lo, hi := q, r
			if q.Bound == AtMost {
				lo, hi = r, q
			}
			if joined && lo.Bound == AtLeast && hi.Bound == AtMost && lo.Unit == hi.Unit && plainKind(lo.Kind) == plainKind(hi.Kind) && lo.Low < hi.High {
				m := q
				m.Kind = plainKind(lo.Kind)
				m.Bound = Range
				m.Low, m.High = lo.Low, hi.High
				m.Value = (m.Low + m.High) / 2
				m.Precision = math.Max(lo.Precision, hi.Precision)
				m.End = r.End
				m.Text = p.s[m.Start:m.End]
				out = append(out, m)
				i++
				continue
			}
			if m, ok := p.unitRange(q, r, gap); ok {
				out = append(out, m)
				i++
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

// unitRange reads two figures that each carry the same unit as one
// range: "between 2.5% and 4.1%", "0.6% to 0.9%", "5 km–8 km". After
// "from" the pair is a change ("rose from 2% to 3%"), not a range.
func (p *Parser) unitRange(q, r Quantity, gap string) (Quantity, bool) {
	switch q.Kind {
	case Percent, Money, Measure:
	default:
		return q, false
	}
	if q.Kind != r.Kind || q.Unit != r.Unit || q.Bound != Exact || r.Bound != Exact || !(r.Value > q.Value) {
		return q, false
	}
	before := p.wordBefore(q.Start)
	switch gap {
	case "to", "-", "–", "—":
		if before == "from" {
			return q, false
		}
	case "and":
		if before != "between" {
			return q, false
		}
	default:
		return q, false
	}
	m := q
	m.Bound = Range
	m.Low, m.High = q.Value, r.Value
	m.Value = (m.Low + m.High) / 2
	m.Precision = math.Max(q.Precision, r.Precision)
	if before == "between" {
		m.Start = p.toks[p.tokenAt(q.Start)-1].Start
	}
	m.End = r.End
	m.Text = p.s[m.Start:m.End]
	return m, true
}

// tokenAt returns the index of the token that starts at byte offset b,
// or of the first token after it.
func (p *Parser) tokenAt(b int) int {
	return sort.Search(len(p.toks), func(i int) bool { return p.toks[i].Start >= b })
}

// wordBefore returns the lower-case word right before byte offset b, or "".
func (p *Parser) wordBefore(b int) string {
	return p.word(p.tokenAt(b) - 1)
}

// plainKind folds the kinds a bare figure may get into one.
func plainKind(k Kind) Kind {
	if k == Count || k == Year {
		return Number
	}
	return k
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// lowerLetters returns s with its ASCII capitals in lower case, every
// byte where it was: s itself when it has none.
func lowerLetters(s string) string {
	k := 0
	for k < len(s) && !('A' <= s[k] && s[k] <= 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // s[from:k] is still to copy; s[k] is a capital
	for k < len(s) {
		b.WriteString(s[from:k])
		b.WriteByte(s[k] + 'a' - 'A')
		from = k + 1
		k = from
		for k < len(s) && !('A' <= s[k] && s[k] <= 'Z') {
			k++
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func (p *Parser) word(i int) string {
	if uint(i) >= uint(len(p.toks)) || p.toks[i].Kind != text.Word {
		return ""
	}
	return p.low[i]
}

// lowAt returns the lower-case form of token i.
func (p *Parser) lowAt(i int) string { return p.low[i] }

func (p *Parser) sym(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != text.Sym {
		return ""
	}
	return p.toks[i].Text
}

func (p *Parser) isNum(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].Kind == text.Num }

// perTime reads "/h", "/s", "per hour", "an hour" or "a second" at
// token i: how many of the time unit an hour holds (1 for an hour, 3600
// for a second), and the token after it; 0 when none is there. "An hour"
// and "a second" followed by a content word are time, not a rate ("3
// miles a second time", "40 km an hour later"), and a unit squared
// ("9.8 m/s²") is an acceleration.
func (p *Parser) perTime(i int) (per float64, next int) {
	var w string
	switch {
	case p.sym(i) == "/" && p.adjacent(i+1):
		w = p.word(i + 1)
	case p.word(i) == "per":
		w = p.word(i + 1)
	case p.word(i) == "an" || p.word(i) == "a":
		w = p.word(i + 1)
		if w == "h" || w == "s" || !endsRate(p.word(i+2)) {
			return 0, i
		}
	default:
		return 0, i
	}
	if sq := i + 2; p.adjacent(sq) && (p.toks[sq].Text == "2" || p.sym(sq) == "²") {
		return 0, i
	}
	switch w {
	case "h", "hr", "hour":
		return 1, i + 2
	case "s", "sec", "second":
		return 3600, i + 2
	}
	return 0, i
}

// perTimeAfterAside is perTime for a length whose rate follows a
// conversion of it in brackets, "170 kilometres (105 miles) per hour":
// at the bracket's opening, for the figure before it, or at its close,
// for the figure inside it. Both are speeds, when the bracket holds a
// length and nothing else: a number, perhaps after a word or two ("about
// 9,000 kilometres"), and its unit of length.
func (p *Parser) perTimeAfterAside(i int) float64 {
	open, close := -1, -1
	switch p.sym(i) {
	case ")":
		close = i
		for k := i - 1; k >= 0 && k >= i-asideReach; k-- {
			if p.sym(k) == "(" {
				open = k
				break
			}
		}
	case "(":
		open = i
		for k := i + 1; k < len(p.toks) && k <= i+asideReach; k++ {
			if p.sym(k) == ")" {
				close = k
				break
			}
		}
	}
	if open < 0 || close < 0 || !p.lengthAside(open, close) {
		return 0
	}
	per, _ := p.perTime(close + 1)
	return per
}

// lengthAside reports whether the tokens between brackets at open and
// close are a length alone: words, then a number, then a unit of length
// as the last token.
func (p *Parser) lengthAside(open, close int) bool {
	if close-open < 3 || !p.isNum(close-2) {
		return false
	}
	u, ok := lookup(measureShapes, measureUnits, p.word(close-1))
	if !ok || u.base != "m" {
		return false
	}
	for k := open + 1; k < close-2; k++ {
		if p.word(k) == "" {
			return false
		}
	}
	return true
}

// asideReach is how many tokens a bracketed conversion may hold, its
// brackets too: "(about 9,000 kilometres)".
const asideReach = 6

// endsRate reports whether the word w after "an hour" or "a second" lets
// it be a rate: none, or a function word ("100 miles an hour in the
// north"), but not a noun or a time adverb ("a second time", "an hour
// later").
func endsRate(w string) bool {
	switch w {
	case "":
		return true
	case "later", "earlier", "ago":
		return false
	}
	return text.FunctionWord(w)
}

// adjacent reports whether token i touches the one before it.
func (p *Parser) adjacent(i int) bool { return i > 0 && i < len(p.toks) && !p.toks[i].Space }

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "‒" || s == "−" }

// figure is a number read from one or more tokens.
type figure struct {
	value, precision float64
	mult             float64 // the scale applied: 1e9 for "billion"
	Start, End       int     // tokens [Start, End)
	words            bool    // spelled out
	plainInt         bool    // digits only: no grouping, no decimals, no scale
	digits           int
	// pointGrouped is set for one point followed by three digits,
	// "27.000" or "3.480": decimals in English, thousands in the
	// convention of many other languages; the quantity's kind decides
	// (see thousandsPoint).
	pointGrouped bool
}

// currencyAt reads a currency written before a figure: "$", "US$", "€",
// "USD ", "Rs", "RM42", "MUSD 30" (millions), "ringgit 42". It returns
// the code (see applyCurrency), the token after it and the scale the code
// carries.
func (p *Parser) currencyAt(i int) (string, int, float64) {
	if i >= len(p.toks) {
		return "", i, 1
	}
	t := &p.toks[i]
	switch t.Kind {
	case text.Sym:
		if c, ok := currencySign(t.Text); ok && !strings.HasSuffix(c, "_CENT") {
			return p.base(c), i + 1, 1
		}
	case text.Word:
		// "US$", "A$", "aud$", "Mex$"; "us $" and "hk $" as tokenized text writes them.
		if c, next, ok := p.dollarPrefixAt(i); ok {
			return c, next, 1
		}
		j := i + 1
		if p.sym(j) == "." && pointedPrefixes[strings.ToUpper(t.Text)] {
			j++ // an abbreviation's point: "Rs. 500", "Ksh. 40"
		}
		if p.isNum(j) {
			if c, mult, ok := p.codeAt(i); ok {
				return c, j, mult
			}
			if prefixCurrencyWords[p.lowAt(i)] {
				return p.base(currencyWords[p.lowAt(i)]), j, 1
			}
		}
		// "malaysian ringgit 42"
		if c, next := p.currencyNameAt(i); c != "" && p.isNum(next) && prefixCurrencyWords[p.lowAt(next-1)] {
			return p.base(c), next, 1
		}
	}
	return "", i, 1
}

// dollarPrefixAt reads letters that name a dollar before "$": "US$",
// "A$", "NZD$", "Mex$", and, spaced as tokenized text writes them,
// "us $", "hk $", "c $", "u.s $".
func (p *Parser) dollarPrefixAt(i int) (string, int, bool) {
	if p.sym(i+1) != "$" && p.lowAt(i) != "u" {
		return "", i, false
	}
	w := strings.ToUpper(p.toks[i].Text)
	j := i + 1
	if w == "U" && p.sym(j) == "." && p.word(j+1) == "s" {
		w, j = "US", j+2
		if p.sym(j) == "." {
			j++
		}
	}
	if p.sym(j) != "$" {
		return "", i, false
	}
	if !p.adjacent(j) && (len(w) < 2 && w != "C") {
		return "", i, false // "a $5 fee"
	}
	if c, ok := dollarPrefixes[w]; ok {
		return c, j + 1, true
	}
	if len(w) == 3 && w[2] == 'D' && p.isoCode(w) {
		return w, j + 1, true
	}
	if len(w) == 3 && p.isoCode(w) && p.adjacent(j) {
		return w, j + 1, true // "MXN$"
	}
	return "", i, false
}

// isoCode reports whether an upper-case word is an ISO 4217 code that is
// not also a common word.
func (p *Parser) isoCode(w string) bool {
	if len(w) != 3 || notCurrencyCodes[w] {
		return false
	}
	_, err := currency.ParseISO(w)
	return err == nil
}

func (p *Parser) isCode(i int) bool {
	_, _, ok := p.codeAt(i)
	return ok
}

// codeAt reads a currency code at token i: "USD", "KWD", "usd" (a few
// codes in lower case), "Rs", "RM", "MUSD" (millions of dollars).
func (p *Parser) codeAt(i int) (string, float64, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != text.Word {
		return "", 1, false
	}
	t := p.toks[i].Text
	if w := p.lowAt(i); codeShapes.MayHave(w) && currencyCodes[w] {
		if c, ok := extraCodes[strings.ToUpper(t)]; ok {
			return c, 1, true
		}
		return strings.ToUpper(t), 1, true
	}
	if !isUpper(t) {
		return "", 1, false
	}
	u := strings.ToUpper(t)
	// A written prefix that is no code itself ("Rs", "KSh", "Kshs", "RM")
	// comes in any case; a code ("BTC", "MNT") only in capitals: "Mnt" is
	// a mount.
	if c, ok := extraCodes[u]; ok && (u == t || c != u) {
		return c, 1, true
	}
	if u != t {
		return "", 1, false
	}
	if p.isoCode(t) {
		return t, 1, true
	}
	if len(t) == 4 && t[0] == 'M' && p.isoCode(t[1:]) {
		return t[1:], 1e6, true
	}
	return "", 1, false
}

// currencyNameAt reads a currency named in words at token k: "euros",
// "australian dollars", "hong kong dollars". It returns "" when there is
// none.
func (p *Parser) currencyNameAt(k int) (string, int) {
	w := p.word(k)
	if !currencyNameShapes.MayHave(w) {
		return "", k
	}
	for n := 2; n >= 1; n-- {
		adj := w
		if n == 2 {
			if !twoWordAdjectives[w] || p.word(k+1) == "" {
				continue
			}
			adj = w + " " + p.word(k+1)
		}
		if nouns, ok := currencyAdjectives[adj]; ok {
			noun := p.word(k + n)
			if sg, ok := singular[noun]; ok {
				noun = sg
			}
			if c, ok := nouns[noun]; ok {
				return c, k + n + 1
			}
		}
	}
	if c, ok := currencyWords[w]; ok {
		return c, k + 1
	}
	return "", k
}

// currencyAfter reads a currency written after a figure, and the scale a
// code carries ("120 MEUR").
func (p *Parser) currencyAfter(k int, q Quantity) (string, float64, int, bool) {
	if k >= len(p.toks) {
		return "", 1, k, false
	}
	if q.Kind == "" {
		if c, ok := currencySign(p.sym(k)); ok {
			// "20€", "10 $", "10¢"; but "5 $10 bills" is a count of bills.
			if !(p.isNum(k+1) && p.adjacent(k+1)) {
				return c, 1, k + 1, true
			}
		}
		if p.word(k) == "us" && p.sym(k+1) == "$" && p.adjacent(k+1) {
			return "USD", 1, k + 2, true
		}
		if c, mult, ok := p.codeAt(k); ok {
			if m := bigScales[p.word(k+1)]; m != 0 && mult == 1 {
				return c, m, k + 2, true // "75 USD million"
			}
			return c, mult, k + 1, true
		}
		if k < len(p.toks) && p.toks[k].Kind == text.Word {
			if c, ok := currencySign(p.toks[k].Text); ok {
				return c, 1, k + 1, true // "100元"
			}
		}
		if f, ok := lookup(coinShapes, coinWords, p.word(k)); ok {
			q.Value *= f
			return "$", f, k + 1, true
		}
		if p.word(k) == "grand" && p.endsPhrase(k+1) {
			return "LOCAL", 1000, k + 1, true
		}
	}
	c, next := p.currencyNameAt(k)
	if c == "" || (p.word(k) == "p" && !p.adjacent(k)) {
		return "", 1, k, false
	}
	if q.Kind == Money && p.base(c) != q.Unit {
		return "", 1, k, false
	}
	return c, 1, next, true
}

// endsPhrase reports whether token k ends a noun phrase: the end, a
// symbol, or a function word ("10 grand in cash", not "a grand jury").
func (p *Parser) endsPhrase(k int) bool {
	if k >= len(p.toks) || p.toks[k].Kind != text.Word {
		return true
	}
	return text.FunctionWord(p.lowAt(k))
}

// dollar is the currency a bare "$" means.
func (p *Parser) dollar() string {
	if p.Dollar != "" {
		return p.Dollar
	}
	return "USD"
}

// base returns the currency of a code: "GBP" for "GBP_CENT", the local
// dollar for "$".
func (p *Parser) base(c string) string {
	b, _, _ := strings.Cut(c, "_")
	switch {
	case b == "$":
		return p.dollar()
	case b == "LOCAL" && p.Local != "":
		return p.Local
	case b == "LOCAL":
		return p.dollar()
	}
	return b
}

// applyCurrency makes q money in code c, scaled by mult: "USD_CENT" is a
// hundredth of a dollar, "$" the local dollar.
func (p *Parser) applyCurrency(q Quantity, c string, mult float64) Quantity {
	q.Kind = Money
	_, sub, _ := strings.Cut(c, "_")
	switch sub {
	case "CENT":
		mult *= 0.01
	case "SATOSHI":
		mult *= 1e-8
	}
	q.Unit = p.base(c)
	q.Value *= mult
	q.Precision *= mult
	return q
}

// subunitTail reads the cents after an amount: "$20 and 43c", "20 dollars
// 43 cents", "15 dollars and 50." (a bare figure only at the end).
func (p *Parser) subunitTail(k int, q *Quantity) int {
	if q.Value != math.Trunc(q.Value) || q.Value == 0 || q.Value >= 1e6 {
		return k
	}
	j := k
	if w := p.word(j); w == "a" || w == "an" {
		return k // "64.2 cents a dozen"
	}
	if p.word(j) == "and" {
		j++
	}
	f, ok := p.numberAt(j)
	if !ok || f.value >= 100 || f.value != math.Trunc(f.value) || f.value < 0 {
		return k
	}
	n := f.End
	if f.words {
		// "forty-two" and "forty five" are read whole.
		for n < len(p.toks) && (p.word(n) != "" && (smallNumbers[p.word(n)] != 0 || tensNumbers[p.word(n)] != 0)) {
			n++
		}
	}
	switch c, _ := p.currencyNameAt(n); {
	case strings.HasSuffix(c, "_CENT"), p.word(n) == "c" && p.adjacent(n), p.word(n) == "kopiykas":
		n++
	case n >= len(p.toks) || (p.sym(n) == "." || p.sym(n) == "!" || p.sym(n) == "?") && n+1 == len(p.toks):
	default:
		return k
	}
	q.Value += f.value * 0.01
	return n
}

// numberAt reads the bare figure at token i: digits or number words.
func (p *Parser) numberAt(i int) (figure, bool) {
	if i >= len(p.toks) {
		return figure{}, false
	}
	t := &p.toks[i]
	if t.Kind == text.Sym && t.Text == "." && (i == 0 || t.Space) && p.isNum(i+1) && p.adjacent(i+1) && !strings.ContainsAny(p.toks[i+1].Text, ".,") {
		// ".08": a decimal without its leading zero.
		d := p.toks[i+1].Text
		v, err := strconv.ParseFloat("0."+d, 64)
		if err != nil {
			return figure{}, false
		}
		return figure{value: v, mult: 1, Start: i, End: i + 2, digits: len(d), precision: 0.5 * math.Pow(10, -float64(len(d)))}, true
	}
	if t.Kind == text.Num {
		if f, ok := p.spaceGrouped(i); ok {
			return f, true
		}
		if f, ok := p.decimalComma(i); ok {
			return f, true
		}
		if f, ok := p.pointGroups(i); ok {
			return f, true
		}
		lit := t.Text
		clean := lit
		if strings.IndexByte(lit, ',') >= 0 {
			clean = strings.ReplaceAll(lit, ",", "")
		}
		v, err := strconv.ParseFloat(clean, 64)
		if err != nil {
			return figure{}, false
		}
		f := figure{value: v, mult: 1, Start: i, End: i + 1, digits: len(clean)}
		if dot := strings.IndexByte(clean, '.'); dot >= 0 {
			f.precision = 0.5 * math.Pow(10, -float64(len(clean)-dot-1))
			f.pointGrouped = clean == lit && isPointGroup(lit)
		} else {
			f.precision = roundedPrecision(clean)
			f.plainInt = clean == lit
		}
		if f.plainInt {
			if g, ok := p.mixedFraction(f); ok {
				return g, true
			}
		}
		return f, true
	}
	if t.Kind == text.Word {
		if (p.lowAt(i) == "a" || p.lowAt(i) == "an") && i+1 < len(p.toks) {
			// "a dollar", "a grand" (not "a grand jury").
			switch nw := p.word(i + 1); {
			case nw == "dollar" || nw == "euro" || nw == "buck",
				nw == "grand" && p.endsPhrase(i+2):
				return figure{value: 1, mult: 1, Start: i, End: i + 1, words: true}, true
			}
		}
		return p.wordNumberAt(i)
	}
	return figure{}, false
}

// mixedFraction reads a whole number f with a fraction after it: "2 1/2
// hours", "7½ years", "a 2 1/2-year-old", "a 6-and-a-half-year lease".
// The fraction is joined by hyphens (hyphenedFraction), a vulgar
// fraction sign, or a numerator below a denominator of 2, 3, 4, 8 or 16
// after a space, with no digit, slash or dash and digit joined after it
// ("3 1/2/2024" is no figure of this kind). A year takes no fraction: "in
// 2023 2/3 of voters" is a year and a share.
func (p *Parser) mixedFraction(f figure) (figure, bool) {
	if yearShaped(f) {
		return f, false
	}
	// with is f with the fraction n/d ending before token end: stated to
	// the fraction, half of it either side.
	with := func(n, d float64, end int) (figure, bool) {
		f.value += n / d
		f.End, f.plainInt = end, false
		f.precision = 0.5 / d
		return f, true
	}
	k := f.End
	if n, d, next, ok := p.hyphenedFraction(k); ok {
		return with(n, d, next)
	}
	if v, ok := vulgarFractions[p.sym(k)]; ok && p.adjacent(k) {
		return with(float64(v[0]), float64(v[1]), k+1)
	}
	if !p.isNum(k) || !p.toks[k].Space || p.sym(k+1) != "/" || !p.adjacent(k+1) || !p.isNum(k+2) || !p.adjacent(k+2) {
		return f, false
	}
	if p.adjacent(k+3) && (p.isNum(k+3) || p.sym(k+3) == "/" || (isDash(p.sym(k+3)) && p.isNum(k+4))) {
		return f, false
	}
	n, err1 := strconv.Atoi(p.toks[k].Text)
	d, err2 := strconv.Atoi(p.toks[k+2].Text)
	if err1 != nil || err2 != nil || n < 1 || n >= d || !fractionDenominators[d] {
		return f, false
	}
	return with(float64(n), float64(d), k+3)
}

// isPointGroup reports whether lit is one to three digits, not led by a
// zero, a point and three digits: "27.000", "305.250", "3.480".
func isPointGroup(lit string) bool {
	whole, frac, ok := strings.Cut(lit, ".")
	return ok && len(whole) >= 1 && len(whole) <= 3 && whole[0] != '0' && len(frac) == 3 && allDigits(whole) && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pointGroups reads a figure grouped in thousands by points, as outlets
// writing in another language's convention do: "1.234.567", "2.500.000",
// and with a decimal comma, "1.234,56".
// Two or more point groups can only be thousands. (One group, "27.000",
// is left to thousandsPoint, which knows the quantity's kind.)
func (p *Parser) pointGroups(i int) (figure, bool) {
	lit := p.toks[i].Text
	if !isPointGroup(lit) {
		return figure{}, false
	}
	digits := strings.Replace(lit, ".", "", 1)
	j := i + 1
	// The tokenizer reads "2.345.678.000" as "2.345", ".", "678.000".
	for p.sym(j) == "." && p.adjacent(j) && p.isNum(j+1) && p.adjacent(j+1) {
		g := p.toks[j+1].Text
		if len(g) == 3 && allDigits(g) {
			digits += g
			j += 2
			continue
		}
		if len(g) == 7 && g[3] == '.' && allDigits(g[:3]) && allDigits(g[4:]) {
			digits += g[:3] + g[4:]
			j += 2
			continue
		}
		break
	}
	prec := roundedPrecision(digits)
	if p.sym(j) == "," && p.adjacent(j) && p.isNum(j+1) && p.adjacent(j+1) && len(p.toks[j+1].Text) <= 2 && allDigits(p.toks[j+1].Text) {
		// "1.234,56": points group, the comma is the decimal mark.
		frac := p.toks[j+1].Text
		digits += "." + frac
		prec = 0.5 * math.Pow(10, -float64(len(frac)))
		j += 2
	} else if j == i+1 {
		return figure{}, false
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return figure{}, false
	}
	return figure{value: v, mult: 1, Start: i, End: j, digits: len(digits), precision: prec}, true
}

// roundedPrecision is half a unit of the last significant digit of an
// integer written in digits: trailing zeros mark a rounded figure only in
// a large number ("27,000 people", "1,600 acres"); "80" in "€80m" or
// "200 people" may well be exact.
func roundedPrecision(digits string) float64 {
	tz := 0
	for k := len(digits) - 1; k > 0 && digits[k] == '0'; k-- {
		tz++
	}
	if len(digits) < 4 || tz < 2 {
		tz = 0
	}
	return 0.5 * math.Pow(10, float64(tz))
}

// thousandsPoint reports whether figure f, "27.000" or "305.250" (see
// figure.pointGrouped), is thousands, where decimals cannot be meant: a
// count of things is whole; money has two decimals, unless its whole part
// is one digit (an exchange rate, "$1.085"); a measure written to a final
// zero ("3.480 kilos", "27.000 tonnes") is a grouped figure, not a precise
// one. A rate ("$3.459 a gallon", "1.490 children per woman"), a bare
// number and a figure with a scale word ("1.250 billion") keep their
// decimals.
func (p *Parser) thousandsPoint(q Quantity, f figure, end int) bool {
	if !f.pointGrouped || f.mult != 1 {
		return false
	}
	lit := p.toks[f.Start].Text
	// A count before "for each" with one digit before the point is a
	// ratio: "1.375 shares for each share", not "41.000 fans for each match".
	ratio := strings.IndexByte(lit, '.') == 1
	if p.rateAt(end) || q.Kind == Count && (p.rateAt(end+1) || ratio && p.ratioAfter(end)) {
		return false
	}
	switch q.Kind {
	case Count:
		return true
	case Money:
		return strings.IndexByte(lit, '.') > 1
	case Measure:
		return lit[len(lit)-1] == '0'
	}
	return false
}

// ratioAfter reports whether the few words after token k say "for
// each" or "for every" within the clause: "1.375 shares of the buyer for
// each share" is a ratio, and a ratio (one digit before the point) keeps
// its decimals.
func (p *Parser) ratioAfter(k int) bool {
	for i := k + 1; i <= k+6 && i+1 < len(p.toks); i++ {
		if s := p.sym(i); s == "," || s == "." || s == ";" {
			return false
		}
		if p.word(i) == "for" && (p.word(i+1) == "each" || p.word(i+1) == "every") {
			return true
		}
	}
	return false
}

// rateAt reports whether a rate's "per" begins at token k: "a", "an",
// "per", "/".
func (p *Parser) rateAt(k int) bool {
	w := p.word(k)
	return w == "a" || w == "an" || w == "per" || p.sym(k) == "/"
}

// decimalComma reads a figure written with a decimal comma, as outlets
// writing in another language's convention do: "3,18 billion", "71,4
// percent", "4,6 million". A grouping comma is always followed by three
// digits, so one or two digits after a comma, with a scale word or a
// percentage after them, can only be decimals.
func (p *Parser) decimalComma(i int) (figure, bool) {
	whole := p.toks[i].Text
	if strings.ContainsAny(whole, ".,") || len(whole) > 3 || p.sym(i+1) != "," || !p.adjacent(i+1) || !p.isNum(i+2) || !p.adjacent(i+2) {
		return figure{}, false
	}
	frac := p.toks[i+2].Text
	if len(frac) > 2 || strings.ContainsAny(frac, ".,") {
		return figure{}, false
	}
	j := i + 3
	switch w := p.word(j); {
	case p.sym(j) == "%", w == "percent", w == "pct", w == "per" && p.word(j+1) == "cent":
	default:
		if m, _ := p.scaleAt(j, true); m == 1 {
			return figure{}, false
		}
	}
	v, err := strconv.ParseFloat(whole+"."+frac, 64)
	if err != nil {
		return figure{}, false
	}
	return figure{value: v, mult: 1, Start: i, End: i + 3, digits: len(whole) + len(frac), precision: 0.5 * math.Pow(10, -float64(len(frac)))}, true
}

// spaceGrouped reads a figure grouped in thousands by spaces: "1 234 567",
// "40 000", or by a narrow or thin space ("1 234 567.89"). With plain
// spaces it takes two groups, or one of "000", so that "in 2019 200
// people" stays two numbers.
func (p *Parser) spaceGrouped(i int) (figure, bool) {
	first := p.toks[i].Text
	if len(first) > 3 || first[0] == '0' || strings.ContainsAny(first, ".,") {
		return figure{}, false
	}
	j := i + 1
	narrow, groups := false, 0
	digits := first
	for p.isNum(j) {
		g := p.toks[j].Text
		int3, frac, _ := strings.Cut(g, ".")
		if len(int3) != 3 || strings.IndexByte(int3, ',') >= 0 {
			break
		}
		switch p.s[p.toks[j-1].End:p.toks[j].Start] {
		case " ":
		case "\u202f", "\u2009", "\u00a0":
			narrow = true
		default:
			goto done
		}
		digits += int3
		if frac != "" {
			digits += "." + frac
		}
		groups++
		j++
		if frac != "" {
			break
		}
	}
done:
	if groups == 0 || !(narrow || groups >= 2 || p.toks[i+1].Text == "000") {
		return figure{}, false
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return figure{}, false
	}
	prec := 0.5
	if _, frac, ok := strings.Cut(digits, "."); ok {
		prec = 0.5 * math.Pow(10, -float64(len(frac)))
	}
	return figure{value: v, mult: 1, Start: i, End: j, digits: len(digits), precision: prec}, true
}

// pointTail reads spelled decimals after a figure: "point five", "point
// seventy-one", "point nought four", "point 77". It returns the fraction.
func (p *Parser) pointTail(j int) (float64, int, bool) {
	if p.word(j) != "point" {
		return 0, j, false
	}
	k := j + 1
	if p.isNum(k) && !strings.ContainsAny(p.toks[k].Text, ".,") {
		v, err := strconv.ParseFloat("0."+p.toks[k].Text, 64)
		return v, k + 1, err == nil
	}
	if t := tensNumbers[p.word(k)]; t != 0 {
		// "point seventy-one" is .71
		v := t
		n := k + 1
		if isDash(p.sym(n)) && smallNumbers[p.word(n+1)] != 0 && smallNumbers[p.word(n+1)] < 10 {
			v += smallNumbers[p.word(n+1)]
			n += 2
		} else if u := smallNumbers[p.word(n)]; u != 0 && u < 10 {
			v += u
			n++
		}
		return v / 100, n, true
	}
	if v, ok := smallNumbers[p.word(k)]; ok && v >= 10 {
		return v / 100, k + 1, true // "point eleven"
	}
	frac, scale := 0.0, 0.1
	n := k
	for {
		v, ok := smallNumbers[p.word(n)]
		if !ok || v >= 10 {
			break
		}
		frac += v * scale
		scale /= 10
		n++
	}
	return frac, n, n > k
}

// wordNumberAt reads "eighty-five million", "two hundred and fifty",
// "a million", "fourteen".
func (p *Parser) wordNumberAt(i int) (figure, bool) {
	var total, current, lastMult float64 = 0, 0, 1
	// den is the denominator of a fraction added to a small number ("two
	// and a half"): the figure is then stated to that fraction, as "2 1/2"
	// is (mixedFraction).
	den := 1.0
	seen := false
	j := i
	for j < len(p.toks) {
		w := p.word(j)
		if !numberShapes.MayHave(w) || !numberWords[w] {
			goto done // the words no case below takes
		}
		switch {
		case w == "":
			goto done
		case w == "a" || w == "an":
			// First: no number-word table has them, and they are common.
			if seen {
				goto done
			}
			nw := p.word(j + 1)
			if nw != "hundred" && nw != "thousand" && nw != "million" && nw != "billion" && nw != "trillion" && nw != "dozen" {
				goto done
			}
			current = 1
			j++
			seen = true
			continue
		case smallNumbers[w] != 0 || w == "zero" || w == "nought" || w == "naught":
			current += smallNumbers[w]
			lastMult = 1
		case (w == "half" || w == "quarter" || w == "quarters") && scaleWords[p.word(j+1)] > 100:
			// "half million", "a quarter million", "three quarters billion"
			f := 0.5
			if w != "half" {
				f = 0.25
			}
			if current == 0 {
				current = 1
			}
			current *= f
			lastMult = 1
		case w == "half" && (p.word(j+1) == "a" || p.word(j+1) == "an") && scaleWords[p.word(j+2)] > 100 || w == "half" && p.word(j+1) == "a" && p.word(j+2) == "dozen":
			// "half a million", "half a dozen"
			if current == 0 {
				current = 1
			}
			current *= 0.5
			j += 2
			seen = true
			if p.word(j) == "dozen" {
				current *= 12
				j++
			}
			continue
		case tensNumbers[w] != 0:
			current += tensNumbers[w]
			lastMult = 1
		case w == "hundred" && (seen || current > 0 || bigScales[p.word(j+1)] != 0):
			if current == 0 {
				current = 1
			}
			current *= 100
			if lastMult == 1 {
				lastMult = 100
			}
		case (w == "dozen" || w == "dozens") && seen:
			current *= 12
		case bigScales[w] != 0 && seen:
			m := bigScales[w]
			if current == 0 && total > 0 && m > lastMult {
				// "three lakh crore", "three thousand millions"
				total *= m
				lastMult *= m
				break
			}
			if current == 0 {
				current = 1
			}
			total += current * m
			current = 0
			lastMult = m
		case w == "and" && seen:
			nw := p.word(j + 1)
			if (nw == "a" || nw == "one") && (p.word(j+2) == "half" || p.word(j+2) == "quarter") {
				// "five and a half million", "one million and a half"
				f := 0.5
				if p.word(j+2) == "quarter" {
					f = 0.25
				}
				if m := bigScales[p.word(j+3)]; m != 0 {
					if current != 0 {
						current += f
					} else {
						total += f * m
						j++
					}
				} else if current != 0 && total == 0 {
					current += f
					if lastMult == 1 {
						den = 1 / f
					}
				} else {
					total += f * lastMult
				}
				j += 3
				continue
			}
			if n, d, next, ok := p.fractionAt(j + 1); ok && total > 0 && current == 0 {
				// "five billion and three quarters", "one billion and
				// three quarters million"
				if m := bigScales[p.word(next)]; m != 0 && m < lastMult {
					total += m * n / d
					j = next + 1
					continue
				}
				total += lastMult * n / d
				j = next
				continue
			}
			if smallNumbers[nw] == 0 && tensNumbers[nw] == 0 || (lastMult < 100 && total == 0) {
				// "three hundred and two", but "ten and fifteen" is two numbers.
				goto done
			}
			j++
			continue
		default:
			goto done
		}
		seen = true
		j++
		// "eighty-five": a hyphen joins two number words.
		if isDash(p.sym(j)) && p.adjacent(j) && p.adjacent(j+1) {
			nw := p.word(j + 1)
			if smallNumbers[nw] != 0 && tensNumbers[p.word(j-1)] != 0 {
				j++
			}
		}
		// "two-and-a-half": a fraction joined by hyphens; a scale may
		// follow ("five-and-a-half million").
		if n, d, next, ok := p.hyphenedFraction(j); ok {
			scale := bigScales[p.word(next)] != 0 || p.word(next) == "hundred" || p.word(next) == "dozen"
			if current != 0 && total == 0 {
				current += n / d
				if lastMult == 1 && !scale {
					den = d
				}
			} else {
				total += lastMult * n / d
			}
			j = next
			if !scale {
				goto done // "one-and-a-half two-litre bottles": the next number is another's
			}
		}
	}
done:
	if !seen {
		return figure{}, false
	}
	f := figure{value: total + current, precision: 0.5 * lastMult / den, mult: 1, Start: i, End: j, words: true}
	if frac, next, ok := p.pointTail(j); ok && total == 0 && current < 1000 {
		// "two hundred point seventy-one", "nine point nought four"; a
		// scale may follow ("two point two million").
		f.value += frac
		f.precision = 0.005
		f.End = next
		if m := bigScales[p.word(next)]; m != 0 {
			f.value *= m
			f.precision *= m
			f.End++
		}
	}
	return f, true
}

// scaleAt reads a scale word after a figure. money says a currency was
// seen, which admits "$15 bn" and "$15B".
func (p *Parser) scaleAt(j int, money bool) (float64, int) {
	w := p.word(j)
	known := scaleShapes.MayHave(w) // else neither scaleAbbrevs nor scaleWords has w
	if known && p.adjacent(j) {
		if m, ok := scaleAbbrevs[w]; ok {
			if (w == "b" || w == "t") && !money && !strings.Contains(p.toks[j-1].Text, ".") {
				return 1, j // "4b" may be a name; "1.2b" is not
			}
			if w == "m" && !money && measureContext[p.word(j+1)] {
				return 1, j
			}
			// "5m2" or "10km" are units, not scales.
			if j+1 < len(p.toks) && p.adjacent(j+1) && p.toks[j+1].Kind != text.Sym {
				return 1, j
			}
			return m, j + 1
		}
	}
	if known {
		if m, ok := scaleWords[w]; ok && w != "hundred" {
			return m, j + 1
		}
	}
	if isDash(p.sym(j)) && p.adjacent(j) && p.adjacent(j+1) {
		if m, ok := scaleWords[p.word(j+1)]; ok && p.word(j+1) != "hundred" {
			return m, j + 2
		}
	}
	if known && money && len(w) > 1 {
		if m, ok := scaleAbbrevs[w]; ok {
			return m, j + 1
		}
	}
	return 1, j
}

var measureContext = map[string]bool{
	"deep": true, "high": true, "tall": true, "long": true, "wide": true,
	"below": true, "above": true, "sprint": true, "race": true, "freestyle": true,
	"hurdles": true, "relay": true, "dash": true, "underground": true,
}

// scaled reads a figure and its scale.
func (p *Parser) scaled(i int, money bool) (figure, bool) {
	f, ok := p.numberAt(i)
	if !ok {
		return f, false
	}
	if !f.words && p.word(f.End) == "point" && f.plainInt {
		// "1 point 1"
		if frac, next, ok := p.pointTail(f.End); ok {
			f.value += frac
			f.End = next
			f.plainInt = false
		}
	}
	m, j := p.scaleAt(f.End, money)
	if m == 1 && !f.words && p.word(f.End) == "hundred" && f.value < 1000 {
		m, j = 100, f.End+1 // "3 hundred", "322 hundred"
	}
	if m != 1 {
		// A larger scale right after the first multiplies it: "1.2 lakh
		// crore" is 1.2 × 10⁵ crore, "8 thousand crore" 8 × 10¹⁰.
		if m2, k := p.scaleAt(j, money); stackedScale(m, m2) && !isDash(p.sym(k)) {
			m, j = m*m2, k
		}
		f.value *= m
		f.precision *= m
		f.mult = m
		f.End = j
		f.plainInt = false
		f = p.compound(f)
	}
	return f, true
}

// stackedScale reports whether scale m2 after scale m multiplies it, as
// figures are written in India and in older British usage: a thousand or
// a lakh of a larger scale ("lakh crore", "thousand million"). Other
// pairs ("2 dozen million-dollar homes", "$2 billion trillion") do not
// stack.
func stackedScale(m, m2 float64) bool {
	return (m == 1e3 || m == 1e5) && m2 > m
}

// compound continues a scaled figure with smaller parts: "4 thousand 3
// hundred and 21", "6 crore and two hundred", "3 million and a half",
// "five billion and three quarters".
func (p *Parser) compound(f figure) figure {
	for {
		j := f.End
		and := p.word(j) == "and"
		if and {
			j++
		}
		if n, d, next, ok := p.fractionAt(j); ok && and {
			f.value += f.mult * n / d
			f.End = next
			return f
		}
		g, ok := p.numberAt(j)
		if !ok || g.value >= f.mult || g.value <= 0 {
			return f
		}
		m, k := p.scaleAt(g.End, false)
		if m == 1 && !g.words && g.plainInt && p.word(g.End) == "hundred" {
			m, k = 100, g.End+1
		}
		switch {
		case m != 1 && m < f.mult && g.value*m < f.mult:
			f.value += g.value * m
			f.End = k
			f.mult = m
		case m == 1 && f.mult == 100 && and && g.value < 100 && (g.plainInt || g.words):
			f.value += g.value
			f.End = g.End
			return f
		case m == 1 && g.words && g.value < f.mult && and:
			f.value += g.value
			f.End = g.End
			return f
		default:
			return f
		}
	}
}

// share reads a fraction in words that states a share of a whole: "a
// quarter of the town", "two-thirds of voters", "half of the staff". It
// is a percentage, approximate unless a modifier bounds it ("up to a
// fifth of" is at most 20%). A spelled fraction that is no share ("a
// two-thirds majority", "a quarter of an hour", "a third of a mile") is
// no quantity, and its number word is not a count: ok with an empty
// Kind, and next past it. ok is false when there is no fraction at i.
func (p *Parser) share(i int) (q Quantity, next int, ok bool) {
	n, d, end := 0.0, 0.0, i
	switch w := p.word(i); {
	case w == "half" && p.word(i-1) != "a" && p.word(i-1) != "an":
		n, d, end = 1, 2, i+1 // not the half of "a year and a half of talks"
	case w == "a" || w == "an" || w == "one" || smallNumbers[w] >= 2 && smallNumbers[w] < 10:
		k := i + 1
		hyphen := isDash(p.sym(k)) && p.adjacent(k) && p.adjacent(k+1)
		if hyphen {
			k++
		}
		den, isFraction := fractionWords[p.word(k)]
		if !isFraction || den == 2 && w != "one" && !hyphen {
			return Quantity{}, i, false // "a half" is read with its number
		}
		n, d, end = max(smallNumbers[w], 1), den, k+1
		if hyphen && p.word(end) != "of" {
			return Quantity{}, end, true // "a two-thirds majority"
		}
	default:
		return Quantity{}, i, false
	}
	if p.word(end) != "of" {
		return Quantity{}, i, false // "a quarter million": read with its scale
	}
	if ordinalBefore[p.word(i-1)] {
		return Quantity{}, end, true // "the first two quarters of", "the top half of"
	}
	_, curEnd, _ := p.currencyAt(end + 1)
	after := p.word(end + 1)
	if after == "a" || after == "an" || p.isNum(end+1) || curEnd > end+1 || smallNumbers[after] != 0 {
		return Quantity{}, end, true // a part of one thing, or of a figure
	}
	if after == "the" || after == "this" || after == "that" {
		after = p.word(end + 2)
	}
	if spanNouns[after] {
		return Quantity{}, end, true // a part of a period or a course
	}
	q = p.finish(Quantity{Kind: Percent, Value: 100 * n / d}, i, end, Exact)
	if q.Bound == Exact && q.Start == p.toks[i].Start {
		q.Bound = About // no modifier said otherwise ("exactly half of")
	}
	return q, end, true
}

// spanNouns are the periods and courses a fraction may be a part of that
// are no whole of people or things: "a quarter of the way", "half of the
// season".
var spanNouns = map[string]bool{
	"year": true, "years": true, "season": true, "month": true, "months": true, "week": true, "weeks": true,
	"day": true, "days": true, "hour": true, "hours": true, "time": true, "way": true, "match": true,
	"game": true, "race": true, "term": true, "century": true, "decade": true, "period": true,
	"session": true, "campaign": true, "tournament": true, "trip": true, "journey": true, "distance": true,
}

// ordinalBefore are the words that make a fraction a part of a period,
// a game or a table, not a share: "the first half of the year", "the
// last two quarters", "the top half of the league".
var ordinalBefore = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "last": true, "final": true, "latter": true, "former": true,
	"back": true, "front": true, "other": true, "top": true, "bottom": true, "upper": true, "lower": true,
	"early": true, "opening": true, "closing": true, "next": true, "past": true,
}

// hyphenedFraction reads a fraction joined to a number by hyphens at
// token j, "-and-a-half" or "-and-three-quarters" ("two-and-a-half
// years", "a 6-and-a-half-year lease"); it returns numerator, denominator
// and the token after. Every token of it touches the one before, by a
// hyphen ("two - and a half" and "two—and—a—half" are no such fraction),
// and one part is singular, more are plural ("-and-a-quarters" is none).
func (p *Parser) hyphenedFraction(j int) (float64, float64, int, bool) {
	joined := func(k int) bool { return p.sym(k) == "-" && p.adjacent(k) && p.adjacent(k+1) }
	if !joined(j) || p.word(j+1) != "and" || !joined(j+2) {
		return 0, 0, j, false
	}
	w := p.word(j + 3)
	if w != "a" && w != "an" && (smallNumbers[w] == 0 || smallNumbers[w] >= 10) || !joined(j+4) {
		return 0, 0, j, false
	}
	n := 1.0
	if w != "a" && w != "an" {
		n = smallNumbers[w]
	}
	fw := p.word(j + 5)
	d, ok := fractionWords[fw]
	if !ok || n >= d || !fractionDenominators[int(d)] || (n > 1) != strings.HasSuffix(fw, "s") {
		return 0, 0, j, false
	}
	return n, d, j + 6, true
}

// fractionAt reads a fraction in words: "a half", "three quarters", "two
// thirds"; it returns numerator, denominator and the token after.
func (p *Parser) fractionAt(j int) (float64, float64, int, bool) {
	n := 0.0
	switch w := p.word(j); {
	case w == "a" || w == "an":
		n = 1
	case smallNumbers[w] != 0 && smallNumbers[w] < 10:
		n = smallNumbers[w]
	default:
		return 0, 0, j, false
	}
	d, ok := fractionWords[p.word(j+1)]
	if !ok {
		return 0, 0, j, false
	}
	return n, d, j + 2, true
}

// canStart reports whether a quantity may begin at token i: a figure, a
// number word, a currency, a sign. Most words may not, and are passed over
// without trying the grammar.
// prefixed reports whether the token after word i may make it a
// currency prefix or code ("US$", "Rs.", "EUR 5"): a symbol "$" or ".",
// or a number. canStart asks the rest.
func (p *Parser) prefixed(i int) bool {
	if i+1 >= len(p.toks) {
		return false
	}
	n := &p.toks[i+1]
	return n.Kind == text.Num || n.Kind == text.Sym && (n.Text == "$" || n.Text == ".")
}

func (p *Parser) canStart(i int) bool {
	t := &p.toks[i]
	switch t.Kind {
	case text.Num:
		return true
	case text.Sym:
		switch t.Text {
		case "-", "–", "—", "‒", "−", "+":
			return p.adjacent(i + 1) // "-5", "+1-222-…": a sign binds tight
		case ".":
			return p.adjacent(i+1) && p.isNum(i+1) // ".08"; not a full stop
		case "$":
			return true
		}
		_, ok := currencySign(t.Text)
		return ok
	}
	if p.start != nil && p.start[i] || p.start == nil && isStartWord(t.Text) {
		return true
	}
	if p.sym(i+1) == "$" {
		return true
	}
	return len(t.Text) <= 4 && (p.isNum(i+1) || p.sym(i+1) == ".") && isUpper(t.Text)
}

// at tries to read a quantity starting at token i. When it fails, next may
// say how far to skip (past a name such as "GPT-4o").
func (p *Parser) at(i int) (Quantity, int, bool) {
	t := &p.toks[i]
	if !p.canStart(i) {
		return Quantity{}, i, false
	}
	if t.Kind == text.Word {
		if v, ok := lookup(multiplierShapes, multiplierVerbs, p.lowAt(i)); ok {
			// "Doubled" is a rounded multiple: it fits "more than
			// doubled" and 2.1 times, to a quarter either side, and
			// differs from "tripled" and from 1.5 times; "halved" to
			// an eighth.
			return p.finish(Quantity{Kind: Multiplier, Value: v, Precision: min(0.25, v/4)}, i, i+1, Exact), i + 1, true
		}
		if m, ok := lookup(monthShapes, months, p.lowAt(i)); ok && isUpper(t.Text) {
			if q, next, ok := p.monthFirst(i, m); ok {
				return q, next, true
			}
		}
	}
	if p.sym(i) == "+" && p.isNum(i+1) && p.adjacent(i+1) && isDash(p.sym(i+2)) && p.adjacent(i+2) && p.isNum(i+3) {
		// "+1-222-2222-2222": a telephone number.
		k := i + 1
		for p.isNum(k) && (isDash(p.sym(k+1)) || p.sym(k+1) == "/") && p.adjacent(k+1) && p.isNum(k+2) {
			k += 2
		}
		return Quantity{}, k + 1, false
	}
	if q, next, ok := p.yearSpan(i); ok {
		return q, next, true
	}
	if q, next, ok := p.fractionOfPoint(i); ok {
		return q, next, true
	}
	if next, ok := p.isoStamp(i); ok {
		return Quantity{}, next, false
	}
	if next, ok := p.zoneClock(i); ok {
		return Quantity{}, next, false
	}
	if q, next, ok := p.clock(i); ok {
		return q, next, q.Kind != ""
	}
	if q, next, ok := p.share(i); ok {
		return q, next, q.Kind != ""
	}
	start := i
	neg := false
	if w := p.word(i); w == "minus" || w == "negative" {
		neg = true
		i++
	} else if isDash(p.sym(i)) && i+1 < len(p.toks) && p.adjacent(i+1) && (i == 0 || p.toks[i].Space || p.sym(i-1) == "<" || p.sym(i-1) == ">" || p.sym(i-1) == "=") {
		if _, c, _ := p.currencyAt(i + 1); c > i+1 || p.isNum(i+1) {
			neg = true
			i++
		}
	}
	cur, j, curMult := p.currencyAt(i)
	if cur != "" && isDash(p.sym(j)) && p.adjacent(j) && p.isNum(j+1) { // "$-5"
		neg = true
		j++
	}
	f, ok := p.scaled(j, cur != "")
	if !ok {
		return Quantity{}, i, false
	}
	if curMult != 1 {
		f.value *= curMult
		f.precision *= curMult
	}
	q := Quantity{Unit: cur, Value: f.value, Precision: f.precision}
	if cur != "" {
		q.Kind = Money
	}
	end := f.End
	bound := Exact
	low, high := f.value, f.value

	// A range: "$14–15 billion", "14 to 15", "between 5 and 10".
	var ends [2]figure // a range's two figures
	if r, ok := p.rangeTail(start, f, cur); ok {
		ends = [2]figure{r.low, r.high}
		low, high = r.low.value, r.high.value
		q.Precision = math.Max(r.low.precision, r.high.precision)
		if q.Unit == "" {
			q.Unit = r.cur
			if r.cur != "" {
				q.Kind = Money
			}
		}
		end = r.End
		bound = Range
		q.Value = (low + high) / 2
		f.plainInt = r.low.plainInt && r.high.plainInt
	}

	// Dates that start with the day: "6 April", "15 January 1971".
	if q.Kind == "" && bound == Exact && f.plainInt && f.value >= 1 && f.value <= 31 {
		k := end
		if isOrdinal(p.word(k)) && p.adjacent(k) {
			k++
		}
		if p.word(k+1) == "of" && months[p.word(k+2)] != 0 {
			k += 2
		}
		if m, ok := months[p.word(k)]; ok && isUpper(p.toks[k].Text) {
			q.Kind = Date
			q.Value = f.value
			next := k + 1
			if p.sym(next) == "." {
				next++
			}
			q.Date, next = p.withYear(next, m, int(f.value))
			return p.finish(q, start, next, Exact), next, true
		}
	}

	if q.Kind == "" && bound == Exact && f.plainInt && f.digits == 4 && p.word(end) == "s" && p.adjacent(end) {
		// "the 1990s"
		q.Kind, q.Value = Year, f.value+4.5
		q.Low, q.High = f.value, f.value+9
		return p.finish(q, start, end+1, Range), end + 1, true
	}
	if q.Kind == "" && bound == Exact && p.isScore(f) {
		return Quantity{}, f.End + 2, false
	}
	before := q.Value
	end, q, bound = p.suffix(end, q, bound, f)
	if q.Kind == Duration && (q.Unit == "year" || q.Unit == "month") && p.agedBefore(start) {
		q.Kind = Age // "aged between 20 and 50 years", "children aged 0 to 9 years"
	}
	if bound == Range && before != 0 && q.Value != before {
		// A unit after a range converts both its ends: "18–20 tonnes" is
		// 18,000–20,000 kg.
		low, high = low*q.Value/before, high*q.Value/before
	}
	if q.Kind == "" {
		if p.isName(start, f, end) {
			p.nameEnd = end
			return Quantity{}, end, false
		}
		q.Kind = Number
		if w := p.word(end); w != "" && !text.FunctionWord(w) && !isUpper(p.toks[end].Text) && p.toks[end].Space {
			q.Kind = Count
			q.Noun = w
		}
		if q.Kind == Number && f.words && f.End == f.Start+1 && p.lowAt(f.Start) == "one" && bound == Exact && !neg && pronounNext[p.word(end)] {
			// "Which one do you prefer?", "one of the largest": a pronoun,
			// not a figure.
			return Quantity{}, end, false
		}
		if w := p.word(end); (w == "yo" || w == "y") && f.plainInt && f.value < 130 && p.toks[end].Space {
			// "a 87 yo man", "a 45 y.o. woman"
			k := end + 1
			if w == "y" && p.sym(k) == "." && p.word(k+1) == "o" {
				k += 2
				if p.sym(k) == "." {
					k++
				}
			} else if w == "y" {
				k = -1
			}
			if k > 0 {
				q.Kind, q.Unit, q.Noun = Age, "year", ""
				q.Low, q.High = q.Value, q.Value
				return p.finish(q, start, k, bound), k, true
			}
		}
		if yearShaped(f) && bound == Exact && !p.tallyShaped(start, end) {
			q.Kind = Year
			q.Precision = 0
			q.Noun = ""
		} else if yearShaped(f) && bound == Range && high < 2200 {
			q.Kind = Year
			q.Precision = 0
		}
		if q.Kind != Year {
			if age, ok := p.ageContext(start, end, f); ok {
				q.Kind, q.Unit, q.Noun = Age, "year", ""
				end = age
			}
		}
	}
	switch {
	case bound == Exact:
		if p.thousandsPoint(q, f, end) {
			digits := strings.Replace(p.toks[f.Start].Text, ".", "", 1)
			scale := q.Value / f.value                 // the unit's factor: 1000 for "tonnes"
			q.Value = math.Round(1000*f.value) * scale // whole: 1.023 × 1000 is not 1023 in floating point
			q.Precision = roundedPrecision(digits) * scale
		}
	case bound == Range:
		// "41.000 to 43.000 fans": each end of its own.
		for k, e := range ends {
			if p.thousandsPoint(q, e, end) {
				if k == 0 {
					low = math.Round(1000 * low)
				} else {
					high = math.Round(1000 * high)
				}
				q.Precision = math.Max(q.Precision, roundedPrecision(strings.Replace(p.toks[e.Start].Text, ".", "", 1)))
			}
		}
	}
	if neg && bound == Range {
		// "between negative ten and fifteen": the sign is the low end's.
		low = -low
	} else if neg {
		q.Value, low, high = -q.Value, -high, -low
	}
	if bound == Range {
		q.Value = (low + high) / 2
	}
	q.Low, q.High = low, high
	if bound == Exact {
		q.Low, q.High = q.Value, q.Value
	}
	return p.finish(q, start, end, bound), end, true
}

type rangeEnd struct {
	low, high figure
	cur       string
	End       int
}

// rangeTail reads the second half of a range after figure f.
func (p *Parser) rangeTail(start int, f figure, cur string) (rangeEnd, bool) {
	j := f.End
	between := p.word(start-1) == "between" || (p.word(start-2) == "between" && p.word(start-1) != "")
	if cur == "" && (between || p.word(start-1) == "from") {
		// "between 10 dollars and 20 dollars", "from 10 dollars to 20"
		if c, next := p.currencyNameAt(j); c != "" && (p.word(next) == "and" || p.word(next) == "to") {
			cur, j = p.base(c), next
		}
	}
	s := p.sym(j)
	w := p.word(j)
	switch {
	case isDash(s), s == "~" && p.adjacent(j) && p.adjacent(j+1):
	case w == "through" || w == "thru":
	case w == "to" && p.word(start-1) != "from" && p.word(start-2) != "from":
	case w == "and" && between:
	case w == "or" && f.words:
	default:
		return rangeEnd{}, false
	}
	cur2, k, _ := p.currencyAt(j + 1)
	if cur != "" && cur2 != "" && cur != cur2 {
		return rangeEnd{}, false
	}
	g, ok := p.scaled(k, cur != "" || cur2 != "")
	if !ok || (f.words != g.words && !f.words && w == "or") {
		return rangeEnd{}, false
	}
	if g.mult != 1 && f.mult == 1 {
		f.value *= g.mult
		f.precision *= g.mult
	}
	if !(g.value > f.value) {
		return rangeEnd{}, false
	}
	if cur2 != "" {
		cur = cur2
	}
	return rangeEnd{low: f, high: g, cur: cur, End: g.End}, true
}

func isOrdinal(w string) bool { return w == "st" || w == "nd" || w == "rd" || w == "th" }

// withYear reads an optional year after a day and month.
func (p *Parser) withYear(j, month, day int) (string, int) {
	k := j
	if p.sym(k) == "," {
		k++
	}
	if y, ok := p.yearAt(k); ok {
		return isoDate(y, month, day), k + 1
	}
	return "--" + two(month) + "-" + two(day), j
}

func (p *Parser) yearAt(k int) (int, bool) {
	if !p.isNum(k) || len(p.toks[k].Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(p.toks[k].Text)
	if err != nil || y < 1000 || y >= 2200 {
		return 0, false
	}
	return y, true
}

// monthFirst reads "April 6", "April 6, 2026", "August 2025".
func (p *Parser) monthFirst(i, m int) (Quantity, int, bool) {
	j := i + 1
	if p.sym(j) == "." {
		j++
	}
	if y, ok := p.yearAt(j); ok {
		q := Quantity{Kind: Date, Value: float64(y), Date: strconv.Itoa(y) + "-" + two(m)}
		return p.finish(q, i, j+1, Exact), j + 1, true
	}
	if !p.isNum(j) || len(p.toks[j].Text) > 2 {
		return Quantity{}, i, false
	}
	d, _ := strconv.Atoi(p.toks[j].Text)
	if d < 1 || d > 31 {
		return Quantity{}, i, false
	}
	k := j + 1
	if isOrdinal(p.word(k)) && p.adjacent(k) {
		k++
	}
	date, next := p.withYear(k, m, d)
	q := Quantity{Kind: Date, Value: float64(d), Date: date}
	return p.finish(q, i, next, Exact), next, true
}

// yearSpan reads years written as a year and the last two digits of a
// later one: a season, fiscal or school year, "the 2028-29 season",
// "2023/24", or a run of years, "the 1914-18 war", "in 2020-22": the
// years from the first to the last, not a year and a count. The later
// year is at most maxSpan years on.
func (p *Parser) yearSpan(i int) (Quantity, int, bool) {
	y, ok := p.yearAt(i)
	if !ok {
		return Quantity{}, i, false
	}
	sep := p.sym(i + 1)
	if !(isDash(sep) || sep == "/") || !p.adjacent(i+1) || !p.adjacent(i+2) || !p.isNum(i+2) || len(p.toks[i+2].Text) != 2 {
		return Quantity{}, i, false
	}
	if p.adjacent(i+3) && (isDash(p.sym(i+3)) || p.isNum(i+3)) {
		return Quantity{}, i, false // more hyphenated figures: a code or a date
	}
	n, err := strconv.Atoi(p.toks[i+2].Text)
	if err != nil {
		return Quantity{}, i, false
	}
	last := y - y%100 + n
	if last <= y {
		last += 100 // into the next century only as the next year, "1999-00"
		if last != y+1 {
			return Quantity{}, i, false
		}
	}
	if last-y > maxSpan || (sep == "/" && last-y > 1) {
		return Quantity{}, i, false
	}
	q := Quantity{Kind: Year, Value: float64(y+last) / 2, Low: float64(y), High: float64(last)}
	return p.finish(q, i, i+3, Range), i + 3, true
}

// maxSpan is the most years a run written "2020-22" may cover: more, and
// the two digits are not a year ("1990-99" is a span of nine; "2023-08"
// and "1995-01" are no span but a month, isoStamp).
const maxSpan = 9

// isoStamp reads a date written the machine way, a year, a month and
// perhaps a day joined by hyphens with nothing between them, "2031-04-09"
// or "2031-04", and returns the token after it. News prose does not write
// dates so; pages carry them in datelines, time stamps and links, which
// say when the page was made, not what it reports. The parser skips them
// as it skips telephone numbers.
func (p *Parser) isoStamp(i int) (int, bool) {
	if _, ok := p.yearAt(i); !ok {
		return i, false
	}
	k := i
	for part := 0; part < 2; part++ {
		sep, num := k+1, k+2
		if p.sym(sep) != "-" || !p.adjacent(sep) || !p.adjacent(num) || !p.isNum(num) || len(p.toks[num].Text) != 2 {
			break
		}
		v, _ := strconv.Atoi(p.toks[num].Text)
		if v < 1 || (part == 0 && v > 12) || v > 31 {
			return i, false
		}
		k = num
	}
	if k == i {
		return i, false
	}
	if k > i+2 && k+1 < len(p.toks) && p.toks[k+1].Text == "T" && p.adjacent(k+1) && p.isNum(k+2) && p.adjacent(k+2) {
		// "2031-04-09T10:15:00Z": the time of the stamp goes with it.
		k += 2
		for p.sym(k+1) == ":" && p.adjacent(k+1) && p.isNum(k+2) && p.adjacent(k+2) {
			k += 2
		}
		if k+1 < len(p.toks) && p.toks[k+1].Text == "Z" && p.adjacent(k+1) {
			k++
		}
	}
	if p.adjacent(k+1) && (p.isNum(k+1) || isDash(p.sym(k+1))) {
		return i, false // more digits follow: a code, not a date
	}
	return k + 1, true
}

func isoDate(y, m, d int) string { return strconv.Itoa(y) + "-" + two(m) + "-" + two(d) }

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// suffix reads what stands after a figure: %, a currency, a unit, "-year-old".
func (p *Parser) suffix(j int, q Quantity, bound Bound, f figure) (int, Quantity, Bound) {
	k := j
	hyphen := false
	if isDash(p.sym(k)) && p.adjacent(k) && p.adjacent(k+1) && p.toks[k].Text == "-" {
		k++
		hyphen = true
	}
	w := p.word(k)
	s := p.sym(k)
	if !hyphen && f.plainInt && bound == Exact {
		if n, inches, ok := p.primeInches(k); ok {
			// 6' 8": feet and inches in prime marks.
			q.Kind, q.Unit = Measure, "m"
			q.Value = q.Value*footM + inches*inchM
			q.Precision = inchM / 2
			return n, q, bound
		}
	}
	if u, next, ok := p.temperatureAt(k, f); ok && q.Kind == "" {
		// "40 degrees Celsius", "1.5C", "-18°C", "104 degrees Fahrenheit".
		q.Kind, q.Unit, q.Factor = Measure, u, 1
		return p.afterBound(next, q, bound)
	}
	if next, ok := p.basisPoints(k); ok && q.Kind == "" && (q.Value <= maxBasisPoints || p.word(k) == "basis") {
		// "75 basis points", "25bps", "a 50-basis-point cut": hundredths
		// of a percentage point.
		q.Kind, q.Unit = Percent, "pp"
		q.Value /= 100
		q.Precision /= 100
		return p.afterBound(next, q, bound)
	}
	switch {
	case s == "%" && !hyphen:
		q.Kind, q.Unit = Percent, "%"
		k++
		if p.word(k) == "points" || p.word(k) == "pts" {
			q.Unit = "pp"
			k++
		}
		return p.afterBound(k, q, bound)
	case w == "percent" || w == "pct" || (w == "per" && p.word(k+1) == "cent"):
		q.Kind, q.Unit = Percent, "%"
		if w == "per" {
			k++
		}
		k++
		if p.word(k) == "points" {
			q.Unit = "pp"
			k++
		}
		return p.afterBound(k, q, bound)
	case w == "percentage" && (p.word(k+1) == "points" || p.word(k+1) == "point"):
		q.Kind, q.Unit = Percent, "pp"
		return p.afterBound(k+2, q, bound)
	case w == "x" && p.adjacent(k) && !hyphen, w == "times" && !hyphen, w == "fold":
		if q.Kind == "" {
			q.Kind, q.Unit = Multiplier, ""
			q.Precision = f.precision
			return k + 1, q, bound
		}
	}
	if q.Kind == "" || q.Kind == Money {
		// "85 million euros", "14.3 billion US dollars", "5 USD", "50p",
		// "20€", "42MYR", "120 MEUR", "ten dimes", "10 grand".
		if c, mult, next, ok := p.currencyAfter(k, q); ok {
			q = p.applyCurrency(q, c, mult)
			next = p.subunitTail(next, &q)
			return p.afterBound(next, q, bound)
		}
		if q.Kind == Money {
			j = p.subunitTail(j, &q)
			return p.afterBound(j, q, bound)
		}
	}
	if w == "h" && p.adjacent(k) && !hyphen && f.plainInt && bound == Exact {
		// "2h41", "2h 41m": hours and minutes written short.
		if mins, n, ok := p.finerAfter(k+1, finerUnits["hour"], true); ok {
			q.Kind, q.Unit = Duration, "minute"
			q.Value, q.Precision = q.Value*60+mins, 0.5
			return p.afterBound(n, q, bound)
		}
	}
	if u, ok := lookup(timeShapes, timeUnits, w); ok && p.timeUnit(k, f, hyphen) {
		// "28-year-old", "28 years old", "five-year contract", "two years".
		n := k + 1
		if isDash(p.sym(n)) && p.word(n+1) == "old" {
			q.Kind, q.Unit = Age, u
			return n + 2, q, bound
		}
		if p.word(n) == "old" || (p.word(n) == "of" && p.word(n+1) == "age") {
			q.Kind, q.Unit = Age, u
			if p.word(n) == "old" {
				return n + 1, q, bound
			}
			return n + 2, q, bound
		}
		q.Kind, q.Unit = Duration, u
		if f.value == math.Trunc(f.value) && bound == Exact {
			// "2 hours 41 minutes", "a 2-hour, 14-minute final", "14
			// years and five months", "2 hours, 5 minutes and 41
			// seconds": the finest unit stated holds the length whole.
			age := p.ageBefore(f.Start)
			for fine, ok := finerUnits[q.Unit]; ok; fine, ok = finerUnits[q.Unit] {
				v, next, ok := p.finerAfter(n, fine, false)
				if !ok || p.partsApart(f.Start, n, next) {
					break
				}
				if age || p.word(next) == "old" {
					// "aged 12 years and 4 months", "15 years and 11
					// months old": an age counts whole years, and its
					// months are part of it, not a length of their own.
					n = next
					if p.word(n) == "old" {
						q.Kind = Age
						n++
					}
					break
				}
				q.Unit = fine.unit
				q.Value, q.Precision = q.Value*fine.per+v, 0.5
				n = next
			}
		}
		if hyphen {
			q.Noun = p.word(n)
		}
		return p.afterBound(n, q, bound)
	}
	// Units: "10 km", "7.8-magnitude", "1,200 acres", "40 square miles".
	square := false
	kk := k
	if w == "square" || w == "sq" {
		square = true
		kk++
		if p.sym(kk) == "." {
			kk++
		}
	}
	u, ok := lookup(measureShapes, measureUnits, p.word(kk))
	if sq := kk + 1; !square && !hyphen && kk < len(p.toks) && p.adjacent(sq) && (p.toks[sq].Text == "2" || p.sym(sq) == "²") {
		// "24,000 m2", "14 km²": a length unit squared.
		lu, lok := u, ok
		if p.word(kk) == "m" {
			lu, lok = unit{"m", 1}, true
		}
		if lok && lu.base == "m" {
			q.Kind, q.Unit = Measure, "m2"
			q.Value *= lu.factor * lu.factor
			q.Factor = lu.factor * lu.factor
			q.Precision *= lu.factor * lu.factor
			return p.afterBound(sq+1, q, bound)
		}
	}
	if !ok && !square && !hyphen && p.toks[min(kk, len(p.toks)-1)].Text == "m" && p.sym(f.Start-1) == "(" && p.sym(kk+1) == ")" {
		// "(2.06 m)": a bare "m" is metres when it converts a figure in
		// brackets; elsewhere it may be millions.
		u, ok = unit{"m", 1}, true
	}
	if ok {
		unitTok := p.toks[kk].Text
		// "m" alone is ambiguous; only the spelled-out forms and the short
		// forms written as units count.
		if !(unitTok == "mi" && !p.adjacent(kk)) {
			if square {
				if u.base != "m" {
					return j, q, bound
				}
				u = unit{"m2", u.factor * u.factor}
			}
			n := kk + 1
			if u.base == "m" && !square {
				// "220 km/h", "165 miles per hour", "4 metres per
				// second": a length over a time is a speed, in km/h.
				if per, next := p.perTime(n); per > 0 {
					u = unit{"km/h", u.factor / 1000 * per}
					n = next
				} else if per := p.perTimeAfterAside(n); per > 0 {
					u = unit{"km/h", u.factor / 1000 * per} // the aside is read on its own
				}
			}
			q.Kind, q.Unit, q.Factor = Measure, u.base, u.factor
			q.Value *= u.factor
			q.Precision *= u.factor
			if u.factor == footM && hyphen && p.sym(n) == "-" && p.adjacent(n) && p.adjacent(n+1) {
				// "the 6-foot-8 forward"
				if in, ok := p.numberAt(n + 1); ok && in.plainInt && in.value < 12 && p.toks[in.Start].Kind == text.Num {
					q.Value += in.value * inchM
					q.Precision = inchM / 2
					n = in.End
				}
			}
			if u.factor == footM && !square && !hyphen {
				// "6 ft 9 in", "5 feet 11 inches": the inches join the feet.
				if in, ok := p.numberAt(n); ok && in.plainInt && in.value < 12 {
					if iu := p.word(in.End); iu == "in" || iu == "inch" || iu == "inches" {
						q.Value += in.value * inchM
						q.Precision = inchM / 2
						n = in.End + 1
					}
				}
			}
			if hyphen || u.base == "magnitude" {
				q.Noun = p.word(n)
			}
			return p.afterBound(n, q, bound)
		}
	}
	if hyphen {
		// "10-million-token", "200-plus": the compound's noun.
		if w == "plus" {
			return k + 1, q, AtLeast
		}
		if w != "" && !text.FunctionWord(w) && !(yearShaped(f) && participle(w)) {
			q.Kind = Count
			q.Noun = w
			return k + 1, q, bound
		}
	}
	// "magnitude 7.8", "a magnitude of 7.1": the unit stands before the figure.
	if before := p.word(f.Start - 1); before == "magnitude" || (isDash(p.sym(f.Start-1)) && p.word(f.Start-2) == "magnitude") ||
		(p.word(f.Start-2) == "magnitude" && (before == "of" || before == "at" || before == "was" || before == "is")) {
		q.Kind, q.Unit = Measure, "magnitude"
		return j, q, bound
	}
	return p.afterBound(j, q, bound)
}

// yearShaped reports whether f is written as a year is: four plain digits
// from 1000 to 2199.
func yearShaped(f figure) bool {
	return f.plainInt && f.digits == 4 && f.value >= 1000 && f.value < 2200
}

// tallyShaped reports whether a year-shaped figure at tokens [start, end)
// stands where a year never does, so it is a count:
//   - after a bound no year takes ("at least 1000 people", "rose to more
//     than 2000"), unless a preposition only of time opens the bound
//     ("until at least 2030"), or "to" or "from" does after no verb of
//     change ("dates back to at least 1850"), or the bound is a
//     comparative other than "more", "fewer" or "less than" ("lower than
//     2019"), or a baseline noun follows ("more than 1990 levels");
//   - at the end of its phrase after a verb that gives a level ("has
//     reached 1875", "nears 1640"), or after "at" with such a verb or a
//     tally's noun in the clause before it (levelBefore: "the toll stood
//     at 1450", "put the number of deaths at 1450"; not "looking back at
//     2023"; and "at 2019 prices" opens a noun phrase).
func (p *Parser) tallyShaped(start, end int) bool {
	if _, ms := p.modifierBefore(start); ms < start && countBounds[p.word(start-1)] {
		if p.word(start-1) == "than" && !amountComparatives[p.word(start-2)] {
			return false // "lower than 2019" sets a figure against a year
		}
		switch prep := p.word(ms - 1); {
		case timePrepositions[prep]:
			return false // "until at least 2030"
		case (prep == "to" || prep == "from") && !changeVerbs[p.word(ms-2)]:
			return false // "dates back to at least 1850"; not "rose to at least 1500"
		}
		return !yearBases[p.word(end)]
	}
	if !p.endsPhrase(end) {
		return false
	}
	switch w := p.word(start - 1); {
	case tallyVerbs[w]:
		return true
	case w == "at":
		return p.levelBefore(start - 2)
	}
	return false
}

// levelBefore reports whether a verb that gives a level (not a mere "is"
// or "was") or a tally's noun stands in the clause that ends at token k,
// within levelReach words: "put the number of deaths at", "estimated the
// crowd at", "with the death toll at"; not "looking back at", "aimed at".
func (p *Parser) levelBefore(k int) bool {
	for n := 0; k >= 0 && n < levelReach && p.toks[k].Kind != text.Sym; k, n = k-1, n+1 {
		w := p.word(k)
		if tallyVerbs[w] || tallyNouns[w] || (levelVerbs[w] && !copulas[w]) {
			return true
		}
	}
	return false
}

// levelReach is how many words before "at" levelBefore looks.
const levelReach = 6

// participle reports whether w is a verb's participle, which a year
// joined to it by a hyphen dates ("the 2019-built tanker", "a
// 2008-founded firm"): a regular one, or one of irregularParticiples.
func participle(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

// timeUnit reports whether the unit word at token k, after figure f, is
// one of time. "Second" is an ordinal's ("25 second-half points", "3
// second-placed teams", "1 second half goal") unless it is in a compound
// ("a 40-second clip") or after a figure with decimals or a one ("won by
// 0.4 second", "1 second"); "SEC" and "SECS" in capitals are names, but in
// a headline in capitals.
func (p *Parser) timeUnit(k int, f figure, hyphen bool) bool {
	switch p.word(k) {
	case "sec", "secs":
		t := p.toks[k].Text
		return p.headline || t != strings.ToUpper(t)
	case "second":
		decimals := !f.plainInt && !f.words
		return !isDash(p.sym(k+1)) && !ranked[p.word(k+1)] && (hyphen || decimals || f.value == 1)
	}
	return true
}

// temperatureAt reads the unit of a temperature at token k, after figure
// f, and returns its base, "°C" or "°F", and the token after it: "degrees
// Celsius", "degrees F", "°C", "° C", "ºC", "Celsius", or a capital C or F
// joined to a figure with decimals ("1.5C"), or to a whole number in a
// sentence about heat or cold (aboutWarmth): elsewhere a whole number with
// a letter joined to it is more often a name ("iPhone 5C", "seat 14F", "a
// 13F filing"). A degree alone is no temperature ("a 90-degree turn"). The
// two scales are kept apart: a figure may be a temperature or a change of
// one ("1.5C warmer"), and the two convert differently.
func (p *Parser) temperatureAt(k int, f figure) (string, int, bool) {
	scale := func(k int) string {
		switch p.word(k) {
		case "celsius", "centigrade", "c", "ºc", "°c":
			return "°C"
		case "fahrenheit", "f", "ºf", "°f":
			return "°F"
		}
		return ""
	}
	w := p.word(k)
	if s := p.sym(k); s == "°" || s == "º" || w == "degrees" || w == "degree" {
		if u := scale(k + 1); u != "" {
			return u, k + 2, true // "40°C", "40° C", "40 degrees Celsius"
		}
		return "", k, false
	}
	if u := scale(k); u != "" && w != "c" && w != "f" {
		return u, k + 1, true // "31 Celsius", "31ºC"
	}
	if k >= len(p.toks) || (p.toks[k].Text != "C" && p.toks[k].Text != "F") || !p.adjacent(k) || f.words {
		return "", k, false
	}
	if p.adjacent(k+1) && (p.sym(k+1) == "" || isDash(p.sym(k+1))) {
		return "", k, false // "5C-plus", "2.5Cr"
	}
	if !f.plainInt || p.aboutWarmth() {
		return scale(k), k + 1, true // "1.5C", "temperatures hit 40C"
	}
	return "", k, false
}

// aboutWarmth reports whether the sentence speaks of heat or cold, so that
// a whole number with a capital C or F joined to it is a temperature
// ("temperatures hit 40C", "lows of -5C"), not a name ("iPhone 5C").
func (p *Parser) aboutWarmth() bool {
	for _, w := range p.low {
		if warmthWords[w] {
			return true
		}
	}
	return false
}

// maxBasisPoints is the most basis points a rate moves by: more, and "bp"
// is something else, base pairs or bits per second ("a 2400 bps modem").
// Spelled out, "1,500 basis points" are basis points (a spread's).
const maxBasisPoints = 1000

// basisPoints reads the unit of a figure in basis points at token k,
// "basis points", "basis-point", "bps", "bp", and returns the token after
// it. "BP" in capitals is the oil company.
func (p *Parser) basisPoints(k int) (int, bool) {
	w := p.word(k)
	if w == "bps" || (w == "bp" && p.toks[k].Text != "BP") {
		return k + 1, true
	}
	if w != "basis" {
		return k, false
	}
	if j := p.afterHyphen(k + 1); p.word(j) == "point" || p.word(j) == "points" {
		return j + 1, true // "basis points", "basis-point"
	}
	return k, false
}

// fractionOfPoint reads a fraction of a percentage point written in
// words, as rate decisions are reported: "a half-point cut", "a
// quarter-point rise", "half a percentage point", "three-quarters of a
// percentage point", "about a quarter of a percentage point". Without
// "percentage" only a fraction joined to "point" is read ("half-point"),
// or spaced from it after "by" or before a move (rateMoves: "by a quarter
// point", "a quarter point cut"): "half a point", "a fourth quarter point
// guard", "a second-half point" and "half points" may be a game's.
func (p *Parser) fractionOfPoint(i int) (Quantity, int, bool) {
	k := i
	if w := p.word(k); w == "a" || w == "an" {
		k++ // the article opens the figure, so that "about" before it counts
	}
	v, k, ok := p.pointFraction(k)
	if !ok {
		return Quantity{}, i, false
	}
	q := Quantity{Kind: Percent, Unit: "pp", Value: v}
	if j := p.afterHyphen(k); p.word(j) == "point" && (j > k || p.word(i-1) == "by" || rateMoves[p.word(j+1)]) {
		return p.finish(q, i, j+1, Exact), j + 1, true // "half-point", "by a quarter point", "a quarter point cut"
	}
	if p.word(k) == "of" {
		k++
		if p.word(k) == "one" {
			k++ // "half of one percentage point"
		}
	}
	if w := p.word(k); w == "a" || w == "an" {
		k++
	}
	if p.word(k) != "percentage" {
		return Quantity{}, i, false
	}
	if j := p.afterHyphen(k + 1); p.word(j) == "point" || p.word(j) == "points" {
		return p.finish(q, i, j+1, Exact), j + 1, true
	}
	return Quantity{}, i, false
}

// pointFraction reads the fraction of fractionOfPoint at token k, "half",
// "quarter", "three-quarter(s)" or "three quarters", and returns its value
// and the token after it. "Three quarter-point cuts" are three cuts.
func (p *Parser) pointFraction(k int) (float64, int, bool) {
	switch p.word(k) {
	case "half":
		return 0.5, k + 1, true
	case "quarter":
		return 0.25, k + 1, true
	case "three":
		j := p.afterHyphen(k + 1)
		if w := p.word(j); w == "quarters" || (w == "quarter" && j > k+1) {
			return 0.75, j + 1, true
		}
	}
	return 0, k, false
}

// afterHyphen returns k+1 when token k is a hyphen joining two words
// ("half-point"), else k.
func (p *Parser) afterHyphen(k int) int {
	if p.sym(k) == "-" && p.adjacent(k) && p.adjacent(k+1) {
		return k + 1
	}
	return k
}

// isScore reports a score such as "2-1" or "3–0": two small whole numbers
// joined by a dash, the first not below the second (a range runs upwards).
func (p *Parser) isScore(f figure) bool {
	j := f.End
	if !f.plainInt || f.value > 30 || !isDash(p.sym(j)) || !p.adjacent(j) || !p.isNum(j+1) || !p.adjacent(j+1) {
		return false
	}
	g, ok := p.numberAt(j + 1)
	return ok && g.plainInt && g.value <= f.value
}

// clock reads digits joined by colons at token i: "10:30", "2:05:41".
// A time of day (two parts, or a marker such as "a.m." or "GMT" after it,
// or a preposition of time before it, clockPreps) is no quantity: its tokens are consumed and q is
// zero. Hours, minutes and seconds with no such marker are an elapsed
// time, as a race or a flight is timed: a duration in hours, precise to
// the second. ok is false when there is no clock at i.
func (p *Parser) clock(i int) (q Quantity, next int, ok bool) {
	digits := func(k, lo, hi int) (int, bool) {
		if !p.isNum(k) {
			return 0, false
		}
		w := p.toks[k].Text
		if len(w) < lo || len(w) > hi {
			return 0, false
		}
		n := 0
		for _, c := range w {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	colon := func(k int) bool { return p.sym(k) == ":" && p.adjacent(k) && p.adjacent(k+1) }
	h, ok1 := digits(i, 1, 2)
	if !ok1 || !colon(i+1) {
		return Quantity{}, i, false
	}
	m, ok2 := digits(i+2, 2, 2)
	if !ok2 {
		return Quantity{}, i, false
	}
	next = i + 3
	sec, three := 0, false
	if colon(next) {
		if v, ok := digits(next+1, 2, 2); ok {
			sec, three = v, true
			next += 2
		}
	}
	if !three || m >= 60 || sec >= 60 || clockPreps[p.word(i-1)] {
		return Quantity{}, next, true
	}
	if w := strings.TrimRight(p.word(next), "."); timeOfDay[w] || timeZones[w] {
		return Quantity{}, next + 1, true
	}
	v := float64(h) + float64(m)/60 + float64(sec)/3600
	return p.finish(Quantity{Kind: Duration, Unit: "hour", Value: v, Precision: 0.5 / 3600}, i, next, Exact), next, true
}

// zoneClock reads a time of day written as four digits, hours and
// minutes, before a time zone in capitals, as wires give the hour abroad:
// "(0105 GMT)", "1200 UTC". It is no quantity; zoneClock returns the token
// after the zone. A zone of two letters is not enough: "1200 MT" is metric
// tonnes, "2019 et al." a citation.
func (p *Parser) zoneClock(i int) (int, bool) {
	w := p.toks[i].Text
	if len(w) != 4 || !allDigits(w) || !timeZones[p.word(i+1)] {
		return i, false
	}
	if z := p.toks[i+1].Text; len(z) < 3 || strings.ToUpper(z) != z {
		return i, false
	}
	h, _ := strconv.Atoi(w[:2])
	m, _ := strconv.Atoi(w[2:])
	if h > 23 || m > 59 {
		return i, false
	}
	if v, _ := strconv.Atoi(w); v >= 1900 && !wireZones[p.word(i+1)] {
		return i, false // "a 2019 EAT ruling", "2023 CET results": a year may be meant
	}
	return i + 2, true
}

// A finer is the next finer unit of a length of time, and how many of it
// the coarser holds.
type finer struct {
	unit string
	per  float64
}

// finerUnits are the units a length in each unit may go on in: "2 hours
// 41 minutes", "14 years and five months", "two minutes and 40
// seconds".
var finerUnits = map[string]finer{
	"year": {"month", 12}, "week": {"day", 7}, "day": {"hour", 24}, "hour": {"minute", 60}, "minute": {"second", 60},
}

// reachedLevel reports whether the verb at token v, before "up to", makes
// the figure after it the level reached: a verb of a small change
// (smallMoves), or a participle of change (changeParticiples) after an
// auxiliary that no modal opens.
func (p *Parser) reachedLevel(v int) bool {
	w := p.word(v)
	if smallMoves[w] {
		return true
	}
	if !changeParticiples[w] {
		return false
	}
	// Back over adverbs ("has now gone", "had already risen") and the
	// auxiliaries, to what opens the verb: a modal makes it what might be,
	// a negation what is not.
	k, aux := v-1, false
	for ; k >= 0; k-- {
		switch x := p.word(k); {
		case auxiliaries[x]:
			aux = true
		case levelAdverbs[x]:
		case negations[x]:
			return false
		default:
			return aux && !modals[x]
		}
	}
	return aux
}

// ageBefore reports whether the figure at token start is an age by the
// words before it: "aged 12 years", "at the age of 66 years".
func (p *Parser) ageBefore(start int) bool { return p.agedBefore(start) || p.ageOf(start) }

// ageOf reports whether "age" or "the age of" stands right before token
// start.
func (p *Parser) ageOf(start int) bool {
	w := p.word(start - 1)
	return w == "age" || w == "of" && p.word(start-2) == "age"
}

// partsApart reports whether the finer part from token at to next, after
// the length starting at token start, is no part of it: the second end of
// a range joined by "and" ("between 3 years and 8 months"), or one of a
// list matched in order right after it ("6 years and 2 months
// respectively").
func (p *Parser) partsApart(start, at, next int) bool {
	if p.word(start-1) == "between" && p.word(at) == "and" {
		return true
	}
	if p.sym(next) == "," {
		next++
	}
	return p.word(next) == "respectively"
}

// finerAfter reads the part of a length in the finer unit fine that
// follows a whole number of the coarser, from token k: "41 minutes", ",
// 14-minute", "and 12 mins", "and three months". The part is a whole
// number below fine.per. After an "h" (short) it also reads "41m" and a
// bare "41" against the "h", in digits only. It returns the part and the
// token after it.
func (p *Parser) finerAfter(k int, fine finer, short bool) (float64, int, bool) {
	if !short && (p.sym(k) == "," || p.word(k) == "and") {
		k++
	}
	g, ok := p.numberAt(k)
	if !ok || !g.plainInt && !g.words || g.value != math.Trunc(g.value) || g.value < 0 || g.value >= fine.per || short && g.words {
		return 0, k, false
	}
	j := g.End
	hyphen := isDash(p.sym(j)) && p.adjacent(j) && p.adjacent(j+1)
	if hyphen {
		j++
	}
	if u, ok := lookup(timeShapes, timeUnits, p.word(j)); ok && u == fine.unit {
		return g.value, j + 1, true
	}
	if short && !hyphen {
		if p.word(j) == "m" && p.adjacent(j) {
			return g.value, j + 1, true
		}
		if p.adjacent(k) {
			return g.value, j, true
		}
	}
	return 0, k, false
}

// The foot and the inch in metres.
const (
	footM = 0.3048
	inchM = 0.0254
)

// primeInches reads the rest of a height in prime marks after the feet:
// "' 8\"" or "′8″". It returns the token after it and the inches.
func (p *Parser) primeInches(k int) (int, float64, bool) {
	switch p.sym(k) {
	case "'", "′", "’":
	default:
		return k, 0, false
	}
	if !p.adjacent(k) {
		return k, 0, false
	}
	in, ok := p.numberAt(k + 1)
	if !ok || !in.plainInt || in.value >= 12 {
		return k, 0, false
	}
	switch p.sym(in.End) {
	case "\"", "″", "”", "''":
		return in.End + 1, in.value, true
	}
	return k, 0, false
}

// afterBound reads "or more", "or so", "plus" after a quantity.
func (p *Parser) afterBound(k int, q Quantity, bound Bound) (int, Quantity, Bound) {
	if bound != Exact {
		return k, q, bound
	}
	switch w := p.word(k); {
	case w == "plus" && q.Kind != "":
		return k + 1, q, AtLeast
	case w == "or":
		switch p.word(k + 1) {
		case "more", "above", "higher", "greater", "larger", "over":
			n := k + 2
			if p.word(n) == "than" {
				if _, ok := p.numberAt(n + 1); ok {
					return k, q, bound // "200 or more than 190": the bound is the next figure's
				}
				n++
			}
			return n, q, AtLeast
		case "so":
			return k + 2, q, About
		case "less", "fewer", "under", "lower", "smaller", "below":
			if p.word(k+2) == "than" {
				return k, q, bound
			}
			return k + 2, q, AtMost
		}
	case w == "and" && (p.word(k+1) == "more" || p.word(k+1) == "above" || p.word(k+1) == "over") && p.word(k+2) != "than":
		return k + 2, q, AtLeast
	}
	return k, q, bound
}

// isName reports whether the figure at [start, end) is a label rather than
// a quantity: "Llama 4", "GPT-4o", "H100", "number 8", "Llama 3 and 4".
func (p *Parser) isName(start int, f figure, end int) bool {
	first := f.Start
	// Letters against the figure: "H100", "4o", "3rd", "COVID-19".
	if p.adjacent(first) && p.toks[first-1].Kind == text.Word {
		return true
	}
	if end < len(p.toks) && p.adjacent(end) && p.toks[end].Kind == text.Word {
		return true
	}
	// A possessive figure is a name: "Llama 4’s launch".
	if s := p.sym(end); (s == "'" || s == "’") && p.adjacent(end) && p.word(end+1) == "s" && p.adjacent(end+1) {
		return true
	}
	if isDash(p.sym(first-1)) && p.adjacent(first) && p.adjacent(first-1) && p.toks[first-2].Kind == text.Word {
		return true
	}
	if f.words {
		return false
	}
	prev := first - 1
	if p.sym(prev) == "." || p.sym(prev) == "#" {
		prev--
	}
	pw := p.word(prev)
	if identifierNouns[pw] {
		return true
	}
	// Coordinated with a name: "Llama 3 and 4".
	if (pw == "and" || pw == "or" || p.sym(prev) == ",") && p.nameEnd == prev {
		return true
	}
	if pw == "" || p.headline || !isUpper(p.toks[prev].Text) || text.FunctionWord(pw) || months[pw] != 0 {
		return false
	}
	if strings.HasSuffix(pw, "'s") || strings.HasSuffix(pw, "’s") || p.isCode(prev) {
		return false
	}
	if f.plainInt && f.digits == 4 && f.value >= 1900 && f.value < 2100 {
		return false
	}
	for _, m := range modifiers {
		if len(m.words) == 1 && m.words[0] == pw {
			return false
		}
	}
	return !p.sentenceStart(prev)
}

// sentenceStart reports whether token i opens a sentence.
func (p *Parser) sentenceStart(i int) bool {
	j := i - 1
	for j >= 0 && p.toks[j].Kind == text.Sym && isOpener(p.toks[j].Text) {
		j--
	}
	if j < 0 {
		return true
	}
	if strings.IndexByte(p.s[p.toks[j].End:p.toks[i].Start], '\n') >= 0 {
		return true
	}
	switch p.sym(j) {
	case ".", "!", "?", ":", ";", "•", "—", "–", "-":
		return true
	}
	return false
}

func isOpener(s string) bool {
	return s == "\"" || s == "“" || s == "‘" || s == "'" || s == "(" || s == "["
}

// ageContext recognizes "aged 78", "at just 28,", "Lund, 56,", "Lund (56)".
func (p *Parser) ageContext(start, end int, f figure) (int, bool) {
	if !f.plainInt || f.value < 1 || f.value > 120 {
		return 0, false
	}
	w := p.word(start - 1)
	if p.ageOf(start) {
		return end, true // "at the age of 38"
	}
	if p.agedBefore(start) {
		p.agedEnd, p.agedAnd = end, false
		return end, true // "aged 38", "aged between 18 and 24"
	}
	if and, ok := p.agedNext(start); ok && p.listItemEnds(end) {
		p.agedEnd, p.agedAnd = end, and
		return end, true // the next of a list of ages: "aged 41 and 38,", "aged 18, 19 and 21 were"
	}
	k := start - 1
	if w == "just" || w == "only" {
		k--
	}
	if p.word(k) == "at" && p.sym(end) == "," && !levelVerbs[p.word(p.skipAdverbs(k-1))] {
		return end, true // "died at 91,"; not "the toll stands at 271," or "is now put at 271,"
	}
	if p.sym(start-1) == "," && p.sym(end) == "," && p.named(start-2) {
		return end, true // "the mayor, Jo Park, 52, said"
	}
	if p.sym(start-1) == "(" && p.sym(end) == ")" && p.named(start-2) && !p.bracketTally(start) {
		return end + 1, true // "Jo Park (52) said"; not "on Saturday (6)"
	}
	if (w == "is" || w == "was") && f.value >= 10 && p.personBefore(start-2) && p.clauseEnds(end) {
		return end, true // "his deputy, Ivo Lamm, is 39 but"; not "Lowby was 14", "the team, Vale United, was 6"
	}
	return 0, false
}

// personBefore reports whether token k ends a person's name set off by
// commas before "is" or "was": "his deputy, Ivo Lamm, is 39" (two words
// or more, after a comma). A name with no comma after it is as often a
// place's or a firm's ("South Kordo was 14", "Australia was 5 and"), a
// headline capitalizes every word, and "he was 6" is as often a place in
// a ranking or a poll as an age.
func (p *Parser) personBefore(k int) bool {
	if p.headline || p.sym(k) != "," {
		return false
	}
	k--
	first := p.nameStart(k)
	return p.named(k) && p.named(k-1) && p.sym(first-1) == ","
}

// clauseEnds reports whether the clause ends at token k: at a stop, a
// comma, a semicolon, the end of the sentence, or "and" or "but" that no
// figure follows ("50 and 60 metres" goes on).
func (p *Parser) clauseEnds(k int) bool {
	if k >= len(p.toks) {
		return true
	}
	switch p.sym(k) {
	case ",", ".", ";", "!", "?":
		return true
	}
	w := p.word(k)
	return (w == "and" || w == "but") && !p.isNum(k+1)
}

// bracketTally reports whether the bracketed figure at token i is one of a
// tally written name by name, "Northshire (218), Eastvale (44) and Lowmoor
// (6)", which counts something of each name, not its age (markTallies).
// The tallies are found once a parse, when first asked.
func (p *Parser) bracketTally(i int) bool {
	if !p.talliesMarked {
		p.markTallies()
		p.talliesMarked = true
	}
	return p.tally[i]
}

// markTallies marks the figures of each tally: a run of three or more
// names, each with a whole number in brackets after it and only commas,
// "and" or "the" between one and the next, in which a figure is too large
// for an age, or that a preposition of place opens ("in West Vale (12),
// North Moor (7) and Low Cross (3)"). Other runs are people's ages, as
// papers name victims and families: "Ola Brandt (41), Ivo Lamm (39) and
// Jo Park (52)", "their children, Jack (8), Lily (6) and Grace (3)".
func (p *Parser) markTallies() {
	p.tally = p.tally[:0]
	for range p.toks {
		p.tally = append(p.tally, false)
	}
	var run []int // the figures of the current run, by token index
	flush := func() {
		if len(run) >= 3 && (p.maxFigure(run) > 120 || placePrepositions[p.word(p.nameStart(run[0]-2)-1)]) {
			for _, i := range run {
				p.tally[i] = true
			}
		}
		run = run[:0]
	}
	for i := range p.toks {
		if !p.isNum(i) || p.sym(i-1) != "(" || p.sym(i+1) != ")" || !p.named(i-2) {
			continue
		}
		if len(run) > 0 && !p.listJoined(run[len(run)-1]+2, p.nameStart(i-2)) {
			flush()
		}
		run = append(run, i)
	}
	flush()
}

// nameStart returns the first token of the name that ends at token k:
// capitalized words, joined by hyphens or by "of" or "and" ("Marl-Hythe",
// "Isle of Rona", "Holt and Fenby").
func (p *Parser) nameStart(k int) int {
	for {
		switch w := p.word(k - 1); {
		case p.named(k - 1):
			k--
		case p.sym(k-1) == "-" && p.adjacent(k) && p.named(k-2) && p.adjacent(k-1):
			k -= 2
		case (w == "of" || w == "and") && p.named(k-2):
			k -= 2
		default:
			return k
		}
	}
}

// listJoined reports whether tokens [from, to) join two items of a list:
// commas, "and" and "the", nothing else.
func (p *Parser) listJoined(from, to int) bool {
	if from >= to {
		return false
	}
	for k := from; k < to; k++ {
		if w := p.word(k); p.sym(k) != "," && w != "and" && w != "the" {
			return false
		}
	}
	return true
}

// maxFigure returns the largest of the whole numbers at the tokens ks.
func (p *Parser) maxFigure(ks []int) int {
	m := 0
	for _, k := range ks {
		if v, err := strconv.Atoi(strings.ReplaceAll(p.toks[k].Text, ",", "")); err == nil && v > m {
			m = v
		}
	}
	return m
}

// agedNext reports whether the figure at token start is the next item of
// the list of ages "aged" opened (agedEnd): only a comma, "and" or ", and"
// between them, and no "and" once the list has had its last ("aged 30 and
// 45, and 3 were hurt" counts 3 people). and reports whether the joiner
// holds "and".
func (p *Parser) agedNext(start int) (and, ok bool) {
	if p.agedEnd < 0 || p.agedEnd >= start || start-p.agedEnd > 2 {
		return false, false
	}
	for k := p.agedEnd; k < start; k++ {
		switch {
		case p.word(k) == "and":
			and = true
		case p.sym(k) != ",":
			return false, false
		}
	}
	if and && p.agedAnd {
		return false, false
	}
	return and, true
}

// listItemEnds reports whether an item of a list of ages ends at token k:
// where its clause ends, at the comma or "and" before the next item, at a
// verb of being or a function word ("aged 18, 19 and 21 were", "aged 7
// and 9 at the time", "respectively"), but not at "of", which makes the
// figure a count of something ("aged 45 and 12 of his neighbours"), nor
// at a word a figure follows ("aged 65, 1 in 3 of whom").
func (p *Parser) listItemEnds(k int) bool {
	w := p.word(k)
	return p.clauseEnds(k) || w == "and" || w == "or" || copulas[w] || w == "respectively" || (p.endsPhrase(k) && w != "of" && !p.isNum(k+1))
}

// agedBefore reports whether the figure at token start follows "aged",
// or "aged between".
func (p *Parser) agedBefore(start int) bool {
	w := p.word(start - 1)
	return w == "aged" || (w == "between" && p.word(start-2) == "aged")
}

// named reports whether token k is a capitalized word that may be part of
// a name: not a function word, a month or a weekday.
func (p *Parser) named(k int) bool {
	return k >= 0 && p.toks[k].Kind == text.Word && isUpper(p.toks[k].Text) && !text.FunctionWord(p.word(k)) && months[p.word(k)] == 0 && !weekdays[p.word(k)]
}

// skipAdverbs returns the index of the first token at or before k that is
// not an adverb ("now", "officially"): the verb an "at" follows.
func (p *Parser) skipAdverbs(k int) int {
	for k > 0 {
		w := p.word(k)
		if !adverbsBeforeAt[w] && !(len(w) > 4 && strings.HasSuffix(w, "ly")) {
			break
		}
		k--
	}
	return k
}

// finish attaches the modifier before the quantity, sets the interval of a
// bounded value and the text span.
func (p *Parser) finish(q Quantity, start, end int, bound Bound) Quantity {
	if bound == Exact {
		if mb, ms := p.modifierBefore(start); mb != "" && ms >= p.taken && !p.periodOver(q, ms) {
			bound = mb
			start = ms
		}
	}
	if bound == Range && start-1 >= p.taken && p.word(start-1) == "between" {
		start--
	}
	q.Bound = bound
	switch bound {
	case Exact:
		q.Low, q.High = q.Value, q.Value
	case About:
		q.Low, q.High = q.Value, q.Value
	case AtLeast:
		q.Low, q.High = q.Value, math.Inf(1)
	case AtMost:
		q.Low, q.High = 0, q.Value
		if q.Value < 0 {
			q.Low = math.Inf(-1)
		}
	}
	if q.Kind == Year || q.Kind == Date {
		q.Precision = 0
	}
	q.Start = p.toks[start].Start
	q.End = p.toks[end-1].End
	q.Text = p.s[q.Start:q.End]
	return q
}

// periodOver reports whether the modifier at token ms is an "over" that
// gives the period a figure just before it spans, "$5bn over three years",
// "rose 12% over four years", "nine hours over two days", "£4bn ($5bn)
// over three years": the duration after it is then that period, not a lower bound as
// in "jailed for over three years". After a year, a date or an age "over"
// is "more than" again ("in 2031 over 40 days were lost").
func (p *Parser) periodOver(q Quantity, ms int) bool {
	if q.Kind != Duration || p.taken == 0 || p.word(ms) != "over" {
		return false
	}
	switch p.takenKind {
	case Year, Date, Age:
		return false
	}
	k := p.taken
	for k < ms && (p.sym(k) == ")" || p.sym(k) == "\"" || p.sym(k) == "”" || p.sym(k) == "’") {
		k++ // "($5bn) over", "“$5bn” over"
	}
	return k == ms
}

func (p *Parser) modifierBefore(start int) (Bound, int) {
	// ">30", ">= 30", "≤ 100", "< = 100"; not "<>30" or "=>30".
	k := start - 1
	eq := p.sym(k) == "="
	if eq {
		k--
	}
	if s := p.sym(k); s == ">" || s == "<" || s == "≥" || s == "≤" {
		prev := p.sym(k - 1)
		if prev != "<" && prev != ">" && prev != "=" && (!eq || s == ">" || s == "<") {
			if s == ">" || s == "≥" {
				return AtLeast, k
			}
			return AtMost, k
		}
	}
	for _, m := range modifiersByLast[p.word(start-1)] {
		n := len(m.words)
		if start-n < 0 {
			continue
		}
		ok := true
		for k, w := range m.words {
			if p.word(start-n+k) != w {
				ok = false
				break
			}
		}
		if ok {
			if m.bound == AtMost && n == 2 && m.words[0] == "up" && p.reachedLevel(start-n-1) {
				return "", start // "the toll has gone up to 173": a level reached, no cap
			}
			return m.bound, start - n
		}
	}
	return "", start
}
