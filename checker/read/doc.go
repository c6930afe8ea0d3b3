// Package read is crosscheck's reading stage: it finds the quantities of
// an article and makes claims of them, each with the subject, attribute,
// time and hedges it is about (Extractor), and lists every quantity with
// where it is (Scanner), whether or not it became a claim. A caller that
// wants both has them from one reading of each sentence
// (Extractor.ExtractSentences).
//
// What the reader knows of words is data, in lexicon.yaml (Lexicon):
// attributes and their cue phrases, hedges, time markers, coreference
// nouns and role words, and (grammar:) the closed classes of words the
// rules read clauses by, each a word class. The rules that use it are the functions of this
// package, one construction each, tested alone by the annotated sentences
// of testdata/claims (package readtest: a line holds its `// want`
// claims).
//
// Reading goes through each word once per distinct word: the Lexicon's
// word table works out what every rule asks of a word (lower case, stem,
// the lexicon's classes, the cues and phrases it opens), and sentences,
// tokens and names come from arenas that extractions sharing the lexicon
// reuse. Both are safe for concurrent use, stay behind this package's
// boundary, and nothing an arena hands out outlives the extraction it was
// handed to. EachQuantity reads a long input on every processor, in runs
// of paragraphs, and hands the quantities on in order.
package read
