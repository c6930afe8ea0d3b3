package quantity

// The word tables of the grammar. Keys are lower case.

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensNumbers = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// scaleWords multiply the figure before them and can stand after a space.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"millions": 1e6, "billions": 1e9, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
}

// scaleAbbrevs multiply only when written against the figure ("$15B",
// "50k", "$2.5m"), or after a space in money ("$15 bn").
var scaleAbbrevs = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
	"t": 1e12, "tn": 1e12, "trn": 1e12, "mm": 1e6,
}

// currencyWords name a currency after the figure: "85 million euros".
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
	"franc": "CHF", "francs": "CHF", "cent": "USD_CENT", "cents": "USD_CENT",
	"pence": "GBP_PENNY", "penny": "GBP_PENNY", "p": "GBP_PENNY",
}

// currencyCodes are ISO codes written before or after a figure.
var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CHF": true, "CNY": true,
	"INR": true, "AUD": true, "CAD": true, "HKD": true, "NZD": true, "SGD": true,
	"SEK": true, "NOK": true, "DKK": true, "KRW": true, "BRL": true, "ZAR": true,
	"RMB": true, "MXN": true, "RUB": true,
}

// dollarPrefixes are the letters written against "$" to name a dollar.
var dollarPrefixes = map[string]string{
	"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD",
	"NZ": "NZD", "S": "SGD", "R": "BRL",
}

var currencySigns = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
}

type unit struct {
	base   string
	factor float64
}

// measureUnits map a unit word to its base unit.
var measureUnits = map[string]unit{
	"km": {"m", 1000}, "kms": {"m", 1000}, "kilometre": {"m", 1000}, "kilometres": {"m", 1000},
	"kilometer": {"m", 1000}, "kilometers": {"m", 1000},
	"mile": {"m", 1609.344}, "miles": {"m", 1609.344}, "mi": {"m", 1609.344},
	"metre": {"m", 1}, "metres": {"m", 1}, "meter": {"m", 1}, "meters": {"m", 1},
	"cm": {"m", 0.01}, "centimetres": {"m", 0.01}, "centimeters": {"m", 0.01},
	"ft": {"m", 0.3048}, "feet": {"m", 0.3048}, "foot": {"m", 0.3048},
	"acre": {"m2", 4046.8564224}, "acres": {"m2", 4046.8564224},
	"hectare": {"m2", 1e4}, "hectares": {"m2", 1e4}, "ha": {"m2", 1e4},
	"km2": {"m2", 1e6}, "km²": {"m2", 1e6},
	"kg": {"kg", 1}, "kgs": {"kg", 1}, "kilogram": {"kg", 1}, "kilograms": {"kg", 1}, "kilos": {"kg", 1},
	"tonne": {"kg", 1000}, "tonnes": {"kg", 1000}, "ton": {"kg", 907.18474}, "tons": {"kg", 907.18474},
	"lb": {"kg", 0.45359237}, "lbs": {"kg", 0.45359237},
	"mph": {"km/h", 1.609344}, "kph": {"km/h", 1}, "km/h": {"km/h", 1},
	"magnitude": {"magnitude", 1},
	"mw":        {"W", 1e6}, "gw": {"W", 1e9}, "kw": {"W", 1e3}, "megawatts": {"W", 1e6}, "gigawatts": {"W", 1e9},
	"litres": {"l", 1}, "liters": {"l", 1}, "barrels": {"barrel", 1},
}

// timeUnits turn a figure into a duration (or an age with "old").
var timeUnits = map[string]string{
	"year": "year", "years": "year", "yr": "year", "yrs": "year",
	"month": "month", "months": "month", "week": "week", "weeks": "week",
	"day": "day", "days": "day", "hour": "hour", "hours": "hour",
	"minute": "minute", "minutes": "minute", "decade": "decade", "decades": "decade",
	"season": "season", "seasons": "season",
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var multiplierVerbs = map[string]float64{
	"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3,
	"quadrupled": 4, "halved": 0.5, "halving": 0.5,
}

// identifierNouns before a figure make it a label, not a quantity:
// "number 8 shirt", "flight 370", "page 3".
var identifierNouns = map[string]bool{
	"number": true, "no": true, "nos": true, "flight": true, "route": true, "page": true,
	"room": true, "chapter": true, "section": true, "article": true, "clause": true,
	"platform": true, "gate": true, "seat": true, "bus": true, "channel": true,
	"version": true, "v": true, "model": true, "rule": true, "exhibit": true,
	"paragraph": true, "item": true, "step": true, "phase": true, "level": true,
	"tier": true, "division": true, "stage": true, "episode": true, "season": true,
	"series": true, "figure": true, "table": true, "lot": true, "unit": true,
	"building": true, "floor": true, "highway": true, "interstate": true,
	"district": true, "ward": true, "pier": true, "terminal": true, "track": true,
}

type modifier struct {
	words []string
	bound Bound
}

// modifiers stand before a figure and qualify it. Longer phrases first.
var modifiers = []modifier{
	{[]string{"in", "the", "region", "of"}, About},
	{[]string{"as", "much", "as"}, AtMost},
	{[]string{"as", "many", "as"}, AtMost},
	{[]string{"as", "high", "as"}, AtMost},
	{[]string{"as", "little", "as"}, AtLeast},
	{[]string{"as", "few", "as"}, AtLeast},
	{[]string{"no", "more", "than"}, AtMost},
	{[]string{"no", "fewer", "than"}, AtLeast},
	{[]string{"no", "less", "than"}, AtLeast},
	{[]string{"a", "maximum", "of"}, AtMost},
	{[]string{"a", "minimum", "of"}, AtLeast},
	{[]string{"in", "excess", "of"}, AtLeast},
	{[]string{"just", "over"}, AtLeast},
	{[]string{"just", "under"}, AtMost},
	{[]string{"well", "over"}, AtLeast},
	{[]string{"well", "above"}, AtLeast},
	{[]string{"slightly", "more", "than"}, AtLeast},
	{[]string{"more", "than"}, AtLeast},
	{[]string{"greater", "than"}, AtLeast},
	{[]string{"higher", "than"}, AtLeast},
	{[]string{"less", "than"}, AtMost},
	{[]string{"fewer", "than"}, AtMost},
	{[]string{"lower", "than"}, AtMost},
	{[]string{"at", "least"}, AtLeast},
	{[]string{"at", "most"}, AtMost},
	{[]string{"up", "to"}, AtMost},
	{[]string{"upwards", "of"}, AtLeast},
	{[]string{"upward", "of"}, AtLeast},
	{[]string{"north", "of"}, AtLeast},
	{[]string{"close", "to"}, About},
	{[]string{"an", "estimated"}, About},
	{[]string{"estimated"}, About},
	{[]string{"about"}, About},
	{[]string{"around"}, About},
	{[]string{"roughly"}, About},
	{[]string{"nearly"}, About},
	{[]string{"almost"}, About},
	{[]string{"approximately"}, About},
	{[]string{"approx"}, About},
	{[]string{"circa"}, About},
	{[]string{"some"}, About},
	{[]string{"over"}, AtLeast},
	{[]string{"passes"}, AtLeast},
	{[]string{"passed"}, AtLeast},
	{[]string{"tops"}, AtLeast},
	{[]string{"topped"}, AtLeast},
	{[]string{"exceeds"}, AtLeast},
	{[]string{"exceeded"}, AtLeast},
	{[]string{"surpasses"}, AtLeast},
	{[]string{"surpassed"}, AtLeast},
	{[]string{"above"}, AtLeast},
	{[]string{"exceeding"}, AtLeast},
	{[]string{"under"}, AtMost},
	{[]string{"below"}, AtMost},
}
