package read_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/checker/read"
)

// TestForecast holds the reading of a figure as what was expected, not
// what happened, to the forms it takes and to those it must not take.
func TestForecast(t *testing.T) {
	lex, err := read.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []markCase{ // marks: the quantities that are forecasts
		{"a forecast word right before a figure marks it, and not the outcome before the comma", "Output in Brell grew 4.1%, short of the expected 4.3%.", []string{"4.3%"}},
		{"a forecast word right after a figure marks it", "Prices rose 6.2 per cent in May, above the 5.9 per cent forecast by economists.", []string{"5.9 per cent"}},
		{"the word may stand a few content words before the figure", "Analysts had predicted a quarterly profit of $2.1bn for Ostrin.", []string{"$2.1bn"}},
		{"a forecast noun marks the figure it introduces", "The consensus was 7.5% for the year.", []string{"7.5%"}},
		{"another figure between the word and a later figure keeps the word to the nearer one", "Economists expected sales of $2bn from 40 stores.", []string{"$2bn"}},
		{"a forecast word beyond reach marks nothing", "The forecast issued by the agency late on Tuesday put losses at 40 homes.", nil},
		{"a clause joiner ends the reach", "More rain was expected and the river rose 2 metres.", nil},
		{"'than expected' compares the outcome with the forecast: the figure is the outcome", "Inflation rose more-than-expected to 6.4 percent in June.", nil},
		{"so does 'as expected'", "Brell's output grew, as expected, by 2 percent.", nil},
		{"a comparison a few words before the forecast word sets the outcome against it", "Inflation rose more than analysts expected to 6.4% in June.", nil},
		{"so does a comparison with a forecast noun", "Vell's profit came in above expectations at $2bn.", nil},
		{"and one joined to the forecast word after it", "Vell reported a consensus-beating $2.2bn profit.", nil},
		{"a headline's capitals compare as well", "Vell Beats Expectations With $3bn Profit", nil},
		{"a year between is when the forecast is for: it neither stops the reach nor is a forecast itself", "Vell's projected 2027 revenue of $5bn was cut.", []string{"$5bn"}},
		{"'than' joined to a forecast word right against the figure still makes it the outcome", "Vell posted a better-than-expected 4.6% rise in sales.", nil},
		{"a forecast word before 'of' and the figure is the figure's own, compared or not", "Vell missed expectations of 4%.", []string{"4%"}},
		{"'as' compares only right before the forecast word", "Economists such as Tam Orr predicted growth of 3.1%.", []string{"3.1%"}},
		{"the words of another figure compare nothing", "Over 30 analysts expected growth of 3.2%.", []string{"3.2%"}},
		{"'line' is no comparison outside 'in line with'", "Vell's new line is expected to sell 40,000 units.", []string{"40,000"}},
		{"an outcome with no forecast word is no forecast", "Vell's revenue rose 12% to $4bn in the quarter.", nil},
	}
	checkMarks(t, tests, func(s *read.Sentence, i int) bool { return lex.Forecasts(s)[i] })
}
