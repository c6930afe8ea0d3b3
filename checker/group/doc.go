// Package group sorts articles into the events they report, for a batch
// run over a corpus that does not say which article is about what.
//
// Two articles are about one event when they are about the same people,
// places, organisations and figures, weighted by how rare each is and how
// much each article dwells on it, and were published close together. The
// method holds from two articles to millions, and is linear in the
// corpus, never all pairs:
//
//  1. Features. An article's names are the capitalized words of its
//     title and text, lower-cased and hashed, a possessive dropped, that
//     are not weekdays, months or function words. A word capitalized only
//     because it opens a sentence ("Officials", "Lenholt") counts when
//     neither the corpus nor the background writes it mostly in lower
//     case and the corpus uses it as a name elsewhere or the background
//     mostly capitalizes it. Its figures are those of three digits or
//     more, separators dropped, years left out.
//  2. Weights. Each feature weighs (1 + ln tf) × ln(1 + 1/p), where p is
//     the share of documents that use it, pooled from the corpus and a
//     Background (the Brown Corpus's document frequencies, background.txt):
//     p = (df + m·p_bg)/(N + m), the background counting for m = Prior
//     documents. A small corpus leans on the background, a large one on
//     itself. The corpus's df counts articles the first time, then the
//     events the grouping before found (Groups).
//  3. Candidates. MinHash signatures of each article's Salient weightiest
//     features, Bands bands of Rows rows (locality-sensitive hashing): two
//     articles whose salient sets overlap by a Jaccard index J share a
//     bucket with probability 1-(1-J^Rows)^Bands. Within a bucket an
//     article is compared only with those published within Window of it,
//     at most Neighbours of them.
//  4. Links. A candidate pair is linked when the cosine of the two
//     articles' weighted features is at least Threshold; events are the
//     connected components (union–find).
//
// Threshold and Prior are fitted (FitOptions, fit.json, cmd/fitgroup) to
// labelled corpora of 5 to 1,000 articles; neither depends on the size of
// the corpus grouped.
//
// An article whose input names its event (Article.Event) is put in that
// event and takes no part in the rest.
package group
