package align

import (
	"math"
	"sort"
	"strconv"
)

// A vector is a figure's context as unit-length weights of words, sorted
// by word so that two are compared in one merge.
type vector struct {
	all, near, prefix, concept []term
}

// A term is one word of a vector: the word by its rank in the sorted
// words of the event (so that terms sort as their words do, and a merge
// compares integers, not strings), and its weight.
type term struct {
	word int32
	w    float64
}

// nearDist is how far a word may stand from the figure to be one of its
// near words.
const nearDist = 3

// vectors weighs each figure's context words: a word counts less the
// farther it stands from the figure, and less the more of the event's
// figures have it near them (inverse document frequency over the
// figures' contexts), so a company's name that every sentence carries
// says little and "hospital" beside one figure says much.
func vectors(figs []Figure) []vector {
	stems, prefixes, concepts := newVocabulary(), newVocabulary(), newVocabulary()
	// Each context word's stem, prefix and concept, by number.
	type ids struct{ stem, prefix, concept int32 }
	words := make([][]ids, len(figs))
	for i, f := range figs {
		words[i] = make([]ids, len(f.Context))
		for j, w := range f.Context {
			words[i][j] = ids{stems.see(w.Stem, i), prefixes.see(prefixOf(w.Stem), i), concepts.see(conceptKey(w), i)}
		}
	}
	n := float64(len(figs))
	stems.finish(n)
	prefixes.finish(n)
	concepts.finish(n)
	out := make([]vector, len(figs))
	var all, near, pre, con []term
	for i, f := range figs {
		all, near, pre, con = all[:0], near[:0], pre[:0], con[:0]
		for j, w := range f.Context {
			id := words[i][j]
			idf := stems.idf[id.stem]
			all = append(all, term{stems.rank[id.stem], idf / (1 + float64(w.Dist)/4)})
			if w.Dist <= nearDist {
				near = append(near, term{stems.rank[id.stem], idf})
				pre = append(pre, term{prefixes.rank[id.prefix], prefixes.idf[id.prefix]})
				con = append(con, term{concepts.rank[id.concept], concepts.idf[id.concept]})
			}
		}
		out[i] = vector{all: unit(all), near: unit(near), prefix: unit(pre), concept: unit(con)}
	}
	return out
}

// A vocabulary numbers the distinct words of one kind (stems, prefixes,
// concepts) of an event's contexts as they are met, and counts the
// figures each is near.
type vocabulary struct {
	id    map[string]int32
	words []string
	df    []int   // the figures that have each word
	last  []int32 // the last figure (+1) counted in df
	rank  []int32 // each word's place in sorted order
	idf   []float64
}

func newVocabulary() *vocabulary { return &vocabulary{id: map[string]int32{}} }

// see numbers a word of figure fig's context.
func (v *vocabulary) see(w string, fig int) int32 {
	id, ok := v.id[w]
	if !ok {
		id = int32(len(v.words))
		v.id[w] = id
		v.words = append(v.words, w)
		v.df = append(v.df, 0)
		v.last = append(v.last, 0)
	}
	if v.last[id] != int32(fig)+1 {
		v.last[id] = int32(fig) + 1
		v.df[id]++
	}
	return id
}

// finish ranks the words in sorted order, so that terms sort as their
// words do, and weighs each by its inverse document frequency over n
// figures.
func (v *vocabulary) finish(n float64) {
	order := make([]int32, len(v.words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return v.words[order[i]] < v.words[order[j]] })
	v.rank = make([]int32, len(v.words))
	for r, id := range order {
		v.rank[id] = int32(r)
	}
	v.idf = make([]float64, len(v.words))
	for id, d := range v.df {
		v.idf[id] = math.Log(1 + n/float64(d))
	}
}

// unit returns the weights ts give each word, summed in the order given,
// as a vector of unit length. ts is reordered.
func unit(ts []term) []term {
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].word < ts[j].word })
	out := make([]term, 0, len(ts))
	for _, t := range ts {
		if k := len(out) - 1; k >= 0 && out[k].word == t.word {
			out[k].w += t.w
		} else {
			out = append(out, term{t.word, 0 + t.w})
		}
	}
	// Summed in word order, so the norm is the same bit for bit on every
	// run: a map's order would change its last bits, and so the order of
	// pairs whose chances tie.
	norm := 0.0
	for _, t := range out {
		norm += t.w * t.w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range out {
			out[i].w /= norm
		}
	}
	return out
}

// cosine is the dot product of two unit vectors.
func cosine(a, b []term) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].word < b[j].word:
			i++
		case a[i].word > b[j].word:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// prefixOf is a stem's first four letters: a crude bridge between a verb
// and the noun made from it that the stemmer leaves apart.
func prefixOf(stem string) string {
	if len(stem) <= 4 {
		return stem
	}
	return stem[:4]
}

// conceptKey is what a word counts as in the concept vector: its concept
// when it has one, else its stem (a stem is never all digits, so the two
// never collide).
func conceptKey(w Word) string {
	if w.Concept > 0 {
		return strconv.Itoa(int(w.Concept))
	}
	return w.Stem
}
