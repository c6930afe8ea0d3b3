package quantity

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/checker/text"
)

// The word tables of the grammar. Keys are lower case.

var smallNumbers = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensNumbers = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// pronounNext are words after which "one" is a pronoun: "which one do
// you", "one of the", "that one is".
var pronounNext = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "do": true, "does": true, "did": true,
	"you": true, "i": true, "we": true, "they": true, "he": true, "she": true, "it": true,
	"of": true, "that": true, "who": true, "which": true, "has": true, "have": true, "had": true,
	"can": true, "will": true, "would": true, "could": true, "should": true, "may": true, "might": true,
}

// fractionWords are the denominators of fractions in words.
var fractionWords = map[string]float64{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
	"eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

// bigScales are the scale words a spelled-out number composes with:
// "three crore twelve lakh fifty-six thousand".
var bigScales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
}

// scaleWords multiply the figure before them and can stand after a space.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"millions": 1e6, "billions": 1e9, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
	"lac": 1e5, "lacs": 1e5, "lkh": 1e5, "lkhs": 1e5, "cr": 1e7,
	"mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
	"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12,
}

// scaleAbbrevs multiply only when written against the figure ("$15B",
// "50k", "$2.5m"), or after a space in money ("$15 bn").
var scaleAbbrevs = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
	"t": 1e12, "tn": 1e12, "trn": 1e12, "mm": 1e6,
}

// currencyWords name a currency after the figure: "85 million euros".
// A code ending in _CENT is a hundredth of that currency.
var currencyWords = map[string]string{
	"dollar": "$", "dollars": "$", "euro": "EUR", "euros": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "quid": "GBP", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rupee": "INR", "rupees": "INR",
	"franc": "CHF", "francs": "CHF", "cent": "$_CENT", "cents": "$_CENT",
	"pence": "GBP_CENT", "penny": "GBP_CENT", "p": "GBP_CENT",
	"bitcoin": "BTC", "bitcoins": "BTC", "lira": "TRY", "liras": "TRY", "lire": "TRY",
	"shekel": "ILS", "shekels": "ILS", "riyal": "SAR", "riyals": "SAR", "rial": "IRR", "rials": "IRR",
	"dinar": "KWD", "dinars": "KWD", "ringgit": "MYR", "ringgits": "MYR", "tugrik": "MNT", "tugriks": "MNT",
	"peso": "MXN", "pesos": "MXN", "rand": "ZAR", "reais": "BRL", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "guilder": "NLG", "guilders": "NLG", "markka": "FIM", "markkaa": "FIM",
	"peseta": "ESP", "pesetas": "ESP", "kip": "LAK", "lari": "GEL", "baht": "THB", "naira": "NGN",
	"krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "zloty": "PLN", "zlotys": "PLN",
	"forint": "HUF", "forints": "HUF", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnias'": "UAH",
	"satoshi": "BTC_SATOSHI", "satoshis": "BTC_SATOSHI", "sen": "MYR_CENT", "sens": "MYR_CENT",
	"bucks": "$", "buck": "$", "ரூ": "LKR",
}

// currencyAdjectives name whose currency a following currency word is:
// "australian dollars", "swiss francs", "hong kong dollars".
var currencyAdjectives = map[string]map[string]string{
	"us":            {"dollar": "USD"},
	"american":      {"dollar": "USD"},
	"australian":    {"dollar": "AUD"},
	"canadian":      {"dollar": "CAD"},
	"hong kong":     {"dollar": "HKD"},
	"new zealand":   {"dollar": "NZD"},
	"singapore":     {"dollar": "SGD"},
	"taiwan":        {"dollar": "TWD"},
	"jamaican":      {"dollar": "JMD"},
	"mexican":       {"peso": "MXN"},
	"argentine":     {"peso": "ARS"},
	"philippine":    {"peso": "PHP"},
	"swiss":         {"franc": "CHF"},
	"chinese":       {"yuan": "CNY"},
	"japanese":      {"yen": "JPY"},
	"turkish":       {"lira": "TRY"},
	"dutch":         {"guilder": "NLG"},
	"finnish":       {"markka": "FIM"},
	"egyptian":      {"pound": "EGP"},
	"lebanese":      {"pound": "LBP"},
	"british":       {"pound": "GBP"},
	"kuwaiti":       {"dinar": "KWD"},
	"qatari":        {"riyal": "QAR"},
	"saudi":         {"riyal": "SAR"},
	"iranian":       {"rial": "IRR"},
	"omani":         {"rial": "OMR"},
	"malaysian":     {"ringgit": "MYR"},
	"malaysia":      {"ringgit": "MYR"},
	"indian":        {"rupee": "INR"},
	"sri lankan":    {"rupee": "LKR"},
	"pakistani":     {"rupee": "PKR"},
	"south african": {"rand": "ZAR"},
	"brazilian":     {"real": "BRL"},
	"russian":       {"ruble": "RUB", "rouble": "RUB"},
	"swedish":       {"krona": "SEK"},
	"norwegian":     {"krone": "NOK"},
	"danish":        {"krone": "DKK"},
	"polish":        {"zloty": "PLN"},
}

// twoWordAdjectives are the first words of the two-word keys of
// currencyAdjectives.
var twoWordAdjectives = map[string]bool{"hong": true, "new": true, "sri": true, "south": true}

// singular turns a plural currency word into the form currencyAdjectives
// use.
var singular = map[string]string{
	"dollars": "dollar", "pesos": "peso", "francs": "franc", "pounds": "pound",
	"guilders": "guilder", "dinars": "dinar", "riyals": "riyal", "rials": "rial",
	"ringgits": "ringgit", "rupees": "rupee", "reais": "real", "rubles": "ruble",
	"roubles": "rouble", "kronor": "krona", "kroner": "krone", "zlotys": "zloty",
	"liras": "lira", "lire": "lira", "markkaa": "markka",
}

// prefixCurrencyWords may stand before the figure: "ringgit 42". English
// words ("dollar", "pound") may not: "the pound 2 percent lower".
var prefixCurrencyWords = map[string]bool{"ringgit": true, "ringgits": true, "rupees": true, "yuan": true, "rmb": true}

// coinWords are coins counted: "ten dimes" is a dollar.
var coinWords = map[string]float64{"pennies": 0.01, "nickels": 0.05, "dimes": 0.1}

// currencyCodes are the lower-case ISO codes read in lower case too
// ("10 rmb 20 usd"); other codes count only in capitals ("42 KWD"),
// checked against ISO 4217 (isoCode).
var currencyCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "jpy": true, "chf": true, "cny": true,
	"inr": true, "aud": true, "cad": true, "hkd": true, "nzd": true, "rmb": true,
}

// notCurrencyCodes are ISO codes that are also common words or acronyms in
// capitals: "ALL", "TOP", "PHP 8".
var notCurrencyCodes = map[string]bool{
	"ALL": true, "TOP": true, "CUP": true, "MAD": true, "BOB": true, "PHP": true,
	"SOS": true, "TRY": true, "GEL": true, "MOP": true, "XXX": true, "XTS": true,
	"AMD": true, "CVE": true, "BAM": true, "LSL": true, "NIO": true, "PEN": true,
}

// pointedPrefixes are the written currency prefixes that may take an
// abbreviation's point before their figure: "Rs. 500", "Ksh. 40".
var pointedPrefixes = map[string]bool{"RS": true, "KSH": true, "KSHS": true}

// extraCodes are currency codes outside ISO 4217.
var extraCodes = map[string]string{"BTC": "BTC", "XBT": "BTC", "RMB": "CNY", "RM": "MYR", "RS": "INR", "LE": "EGP", "MNT": "MNT", "KSH": "KES", "KSHS": "KES"}

// dollarPrefixes are the letters written against "$" to name a dollar.
var dollarPrefixes = map[string]string{
	"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD",
	"NZ": "NZD", "S": "SGD", "R": "BRL", "MEX": "MXN", "NT": "TWD", "J": "JMD", "TT": "TTD",
}

var currencySigns = map[string]string{
	"$": "$", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
	"¢": "$_CENT", "₡": "CRC", "₾": "GEL", "₭": "LAK", "元": "CNY", "₿": "BTC", "₱": "PHP",
	"₦": "NGN", "₺": "TRY", "₴": "UAH", "₪": "ILS", "฿": "THB", "₫": "VND", "ரூ": "LKR",
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
	"ft": {"m", footM}, "feet": {"m", footM}, "foot": {"m", footM},
	"inch": {"m", inchM}, "inches": {"m", inchM},
	"acre": {"m2", 4046.8564224}, "acres": {"m2", 4046.8564224},
	"hectare": {"m2", 1e4}, "hectares": {"m2", 1e4}, "ha": {"m2", 1e4},
	"km2": {"m2", 1e6}, "km²": {"m2", 1e6},
	"kg": {"kg", 1}, "kgs": {"kg", 1}, "kilogram": {"kg", 1}, "kilograms": {"kg", 1}, "kilos": {"kg", 1},
	"tonne": {"kg", 1000}, "tonnes": {"kg", 1000}, "ton": {"kg", 907.18474}, "tons": {"kg", 907.18474},
	"lb": {"kg", 0.45359237}, "lbs": {"kg", 0.45359237},
	"mph": {"km/h", 1.609344}, "kph": {"km/h", 1}, "km/h": {"km/h", 1}, "kmph": {"km/h", 1},
	"knots": {"km/h", 1.852}, "knot": {"km/h", 1.852},
	"magnitude": {"magnitude", 1},
	"mw":        {"W", 1e6}, "gw": {"W", 1e9}, "kw": {"W", 1e3}, "megawatts": {"W", 1e6}, "gigawatts": {"W", 1e9},
	"litres": {"l", 1}, "liters": {"l", 1}, "barrels": {"barrel", 1},
}

// ranked are the words an ordinal "second" ranks: "1 second half goal",
// "one second place".
var ranked = map[string]bool{
	"half": true, "place": true, "placed": true, "round": true, "leg": true, "tier": true, "quarter": true,
	"period": true, "set": true, "innings": true, "team": true, "string": true, "stage": true, "term": true,
	"row": true, "seed": true, "division": true, "line": true, "largest": true, "biggest": true,
}

// rateMoves are the nouns of a rate's move that may follow a fraction of
// a point spaced from "point": "a quarter point cut".
var rateMoves = map[string]bool{
	"cut": true, "cuts": true, "hike": true, "hikes": true, "rise": true, "rises": true, "increase": true,
	"increases": true, "reduction": true, "reductions": true, "drop": true, "fall": true, "move": true,
}

// warmthWords are the words of a sentence about heat or cold, in which a
// whole number with a capital C or F joined to it is a temperature.
var warmthWords = map[string]bool{
	"temperature": true, "temperatures": true, "heat": true, "heatwave": true, "warm": true, "warmer": true,
	"warmest": true, "warming": true, "hot": true, "hotter": true, "hottest": true, "cold": true, "colder": true,
	"coldest": true, "cool": true, "cooler": true, "freezing": true, "frost": true, "highs": true, "lows": true,
	"thermometer": true, "thermometers": true, "mercury": true, "degrees": true, "celsius": true, "fahrenheit": true,
}

// timeUnits turn a figure into a duration (or an age with "old").
var timeUnits = map[string]string{
	"year": "year", "years": "year", "yr": "year", "yrs": "year",
	"month": "month", "months": "month", "week": "week", "weeks": "week",
	"day": "day", "days": "day", "hour": "hour", "hours": "hour",
	"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute",
	"minute": "minute", "minutes": "minute", "decade": "decade", "decades": "decade",
	"season": "season", "seasons": "season",
	"second": "second", "seconds": "second", "sec": "second", "secs": "second",
}

// timeOfDay are the words after a clock that make it a time of day, not
// an elapsed time: "1:47:44 a.m.", "06:47:10 GMT", and any of timeZones.
// Lower case, without a final full stop.
var timeOfDay = map[string]bool{
	"am": true, "a.m": true, "pm": true, "p.m": true, "local": true, "hrs": true,
}

// wireZones are the zones a wire gives the hour abroad in: four digits
// before them are a time of day even where they could be a year ("2000
// GMT"); before another zone such digits stay a year.
var wireZones = map[string]bool{"gmt": true, "utc": true}

// timeZones are the time zones a time of day is given in: "06:47:10 GMT",
// "(0105 GMT)". Lower case.
var timeZones = map[string]bool{
	"gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "et": true, "est": true, "edt": true,
	"ct": true, "cst": true, "cdt": true, "mt": true, "mst": true, "pt": true, "pst": true, "pdt": true,
	"ist": true, "jst": true, "aest": true, "aedt": true, "sast": true, "eat": true, "wat": true,
}

// clockPreps before a clock make it a time of day: "at 7:30:00", "by
// 23:59:59", "from 07:00:00 until 22:00:00".
var clockPreps = map[string]bool{
	"at": true, "by": true, "from": true, "until": true, "till": true, "to": true,
	"before": true, "after": true, "since": true, "around": true, "about": true,
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// vulgarFractions are the fraction signs a whole number may carry,
// "7½", as numerator and denominator.
var vulgarFractions = map[string][2]int{
	"½": {1, 2}, "⅓": {1, 3}, "⅔": {2, 3}, "¼": {1, 4}, "¾": {3, 4},
	"⅕": {1, 5}, "⅖": {2, 5}, "⅗": {3, 5}, "⅘": {4, 5}, "⅙": {1, 6}, "⅚": {5, 6},
	"⅛": {1, 8}, "⅜": {3, 8}, "⅝": {5, 8}, "⅞": {7, 8},
}

// countBounds are the last words of bounds a year never takes: "at
// least", "more than", "fewer than", "as many as", "nearly", "almost".
// ("Over 2022" and "up to 2030" compare with or run to a year.)
var countBounds = map[string]bool{"least": true, "than": true, "many": true, "nearly": true, "almost": true}

// tallyVerbs give a level, so the figure right after them is one, never a
// year: "has reached 1875", "the toll nears 1640". The levelVerbs ("stood",
// "put") give one only through "at": "put 2023 behind us".
var tallyVerbs = map[string]bool{
	"reached": true, "reaches": true, "nears": true, "neared": true,
	"totalled": true, "totaled": true, "totals": true,
}

// weekdays name the days of the week, which are no name (Parser.named):
// "on Saturday (6)" gives the date in brackets, not an age.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// fractionDenominators are those of the fractions a whole number takes
// after a space: "3 1/2", "2 3/8"; not "Game 7 6/15".
var fractionDenominators = map[int]bool{2: true, 3: true, 4: true, 8: true, 16: true}

// timePrepositions open only times, so a bound after them may take a
// year: "until at least 2030", "since at least 1850" (but "rose to at
// least 1500" and "in more than 1500 homes" are counts).
var timePrepositions = map[string]bool{
	"until": true, "till": true, "through": true, "before": true, "after": true, "since": true, "beyond": true,
}

// yearBases are nouns a year qualifies as a baseline: "lower than 1990
// levels", "more than 2008 prices".
var yearBases = map[string]bool{"levels": true, "level": true, "prices": true, "figures": true, "terms": true, "values": true, "average": true, "averages": true}

// amountComparatives make "than" a bound of amount: "more than 1500",
// "fewer than 1200"; other comparatives set a figure against a year
// ("lower than 2019").
var amountComparatives = map[string]bool{"more": true, "fewer": true, "less": true}

// changeVerbs say a figure moved, so "to" or "from" a bound after them
// gives an amount: "rose to at least 1500", "fell from more than 1200".
var changeVerbs = map[string]bool{
	"rose": true, "risen": true, "rise": true, "rises": true, "climbed": true, "climbs": true,
	"jumped": true, "increased": true, "grew": true, "grown": true, "soared": true, "surged": true,
	"fell": true, "fallen": true, "falls": true, "dropped": true, "declined": true, "slipped": true,
	"cut": true, "raised": true, "lowered": true, "revised": true,
}

// smallMoves are the verbs of a small change that make "up to" after them
// the level a figure reached, not a cap: "inflation edged up to 3%".
var smallMoves = map[string]bool{"edged": true, "inched": true, "ticked": true, "crept": true}

// changeParticiples make "up to" after them a level reached when an
// auxiliary stands before them with no modal before it: "the toll has gone
// up to 173", "growth was revised up to 1.5%"; but "shares jumped up to
// 20% in early trade", "sales have increased up to 40% at some stores"
// and "could have gone up to 500" leave a cap, as "fines of up to $1m"
// do (jumped and increased are no such participles: after them "up to"
// is as much as).
var changeParticiples = map[string]bool{
	"gone": true, "risen": true, "climbed": true, "grown": true, "revised": true,
}

// levelAdverbs may stand between an auxiliary and its participle, or a
// modal and its auxiliary: "has now gone", "could well have gone".
var levelAdverbs = map[string]bool{
	"now": true, "already": true, "since": true, "just": true, "also": true, "well": true, "still": true, "further": true, "sharply": true,
}

// UpToLevelVerbs returns, sorted, the verbs that may make "up to" after
// them the level a figure reached (Parser.reachedLevel): the claim
// reader must tie them to their subject through "up to" as well.
func UpToLevelVerbs() []string {
	var out []string
	for _, m := range []map[string]bool{smallMoves, changeParticiples} {
		for w := range m {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// auxiliaries stand before a participle: the copulas, "has", "have" and
// "had", and their short forms ("has gone", "had been revised", "they've
// gone").
var auxiliaries = func() map[string]bool {
	m := map[string]bool{"has": true, "have": true, "had": true, "'s": true, "'ve": true, "'d": true, "’s": true, "’ve": true, "’d": true}
	for w := range copulas {
		m[w] = true
	}
	return m
}()

// negations deny the verb they stand before: "has not gone up to 600".
var negations = map[string]bool{"not": true, "never": true, "n't": true, "n’t": true}

// modals make what follows a possibility: "could have gone up to 500".
var modals = map[string]bool{"could": true, "would": true, "might": true, "may": true, "should": true, "will": true, "can": true, "must": true}

// placePrepositions open a run of places: "deaths in West Vale (12), …".
var placePrepositions = map[string]bool{"in": true, "across": true, "throughout": true}

// tallyNouns name a tally, so "at" after them gives its level: "the death
// toll at 1450".
var tallyNouns = map[string]bool{"toll": true, "tally": true, "count": true, "total": true, "number": true, "figure": true}

// copulas link a subject to what it is: "aged 18, 19 and 21 were"; as a
// verb before "at" they give no level ("was aimed at 2030").
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true}

// levelVerbs say where a figure stands, or where someone put it, so "at"
// after them gives a level, not an age: "the toll stood at 271, officials
// said", "the toll was estimated at 271,".
var levelVerbs = map[string]bool{
	"put": true, "estimated": true, "estimate": true, "set": true, "pegged": true, "placed": true,
	"stand": true, "stands": true, "stood": true, "standing": true,
	"remain": true, "remains": true, "remained": true, "remaining": true,
	"stay": true, "stays": true, "stayed": true, "staying": true,
	"hover": true, "hovers": true, "hovered": true, "hovering": true,
	"sit": true, "sits": true, "sat": true, "sitting": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"held": true, "holds": true, "hold": true, "steady": true, "unchanged": true,
}

// adverbsBeforeAt are the adverbs that may stand between a verb of level
// and its "at" ("is now at 271"), besides words in -ly.
var adverbsBeforeAt = map[string]bool{"now": true, "still": true, "currently": true}

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
	{[]string{"less", "than", "or", "equal", "to"}, AtMost},
	{[]string{"fewer", "than", "or", "equal", "to"}, AtMost},
	{[]string{"more", "than", "or", "equal", "to"}, AtLeast},
	{[]string{"greater", "than", "or", "equal", "to"}, AtLeast},
	{[]string{"equal", "to", "or", "less", "than"}, AtMost},
	{[]string{"equal", "to", "or", "more", "than"}, AtLeast},
	{[]string{"equal", "to", "or", "greater", "than"}, AtLeast},
	{[]string{"at", "least", "or", "equal", "to"}, AtLeast},
	{[]string{"at", "most", "or", "equal", "to"}, AtMost},
	{[]string{"less", "or", "equal", "than"}, AtMost},
	{[]string{"smaller", "or", "equal", "than"}, AtMost},
	{[]string{"lower", "or", "equal", "than"}, AtMost},
	{[]string{"bigger", "or", "equal", "than"}, AtLeast},
	{[]string{"higher", "or", "equal", "than"}, AtLeast},
	{[]string{"larger", "or", "equal", "than"}, AtLeast},
	{[]string{"greater", "or", "equal", "than"}, AtLeast},
	{[]string{"larger", "than"}, AtLeast},
	{[]string{"bigger", "than"}, AtLeast},
	{[]string{"smaller", "than"}, AtMost},
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
	{[]string{"topping"}, AtLeast},
	{[]string{"surpassing"}, AtLeast},
	{[]string{"exceeds"}, AtLeast},
	{[]string{"exceeded"}, AtLeast},
	{[]string{"surpasses"}, AtLeast},
	{[]string{"surpassed"}, AtLeast},
	{[]string{"above"}, AtLeast},
	{[]string{"exceeding"}, AtLeast},
	{[]string{"exceed"}, AtLeast},
	{[]string{"surpass"}, AtLeast},
	{[]string{"under"}, AtMost},
	{[]string{"below"}, AtMost},
}

// startWords are the words a quantity may begin with, in lower case, in
// title case and in capitals, so that canStart needs no lower-casing.
var startWords = func() map[string]bool {
	m := map[string]bool{}
	add := func(w string) {
		m[w] = true
		m[strings.ToUpper(w)] = true
		if w != "" {
			m[strings.ToUpper(w[:1])+w[1:]] = true
		}
	}
	for _, w := range []string{"a", "an", "minus", "negative", "half", "quarter", "hundred", "u"} {
		add(w)
	}
	for _, set := range []map[string]float64{smallNumbers, tensNumbers, multiplierVerbs} {
		for w := range set {
			add(w)
		}
	}
	for w := range months {
		add(w)
	}
	for w := range currencyAdjectives {
		add(w)
	}
	for _, set := range []map[string]bool{twoWordAdjectives, prefixCurrencyWords, currencyCodes} {
		for w := range set {
			add(w)
		}
	}
	return m
}()

// numberWords are the words wordNumberAt reads a figure from: number
// words and the words that join them.
var numberWords = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]float64{smallNumbers, tensNumbers, bigScales} {
		for w := range set {
			m[w] = true
		}
	}
	for _, w := range []string{"zero", "nought", "naught", "half", "quarter", "quarters", "hundred", "dozen", "dozens", "a", "an", "and"} {
		m[w] = true
	}
	return m
}()

// shapesOf returns the shapes of the keys of maps.
func shapesOf[V any](maps ...map[string]V) *text.Shapes {
	var t text.Shapes
	for _, m := range maps {
		for w := range m {
			t.Add(w)
		}
	}
	return &t
}

// lookup is m[w], asked only when w has the shape of one of m's words.
func lookup[V any](shapes *text.Shapes, m map[string]V, w string) (V, bool) {
	if !shapes.MayHave(w) {
		var zero V
		return zero, false
	}
	v, ok := m[w]
	return v, ok
}

// currencySign is currencySigns[s]: "$" is the only sign of one byte.
func currencySign(s string) (string, bool) {
	if len(s) < 2 && s != "$" {
		return "", false
	}
	c, ok := currencySigns[s]
	return c, ok
}

var (
	codeShapes       = shapesOf(currencyCodes)
	coinShapes       = shapesOf(coinWords)
	multiplierShapes = shapesOf(multiplierVerbs)
	monthShapes      = shapesOf(months)
	timeShapes       = shapesOf(timeUnits)
	measureShapes    = shapesOf(measureUnits)
)

var (
	startShapes  = shapesOf(startWords)
	numberShapes = shapesOf(numberWords)
	scaleShapes  = shapesOf(scaleWords, scaleAbbrevs)
	// currencyNameShapes cover every word currencyNameAt reads a
	// currency name from: its first word.
	currencyNameShapes = func() *text.Shapes {
		first := map[string]bool{}
		for adj := range currencyAdjectives {
			w, _, _ := strings.Cut(adj, " ")
			first[w] = true
		}
		t := shapesOf(first, twoWordAdjectives)
		for w := range currencyWords {
			t.Add(w)
		}
		return t
	}()
)

// StartWord reports whether a quantity may begin with word w, as written:
// "a" ("a million"), "twenty", "March", "USD". A caller that meets the
// same words over and over may remember the answer and pass it to
// ParseWords.
func StartWord(w string) bool { return isStartWord(w) }

// isStartWord reports whether w is one of startWords.
func isStartWord(w string) bool {
	return startShapes.MayHave(w) && startWords[w]
}

// modifiersByLast indexes modifiers by their last word, longest first, so
// that a figure's modifier is found with one lookup.
var modifiersByLast = func() map[string][]modifier {
	m := map[string][]modifier{}
	for _, mod := range modifiers {
		last := mod.words[len(mod.words)-1]
		m[last] = append(m[last], mod)
	}
	return m
}()

// irregularParticiples are past participles without "-ed" that a year
// may be joined to: "2019-built", "1998-born".
var irregularParticiples = map[string]bool{
	"built": true, "made": true, "born": true, "grown": true, "held": true, "won": true, "written": true, "drawn": true, "set": true,
}
