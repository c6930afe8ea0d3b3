// Package group sorts articles into the events they report, for a batch
// run over a corpus that does not say which article is about what.
//
// Two articles are about one event when they are about the same people,
// places and organisations, weighted by how rare each name is in the
// corpus and how much each article dwells on it, and were published close
// together. The method is linear in the corpus, never all pairs:
//
//  1. Names. An article's names are the capitalized words of its title
//     and text, lower-cased and hashed, that are not weekdays, months or
//     function words. A word capitalized only because it opens a
//     sentence ("Officials", "Lenholt") counts when the corpus never
//     writes it in lower case. A name in more than MaxShare of the
//     articles (and more than MinCommon of them) is too common to tell
//     events apart and is dropped: outlets' own names, "Capital".
//  2. Weights. Each name weighs (1 + ln tf) × ln(1 + N/df): repeated in
//     the article, rare in the corpus.
//  3. Candidates. MinHash signatures of each article's Salient weightiest
//     names, Bands bands of Rows rows (locality-sensitive hashing): two
//     articles whose salient sets overlap by a Jaccard index J share a
//     bucket with probability 1-(1-J^Rows)^Bands. Within a bucket an
//     article is compared only with those published within Window of it,
//     at most Neighbours of them.
//  4. Links. A candidate pair is linked when the cosine of the two
//     articles' weighted names is at least Threshold; events are the
//     connected components (union–find).
//
// An article whose input names its event (Article.Event) is put in that
// event and takes no part in the rest.
package group
