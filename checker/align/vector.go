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
	df := map[string]int{}
	for _, f := range figs {
		seen := map[string]bool{}
		for _, w := range f.Context {
			if !seen[w.Stem] {
				seen[w.Stem] = true
				df[w.Stem]++
			}
		}
	}
	n := float64(len(figs))
	pdf, cdf := map[string]int{}, map[string]int{}
	for _, f := range figs {
		seenP, seenC := map[string]bool{}, map[string]bool{}
		for _, w := range f.Context {
			if p := prefixOf(w.Stem); !seenP[p] {
				seenP[p] = true
				pdf[p]++
			}
			if k := conceptKey(w); !seenC[k] {
				seenC[k] = true
				cdf[k]++
			}
		}
	}
	stems, prefixes, concepts := ranks(df), ranks(pdf), ranks(cdf)
	out := make([]vector, len(figs))
	for i, f := range figs {
		all, near, pre, con := map[string]float64{}, map[string]float64{}, map[string]float64{}, map[string]float64{}
		for _, w := range f.Context {
			idf := math.Log(1 + n/float64(df[w.Stem]))
			all[w.Stem] += idf / (1 + float64(w.Dist)/4)
			if w.Dist <= nearDist {
				near[w.Stem] += idf
				p := prefixOf(w.Stem)
				pre[p] += math.Log(1 + n/float64(pdf[p]))
				k := conceptKey(w)
				con[k] += math.Log(1 + n/float64(cdf[k]))
			}
		}
		out[i] = vector{all: unit(all, stems), near: unit(near, stems), prefix: unit(pre, prefixes), concept: unit(con, concepts)}
	}
	return out
}

// ranks numbers the words of a count by their sorted order.
func ranks(count map[string]int) map[string]int32 {
	words := make([]string, 0, len(count))
	for w := range count {
		words = append(words, w)
	}
	sort.Strings(words)
	out := make(map[string]int32, len(words))
	for i, w := range words {
		out[w] = int32(i)
	}
	return out
}

// unit returns the weights of m as a vector of unit length, each word by
// its rank.
func unit(m map[string]float64, rank map[string]int32) []term {
	ts := make([]term, 0, len(m))
	for s, w := range m {
		ts = append(ts, term{rank[s], w})
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].word < ts[j].word })
	// Summed in word order, so the norm is the same bit for bit on every
	// run: a map's order would change its last bits, and so the order of
	// pairs whose chances tie.
	norm := 0.0
	for _, t := range ts {
		norm += t.w * t.w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range ts {
			ts[i].w /= norm
		}
	}
	return ts
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
