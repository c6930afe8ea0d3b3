package judge

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker/quantity"
)

func one(t *testing.T, s string) quantity.Quantity {
	t.Helper()
	qs := quantity.Parse(s)
	if len(qs) != 1 {
		t.Fatalf("Parse(%q) = %v, want one quantity", s, qs)
	}
	return qs[0]
}

func TestCompatible(t *testing.T) {
	tol := DefaultTolerances()
	tests := []struct {
		a, b   string
		want   bool
		reason string
	}{
		{"$14.3 billion", "$15bn", false, "different exact figures"},
		{"$14.3 billion", "$14,300 million", true, "the same value in other words"},
		{"$14.3 billion", "US$14.3bn", true, "the same value with another currency mark"},
		{"$14–15 billion", "$14.3 billion", true, "a range holds the figure"},
		{"$14–15 billion", "$15bn", true, "a range holds its end"},
		{"$28bn", "over $29 billion", false, "a lower bound above the figure"},
		{"at least 212 people", "more than 200 people", true, "two lower bounds always overlap"},
		{"at least 212 people", "187 people", false, "a figure below a lower bound"},
		{"more than 300 homes", "420 homes", true, "a figure a little above a lower bound fits it"},
		{"at least 40 people", "310 people", false, "a figure several times a lower bound is another count, not a sharper one"},
		{"more than 1,500 people", "over 8,000 people", false, "lower bounds far apart: a count given at two moments"},
		{"profits doubled", "profits more than doubled", true, "a multiple in a verb is rounded as a whole number is, so it fits a bound at it"},
		{"sales doubled", "sales tripled", false, "two whole multiples still differ"},
		{"sales doubled", "sales rose 1.5 times", false, "a doubling is no one and a half times"},
		{"the price halved", "the price doubled", false, "a half and a double differ"},
		{"a 24-year-old", "a 25-year-old", false, "adjacent whole numbers only touch"},
		{"a 6-month-old", "a 6-year-old", false, "ages of one figure in two units are two ages"},
		{"14.58% of the vote", "14.59% of the vote", false, "adjacent hundredths only touch, though their half-units meet a float's last bit apart"},
		{"9.52% of the vote", "9.51% of the vote", false, "adjacent hundredths, either order"},
		{"0.3 points", "0.2 points", false, "adjacent tenths of a small figure"},
		{"14.585% of the vote", "14.58% of the vote", true, "a finer figure inside the coarser one's half-unit, however narrowly, fits it"},
		{"1,000,001 minutes", "694.4448 days", true, "a duration in minutes inside one in days by a sliver: the overlap is weighed in days"},
		{"a town 60 miles away", "a town 98 km away", true, "a distance in miles and in kilometres: one is the other converted and rounded"},
		{"a town 60 miles away", "a town 110 km away", false, "converted, 60 miles is about 97 km: 110 km is another distance"},
		{"a town 6.1 km away", "a town 6,300 metres away", false, "metres and kilometres are one system: nothing was rounded in conversion"},
		{"gusts of 100 mph", "gusts of 165 km/h", true, "a speed in mph and in km/h, rounded in conversion"},
		{"a crater 330 feet wide", "a crater 110 metres wide", false, "330 feet is about 101 metres: 9% apart is more than a conversion rounds"},
		{"about 350 staff", "340 staff", true, "about widens by 10%"},
		{"18,000 people", "18,400 people", true, "trailing zeros of a large count are rounding"},
		{"€85m", "€80m", false, "a figure with a scale word is not rounded to tens"},
		{"£87bn", "£87.2bn", true, "a whole figure is rounded to the unit"},
		{"$41.3bn", "$41.2bn", false, "money stated to a decimal: a tenth apart is a different figure"},
		{"$8.47", "$8.49", false, "a price to the cent: two cents apart"},
		{"£74m", "£74.6m", false, "a whole figure is rounded, not cut: £74.6m rounds to £75m"},
		{"$52.17bn", "$52.16bn", false, "money to the same last digit: neither is a rounding of the other"},
		{"£8,421m", "£8,422m", false, "whole millions one apart, both to the unit: two statements"},
		{"subscribed 3.27 times", "subscribed 3.28 times", false, "multiples to the same hundredth, one apart"},
		{"$30.4m", "$30,348,120", true, "a figure rounded twice, to $30.35m and then to $30.4m, still fits"},
		{"$30.4m", "$30,330,000", false, "no double rounding of $30.33m reaches $30.4m"},
		{"$61.4bn", "$61.465bn", false, "the finer figure rounds to $61.5bn: a tenth of a billion is a different figure"},
		{"$30.4m", "$30,345,001", true, "just inside what rounding twice reaches: $30.345m rounds to $30.35m, then to $30.4m"},
		{"$30.4m", "$30,344,999", false, "just outside it: $30.34m rounds to $30.3m"},
		{"$30.4m", "$30,452,000", false, "rounding twice reaches only the side nearer zero: $30.452m rounds to $30.45m, then to $30.5m"},
		{"down 0.4%", "down 0.348%", true, "a fall rounded twice, as a rise is"},
		{"a fall of -0.4%", "a fall of -0.348%", true, "a negative figure rounded twice reaches toward zero too"},
		{"a fall of -0.4%", "a fall of -0.452%", false, "and never away from it"},
		{"for 2 hours", "for 88 minutes", true, "rounding is weighed in one unit: 88 minutes is 1.47 hours, which rounds to 1.5 and then to 2"},
		{"on 26 March", "on 25 March", false, "different days"},
		{"in 2016", "in August 2016", true, "a year agrees with a date in it"},
		{"on 6 April", "in 2016", true, "a date with no year says nothing of the year"},
		{"a five-year contract", "a four-year contract", false, "durations a year apart"},
		{"for two years", "24 months", true, "durations in other units"},
		{"for three years", "for three months", false, "one figure in two units is two lengths: the unit is part of the value"},
		{"12,000 acres", "about 4,860 hectares", true, "areas in other units"},
		{"5 ft 10 in", "5 ft 11 in", false, "heights an inch apart: the measure tolerance (0.5%) is under an inch at human heights"},
		{"33 ft", "10 metres", true, "a conversion rounded to the foot agrees with the metres"},
		{"62 miles", "100 km", true, "a conversion rounded to the mile agrees with the kilometres"},
	}
	for _, tt := range tests {
		a, b := one(t, tt.a), one(t, tt.b)
		if quantity.Family(a) != quantity.Family(b) {
			t.Fatalf("%q and %q are of families %s and %s", tt.a, tt.b, quantity.Family(a), quantity.Family(b))
		}
		if got := tol.compatible(a, b); got != tt.want {
			t.Errorf("compatible(%q, %q) = %v, want %v (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
		if got := tol.compatible(b, a); got != tt.want {
			t.Errorf("compatible(%q, %q) = %v, want %v: not symmetric (%s)", tt.b, tt.a, got, tt.want, tt.reason)
		}
	}
}

func TestSlip(t *testing.T) {
	tests := []struct {
		a, b, want string
		reason     string
	}{
		{"$150 million", "$150 billion", "scale-word slip", "million for billion"},
		{"$2.5m", "$2.5bn", "scale-word slip", "the short scale words slip as the long ones do"},
		{"two homes", "about 2,000 homes", "", "a thousand times apart, but a word and a figure: no scale word slipped"},
		{"640 flights", "640,000 flights", "", "a thousand times apart, but the digits differ: three zeros are no word"},
		{"two million homes", "two billion homes", "scale-word slip", "a figure in words slips its scale word as digits do"},
		{"$2.40bn", "$2.4m", "scale-word slip", "a zero that ends the decimals is no digit of the mantissa"},
		{"$100.0m", "$100bn", "scale-word slip", "only the decimals lose their zeros, not the whole number"},
		{"$1.250bn", "$1.25m", "scale-word slip", "three decimals after a point are decimals"},
		{"five hundred homes", "half a million homes", "", "figures in words slip only with the same words"},
		{"85%", "58%", "transposed digits", "two digits swapped"},
		{"£3.2bn", "£2.3bn", "transposed digits", "digits swapped around a decimal point"},
		{"aged 28", "aged 29", "off by one", "an age one apart"},
		{"0.6%", "6%", "decimal slip", "a decimal point lost before the only digit"},
		{"€31.5 million", "€315 million", "decimal slip", "a decimal point lost inside the figure"},
		{"7,2 million", "72 million", "decimal slip", "a decimal comma read or written as nothing"},
		{"20 litres", "2 litres", "", "ten times apart, but the digits differ: not a moved point"},
		{"-0.3%", "3%", "", "a fall is no rise with its point lost: the signs differ"},
		{"$14.3 billion", "$15bn", "", "an ordinary disagreement has no name"},
		{"12 months", "21 days", "", "swapped digits in two units are two lengths, not a slip"},
		{"for 3 years", "for 4 months", "", "an off-by-one is in one unit"},
	}
	for _, tt := range tests {
		got := slip(one(t, tt.a), one(t, tt.b))
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("slip(%q, %q) = %q, want %q (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
	}
}

func TestSpans(t *testing.T) {
	tol := DefaultTolerances()
	tests := []struct {
		a, b           string
		widenA, widenB bool
		reason         string
	}{
		{"60 miles", "110 km", true, true, "two systems: each span carries half the conversion's slack, so the gap a finding reports is past it"},
		{"60 km", "110 km", false, false, "one system, one last digit: the spans are the figures' own"},
		{"$30.4m", "$30,348,120", true, false, "the coarser figure may be the finer one rounded twice: its span alone is widened"},
		{"$30,348,120", "$30.4m", false, true, "either order"},
		{"about $30m", "$30,348,120", false, false, "an approximate figure has its own slack already"},
	}
	for _, tt := range tests {
		a, b := one(t, tt.a), one(t, tt.b)
		alo, ahi, blo, bhi := tol.spans(a, b)
		xlo, xhi := tol.span(a)
		ylo, yhi := tol.span(b)
		widened := func(lo, hi, ownLo, ownHi float64) bool { return lo < ownLo || hi > ownHi }
		same := func(lo, hi, ownLo, ownHi float64) bool { return lo == ownLo && hi == ownHi }
		gotA, gotB := widened(alo, ahi, xlo, xhi), widened(blo, bhi, ylo, yhi)
		if gotA != tt.widenA || gotB != tt.widenB || !gotA && !same(alo, ahi, xlo, xhi) || !gotB && !same(blo, bhi, ylo, yhi) {
			t.Errorf("spans(%q, %q) = [%g, %g] [%g, %g], own spans [%g, %g] [%g, %g]; want widened %v, %v (%s)", tt.a, tt.b, alo, ahi, blo, bhi, xlo, xhi, ylo, yhi, tt.widenA, tt.widenB, tt.reason)
		}
	}
}
