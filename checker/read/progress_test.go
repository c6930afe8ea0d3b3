package read_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/read"
)

// TestProgressMark holds the reading of a share of a count in progress,
// and of a window of time, to sentences of each form they take, and of
// the forms they must not take.
func TestProgressMark(t *testing.T) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []markCase{
		{"a share opened by 'with' and a word of progress after it is a mark", "With 83% of ballots counted, Vell led with 41.2%.", []string{"83%"}},
		{"the word of progress may stand a few words on, and the bound is the mark's", "Ostrin had 38 per cent with nearly 71 per cent of the polling stations now counted.", []string{"nearly 71 per cent"}},
		{"'reporting' marks the share of precincts in", "With 64% of precincts reporting, turnout was 55%.", []string{"64%"}},
		{"a word of progress after an auxiliary marks the share without an opener", "So far 81% of the votes have been tallied.", []string{"81%"}},
		{"a passive word of progress before 'from' marks the share after it", "Returns were counted from 64 percent of the wards.", []string{"64 percent"}},
		{"a share that a verb of result governs is the result", "Vell won 52.4% of the votes counted in the runoff.", nil},
		{"words that report other things mark nothing", "About 80% of respondents reported symptoms and 85% of students completed the course.", nil},
		{"without an auxiliary, 'tallied from N%' reports no progress", "Ballots tallied from 40% of the wards went to Vell.", nil},
		{"a share of what is not being counted is no mark", "Some 58% of patients were seen within four hours.", nil},
		{"the word of progress must be in the figure's clause", "Turnout was 61% of voters; districts were counted late.", nil},
		{"a word of progress beyond reach belongs to other words", "With 35% of the vote in the first round Vell was counted among the leaders.", nil},
		{"a count is never a mark", "With 300 of the ballots counted, Vell led.", nil},
		{"a length of time after 'the past' is the window a record was counted over", "It was the wettest month in the past 40 years.", []string{"40 years"}},
		{"'the last' opens a window too, whatever the preposition", "Four people died over the last three weeks.", []string{"three weeks"}},
		{"a length of time without a window word is a figure of the event", "The strike lasted three weeks.", nil},
		{"the time since the event opening a sentence says when the outlet wrote", "Four days after the floods, roads were still closed.", []string{"Four days"}},
		{"the time since an event inside a sentence is a figure of it", "Divers found the wreck three days after the storm.", nil},
		{"after a comma the time since the event is a figure of it", "The report came out, six years after the inquiry began.", nil},
		{"a label's colon opens a sentence", "UPDATE: Two days after the quake, 40 remain missing.", []string{"Two days"}},
		{"without 'the' a window word opens no window", "He had spent last 10 years at the club.", nil},
		{"'since' after the time since the event opens it too", "Three years since the crash, the line is still shut.", []string{"Three years"}},
		{"a quote may open the sentence", "“Four days after the floods, we still had no water.”", []string{"Four days"}},
	}
	checkMarks(t, tests, lex.ProgressMark)
}

// A markCase is a sentence and the texts of the quantities of it that a
// mark (ProgressMark, Forecast) must pick, in text order.
type markCase struct {
	reason   string
	sentence string
	marks    []string
}

// checkMarks reads each case's sentence and fails for every case whose
// quantities marked by mark are not its marks.
func checkMarks(t *testing.T, cases []markCase, mark func(*read.Sentence, int) bool) {
	t.Helper()
	for _, tt := range cases {
		a := &checker.Article{ID: "a", Paragraphs: []checker.Paragraph{{Text: tt.sentence}}}
		var got []string
		var sc read.Scanner
		sc.Sentences(a, func(s *read.Sentence) {
			for i, q := range s.Quantities {
				if mark(s, i) {
					got = append(got, q.Text)
				}
			}
		})
		if strings.Join(got, "|") != strings.Join(tt.marks, "|") {
			t.Errorf("%s: %q marks %q, want %q", tt.reason, tt.sentence, got, tt.marks)
		}
	}
}
