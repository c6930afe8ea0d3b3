// Package quantity finds the quantities stated in English news prose and
// normalizes them: money with its currency, percentages, counts, ages,
// years, dates, durations, multipliers and measures.
//
// Every quantity is an interval [Low, High] with a Bound that says how the
// text qualified it ("over $29 billion" is at least 29e9, "$14–15 billion"
// is a range, "nearly $2tn" is about 2e12). Amounts are in base units:
// dollars, not billions of dollars; metres, not kilometres.
//
// Numbers that are names ("Llama 4", "GPT-4o", "number 8 shirt") are not
// quantities and are not returned.
//
// The parser is hand-written: no Go library reads money phrases such as
// "$15bn" or "US$14.3bn", and a single pass over tokens is fast enough to
// scan an archive.
package quantity
