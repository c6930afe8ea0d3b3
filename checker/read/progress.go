package read

import (
	"strings"

	"github.com/crosscheck/crosscheck/checker/quantity"
	"github.com/crosscheck/crosscheck/checker/text"
)

// progressReach is how many words after "N% of" a word of progress may
// stand: "with 97% of the ballot boxes counted".
const progressReach = 5

// ProgressMark reports whether quantity qi of s marks when a figure was
// counted or reported, rather than stating a figure of the event. Outlets
// that report at different moments give different marks, and none of
// them is wrong. A mark is one of:
//
//   - a window of time a figure was counted over: a length of time after
//     "the" and a window word (grammar.window_words: "the deadliest in
//     the past 50 years");
//   - the time since the event, opening its sentence before an elapsed
//     word (grammar.elapsed_words: "Four days after the floods, …");
//   - how far a count had got: a percentage of what is being counted,
//     with a word of progress (grammar.progress_words) after it, when the
//     share opens with a progress opener ("with 97% of ballots counted")
//     or the word of progress follows an auxiliary ("81% of the votes
//     have been tallied"); or before it, after an auxiliary ("results
//     were counted from 64% of the wards"). A share with neither an
//     opener nor an auxiliary ("won 52% of the votes counted") stays a
//     result; the rule does not read the verb, so "won with 52% of the
//     votes counted" would be taken for a mark.
func (l *Lexicon) ProgressMark(s *Sentence, qi int) bool {
	q := s.Quantities[qi]
	if q.Kind != quantity.Percent && q.Kind != quantity.Duration {
		return false
	}
	r := tokenRange(s.Tokens, q.Start, q.End)
	return progressMark(s.Tokens, q, r[0], r[1], func(i int) wordClass {
		return l.grammar[strings.ToLower(s.Tokens[i].Text)]
	})
}

// opensSentence reports whether token first opens its sentence: only
// quotes or dashes before it, or a label's colon right before it
// ("UPDATE: Two days after …").
func opensSentence(toks []text.Token, first int) bool {
	if first > 0 && toks[first-1].Text == ":" {
		return true
	}
	for _, t := range toks[:first] {
		if t.Kind == text.Word || t.Kind == text.Num {
			return false
		}
	}
	return true
}

// progressMark is ProgressMark for q, whose tokens are toks[first:after],
// with class(i) the grammar classes of word token i.
func progressMark(toks []text.Token, q quantity.Quantity, first, after int, class func(int) wordClass) bool {
	is := func(i int, c wordClass) bool {
		return i >= 0 && i < len(toks) && toks[i].Kind == text.Word && class(i)&c != 0
	}
	if q.Kind == quantity.Duration {
		// A window: "in the past 50 years", "over the last three weeks".
		if first >= 2 && is(first-1, wWindow) && strings.EqualFold(toks[first-2].Text, "the") {
			return true
		}
		// A moment told by the time since the event, opening its
		// sentence: "Four days after the floods, …".
		return opensSentence(toks, first) && is(after, wElapsed)
	}
	if q.Kind != quantity.Percent {
		return false
	}
	const aux = wAux | wCopula
	// Before: "were counted from 64% of …".
	if first >= 3 && strings.EqualFold(toks[first-1].Text, "from") && is(first-2, wProgress) && is(first-3, aux) {
		return true
	}
	// After: "N% of" and a word of progress within reach, in the clause.
	if after >= len(toks) || !strings.EqualFold(toks[after].Text, "of") {
		return false
	}
	words := 0
	for i := after + 1; i < len(toks) && words < progressReach; i++ {
		t := toks[i]
		if t.Kind != text.Word {
			if t.Text == "," || t.Text == ";" || t.Text == "." {
				return false
			}
			continue
		}
		if class(i)&wProgress != 0 {
			return is(first-1, wProgressOpener) || is(i-1, aux)
		}
		words++
	}
	return false
}
