// Package align lines up the figures of several articles about one event
// into facts and judges which pairs of them disagree.
//
// It does not ask that two figures carry equal labels. A pair of figures
// from different sources that could be compared (same family of kind and
// unit, a plausible ratio of magnitudes) and cannot both be true, one of
// them among the other's Candidates (the likeliest by their words), is
// described by features that say whether the two are about one fact:
// the words around each figure weighed by how rare they are in the event,
// the reader's attribute, subject and time when it found them, whether
// the other source states the first figure's value in a context as close
// (then the pair is two facts), how many sources state each value, the
// gap and whether a typical slip explains it, hedges, bounds, headlines,
// and the sources' publication times. A model (Model: gradient-boosted
// trees) fitted on labelled events by cmd/fitalign turns the features
// into the chance that the pair is a real disagreement; Group gathers the
// pairs into facts, one finding a fact; and a second fitted model, a
// logistic regression on a fact's features, gives the finding its
// confidence.
//
// The package knows nothing of articles or claims: the checker hands it
// Figures and a Comparer and turns the Facts it returns into findings.
package align
