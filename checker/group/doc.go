// Package group sorts articles into the events they report, for a batch
// run over a corpus that does not say which article is about what.
//
// Two articles are about one event when they name the same people,
// places and organisations, weighted by how rare each name is in the
// corpus, and were published close together. The method is linear in the
// corpus, never all pairs:
//
//  1. Features. Each article's features are the capitalized words of its
//     title and text that are not sentence openers on their own, nor
//     weekday or month names, lower-cased and hashed. A word in more than
//     MaxShare of the articles (and more than MinCommon of them) is too
//     common to tell events apart and is dropped: outlets' own names,
//     "Monday", "Capital".
//  2. Candidates. MinHash signatures of the feature sets, Bands bands of
//     Rows rows (locality-sensitive hashing): two articles whose sets
//     overlap by a Jaccard index J share a band's bucket with probability
//     1-(1-J^Rows)^Bands. Within a bucket, articles are compared only
//     with those published within Window of them, at most Neighbours
//     each.
//  3. Links. A candidate pair is linked when the IDF-weighted Jaccard
//     index of the two feature sets is at least Threshold; events are the
//     connected components (union–find).
//
// An article whose input names its event (Article.Event) is put in that
// event and takes no part in the rest.
package group
