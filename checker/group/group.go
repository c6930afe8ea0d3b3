package group

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker"
)

// Options are the parameters of the grouping; the zero value of a field
// means its default (DefaultOptions).
type Options struct {
	Bands, Rows int           // LSH: Bands bands of Rows MinHash rows each
	Threshold   float64       // TF-IDF cosine from which two articles are linked
	Window      time.Duration // articles published further apart are never linked
	Neighbours  int           // comparisons an article makes in one bucket, at most
	Salient     int           // the most weighty features of an article that its MinHash is of
	// Background tells how common a word is in text in general; nil is
	// DefaultBackground.
	Background *Background
	// Prior is how many articles' (or events') worth of evidence the
	// background's share of a word counts for against the corpus's.
	Prior float64
}

// DefaultOptions are the parameters crosscheck batch uses: the
// Threshold and Prior fitted (fit.json, by cmd/fitgroup), the committed
// background table.
func DefaultOptions() Options {
	f := fitted()
	return Options{Bands: 16, Rows: 1, Threshold: f.Threshold, Window: 72 * time.Hour, Neighbours: 40, Salient: 10, Background: DefaultBackground(), Prior: f.Prior}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.Bands <= 0 {
		o.Bands = d.Bands
	}
	if o.Rows <= 0 {
		o.Rows = d.Rows
	}
	if o.Threshold <= 0 {
		o.Threshold = d.Threshold
	}
	if o.Window <= 0 {
		o.Window = d.Window
	}
	if o.Salient <= 0 {
		o.Salient = d.Salient
	}
	if o.Neighbours <= 0 {
		o.Neighbours = d.Neighbours
	}
	if o.Prior <= 0 {
		o.Prior = d.Prior
	}
	if o.Background == nil {
		o.Background = d.Background
	}
	return o
}

// A Grouper takes the articles of a corpus one at a time, keeping only
// their features (a few dozen bytes an article), and then groups them.
// It is not safe for concurrent use.
type Grouper struct {
	opt    Options
	ids    map[uint64]uint32   // feature hash -> feature number
	df     []uint32            // articles each feature is in
	feats  []uint32            // every article's features, one after another
	tf     []uint16            // how often the article names each, and openerOnly
	hashes []uint64            // feature number -> word hash
	lower  map[uint64]struct{} // words seen in lower case anywhere
	inName []bool              // feature number -> seen as a name, not only opening sentences
	start  []uint32            // article i's features are feats[start[i]:start[i+1]]
	at     []int64             // publication time, Unix seconds; 0 when unknown
	label  []int32             // a named event's number, or -1
	named  map[string]int32    // event name -> number
	buf    []uint64
}

// A tf holds how often an article uses a name, up to maxTF, and whether
// every use opens a sentence (openerOnly): such a word is a name only if
// the corpus never writes it in lower case nor the background mostly so
// ("Officials"), and the corpus uses it as a name elsewhere or the
// background mostly capitalizes it ("Lenholt … in Lenholt", "David").
const (
	openerOnly = 1 << 15
	maxTF      = openerOnly - 1
)

// New returns a Grouper.
func New(opt Options) *Grouper {
	return &Grouper{opt: opt.withDefaults(), ids: map[uint64]uint32{}, lower: map[uint64]struct{}{}, start: []uint32{0}, named: map[string]int32{}}
}

// Len is the number of articles added.
func (g *Grouper) Len() int { return len(g.at) }

// Add takes an article's features and returns its number, its index in
// what Groups returns.
func (g *Grouper) Add(a *checker.Article) int { return g.AddNames(a, ReadNames(a)) }

// Names are the words of an article as Add reads them, read apart from
// any Grouper (ReadNames), so that a batch can read several articles at
// once and add them in order (AddNames).
type Names struct {
	hashes []uint64 // each word's, in text order
	kinds  []wordKind
}

// ReadNames reads the words of an article's title and text that Add
// weighs: none for an article of a named event, which its name groups.
func ReadNames(a *checker.Article) Names {
	var ns Names
	if a.Event != "" {
		return ns
	}
	add := func(h uint64, k wordKind) {
		ns.hashes = append(ns.hashes, h)
		ns.kinds = append(ns.kinds, k)
	}
	names(a.Title, add)
	for _, p := range a.Paragraphs {
		names(p.Text, add)
	}
	return ns
}

// AddNames is Add of an article whose words ReadNames has read.
func (g *Grouper) AddNames(a *checker.Article, ns Names) int {
	n := len(g.at)
	var at int64
	if !a.Published.IsZero() {
		at = a.Published.Unix()
	}
	g.at = append(g.at, at)
	if a.Event != "" {
		l, ok := g.named[a.Event]
		if !ok {
			l = int32(len(g.named))
			g.named[a.Event] = l
		}
		g.label = append(g.label, l)
		g.start = append(g.start, uint32(len(g.feats)))
		return n
	}
	g.label = append(g.label, -1)
	g.buf = g.buf[:0]
	add := func(h uint64, k wordKind) {
		if k == lowerWord {
			g.lower[h] = struct{}{}
			return
		}
		id, ok := g.ids[h]
		if !ok {
			id = uint32(len(g.df))
			g.ids[h] = id
			g.df = append(g.df, 0)
			g.hashes = append(g.hashes, h)
			g.inName = append(g.inName, false)
		}
		if k == nameWord {
			g.inName[id] = true
		}
		// The low bit marks an opener, so a word's name uses sort first.
		g.buf = append(g.buf, uint64(id)<<1|uint64(k))
	}
	for i, h := range ns.hashes {
		add(h, ns.kinds[i])
	}
	slices.Sort(g.buf)
	for k := 0; k < len(g.buf); {
		id := uint32(g.buf[k] >> 1)
		m := k + 1
		for m < len(g.buf) && uint32(g.buf[m]>>1) == id {
			m++
		}
		tf := uint16(min(m-k, maxTF))
		if g.buf[k]&1 == 1 { // every use opens a sentence
			tf |= openerOnly
		}
		g.df[id]++
		g.feats = append(g.feats, id)
		g.tf = append(g.tf, tf)
		k = m
	}
	g.start = append(g.start, uint32(len(g.feats)))
	return n
}

// Groups returns, for each article in the order added, the number of the
// first article of its event: articles with the same number are one
// event, and an article alone in its event has its own number.
//
// It groups more than once. The first time a name weighs by how many
// articles use it, pooled with a background corpus that tells how common
// it is in text in general; each time after, by how many of the events
// the time before found use it, pooled with the background: a name every
// article of one big story uses is rare among events, however common
// among articles, and a name many events use (an outlet's, a common first
// name) is common. It stops when a grouping is the one before, or after
// maxPasses.
func (g *Grouper) Groups() []int {
	labels := g.link(g.idf(g.df, len(g.at)))
	for range maxPasses - 1 {
		next := g.link(g.idf(g.eventFrequencies(labels)))
		if slices.Equal(next, labels) {
			break
		}
		labels = next
	}
	return labels
}

// maxPasses is how many times Groups groups, at most.
const maxPasses = 4

// idf is each feature's weight, ln(1 + D/(d + ½)), where D is the
// background's documents and the corpus's units (articles, or events),
// and d the background's documents and units that use it (df): an
// estimate of how rare it is that holds from two articles to millions.
func (g *Grouper) idf(df []uint32, units int) []float32 {
	bg := g.opt.Background
	idf := make([]float32, len(g.df))
	m := g.opt.Prior
	for id, h := range g.hashes {
		pbg := (float64(bg.df[h]) + 0.5) / float64(bg.Docs+1)
		p := (float64(df[id]) + m*pbg) / (float64(units) + m)
		idf[id] = float32(math.Log(1 + 1/p))
	}
	return idf
}

// eventFrequencies counts, for each feature, the groups of labels that
// use it, and the groups that use any.
func (g *Grouper) eventFrequencies(labels []int) (edf []uint32, events int) {
	order := make([]int32, 0, len(labels))
	for i := range labels {
		if g.label[i] < 0 && g.start[i] < g.start[i+1] {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(cmp.Compare(labels[a], labels[b]), cmp.Compare(a, b)) })
	edf = make([]uint32, len(g.df))
	stamp := make([]int32, len(g.df))
	for i := range stamp {
		stamp[i] = -1
	}
	for k, i := range order {
		if k == 0 || labels[order[k-1]] != labels[i] {
			events++
		}
		for x := g.start[i]; x < g.start[i+1]; x++ {
			if f := g.feats[x]; stamp[f] != int32(events) {
				stamp[f] = int32(events)
				edf[f]++
			}
		}
	}
	return edf, events
}

// link groups the articles with features weighted by idf.
func (g *Grouper) link(idf []float32) []int {
	n := len(g.at)
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int32) {
		ri, rj := find(i), find(j)
		if ri == rj {
			return
		}
		if ri < rj {
			parent[rj] = ri
		} else {
			parent[ri] = rj
		}
	}
	// Named events.
	first := make([]int32, len(g.named))
	for i := range first {
		first[i] = -1
	}
	for i, l := range g.label {
		if l < 0 {
			continue
		}
		if first[l] < 0 {
			first[l] = int32(i)
		} else {
			union(first[l], int32(i))
		}
	}
	opener := g.openerNames()
	// Each article's weighted features (w = (1 + ln tf) × idf) and, for
	// the MinHash, its Salient most weighty ones: the names an article is
	// about, repeated, against those it mentions once.
	type weighted struct {
		f uint32
		w float32
	}
	// One arena each for the weighted features and the salient sets:
	// article i's are at [off[i], off[i+1]).
	vecs := make([]weighted, 0, len(g.feats))
	sets := make([]uint32, 0, n*g.opt.Salient/2)
	voff := make([]uint32, n+1)
	soff := make([]uint32, n+1)
	norm := make([]float32, n)
	var top []weighted
	for i := range n {
		voff[i], soff[i] = uint32(len(vecs)), uint32(len(sets))
		if g.label[i] >= 0 {
			continue
		}
		var sq float32
		for k := g.start[i]; k < g.start[i+1]; k++ {
			f, tf := g.feats[k], g.tf[k]
			if tf&openerOnly != 0 {
				if !opener[f] {
					continue
				}
				tf &^= openerOnly
			}
			w := (1 + float32(math.Log(float64(tf)))) * idf[f]
			vecs = append(vecs, weighted{f, w})
			sq += w * w
		}
		norm[i] = float32(math.Sqrt(float64(sq)))
		top = append(top[:0], vecs[voff[i]:]...)
		slices.SortFunc(top, func(a, b weighted) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.f, b.f)
		})
		for _, x := range top[:min(len(top), g.opt.Salient)] {
			sets = append(sets, x.f)
		}
	}
	voff[n], soff[n] = uint32(len(vecs)), uint32(len(sets))
	setOf := func(i int) []uint32 { return sets[soff[i]:soff[i+1]] }
	similar := func(i, j int32) bool {
		a, b := vecs[voff[i]:voff[i+1]], vecs[voff[j]:voff[j+1]]
		var dot float32
		for x, y := 0, 0; x < len(a) && y < len(b); {
			switch {
			case a[x].f == b[y].f:
				dot += a[x].w * b[y].w
				x++
				y++
			case a[x].f < b[y].f:
				x++
			default:
				y++
			}
		}
		return dot > 0 && float64(dot/(norm[i]*norm[j])) >= g.opt.Threshold
	}
	window := int64(g.opt.Window / time.Second)
	near := func(i, j int32) bool {
		a, b := g.at[i], g.at[j]
		return a == 0 || b == 0 || abs(a-b) <= window
	}
	type entry struct {
		key uint64
		at  int64
		i   int32
	}
	entries := make([]entry, 0, n)
	for band := range g.opt.Bands {
		entries = entries[:0]
		for i := range n {
			s := setOf(i)
			if len(s) == 0 {
				continue
			}
			key := uint64(band+1) * 0x9e3779b97f4a7c15
			for r := range g.opt.Rows {
				key = mix(key ^ minHash(s, uint64(band*g.opt.Rows+r)))
			}
			entries = append(entries, entry{key, g.at[i], int32(i)})
		}
		slices.SortFunc(entries, func(a, b entry) int {
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			if c := cmp.Compare(a.at, b.at); c != 0 {
				return c
			}
			return cmp.Compare(a.i, b.i)
		})
		for lo := 0; lo < len(entries); {
			hi := lo + 1
			for hi < len(entries) && entries[hi].key == entries[lo].key {
				hi++
			}
			run := entries[lo:hi]
			for x := range run {
				for y, k := x+1, 0; y < len(run) && k < g.opt.Neighbours; y, k = y+1, k+1 {
					i, j := run[x].i, run[y].i
					if run[x].at != 0 && run[y].at != 0 && run[y].at-run[x].at > window {
						break
					}
					if find(i) == find(j) || !near(i, j) {
						continue
					}
					if similar(i, j) {
						union(i, j)
					}
				}
			}
			lo = hi
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = int(find(int32(i)))
	}
	return out
}

// openerNames tells, for each feature, whether its uses that only open
// sentences count as a name (see openerOnly).
func (g *Grouper) openerNames() []bool {
	bg := g.opt.Background
	ok := make([]bool, len(g.hashes))
	for f, h := range g.hashes {
		_, lower := g.lower[h]
		d, l := bg.df[h], bg.lower[h]
		ok[f] = !lower && 2*l < d+boolInt(d == 0) && (g.inName[f] || d > 0)
	}
	return ok
}

func boolInt(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// minHash is the smallest hash of a set's members under the k-th hash
// function.
func minHash(s []uint32, k uint64) uint64 {
	m := uint64(math.MaxUint64)
	salt := mix(k + 0x632be59bd9b4e019)
	for _, f := range s {
		if h := mix(uint64(f) ^ salt); h < m {
			m = h
		}
	}
	return m
}

// mix is SplitMix64's finalizer: a cheap, well-spread hash of a word.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// names calls add with the hash of each name word of text, a word that
// begins with a capital letter and is not a sentence's opening word on
// its own ("The", "Officials"), a weekday or a month, and of each figure
// (eachFigure) as a name.
func names(text string, add func(h uint64, k wordKind)) {
	opener := true // the next word opens a sentence
	prevCap := false
	var pending uint64 // an opener held back until the next word shows it is part of a name
	havePending := false
	eachWord(text, func(gap, word string) {
		if strings.ContainsAny(gap, ".!?\n:\"“”") {
			opener = true
		}
		if strings.ContainsFunc(gap, unicode.IsDigit) {
			// A figure breaks a run of names.
			if havePending {
				add(pending, openerWord)
			}
			prevCap, havePending = false, false
			eachFigure(gap, func(fig string) { add(hashWord(fig), nameWord) })
		}
		if word == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(word)
		h := hashWord(word)
		capital := unicode.IsUpper(r) && !common(word)
		if havePending && !(capital && prevCap && !opener) {
			add(pending, openerWord)
			havePending = false
		}
		switch {
		case !capital:
			if !unicode.IsUpper(r) {
				add(h, lowerWord)
			}
		case opener:
			pending, havePending = h, true
		default:
			if havePending {
				add(pending, nameWord)
				havePending = false
			}
			add(h, nameWord)
		}
		prevCap = capital
		opener = false
	})
	if havePending {
		add(pending, openerWord)
	}
}

// A wordKind is what names makes of a word.
type wordKind uint8

const (
	nameWord   wordKind = iota // capitalized inside a sentence, or part of a run of them
	openerWord                 // capitalized only because it opens a sentence: a name or not
	lowerWord                  // lower-case: not a name wherever it is
)

// common reports whether a capitalized word names nothing: a weekday, a
// month, or a word that opens sentences.
func common(w string) bool {
	_, ok := commonWords[w]
	return ok
}

var commonWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range []string{
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"The", "A", "An", "In", "On", "At", "It", "Its", "He", "She", "They", "We", "I", "But", "And", "Or", "As", "If", "This", "That", "These", "Those", "There", "His", "Her", "Their", "Mr", "Mrs", "Ms", "Dr",
	} {
		m[w] = struct{}{}
	}
	return m
}()
