package quantity

import (
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker/text"
)

// want describes one expected quantity; zero fields are not checked.
type want struct {
	text      string
	kind      Kind
	unit      string
	low, high float64
	bound     Bound
	date      string
	noun      string
}

var inf = math.Inf(1)

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		want   []want
		reason string
	}{
		{"Meta agreed a $14.3 billion deal.", []want{{"$14.3 billion", Money, "USD", 14.3e9, 14.3e9, Exact, "", ""}}, "symbol, decimal and scale word"},
		{"Meta Bets $15bn On Scale AI", []want{{"$15bn", Money, "USD", 15e9, 15e9, Exact, "", ""}}, "abbreviated scale against the figure, in a headline"},
		{"The $15B price", []want{{"$15B", Money, "USD", 15e9, 15e9, Exact, "", ""}}, "capital B is billion only with a currency"},
		{"a US$14.3bn stake", []want{{"US$14.3bn", Money, "USD", 14.3e9, 14.3e9, Exact, "", ""}}, "country letters against the dollar sign"},
		{"worth A$2.5m", []want{{"A$2.5m", Money, "AUD", 2.5e6, 2.5e6, Exact, "", ""}}, "Australian dollars are not US dollars"},
		{"a $14–15 billion investment", []want{{"$14–15 billion", Money, "USD", 14e9, 15e9, Range, "", ""}}, "the scale of a range's second figure applies to the first"},
		{"between $5 and $10 billion", []want{{"between $5 and $10 billion", Money, "USD", 5e9, 10e9, Range, "", ""}}, "between X and Y is a range"},
		{"valued at $14,300 million", []want{{"$14,300 million", Money, "USD", 14.3e9, 14.3e9, Exact, "", ""}}, "grouping commas"},
		{"sales of EUR 3,18 billion", []want{{"EUR 3,18 billion", Money, "EUR", 3.18e9, 3.18e9, Exact, "", ""}}, "a decimal comma before a scale word: a grouping comma has three digits after it"},
		{"an occupancy of 71,4 percent", []want{{"71,4 percent", Percent, "%", 71.4, 71.4, Exact, "", ""}}, "a decimal comma before a percentage"},
		{"a town of 2.345.678 residents", []want{{"2.345.678", Count, "", 2345678, 2345678, Exact, "", "residents"}}, "two point groups can only be thousands"},
		{"holders get 1.250 shares of the buyer for each share", []want{{"1.250", Count, "", 1.25, 1.25, Exact, "", "shares"}}, "a count followed by 'for each' is an exchange ratio, which keeps its decimals"},
		{"a crowd of 41.000 fans for each match", []want{{"41.000", Count, "", 41000, 41000, Exact, "", "fans"}}, "'for each' after a figure with more than one digit before the point is no exchange ratio: thousands"},
		{"some 41.000 fans came", []want{{"some 41.000", Count, "", 41000, 41000, About, "", "fans"}}, "a count is whole, so one point group in a count is thousands"},
		{"a bonus of 305.250 euros", []want{{"305.250 euros", Money, "EUR", 305250, 305250, Exact, "", ""}}, "money has two decimals, so three after a point are thousands"},
		{"a hull of 2.480 kilos", []want{{"2.480 kilos", Measure, "kg", 2480, 2480, Exact, "", ""}}, "a measure written to a final zero after a point is grouped, not precise"},
		{"a rod of 1.345 metres", []want{{"1.345 metres", Measure, "m", 1.345, 1.345, Exact, "", ""}}, "a measure that ends in another digit may be precise: decimals stay"},
		{"diesel at $4.129 a gallon", []want{{"$4.129", Money, "USD", 4.129, 4.129, Exact, "", ""}}, "a price per unit keeps its third decimal"},
		{"a stake of 0.615 shares", []want{{"0.615", Count, "", 0.615, 0.615, Exact, "", "shares"}}, "a leading zero is a decimal"},
		{"between 41.000 and 43.000 fans", []want{{"between 41.000 and 43.000", Count, "", 41000, 43000, Range, "", "fans"}}, "each end of a range is read as the figure alone would be"},
		{"a loss of -305.250 euros", []want{{"-305.250 euros", Money, "EUR", -305250, -305250, Exact, "", ""}}, "a sign does not change how a figure is grouped"},
		{"a debt of 3.456.789.000 euros", []want{{"3.456.789.000 euros", Money, "EUR", 3456789000, 3456789000, Exact, "", ""}}, "four point groups (the tokenizer joins the last two)"},
		{"the krone rose to $1.095", []want{{"$1.095", Money, "USD", 1.095, 1.095, Exact, "", ""}}, "money with a one-digit whole part is an exchange rate's decimals"},
		{"a rate of 1.390 births per woman", []want{{"1.390", Count, "", 1.39, 1.39, Exact, "", "births"}}, "a rate past the counted noun keeps its decimals"},
		{"the ratio reached 2.150", []want{{"2.150", Number, "", 2.15, 2.15, Exact, "", ""}}, "a bare number keeps its decimals"},
		{"a fine of 1.234,56 euros", []want{{"1.234,56 euros", Money, "EUR", 1234.56, 1234.56, Exact, "", ""}}, "points group and a comma is the decimal mark"},
		{"it spilled 18-20 tonnes", []want{{"18-20 tonnes", Measure, "kg", 18000, 20000, Range, "", ""}}, "a unit after a range converts both its ends"},
		{"between 2 and 3 km away", []want{{"between 2 and 3 km", Measure, "m", 2000, 3000, Range, "", ""}}, "a range in words converts both ends too"},
		{"3.250 billion euros raised", []want{{"3.250 billion euros", Money, "EUR", 3.25e9, 3.25e9, Exact, "", ""}}, "with a scale word the point is a decimal"},
		{"rounds 1,2 and 3", []want{{"1", Number, "", 1, 1, Exact, "", ""}, {"2", Number, "", 2, 2, Exact, "", ""}, {"3", Number, "", 3, 3, Exact, "", ""}}, "a comma and one digit with no scale or percentage after them is a list"},
		{"valuing the company at over $29 billion", []want{{"over $29 billion", Money, "USD", 29e9, inf, AtLeast, "", ""}}, "over is a lower bound"},
		{"Meta, valued at nearly $2tn,", []want{{"nearly $2tn", Money, "USD", 2e12, 2e12, About, "", ""}}, "nearly is approximate; tn is trillion"},
		{"bonuses as high as $100 million", []want{{"as high as $100 million", Money, "USD", 0, 100e6, AtMost, "", ""}}, "as high as is an upper bound"},
		{"Microsoft paid $650mn", []want{{"$650mn", Money, "USD", 650e6, 650e6, Exact, "", ""}}, "mn is million"},
		{"eighty-five million euros", []want{{"eighty-five million euros", Money, "EUR", 85e6, 85e6, Exact, "", ""}}, "spelled-out figure with a currency word after it"},
		{"a fee of €85m (£72m)", []want{{"€85m", Money, "EUR", 85e6, 85e6, Exact, "", ""}, {"£72m", Money, "GBP", 72e6, 72e6, Exact, "", ""}}, "a conversion in brackets is its own quantity in its own currency"},
		{"GBP 3.2bn", []want{{"GBP 3.2bn", Money, "GBP", 3.2e9, 3.2e9, Exact, "", ""}}, "ISO code before the figure"},
		{"15 million dollars", []want{{"15 million dollars", Money, "USD", 15e6, 15e6, Exact, "", ""}}, "currency word after a scale"},
		{"a loss of -$5 million", []want{{"-$5 million", Money, "USD", -5e6, -5e6, Exact, "", ""}}, "minus before the currency sign"},
		{"a 49% stake", []want{{"49%", Percent, "%", 49, 49, Exact, "", ""}}, "percent sign"},
		{"rose 12 per cent", []want{{"12 per cent", Percent, "%", 12, 12, Exact, "", ""}}, "British per cent"},
		{"4.3 percent", []want{{"4.3 percent", Percent, "%", 4.3, 4.3, Exact, "", ""}}, "percent spelled out"},
		{"up 2.5 percentage points", []want{{"2.5 percentage points", Percent, "pp", 2.5, 2.5, Exact, "", ""}}, "percentage points are not percent"},
		{"its 28-year-old CEO", []want{{"28-year-old", Age, "year", 28, 28, Exact, "", ""}}, "hyphenated age"},
		{"Lund, 56, said", []want{{"56", Age, "year", 56, 56, Exact, "", ""}}, "age in commas after a name"},
		{"a woman aged 78", []want{{"78", Age, "year", 78, 78, Exact, "", ""}}, "aged N"},
		{"at least 1200 homes were lost", []want{{"at least 1200", Count, "", 1200, inf, AtLeast, "", "homes"}}, "a year takes no lower bound: a year-shaped figure after 'at least' is a count"},
		{"the toll stood at 1450, the agency said", []want{{"1450", Number, "", 1450, 1450, Exact, "", ""}}, "a year-shaped figure ending its phrase after 'at' is a level, not a year"},
		{"the toll has reached 1875", []want{{"1875", Number, "", 1875, 1875, Exact, "", ""}}, "a year-shaped figure after a verb of level is the level"},
		{"output is back at 2019 levels", []want{{"2019", Year, "", 2019, 2019, Exact, "", ""}}, "after 'at', a year that opens a noun phrase stays a year"},
		{"they debated for 2 1/2 hours", []want{{"2 1/2 hours", Duration, "hour", 2.5, 2.5, Exact, "", ""}}, "a whole number and a fraction after a space are one figure"},
		{"he is serving 7½ years", []want{{"7½ years", Duration, "year", 7.5, 7.5, Exact, "", ""}}, "a fraction sign joined to a whole number is part of it"},
		{"between 12 1/2 and 14 1/2 years", []want{{"between 12 1/2 and 14 1/2 years", Duration, "year", 12.5, 14.5, Range, "", ""}}, "mixed fractions at both ends of a range"},
		{"on 3 1/2/2024", []want{{"3", Number, "", 3, 3, Exact, "", ""}, {"1", Number, "", 1, 1, Exact, "", ""}, {"2", Number, "", 2, 2, Exact, "", ""}, {"2024", Year, "", 2024, 2024, Exact, "", ""}}, "a fraction with a slash joined after it is no fraction"},
		{"the pilot and co-pilot, aged 47 and 39, survived", []want{{"47", Age, "year", 47, 47, Exact, "", ""}, {"39", Age, "year", 39, 39, Exact, "", ""}}, "a list after 'aged' is a list of ages"},
		{"most were aged between 25 and 60 years", []want{{"between 25 and 60 years", Age, "year", 25, 60, Range, "", ""}}, "years after 'aged between' are an age range, not a duration"},
		{"staff aged 16 to 19 get less", []want{{"16 to 19", Age, "year", 16, 19, Range, "", ""}}, "a range after 'aged' is of ages"},
		{"a 31-year-old and 4 others were hurt", []want{{"31-year-old", Age, "year", 31, 31, Exact, "", ""}, {"4", Count, "", 4, 4, Exact, "", "others"}}, "a figure after an age with a noun after it is no age"},
		{"his deputy, Ivo Lamm, is 39 but has led the party", []want{{"39", Age, "year", 39, 39, Exact, "", ""}}, "a full name, 'is' and a figure that ends the clause give an age"},
		{"after nine holes he was 3, two shots behind", []want{{"nine", Count, "", 9, 9, Exact, "", "holes"}, {"3", Number, "", 3, 3, Exact, "", ""}, {"two", Count, "", 2, 2, Exact, "", "shots"}}, "'he was N' is as often a score or a place as an age: no age"},
		{"the team, Vale United, was 6, four points behind", []want{{"6", Number, "", 6, 6, Exact, "", ""}, {"four", Count, "", 4, 4, Exact, "", "points"}}, "a figure below 10 after a name set off by commas is no age"},
		{"Inflation was 5.", []want{{"5", Number, "", 5, 5, Exact, "", ""}}, "one capitalized word before 'was' is no person: no age"},
		{"it was 36 and rising", []want{{"36", Number, "", 36, 36, Exact, "", ""}}, "'it' is no person"},
		{"she was 2 under par", []want{{"2", Number, "", 2, 2, Exact, "", ""}}, "a figure whose clause goes on is no age"},
		{"the ban lasts until at least 2030", []want{{"at least 2030", Year, "", 2030, inf, AtLeast, "", ""}}, "a bound a preposition of time opens may take a year"},
		{"looking back at 2023, it grew", []want{{"2023", Year, "", 2023, 2023, Exact, "", ""}}, "'at' with no verb of level or tally before it leaves a year a year"},
		{"the death toll at 1450 was revised", []want{{"1450", Number, "", 1450, 1450, Exact, "", ""}}, "'at' after a tally's noun gives its level"},
		{"Ola Brandt (41), Ivo Lamm (39) and Jo Park (52) died", []want{{"41)", Age, "year", 41, 41, Exact, "", ""}, {"39)", Age, "year", 39, 39, Exact, "", ""}, {"52)", Age, "year", 52, 52, Exact, "", ""}}, "people named in full with bracketed figures are ages, however many"},
		{"cases in Northmoor (26), East Vale (5) and Lowby (4)", []want{{"26", Number, "", 26, 26, Exact, "", ""}, {"5", Number, "", 5, 5, Exact, "", ""}, {"4", Number, "", 4, 4, Exact, "", ""}}, "a run a preposition of place opens is a tally, its figures small or not"},
		{"their children, Jack (8), Lily (6) and Grace (3), survived", []want{{"8)", Age, "year", 8, 8, Exact, "", ""}, {"6)", Age, "year", 6, 6, Exact, "", ""}, {"3)", Age, "year", 3, 3, Exact, "", ""}}, "first names with bracketed figures are ages, as papers name families"},
		{"tributes were paid to Ann Roe (34), Kit Dale (29) and Sam Eyre (61)", []want{{"34)", Age, "year", 34, 34, Exact, "", ""}, {"29)", Age, "year", 29, 29, Exact, "", ""}, {"61)", Age, "year", 61, 61, Exact, "", ""}}, "'to' before a run of people opens no place"},
		{"turnout was lower than 2019", []want{{"lower than 2019", Year, "", 0, 2019, AtMost, "", ""}}, "a comparative other than 'more than' sets a figure against a year"},
		{"the custom dates back to at least 1850", []want{{"at least 1850", Year, "", 1850, inf, AtLeast, "", ""}}, "'to' a bound after no verb of change opens a time"},
		{"let us put 2023 behind us", []want{{"2023", Year, "", 2023, 2023, Exact, "", ""}}, "'put' gives a level only through 'at'"},
		{"the victims, aged 65, 1 in 3 of whom were women", []want{{"65", Age, "year", 65, 65, Exact, "", ""}, {"1", Number, "", 1, 1, Exact, "", ""}, {"3", Number, "", 3, 3, Exact, "", ""}}, "a ratio after an age is no next age"},
		{"a 24-year-old and 2 of his friends", []want{{"24-year-old", Age, "year", 24, 24, Exact, "", ""}, {"2", Number, "", 2, 2, Exact, "", ""}}, "only a list that 'aged' opens goes on with ages"},
		{"the victims, aged 18, 19, and 21, were students", []want{{"18", Age, "year", 18, 18, Exact, "", ""}, {"19", Age, "year", 19, 19, Exact, "", ""}, {"21", Age, "year", 21, 21, Exact, "", ""}}, "a list of ages with a comma before its 'and'"},
		{"the toll in South Kordo was 14, officials said", []want{{"14", Number, "", 14, 14, Exact, "", ""}}, "a name after a preposition is a place's: no age"},
		{"he was 50 and 60 metres away", []want{{"50", Number, "", 50, 50, Exact, "", ""}, {"60 metres", Measure, "m", 60, 60, Exact, "", ""}}, "'and' with a figure after it does not end the clause"},
		{"in 2023 2/3 of voters agreed", []want{{"2023", Year, "", 2023, 2023, Exact, "", ""}, {"2", Number, "", 2, 2, Exact, "", ""}, {"3", Number, "", 3, 3, Exact, "", ""}}, "a year takes no fraction"},
		{"a 2 1/2-year-old was found", []want{{"2 1/2-year-old", Age, "year", 2.5, 2.5, Exact, "", ""}}, "a mixed fraction joined by a hyphen to its unit"},
		{"the toll rose to at least 1500", []want{{"at least 1500", Number, "", 1500, inf, AtLeast, "", ""}}, "'to' opens amounts as well as times: the bound takes a count"},
		{"officials put the number of deaths at 1450", []want{{"1450", Number, "", 1450, 1450, Exact, "", ""}}, "a verb of level earlier in the clause makes 'at' give a level"},
		{"the victims, aged 18, 19 and 21, were students", []want{{"18", Age, "year", 18, 18, Exact, "", ""}, {"19", Age, "year", 19, 19, Exact, "", ""}, {"21", Age, "year", 21, 21, Exact, "", ""}}, "every item of a list of ages, the middle ones too"},
		{"two men, aged 30 and 45, and 3 others were hurt", []want{{"two", Count, "", 2, 2, Exact, "", "men"}, {"30", Age, "year", 30, 30, Exact, "", ""}, {"45", Age, "year", 45, 45, Exact, "", ""}, {"3", Count, "", 3, 3, Exact, "", "others"}}, "a list of ages has one 'and': a figure after a second is no age"},
		{"the brothers, aged 7 and 9 at the time, fled", []want{{"7", Age, "year", 7, 7, Exact, "", ""}, {"9", Age, "year", 9, 9, Exact, "", ""}}, "a list item may end at a preposition other than 'of'"},
		{"deaths in West Vale (12), Northmoor (7) and Lowby (3)", []want{{"12", Number, "", 12, 12, Exact, "", ""}, {"7", Number, "", 7, 7, Exact, "", ""}, {"3", Number, "", 3, 3, Exact, "", ""}}, "any one-word name, or a preposition before the run, makes a tally"},
		{"cases in Vale (3), Isle of Rona (4) and Holt and Fenby (2)", []want{{"3", Number, "", 3, 3, Exact, "", ""}, {"4", Number, "", 4, 4, Exact, "", ""}, {"2", Number, "", 2, 2, Exact, "", ""}}, "names joined by 'of' or 'and' stay in the run"},
		{"Ardenia was 5 and New Holm was 7", []want{{"5", Number, "", 5, 5, Exact, "", ""}, {"7", Number, "", 7, 7, Exact, "", ""}}, "a name not set off by commas before 'was' is no person's"},
		{"Ola Brandt (41) was hurt", []want{{"41)", Age, "year", 41, 41, Exact, "", ""}}, "a whole number in brackets after a name is an age"},
		{"Ola Brandt (41) and Ivo Lamm (39) were hurt", []want{{"41)", Age, "year", 41, 41, Exact, "", ""}, {"39)", Age, "year", 39, 39, Exact, "", ""}}, "two names with bracketed figures are still two ages"},
		{"deaths in Northmoor (218), Eastvale (44) and Lowby (6)", []want{{"218", Number, "", 218, 218, Exact, "", ""}, {"44", Number, "", 44, 44, Exact, "", ""}, {"6", Number, "", 6, 6, Exact, "", ""}}, "three or more names each with a bracketed figure are a tally, not ages"},
		{"no trains until Saturday (6), the operator said", []want{{"6", Number, "", 6, 6, Exact, "", ""}}, "a bracketed figure after a weekday is its day of the month, not an age"},
		{"At just 28, Wang is", []want{{"28", Age, "year", 28, 28, Exact, "", ""}}, "at just N, before a person"},
		{"Founded in 2016, the firm", []want{{"2016", Year, "", 2016, 2016, Exact, "", ""}}, "a year"},
		{"on 6 April", []want{{"6 April", Date, "", 0, 0, Exact, "--04-06", ""}}, "day before month, no year"},
		{"on April 6, 2026", []want{{"April 6, 2026", Date, "", 0, 0, Exact, "2026-04-06", ""}}, "month before day, with a year"},
		{"born 15 January 1971", []want{{"15 January 1971", Date, "", 0, 0, Exact, "1971-01-15", ""}}, "full date"},
		{"In August 2025, Meta", []want{{"August 2025", Date, "", 0, 0, Exact, "2025-08", ""}}, "month and year"},
		{"gusts of 170 kilometres (105 miles) per hour", []want{{"170 kilometres", Measure, "km/h", 170, 170, Exact, "", ""}, {"105 miles", Measure, "km/h", 105 * 1.609344, 105 * 1.609344, Exact, "", ""}}, "a speed whose rate follows a conversion in brackets: both figures are speeds"},
		{"a ferry 30 miles (48 km) from port", []want{{"30 miles", Measure, "m", 30 * 1609.344, 30 * 1609.344, Exact, "", ""}, {"48 km", Measure, "m", 48000, 48000, Exact, "", ""}}, "a conversion in brackets with no rate after it stays a length"},
		{"a stretch of 300 km (the longest of them) per hour", []want{{"300 km", Measure, "m", 300000, 300000, Exact, "", ""}}, "a bracket that holds no length converts nothing: the rate after it is not the figure's"},
		{"through the 2031-32 season", []want{{"2031-32", Year, "", 2031, 2032, Range, "", ""}}, "a season written as a year and the next year's last two digits is the two years"},
		{"during the 2041-44 rebuild", []want{{"2041-44", Year, "", 2041, 2044, Range, "", ""}}, "a run of years written as a year and a later year's last two digits is the years from one to the other"},
		{"posted 2031-04-09 The fund grew 7%", []want{{"7%", Percent, "%", 7, 7, Exact, "", ""}}, "a machine-written date is a page's time stamp, not a figure of the story"},
		{"date 2031-04 The fund grew 5%", []want{{"5%", Percent, "%", 5, 5, Exact, "", ""}}, "a machine-written year and month is a dateline: neither a year nor a count of 4"},
		{"lifted its rate by 35 basis points", []want{{"35 basis points", Percent, "pp", 0.35, 0.35, Exact, "", ""}}, "a basis point is a hundredth of a percentage point"},
		{"after a 15bps rise", []want{{"15bps", Percent, "pp", 0.15, 0.15, Exact, "", ""}}, "basis points abbreviated and joined to the figure"},
		{"a 40-basis-point cut", []want{{"40-basis-point", Percent, "pp", 0.4, 0.4, Exact, "", ""}}, "basis points as a hyphenated modifier"},
		{"by 10 to 20 basis points", []want{{"10 to 20 basis points", Percent, "pp", 0.1, 0.2, Range, "", ""}}, "a range in basis points converts both ends"},
		{"a quarter-point rise", []want{{"a quarter-point", Percent, "pp", 0.25, 0.25, Exact, "", ""}}, "a fraction joined to 'point' is of a percentage point"},
		{"cut by three-quarters of a percentage point", []want{{"three-quarters of a percentage point", Percent, "pp", 0.75, 0.75, Exact, "", ""}}, "a fraction of a percentage point in words"},
		{"about a quarter of a percentage point", []want{{"about a quarter of a percentage point", Percent, "pp", 0.25, 0.25, About, "", ""}}, "the article opens the figure, so the hedge before it counts"},
		{"by half of one percentage point", []want{{"half of one percentage point", Percent, "pp", 0.5, 0.5, Exact, "", ""}}, "half of one point is half a point, not one"},
		{"a 25 basis-point cut", []want{{"25 basis-point", Percent, "pp", 0.25, 0.25, Exact, "", ""}}, "basis points hyphenated after a space"},
		{"a 25-basis point cut", []want{{"25-basis point", Percent, "pp", 0.25, 0.25, Exact, "", ""}}, "basis points hyphenated before a space"},
		{"by 20.5 to 30 basis points", []want{{"20.5 to 30 basis points", Percent, "pp", 0.205, 0.3, Range, "", ""}}, "a range in basis points keeps both ends"},
		{"won by 0.4 second", []want{{"0.4 second", Duration, "second", 0.4, 0.4, Exact, "", ""}}, "a second after a figure with decimals is a unit"},
		{"it was 31° C at noon", []want{{"31° C", Measure, "°C", 31, 31, Exact, "", ""}}, "a degree sign and the scale apart"},
		{"it was 31ºC at noon", []want{{"31ºC", Measure, "°C", 31, 31, Exact, "", ""}}, "the ordinal sign written for the degree sign"},
		{"it was 101.5F inside", []want{{"101.5F", Measure, "°F", 101.5, 101.5, Exact, "", ""}}, "a capital F joined to a figure with decimals"},
		{"posted 2031-04-09T10:15:00Z then 7%", []want{{"7%", Percent, "%", 7, 7, Exact, "", ""}}, "a machine stamp's time goes with its date"},
		{"the 1999-00 season", []want{{"1999-00", Year, "", 1999, 2000, Range, "", ""}}, "a season runs into the next century as the next year"},
		{"a high of 38 degrees Celsius", []want{{"38 degrees Celsius", Measure, "°C", 38, 38, Exact, "", ""}}, "a temperature in degrees Celsius"},
		{"the month ran 1.6C above the average", []want{{"1.6C", Measure, "°C", 1.6, 1.6, Exact, "", ""}}, "a capital C joined to the figure is degrees Celsius"},
		{"lows of -12°C overnight", []want{{"-12°C", Measure, "°C", -12, -12, Exact, "", ""}}, "a negative temperature with the degree sign"},
		{"it reached 97 degrees Fahrenheit", []want{{"97 degrees Fahrenheit", Measure, "°F", 97, 97, Exact, "", ""}}, "Fahrenheit is kept on its own scale, not converted"},
		{"it broke the mark by 31 seconds", []want{{"31 seconds", Duration, "second", 31, 31, Exact, "", ""}}, "seconds are a unit of time"},
		{"in a 40-second burst", []want{{"40-second", Duration, "second", 40, 40, Exact, "", "burst"}}, "a second in a compound is a unit of time"},
		{"it will spend $31 billion over six years", []want{{"$31 billion", Money, "USD", 31e9, 31e9, Exact, "", ""}, {"six years", Duration, "year", 6, 6, Exact, "", ""}}, "'over' right after a figure gives the period it spans, not a lower bound"},
		{"the jury sat for nine hours over two days", []want{{"nine hours", Duration, "hour", 9, 9, Exact, "", ""}, {"two days", Duration, "day", 2, 2, Exact, "", ""}}, "a time spent over a period gives that period"},
		{"he was jailed for over six years", []want{{"over six years", Duration, "year", 6, inf, AtLeast, "", ""}}, "'over' with no figure before it is a lower bound"},
		{"within 1 second it fell", []want{{"1 second", Duration, "second", 1, 1, Exact, "", ""}}, "one second, singular"},
		{"it cut rates by a quarter point", []want{{"a quarter point", Percent, "pp", 0.25, 0.25, Exact, "", ""}}, "a fraction spaced from 'point' after 'by' is a rate's move"},
		{"a quarter point cut came", []want{{"a quarter point", Percent, "pp", 0.25, 0.25, Exact, "", ""}}, "a fraction spaced from 'point' before a move is a rate's"},
		{"temperatures hit 40C at noon", []want{{"40C", Measure, "°C", 40, 40, Exact, "", ""}}, "a whole number with a joined C in a sentence about heat is a temperature"},
		{"spreads widened by 1,500 basis points", []want{{"1,500 basis points", Percent, "pp", 15, 15, Exact, "", ""}}, "spelled out, basis points may run past a thousand"},
		{"it spent £4bn ($5bn) over three years", []want{{"£4bn", Money, "GBP", 4e9, 4e9, Exact, "", ""}, {"$5bn", Money, "USD", 5e9, 5e9, Exact, "", ""}, {"three years", Duration, "year", 3, 3, Exact, "", ""}}, "'over' after a bracketed conversion still gives the period"},
		{"30 SECS LEFT IN THE FINAL GAME", []want{{"30 SECS", Duration, "second", 30, 30, Exact, "", ""}}, "in a headline in capitals, SECS are seconds"},
		{"in fiscal 2031/32 it lost $5m", []want{{"2031/32", Year, "", 2031, 2032, Range, "", ""}, {"$5m", Money, "USD", 5e6, 5e6, Exact, "", ""}}, "a fiscal year written with a slash"},
		{"a five-year contract", []want{{"five-year", Duration, "year", 5, 5, Exact, "", "contract"}}, "hyphenated duration names its noun"},
		{"salinity between 2.5% and 4.1%", []want{{"between 2.5% and 4.1%", Percent, "%", 2.5, 4.1, Range, "", ""}}, "each end of a range may carry the unit"},
		{"reaching 0.6% to 0.9% at depth", []want{{"0.6% to 0.9%", Percent, "%", 0.6, 0.9, Range, "", ""}}, "a range written with 'to' and the unit twice"},
		{"rates rose from 2% to 3%", []want{{"2%", Percent, "%", 2, 2, Exact, "", ""}, {"3%", Percent, "%", 3, 3, Exact, "", ""}}, "after 'from' two figures are a change, not a range"},
		{"she stands 5 feet 11 inches", []want{{"5 feet 11 inches", Measure, "m", 5*0.3048 + 11*0.0254, 5*0.3048 + 11*0.0254, Exact, "", ""}}, "feet and inches are one height"},
		{"billed at 5 ft 10 in (1.78 m).", []want{{"5 ft 10 in", Measure, "m", 5*0.3048 + 10*0.0254, 5*0.3048 + 10*0.0254, Exact, "", ""}, {"1.78 m", Measure, "m", 1.78, 1.78, Exact, "", ""}}, "abbreviated feet and inches; a bare m converting in brackets is metres"},
		{"the tallest actor (6' 2\") to play", []want{{"6' 2\"", Measure, "m", 6*0.3048 + 2*0.0254, 6*0.3048 + 2*0.0254, Exact, "", ""}}, "feet and inches in prime marks"},
		{"the 6-foot-4 forward", []want{{"6-foot-4", Measure, "m", 6*0.3048 + 4*0.0254, 6*0.3048 + 4*0.0254, Exact, "", ""}}, "a hyphenated height"},
		{"a plot of 31,000 m2", []want{{"31,000 m2", Measure, "m2", 31000, 31000, Exact, "", ""}}, "a length unit squared with a tight 2"},
		{"a reserve of 14 km² of forest", []want{{"14 km²", Measure, "m2", 14e6, 14e6, Exact, "", ""}}, "a length unit squared with ²"},
		{"she died at the age of 61", []want{{"61", Age, "year", 61, 61, Exact, "", ""}}, "'at the age of N' is an age"},
		{"he retired at 61, the club said", []want{{"61", Age, "year", 61, 61, Exact, "", ""}}, "'at N,' after a verb of an event is an age"},
		{"the toll stood at 61, the agency said", []want{{"61", Number, "", 61, 61, Exact, "", ""}}, "'at N,' after a verb of level is the level, not an age"},
		{"the toll is now at 229, officials said", []want{{"229", Number, "", 229, 229, Exact, "", ""}}, "an adverb between the verb of level and 'at' leaves it a level"},
		{"the toll was put at 229, with more feared", []want{{"229", Number, "", 229, 229, Exact, "", ""}}, "a figure someone puts at N is an estimate, not an age"},
		{"the toll stood officially at 229, the ministry said", []want{{"229", Number, "", 229, 229, Exact, "", ""}}, "an -ly adverb before 'at' is skipped back to the verb"},
		{"the painter, who died at 91, left no will", []want{{"91", Age, "year", 91, 91, Exact, "", ""}}, "'died at N,' is still an age"},
		{"the count remained at 229, with more feared", []want{{"229", Number, "", 229, 229, Exact, "", ""}}, "'remained at N,' is a level too"},
		{"for two years", []want{{"two years", Duration, "year", 2, 2, Exact, "", ""}}, "duration"},
		{"a 7.5x forward multiple", []want{{"7.5x", Multiplier, "", 7.5, 7.5, Exact, "", ""}}, "multiplier"},
		{"profits tripled", []want{{"tripled", Multiplier, "", 3, 3, Exact, "", ""}}, "multiplier verb"},
		{"struck 10 km below", []want{{"10 km", Measure, "m", 10000, 10000, Exact, "", ""}}, "kilometres in metres"},
		{"winds topping 90 km/h", []want{{"topping 90 km/h", Measure, "km/h", 90, inf, AtLeast, "", ""}}, "the -ing form of a verb of exceeding is a lower bound, as its other forms are"},
		{"sales surpassing $2 billion", []want{{"surpassing $2 billion", Money, "USD", 2e9, inf, AtLeast, "", ""}}, "surpassing, as surpassed"},
		{"gusts of 180 km/h hit the coast", []want{{"180 km/h", Measure, "km/h", 180, 180, Exact, "", ""}}, "a length over an hour is a speed, not a distance"},
		{"winds of 90 miles per hour", []want{{"90 miles per hour", Measure, "km/h", 90 * 1.609344, 90 * 1.609344, Exact, "", ""}}, "a speed spelled out, in km/h"},
		{"it moved at 30 kilometres an hour", []want{{"30 kilometres an hour", Measure, "km/h", 30, 30, Exact, "", ""}}, "'an hour' makes a speed as 'per hour' does"},
		{"a current of 3 km/s", []want{{"3 km/s", Measure, "km/h", 10800, 10800, Exact, "", ""}}, "per second, in km/h"},
		{"a steady 20 knots", []want{{"20 knots", Measure, "km/h", 37.04, 37.04, Exact, "", ""}}, "knots are a speed"},
		{"she ran 10 km a second time", []want{{"10 km", Measure, "m", 10000, 10000, Exact, "", ""}}, "'a second' before a noun is an ordinal, not a rate"},
		{"the convoy had gone 40 km an hour later", []want{{"40 km", Measure, "m", 40000, 40000, Exact, "", ""}}, "'an hour later' is a time, not a rate"},
		{"an acceleration of 3 km/s² at launch", []want{{"3 km", Measure, "m", 3000, 3000, Exact, "", ""}}, "a length over a time squared is no speed"},
		{"winds of 100 miles an hour in the north", []want{{"100 miles an hour", Measure, "km/h", 160.9344, 160.9344, Exact, "", ""}}, "'an hour' before a function word is a rate"},
		{"a run of 12 km a day", []want{{"12 km", Measure, "m", 12000, 12000, Exact, "", ""}}, "a length per day stays a length: only hours and seconds make a speed"},
		{"a 7.8-magnitude quake", []want{{"7.8-magnitude", Measure, "magnitude", 7.8, 7.8, Exact, "", "quake"}}, "hyphenated magnitude"},
		{"of magnitude 6.1", []want{{"6.1", Measure, "magnitude", 6.1, 6.1, Exact, "", ""}}, "magnitude before the figure"},
		{"1,200 acres", []want{{"1,200 acres", Measure, "m2", 1200 * 4046.8564224, 1200 * 4046.8564224, Exact, "", ""}}, "area"},
		{"fourteen goals", []want{{"fourteen", Count, "", 14, 14, Exact, "", "goals"}}, "number word counting a noun"},
		{"two monks", []want{{"two", Count, "", 2, 2, Exact, "", "monks"}}, "small number word"},
		{"at least 212 people", []want{{"at least 212", Count, "", 212, inf, AtLeast, "", "people"}}, "at least"},
		{"some 1,500 homes", []want{{"some 1,500", Count, "", 1500, 1500, About, "", "homes"}}, "some before a figure is approximate"},
		{"17 billion active parameters", []want{{"17 billion", Count, "", 17e9, 17e9, Exact, "", "active"}}, "scale word in a count"},
		{"a 10-million-token window", []want{{"10-million-token", Count, "", 10e6, 10e6, Exact, "", "token"}}, "hyphenated scale compound"},
		{"200-plus jobs", []want{{"200-plus", Count, "", 200, inf, AtLeast, "", ""}}, "N-plus is a lower bound"},
		{"the 2011-built ferry", []want{{"2011", Year, "", 2011, 2011, Exact, "", ""}}, "a year joined to a participle dates it"},
		{"a 1994-founded label", []want{{"1994", Year, "", 1994, 1994, Exact, "", ""}}, "a regular participle dates as an irregular one does"},
		{"a 1500-seat hall", []want{{"1500-seat", Count, "", 1500, 1500, Exact, "", "seat"}}, "a year-shaped figure joined to a noun counts it"},
		{"50 cents", []want{{"50 cents", Money, "USD", 0.5, 0.5, Exact, "", ""}}, "cents"},
		{"in the 1990s", []want{{"1990s", Year, "", 1990, 1999, Range, "", ""}}, "a decade"},
		{"models like Llama 4 and GPT-4o", nil, "model numbers are names"},
		{"models including Llama 3 and 4 underwhelmed", nil, "a figure coordinated with a name is a name"},
		{"the H100 GPU", nil, "letters against a figure make an identifier"},
		{"wore the number 8 shirt", nil, "a shirt number is a label"},
		{"the “Fantastic 50”, a team", nil, "a capitalized word before a figure inside a sentence is a name"},
		{"a 2-1 win", nil, "a score is not a range"},
		{"rivals such as Gemini 1.5 and ChatGPT-5", nil, "versions after names"},
		// Forms the third-party specs exercise (eval quantities); the sentences are ours.
		{"a fine of 42 KWD", []want{{"42 KWD", Money, "KWD", 42, 42, Exact, "", ""}}, "any ISO 4217 code after the figure, checked against the standard"},
		{"ALL 42 members", []want{{"42", Count, "", 42, 42, Exact, "", "members"}}, "a code that is also a word in capitals is not a currency"},
		{"ticket sales of 120 MEUR", []want{{"120 MEUR", Money, "EUR", 120e6, 120e6, Exact, "", ""}}, "M before a code is millions, as Nordic business prose writes"},
		{"a rise to RM42 a share", []want{{"RM42", Money, "MYR", 42, 42, Exact, "", ""}}, "ringgit abbreviation against the figure"},
		{"costs 42MYR now", []want{{"42MYR", Money, "MYR", 42, 42, Exact, "", ""}}, "a code against the figure is not a name like H100"},
		{"priced at 20€ each", []want{{"20€", Money, "EUR", 20, 20, Exact, "", ""}}, "currency sign after the figure"},
		{"only 10¢ more", []want{{"10¢", Money, "USD", 0.1, 0.1, Exact, "", ""}}, "cent sign is a hundredth of a dollar"},
		{"paid 125 million australian dollars", []want{{"125 million australian dollars", Money, "AUD", 125e6, 125e6, Exact, "", ""}}, "a nationality names the dollar"},
		{"fined 10,000 Swiss francs", []want{{"10,000 Swiss francs", Money, "CHF", 1e4, 1e4, Exact, "", ""}}, "nationality and plural currency noun"},
		{"a C$300 million charge", []want{{"C$300 million", Money, "CAD", 300e6, 300e6, Exact, "", ""}}, "C$ is the Canadian dollar"},
		{"a c $ 300 million charge", []want{{"c $ 300 million", Money, "CAD", 300e6, 300e6, Exact, "", ""}}, "tokenized corpora space the prefix from the sign"},
		{"a $5 fee", []want{{"$5", Money, "USD", 5, 5, Exact, "", ""}}, "the article a before a dollar sign is not Australian"},
		{"it cost 3 dollars 50 cents", []want{{"3 dollars 50 cents", Money, "USD", 3.5, 3.5, Exact, "", ""}}, "cents after the dollars are one amount"},
		{"it cost $20 and 43c", []want{{"$20 and 43c", Money, "USD", 20.43, 20.43, Exact, "", ""}}, "cents after a prefixed amount"},
		{"egg prices averaged 64.2 cents a dozen", []want{{"64.2 cents", Money, "USD", 0.642, 0.642, Exact, "", ""}, {"a dozen", Number, "", 12, 12, Exact, "", ""}}, "a dozen after cents is a unit of sale, not more cents"},
		{"$20 and 43 people", []want{{"$20", Money, "USD", 20, 20, Exact, "", ""}, {"43", Count, "", 43, 43, Exact, "", "people"}}, "a bare figure followed by a noun is not cents"},
		{"worth 10 grand in cash", []want{{"10 grand", Money, "USD", 1e4, 1e4, Exact, "", ""}}, "grand after a figure is thousands"},
		{"a grand jury heard 12 witnesses", []want{{"12", Count, "", 12, 12, Exact, "", "witnesses"}}, "a grand jury is no money"},
		{"ten dimes", []want{{"ten dimes", Money, "USD", 1, 1, Exact, "", ""}}, "coins counted"},
		{"They lost 75 USD million", []want{{"75 USD million", Money, "USD", 75e6, 75e6, Exact, "", ""}}, "a scale after the code"},
		{"between 10 dollars and 20 dollars", []want{{"between 10 dollars and 20 dollars", Money, "USD", 10, 20, Range, "", ""}}, "a range with the currency on both ends"},
		{"a population of 1 414 021 100", []want{{"1 414 021 100", Number, "", 1414021100, 1414021100, Exact, "", ""}}, "thousands grouped by spaces"},
		{"in 2019 200 people", []want{{"2019", Year, "", 2019, 2019, Exact, "", ""}, {"200", Count, "", 200, 200, Exact, "", "people"}}, "one space between a year and a count is no grouping"},
		{"a fine of KSh 3.2 million", []want{{"KSh 3.2 million", Money, "KES", 3.2e6, 3.2e6, Exact, "", ""}}, "the Kenyan shilling's prefix, in mixed case"},
		{"a levy of Ksh450m", []want{{"Ksh450m", Money, "KES", 450e6, 450e6, Exact, "", ""}}, "the prefix against the figure"},
		{"Mnt 2,500 people", []want{{"2,500", Count, "", 2500, 2500, Exact, "", "people"}}, "a code outside ISO 4217 that is a code itself counts only in capitals: Mnt is a mount"},
		{"a budget of Kshs 12 billion", []want{{"Kshs 12 billion", Money, "KES", 12e9, 12e9, Exact, "", ""}}, "the plural prefix"},
		{"a grant of Ksh. 40 million", []want{{"Ksh. 40 million", Money, "KES", 40e6, 40e6, Exact, "", ""}}, "a written prefix is an abbreviation and may take a point"},
		{"a grant of BTC. 4", []want{{"4", Number, "", 4, 4, Exact, "", ""}}, "a code is no abbreviation: its point ends it"},
		{"a grant of RM. 40", []want{{"40", Number, "", 40, 40, Exact, "", ""}}, "only the prefixes written as abbreviations (Rs, Ksh, Kshs) take a point"},
		{"a loan of 12,34,567 rupees", []want{{"12,34,567 rupees", Money, "INR", 1234567, 1234567, Exact, "", ""}}, "Indian digit grouping"},
		{"valued at Rs 2.45 lakh crore", []want{{"Rs 2.45 lakh crore", Money, "INR", 2.45e12, 2.45e12, Exact, "", ""}}, "lakh before crore multiplies it: a lakh of crores"},
		{"an outlay of ₹8 thousand crore", []want{{"₹8 thousand crore", Money, "INR", 8e10, 8e10, Exact, "", ""}}, "thousand before a larger scale multiplies it too"},
		{"a fund of Rs 3.1 lakh crores", []want{{"Rs 3.1 lakh crores", Money, "INR", 3.1e12, 3.1e12, Exact, "", ""}}, "the plural scale"},
		{"a fund of 5 thousand million pounds", []want{{"5 thousand million pounds", Money, "GBP", 5e9, 5e9, Exact, "", ""}}, "a thousand of millions, the older British way"},
		{"a $2 billion trillion fund", []want{{"$2 billion", Money, "USD", 2e9, 2e9, Exact, "", ""}}, "only a thousand or a lakh of millions or crores stack"},
		{"they built 3 thousand million-dollar homes", []want{{"3 thousand", Count, "", 3000, 3000, Exact, "", "million"}}, "a scale joined by a hyphen to the next word describes it: no stack"},
		{"a loan of 12 crore 40 lakh rupees", []want{{"12 crore 40 lakh rupees", Money, "INR", 1.24e8, 1.24e8, Exact, "", ""}}, "a smaller scale after a larger one is a further part, not a product"},
		{"three crore twelve lakh fifty-six thousand", []want{{"three crore twelve lakh fifty-six thousand", Number, "", 31256000, 31256000, Exact, "", ""}}, "crore and lakh compose like million and thousand"},
		{"a rate of .08 a year", []want{{".08", Number, "", 0.08, 0.08, Exact, "", ""}}, "a decimal without its leading zero"},
		{"nine point nought four", []want{{"nine point nought four", Number, "", 9.04, 9.04, Exact, "", ""}}, "spelled decimals"},
		{"two point two million", []want{{"two point two million", Number, "", 2.2e6, 2.2e6, Exact, "", ""}}, "spelled decimals with a scale"},
		{"about a quarter of the harbour", []want{{"about a quarter", Percent, "", 25, 25, About, "", ""}}, "a fraction of a whole is a share"},
		{"a fifth of the orchards", []want{{"a fifth", Percent, "", 20, 20, About, "", ""}}, "a stated fraction is approximate: a fifth is about 20%"},
		{"the count has gone up to 212", []want{{"212", Number, "", 212, 212, Exact, "", ""}}, "up to after a verb of change in the past is the level reached, no cap"},
		{"the jobless rate edged up to 4.1%", []want{{"4.1%", Percent, "%", 4.1, 4.1, Exact, "", ""}}, "edged up to: a level"},
		{"penalties of up to $2m", []want{{"up to $2m", Money, "USD", 0, 2e6, AtMost, "", ""}}, "up to after a noun is a cap"},
		{"the bill could go up to 30%", []want{{"up to 30%", Percent, "%", 0, 30, AtMost, "", ""}}, "up to after a verb of change not yet done is a cap"},
		{"output had been revised up to 2.6%", []want{{"2.6%", Percent, "%", 2.6, 2.6, Exact, "", ""}}, "a participle of change after auxiliaries: a level"},
		{"shares jumped up to 18% in early deals", []want{{"up to 18%", Percent, "%", 0, 18, AtMost, "", ""}}, "a past tense with no auxiliary is as much as, a cap"},
		{"the toll could have gone up to 600", []want{{"up to 600", Number, "", 0, 600, AtMost, "", ""}}, "a modal before the auxiliary: what might have been, a cap"},
		{"the toll could well have gone up to 600", []want{{"up to 600", Number, "", 0, 600, AtMost, "", ""}}, "an adverb between modal and auxiliary hides no modal"},
		{"the toll has now gone up to 240", []want{{"240", Number, "", 240, 240, Exact, "", ""}}, "an adverb between auxiliary and participle: still a level"},
		{"the toll has not gone up to 600", []want{{"up to 600", Number, "", 0, 600, AtMost, "", ""}}, "a negation: no level reached"},
		{"sales have increased up to 40% at some stores", []want{{"up to 40%", Percent, "%", 0, 40, AtMost, "", ""}}, "increased up to is as much as: a cap"},
		{"up to a fifth of the fleet", []want{{"up to a fifth", Percent, "", 0, 20, AtMost, "", ""}}, "a modifier bounds the share"},
		{"two-thirds of the members", []want{{"two-thirds", Percent, "", 200.0 / 3, 200.0 / 3, About, "", ""}}, "a hyphenated fraction is one share, not a count of two"},
		{"more than half of the branches", []want{{"more than half", Percent, "", 50, inf, AtLeast, "", ""}}, "half of a whole, bounded below"},
		{"a two-thirds majority", nil, "a fraction before a noun is no share, and its number word no count"},
		{"a quarter of an hour", nil, "a part of one thing is no share of a whole"},
		{"the second half of the season", nil, "half of a period is no share"},
		{"after a year and a half of talks", nil, "the half of a year and a half is no share"},
		{"in the last two quarters of trading", nil, "an ordinal before a fraction makes it a part of a period, and its number word no count"},
		{"a quarter of the way through the race", nil, "a part of a course is no share"},
		{"half of one percent", []want{{"one percent", Percent, "", 1, 1, Exact, "", ""}}, "a part of a spelled figure leaves the figure alone"},
		{"one third of $9m", []want{{"$9m", Money, "USD", 9e6, 9e6, Exact, "", ""}}, "a part of a figure leaves the figure alone"},
		{"half a million people", []want{{"half a million", Count, "", 5e5, 5e5, Exact, "", "people"}}, "half of a scale"},
		{"five and a half million", []want{{"five and a half million", Number, "", 5.5e6, 5.5e6, Exact, "", ""}}, "and a half before the scale"},
		{"a six-and-a-half-year lease", []want{{"six-and-a-half-year", Duration, "year", 6.5, 6.5, Exact, "", ""}}, "a fraction joined by hyphens is part of its number, not a count of six"},
		{"after three-and-a-quarter hours", []want{{"three-and-a-quarter hours", Duration, "hour", 3.25, 3.25, Exact, "", ""}}, "a quarter joined by hyphens, before a spaced unit"},
		{"a one-and-three-quarters-mile loop", []want{{"one-and-three-quarters-mile", Measure, "m", 2816.352, 2816.352, Exact, "", ""}}, "a numerator of more than one"},
		{"forty-one-and-a-half weeks", []want{{"forty-one-and-a-half weeks", Duration, "week", 41.5, 41.5, Exact, "", ""}}, "after a hyphenated tens number"},
		{"two - and a half", []want{{"two", Number, "", 2, 2, Exact, "", ""}}, "a spaced dash joins nothing"},
		{"a 9-and-a-half-year lease", []want{{"9-and-a-half-year", Duration, "year", 9.5, 9.5, Exact, "", ""}}, "digits take a fraction joined by hyphens as number words do"},
		{"seven-and-a-half million tickets", []want{{"seven-and-a-half million", Count, "", 7.5e6, 7.5e6, Exact, "", "tickets"}}, "a scale after a fraction joined by hyphens"},
		{"two—and—a—half", []want{{"two", Number, "", 2, 2, Exact, "", ""}}, "dashes are no hyphens: no fraction"},
		{"two-and-a-quarters", []want{{"two", Number, "", 2, 2, Exact, "", ""}}, "one part is singular: no fraction"},
		{"one-and-a-half two-litre jugs", []want{{"one-and-a-half", Count, "", 1.5, 1.5, Exact, "", ""}, {"two-litre", Count, "", 2, 2, Exact, "", ""}}, "the number after a fraction joined by hyphens is another figure's: 1.5 and 2, not 3.5"},
		{"two-and-a-fifth", []want{{"two", Number, "", 2, 2, Exact, "", ""}}, "fifths are no fraction a whole number takes"},
		{"3 million and a half", []want{{"3 million and a half", Number, "", 3.5e6, 3.5e6, Exact, "", ""}}, "and a half after the scale"},
		{"4 thousand 3 hundred and 21", []want{{"4 thousand 3 hundred and 21", Number, "", 4321, 4321, Exact, "", ""}}, "digits with scale words compose"},
		{"three dozen eggs", []want{{"three dozen", Count, "", 36, 36, Exact, "", "eggs"}}, "dozen multiplies"},
		{"ten and fifteen", []want{{"ten", Number, "", 10, 10, Exact, "", ""}, {"fifteen", Number, "", 15, 15, Exact, "", ""}}, "and joins number words only after hundred or a scale"},
		{"temperatures of -5 overnight", []want{{"-5", Count, "", -5, -5, Exact, "", "overnight"}}, "a minus sign"},
		{"between negative ten and fifteen", []want{{"between negative ten and fifteen", Number, "", -10, 15, Range, "", ""}}, "the sign belongs to the low end"},
		{"less than or equal to 30", []want{{"less than or equal to 30", Number, "", 0, 30, AtMost, "", ""}}, "a long comparative"},
		{"when x >= 30", []want{{">= 30", Number, "", 30, inf, AtLeast, "", ""}}, "comparison signs"},
		{"greater than 30 and less than 40", []want{{"greater than 30 and less than 40", Number, "", 30, 40, Range, "", ""}}, "a lower and an upper bound joined are a range"},
		{"more than 40 and less than 10", []want{{"more than 40", Number, "", 40, inf, AtLeast, "", ""}, {"less than 10", Number, "", 0, 10, AtMost, "", ""}}, "bounds that cannot meet stay apart"},
		{"200 or greater", []want{{"200 or greater", Number, "", 200, inf, AtLeast, "", ""}}, "or greater after the figure"},
		{"Which one do you prefer?", nil, "one before a pronoun or a verb is a pronoun"},
		{"see https://example.com/a?q=30%25 now", nil, "digits in a URL are no quantities"},
		{"call +1-222-2222-2222 today", nil, "a telephone number is no quantity"},
		{"a 87 yo man", []want{{"87 yo", Age, "year", 87, 87, Exact, "", ""}}, "yo is years old"},
		{"she won in 2:05:41 on Sunday", []want{{"2:05:41", Duration, "hour", 2 + 5.0/60 + 41.0/3600, 2 + 5.0/60 + 41.0/3600, Exact, "", ""}}, "hours, minutes and seconds are an elapsed time, as a race is timed"},
		{"the doors open at 7:30:00 sharp", nil, "a clock after at is a time of day, not an elapsed time"},
		{"the rocket lifted off at 1:47:44 a.m. ET", nil, "a clock with a.m. is a time of day"},
		{"contact was lost, 06:47:10 GMT, over the sea", nil, "a clock with a time zone is a time of day"},
		{"the rover woke at 4:10 a.m. local time (2210 GMT)", nil, "four digits before a time zone are a time of day: hours and minutes"},
		{"trading halts at 1530 UTC on Friday", nil, "a round hour before a zone is no year"},
		{"a 2019 EAT ruling", []want{{"2019", Year, "", 2019, 2019, Exact, "", ""}}, "digits that may be a year stay one before a zone other than GMT or UTC"},
		{"the feed ends (2375 GMT) daily", []want{{"2375", Number, "", 2375, 2375, Exact, "", ""}}, "minutes past 59 are no clock"},
		{"it opens at 0930 PT daily", []want{{"0930", Number, "", 930, 930, Exact, "", ""}}, "a zone of two letters is not enough"},
		{"it opens at 0930 Gmt daily", []want{{"0930", Number, "", 930, 930, Exact, "", ""}}, "a zone must be in capitals"},
		{"the code 2510 GMT was odd", []want{{"2510", Number, "", 2510, 2510, Exact, "", ""}}, "past the 23rd hour four digits are no time of day"},
		{"as Smith 2019 et al. found", []want{{"2019", Year, "", 2019, 2019, Exact, "", ""}}, "a zone of two letters is not enough: et al. is a citation"},
		{"the session runs 10:30 to 12:15", nil, "hours and minutes alone are a time of day: no quantity, and not the numbers 10 and 30"},
		{"a split of 1:75:20", nil, "minutes past 59 are no time; the digits are not read as numbers either"},
		{"a final of 2hrs 41mins", []want{{"2hrs 41mins", Duration, "minute", 161, 161, Exact, "", ""}}, "hours and minutes abbreviated are one duration, in minutes, the finer unit"},
		{"the match lasted 2h41", []want{{"2h41", Duration, "minute", 161, 161, Exact, "", ""}}, "minutes against an h are minutes, not a second number"},
		{"after 2h 41m on court", []want{{"2h 41m", Duration, "minute", 161, 161, Exact, "", ""}}, "m after hours is minutes, not million"},
		{"a 3-hour, 12-minute epic", []want{{"3-hour, 12-minute", Duration, "minute", 192, 192, Exact, "", ""}}, "hyphenated hours and minutes joined by a comma"},
		{"3 hours and 12 minutes later", []want{{"3 hours and 12 minutes", Duration, "minute", 192, 192, Exact, "", ""}}, "hours and minutes joined by and"},
		{"raised 41m in 2 hours", []want{{"41m", Number, "", 41e6, 41e6, Exact, "", ""}, {"2 hours", Duration, "hour", 2, 2, Exact, "", ""}}, "an m with no hours before it stays million"},
		{"results are due by 23:59:59 tonight", nil, "a clock after by is a time of day"},
		{"voting ran from 07:00:00 until 22:00:00", nil, "clocks after from and until are times of day"},
		{"she was jailed for 14 years and five months", []want{{"14 years and five months", Duration, "month", 173, 173, Exact, "", ""}}, "years go on in months, in words too, and the months hold the length"},
		{"the climb took four minutes and 17 seconds", []want{{"four minutes and 17 seconds", Duration, "second", 257, 257, Exact, "", ""}}, "minutes go on in seconds"},
		{"after 6 days and 5 hours adrift", []want{{"6 days and 5 hours", Duration, "hour", 149, 149, Exact, "", ""}}, "days go on in hours"},
		{"a term of 9 years and 14 months", []want{{"9 years", Duration, "year", 9, 9, Exact, "", ""}, {"14 months", Duration, "month", 14, 14, Exact, "", ""}}, "14 months are no part of a year: two lengths"},
		{"she ran 1 hour, 4 minutes and 22 seconds", []want{{"1 hour, 4 minutes and 22 seconds", Duration, "second", 3862, 3862, Exact, "", ""}}, "hours, minutes and seconds are one length, in seconds"},
		{"Ola Brant, aged 12 years and 4 months, was", []want{{"12 years and 4 months", Age, "year", 12, 12, Exact, "", ""}}, "an age counts whole years: its months are part of it, and no length of their own"},
		{"Ola Brant, 9 years and 7 months old, was", []want{{"9 years and 7 months old", Age, "year", 9, 9, Exact, "", ""}}, "old after the months: one age, in whole years"},
		{"it took 3 hours 12 minutes, and the cups went to Arl and Bex respectively", []want{{"3 hours 12 minutes", Duration, "minute", 192, 192, Exact, "", ""}}, "a respectively far from the length is no list of it"},
		{"waits of between 1 hour 20 minutes and 3 hours", []want{{"1 hour 20 minutes", Duration, "minute", 80, 80, Exact, "", ""}, {"3 hours", Duration, "hour", 3, 3, Exact, "", ""}}, "between keeps a length's minutes when no and joins them"},
		{"terms between 3 years and 8 months", []want{{"3 years", Duration, "year", 3, 3, Exact, "", ""}, {"8 months", Duration, "month", 8, 8, Exact, "", ""}}, "between opens a range's first end, not a length with its months"},
		{"terms of 6 years and 2 months respectively", []want{{"6 years", Duration, "year", 6, 6, Exact, "", ""}, {"2 months", Duration, "month", 2, 2, Exact, "", ""}}, "a list matched in order is two lengths"},
		{"it took two hours and 45 minutes", []want{{"two hours and 45 minutes", Duration, "minute", 165, 165, Exact, "", ""}}, "hours in words join their minutes as hours in digits do"},
		{"the odds were 11:10 on", nil, "two parts joined by a colon are read as a time of day and dropped, odds and ratios with them: a choice, not two numbers"},
		{"a 1.2b user base", []want{{"1.2b", Count, "", 1.2e9, 1.2e9, Exact, "", "user"}}, "a decimal with b is billions even without a currency"},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Parse(%q) = %d quantities %v, want %d (%s)", tt.in, len(got), got, len(tt.want), tt.reason)
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || g.Kind != w.kind || g.Bound != w.bound {
				t.Errorf("Parse(%q)[%d] = %q %s %s, want %q %s %s (%s)", tt.in, i, g.Text, g.Kind, g.Bound, w.text, w.kind, w.bound, tt.reason)
			}
			if w.unit != "" && g.Unit != w.unit {
				t.Errorf("Parse(%q)[%d].Unit = %q, want %q (%s)", tt.in, i, g.Unit, w.unit, tt.reason)
			}
			if w.date != "" {
				if g.Date != w.date {
					t.Errorf("Parse(%q)[%d].Date = %q, want %q (%s)", tt.in, i, g.Date, w.date, tt.reason)
				}
			} else if !near(g.Low, w.low) || !near(g.High, w.high) {
				t.Errorf("Parse(%q)[%d] = [%g, %g], want [%g, %g] (%s)", tt.in, i, g.Low, g.High, w.low, w.high, tt.reason)
			}
			if w.noun != "" && g.Noun != w.noun {
				t.Errorf("Parse(%q)[%d].Noun = %q, want %q (%s)", tt.in, i, g.Noun, w.noun, tt.reason)
			}
			if tt.in[g.Start:g.End] != g.Text {
				t.Errorf("Parse(%q)[%d]: span [%d,%d) is %q, text is %q", tt.in, i, g.Start, g.End, tt.in[g.Start:g.End], g.Text)
			}
		}
	}
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func TestPrecision(t *testing.T) {
	tests := []struct {
		in     string
		want   float64
		reason string
	}{
		{"$14.3 billion", 0.05e9, "one decimal of billions"},
		{"$15bn", 0.5e9, "whole billions"},
		{"1,200 people", 50, "trailing zeros are rounding"},
		{"212 people", 0.5, "a whole count"},
		{"in 2016", 0, "years are exact"},
		{"for 2 1/2 hours", 0.25, "a mixed fraction is stated to its fraction"},
		{"for three and a half hours", 0.25, "a spelled fraction after a small number is stated to it, as a mixed fraction is"},
		{"a four-and-a-half-hour wait", 0.25, "the same fraction joined by hyphens"},
		{"five and a half million", 0.5e6, "a fraction before a scale leaves the scale's rounding"},
		{"five-and-a-half million", 0.5e6, "joined by hyphens too"},
		{"a 6-and-a-half-year lease", 0.25, "digits with a fraction joined by hyphens are stated to the fraction"},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if len(got) != 1 || !near(got[0].Precision, tt.want) {
			t.Errorf("Parse(%q) precision = %v, want %g (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"$14.3 billion", "$14.3bn"},
		{"$14–15 billion", "$14bn–$15bn"},
		{"over $29 billion", "≥$29bn"},
		{"49%", "49%"},
		{"€85m", "€85m"},
	}
	for _, tt := range tests {
		got := Parse(tt.in)
		if len(got) != 1 || got[0].String() != tt.want {
			t.Errorf("Parse(%q).String() = %v, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"$14–15 billion", "over $29 billion", "eighty-five million euros", "28-year-old",
		"6 April", "April 6, 2026", "Llama 3 and 4", "between 5 and 10", "-$5m", "1990s",
		"2-1", "US$", "$", "1,2,3", "12 per", "a hundred and", "7.8-magnitude", "\xff$1",
		"42MYR", "c $ 300 million", "1 414 021 100", "12,34,567.89 rupees", "greater than 30 and less than 40",
		"https://x.com/?q=30%25", "+1-222-2222-2222", "three lakh crore", "nine point nought four",
		"$20 and 43c", "4 thousand 3 hundred and 21", "between negative ten and fifteen", "<-30", ">= 30",
		"120 MEUR", "10 grand in cash", "half a million", "five billion and three quarters", ".08", "100元",
		"2:05:41", "at 1:47:44 a.m.", "10:30", "1:", "2:05:", "2h41", "2h 41m", "2-hour, 14-minute", "3 hours and", "2h", "5 years and three months", "two minutes and",
		"date 2031-04-09 x", "2031-04", "25bps", "a 40-basis-point", "three-quarters of a percentage point", "a half-", "three-", "1.5C", "-12°C", "40 degrees F", "5C-", "°", "1999-00", "the 1914-18 war", "1995-01-", "2031-04-09-", "2031/35",
		"2 1/2 hours", "7½ years", "2 1/2-", "two-and-a-half-year", "one-and-", "7 6/15", "in 2023 2/3 of", "A (1), B (2) and C (300)", "A (1), B (2), (3)", "(6)", "aged 41 and 38,", "aged 18, 19, and", "aged 1, 2, 3, 4", "Jo Park, is 52 and", "at least 1999", "at 2031",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Parser
		last := 0
		for _, q := range p.Parse(s, nil) {
			if q.Start < last || q.End > len(s) || q.Start >= q.End {
				t.Fatalf("Parse(%q): bad span [%d,%d) after %d", s, q.Start, q.End, last)
			}
			if s[q.Start:q.End] != q.Text {
				t.Fatalf("Parse(%q): text %q is not span %q", s, q.Text, s[q.Start:q.End])
			}
			if q.Low > q.High || math.IsNaN(q.Low) || math.IsNaN(q.High) {
				t.Fatalf("Parse(%q): bad interval %v", s, q)
			}
			if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
				t.Fatalf("Parse(%q): span cuts a rune: %q", s, q.Text)
			}
			if strings.TrimSpace(q.Text) != q.Text {
				t.Fatalf("Parse(%q): span has outer space: %q", s, q.Text)
			}
			last = q.End
		}
	})
}

// TestShapeSets checks that no shape set rules out a word of the sets it
// guards, in any case, and that they still rule out common words.
func TestShapeSets(t *testing.T) {
	guards := []struct {
		name   string
		shapes *text.Shapes
		words  []string
	}{
		{"startShapes", startShapes, slices.Collect(maps.Keys(startWords))},
		{"numberShapes", numberShapes, slices.Collect(maps.Keys(numberWords))},
		{"scaleShapes", scaleShapes, append(slices.Collect(maps.Keys(scaleWords)), slices.Collect(maps.Keys(scaleAbbrevs))...)},
		{"currencyNameShapes", currencyNameShapes, append(slices.Collect(maps.Keys(currencyWords)), slices.Collect(maps.Keys(twoWordAdjectives))...)},
		{"codeShapes", codeShapes, slices.Collect(maps.Keys(currencyCodes))},
		{"coinShapes", coinShapes, slices.Collect(maps.Keys(coinWords))},
		{"multiplierShapes", multiplierShapes, slices.Collect(maps.Keys(multiplierVerbs))},
		{"monthShapes", monthShapes, slices.Collect(maps.Keys(months))},
		{"timeShapes", timeShapes, slices.Collect(maps.Keys(timeUnits))},
		{"measureShapes", measureShapes, slices.Collect(maps.Keys(measureUnits))},
	}
	for adj := range currencyAdjectives {
		first, _, _ := strings.Cut(adj, " ")
		guards[3].words = append(guards[3].words, first)
	}
	for _, g := range guards {
		for _, w := range g.words {
			r, n := utf8.DecodeRuneInString(w)
			for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(string(r)) + w[n:]} {
				if !g.shapes.MayHave(form) {
					t.Errorf("%s rules out %q, a word it guards", g.name, form)
				}
			}
		}
	}
	for _, w := range []string{"the", "of", "said", "Company"} {
		if isStartWord(w) || numberShapes.MayHave(w) && numberWords[w] {
			t.Errorf("%q passes a guard it should not", w)
		}
	}
}

// TestCurrencySignsASCII guards canStart's shortcut: "$" is the only
// one-byte currency sign, so no other one-byte symbol needs the map.
func TestCurrencySignsASCII(t *testing.T) {
	for s := range currencySigns {
		if len(s) == 1 && s != "$" {
			t.Errorf("currency sign %q is one byte: canStart passes it over", s)
		}
	}
}

// TestArticlesAreNoNumberWords guards wordNumberAt's order: it reads "a"
// and "an" before asking the number-word tables, which must not hold them.
func TestArticlesAreNoNumberWords(t *testing.T) {
	for _, w := range []string{"a", "an"} {
		if smallNumbers[w] != 0 || tensNumbers[w] != 0 || bigScales[w] != 0 {
			t.Errorf("%q is in a number-word table: wordNumberAt reads it as an article first", w)
		}
	}
}

// TestLowerLetters checks lowerLetters against lowering by hand: ASCII
// capitals go to lower case, every other byte stays where it was.
func TestLowerLetters(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Meta Paid $14.3B", "ÉTÉ In Z", "a\xffB", "ZZ", "Z"} {
		want := []byte(s)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := lowerLetters(s); got != string(want) {
			t.Errorf("lowerLetters(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestModifierStaysOutOfPreviousQuantity covers a case FuzzParse found: a
// bound word that closes one figure ("5 or over") is no modifier of the
// next ("over 10"), or the two spans would overlap.
func TestModifierStaysOutOfPreviousQuantity(t *testing.T) {
	tests := []struct {
		in     string
		want   []string // the texts found, in order
		reason string
	}{
		{"aged 7 or over 12 times", []string{"7 or over", "12 times"}, "the bound closes the first figure"},
		{"7 or over, and over 12", []string{"7 or over", "over 12"}, "a modifier of its own still binds"},
		{"between 3 and 4 or between 5 and 6", []string{"between 3 and 4", "between 5 and 6"}, "each range keeps its own between"},
	}
	for _, tt := range tests {
		var got []string
		last := 0
		for _, q := range Parse(tt.in) {
			if q.Start < last {
				t.Errorf("Parse(%q): %q starts at %d, inside the figure before (ends %d) (%s)", tt.in, q.Text, q.Start, last, tt.reason)
			}
			last = q.End
			got = append(got, q.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

func TestMagnitude(t *testing.T) {
	tests := []struct {
		text   string
		want   float64
		reason string
	}{
		{"two years", 730.5, "a duration is weighed in days"},
		{"24 months", 730.56, "months are days too, so they meet years"},
		{"three months", 91.32, "the figure alone (3) would equal three years'"},
		{"a 6-month-old", 182.64, "an age is weighed in days too: its unit is not part of its family"},
		{"$3 billion", 3e9, "money is already in its base unit"},
		{"40%", 40, "a percentage is its figure"},
	}
	for _, tt := range tests {
		qs := Parse(tt.text)
		if len(qs) != 1 {
			t.Fatalf("Parse(%q) = %v, want one quantity", tt.text, qs)
		}
		if got := Magnitude(qs[0]); math.Abs(got-tt.want) > 1e-9*math.Max(1, tt.want) {
			t.Errorf("Magnitude(%q) = %v, want %v (%s)", tt.text, got, tt.want, tt.reason)
		}
	}
}

func TestConverted(t *testing.T) {
	tests := []struct {
		a, b   string
		want   bool
		reason string
	}{
		{"60 miles", "97 km", true, "miles and kilometres are two systems"},
		{"60 mph", "97 km/h", true, "so are mph and km/h"},
		{"20 knots", "37 km/h", true, "and knots and km/h"},
		{"3 km", "3,100 metres", false, "kilometres are a power of ten of metres: one system"},
		{"40 acres", "16 hectares", true, "acres and hectares"},
		{"60 miles", "60 miles", false, "one unit"},
		{"60 miles", "40 kg", false, "different base units are never a conversion"},
		{"$60 million", "€55 million", false, "currencies are not measures: a rate is no rounding"},
	}
	for _, tt := range tests {
		a, b := Parse(tt.a), Parse(tt.b)
		if len(a) != 1 || len(b) != 1 {
			t.Fatalf("%s: Parse(%q), Parse(%q) = %v, %v, want one quantity each", tt.reason, tt.a, tt.b, a, b)
		}
		if got := Converted(a[0], b[0]); got != tt.want {
			t.Errorf("Converted(%q, %q) = %v, want %v (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
	}
}

// TestThousandsPointWhole holds figures grouped by points to whole values
// exactly: an answer key matches whole numbers exactly, and 1.023 × 1000
// is 1022.999… in floating point.
func TestThousandsPointWhole(t *testing.T) {
	for _, tc := range []struct {
		in        string
		low, high float64
	}{
		{"a crowd of 1.023 fans", 1023, 1023},
		{"between 1.023 and 2.047 fans", 1023, 2047},
	} {
		qs := Parse(tc.in)
		if len(qs) != 1 || qs[0].Low != tc.low || qs[0].High != tc.high {
			var got [][2]float64
			for _, q := range qs {
				got = append(got, [2]float64{q.Low, q.High})
			}
			t.Errorf("Parse(%q) = %.17g, want exactly [%v %v]", tc.in, got, tc.low, tc.high)
		}
	}
}

// TestNotRead holds each reading to the words that make it: none of these
// sentences holds a quantity of the kind or unit its case names.
func TestNotRead(t *testing.T) {
	inUnit := func(units ...string) func(Quantity) bool {
		return func(q Quantity) bool { return slices.Contains(units, q.Unit) }
	}
	yearRange := func(q Quantity) bool { return q.Kind == Year && q.Bound == Range }
	halfPoint := func(q Quantity) bool { return q.Unit == "pp" && q.Value == 0.5 }
	exactPeriod := func(q Quantity) bool { return q.Kind == Duration && q.Bound == Exact }
	for _, tt := range []struct {
		s      string
		not    func(Quantity) bool
		reason string
	}{
		{"she was half a point behind the leader", inUnit("pp"), "half a point with no percentage may be a game's"},
		{"growth in the second half one percentage point faster", halfPoint, "'one' names the point only after 'of'"},
		{"in 2031 over 40 days were lost", exactPeriod, "after a year 'over' is 'more than'"},
		{"she died aged 91 over 10 years after him", exactPeriod, "after an age 'over' is 'more than'"},
		{"just one second half shot", inUnit("second"), "'second' before the half it ranks is an ordinal"},
		{"a 2C battery", inUnit("°C", "°F"), "a whole number with a joined C, nothing said of heat, is a name"},
		{"it sold 20 BP stations", inUnit("pp"), "BP in capitals is the oil company, not basis points"},
		{"a 2-point lead", inUnit("pp"), "a figure of points with no basis is no basis point"},
		{"he scored 25 second-half points", inUnit("pp"), "the half of a game is no fraction of a point"},
		{"in the fourth quarter point guard Ana Ruiz scored 12", inUnit("pp"), "a fraction spaced from 'point' with no percentage is a game's"},
		{"by the half point of the season", inUnit("pp"), "a half point with no percentage is a period's"},
		{"an old 2400 bps modem", inUnit("pp"), "thousands of bps are bits per second, not a rate's move"},
		{"they took half points from the draw", inUnit("pp"), "half points with no percentage are a game's"},
		{"his lone second-half point came late", inUnit("pp"), "a fraction joined to the word before it is a half of a game"},
		{"a 90-degree turn", inUnit("°C", "°F"), "a degree alone is an angle as often as a temperature"},
		{"it fell to grade 5C-plus", inUnit("°C", "°F"), "a letter joined to a figure and run on by a hyphen is a grade, not degrees"},
		{"they kept 40 C-class vans", inUnit("°C", "°F"), "a capital C not joined to the figure is no temperature"},
		{"the phone 5C sold well", inUnit("°C", "°F"), "a whole number with a letter joined is a model's name"},
		{"its latest 13F filing", inUnit("°C", "°F"), "a filing's form is no temperature"},
		{"seat 14F was empty", inUnit("°C", "°F"), "a seat is no temperature"},
		{"a 2.5 C grade", inUnit("°C", "°F"), "a capital C apart from the figure is a grade"},
		{"it rose 1.5C-plus", inUnit("°C", "°F"), "a letter run on by a hyphen is a grade"},
		{"he scored 25 second-half points", inUnit("second"), "'second-half' is the half of a game, not 25 seconds"},
		{"the 3 second-placed teams", inUnit("second"), "'second-placed' is a rank"},
		{"only 1 second-placed team went through", inUnit("second"), "'second-placed' is a rank even after a one"},
		{"the 14 SEC schools voted", inUnit("second"), "SEC in capitals is a name"},
		{"3 SECS staff quit", inUnit("second"), "SECS in capitals is a name"},
		{"call 2031-32-17", yearRange, "a run of more hyphenated figures is no season"},
		{"from 2031/35 on", yearRange, "a slash joins a year to the next one only: 2031/35 is no span"},
		{"in 2031-45 terms", yearRange, "fourteen years on is too far for two digits to be a year"},
		{"since 1995-01 it grew", yearRange, "two digits below the year's own are a month, not a run into the next century"},
	} {
		for _, q := range Parse(tt.s) {
			if tt.not(q) {
				t.Errorf("%s: %q read %q as %v", tt.reason, tt.s, q.Text, q)
			}
		}
	}
}

// TestLongerCodeIsNoStamp holds the machine date to a date that ends
// there: with more hyphenated digits it is a code, whose figures are read
// as they stand rather than skipped as a page's stamp.
func TestLongerCodeIsNoStamp(t *testing.T) {
	qs := Parse("ref 2031-04-09-7 filed")
	if len(qs) == 0 || !strings.HasPrefix(qs[0].Text, "2031") {
		t.Errorf("Parse(%q) = %v, want the code's figures read from 2031", "ref 2031-04-09-7 filed", qs)
	}
}

// TestThreeQuarterPointCuts holds a count before a fraction of a point
// apart from it: three cuts of a quarter point each.
func TestThreeQuarterPointCuts(t *testing.T) {
	var pp []Quantity
	for _, q := range Parse("the bank made three quarter-point cuts") {
		if q.Unit == "pp" {
			pp = append(pp, q)
		}
	}
	if len(pp) != 1 || pp[0].Value != 0.25 {
		t.Errorf("got %v, want one quarter of a point", pp)
	}
}

// TestBasisPointPrecision holds a range in basis points to the rounding
// of its least precise end, as the same range in percent.
func TestBasisPointPrecision(t *testing.T) {
	bp, pct := Parse("by 20.5 to 30 basis points"), Parse("by 20.5 to 30 percent")
	if len(bp) != 1 || len(pct) != 1 {
		t.Fatalf("got %v and %v, want one range each", bp, pct)
	}
	if got, want := bp[0].Precision, pct[0].Precision/100; math.Abs(got-want) > 1e-12 {
		t.Errorf("precision of %q = %g, want %g (a hundredth of %q's)", bp[0].Text, got, want, pct[0].Text)
	}
}
