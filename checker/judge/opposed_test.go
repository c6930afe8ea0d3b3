package judge

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func TestOpposedMatchesAllPairs(t *testing.T) {
	tol := DefaultTolerances()
	tests := []struct {
		figures []string
		swept   bool // some trials take the sweep, not every pair
		reason  string
	}{
		{[]string{"$14.3 billion", "$15bn", "$14–15 billion", "over $29 billion", "about $14bn", "$28bn", "$14,300 million", "under $10bn", "$9.5bn"}, true, "money: exact, ranges, bounds and approximations"},
		{[]string{"212 people", "at least 212 people", "more than 200 people", "187 people", "about 190 people", "18,000 people", "18,400 people", "fewer than 150 people", "340 people"}, true, "counts"},
		{[]string{"49%", "50%", "about 49%", "more than 40%", "12.5%", "12%", "under 10%"}, true, "percentages"},
		{[]string{"a five-year contract", "a four-year contract", "for two years", "24 months", "for 18 months", "about 3 years"}, true, "durations in other units"},
		{[]string{"on 26 March", "on 25 March", "in 2016", "in August 2016", "on 6 April", "in 2017"}, false, "dates, compared pair by pair"},
		{[]string{"60 miles", "98 km", "110 km", "about 100 km", "more than 70 miles", "62 miles"}, true, "distances in two systems widen each other (compared pair by pair), in one system swept"},
		{[]string{"$30.4m", "$30,348,120", "$30.3m", "$31m", "about $30m", "$30,452,000"}, true, "exact figures written to different last digits go pair by pair (the coarser may be the finer rounded twice); to one last digit, swept"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range tests {
		swept := 0
		for trial := range 300 {
			var sides []*side
			for _, f := range tt.figures {
				if r.IntN(3) == 0 {
					continue
				}
				g := &side{q: one(t, f)}
				for s := range 1 + r.IntN(4) {
					g.sources = append(g.sources, fmt.Sprint("s", s))
				}
				sides = append(sides, g)
			}
			r.Shuffle(len(sides), func(i, j int) { sides[i], sides[j] = sides[j], sides[i] })
			if len(sides) >= 2 && tol.sweepable(sides) {
				swept++
			}
			gi, gj, gok := tol.opposed(sides)
			wi, wj, wok := tol.opposedPairs(sides)
			if gi != wi || gj != wj || gok != wok {
				var qs []string
				for _, g := range sides {
					qs = append(qs, fmt.Sprintf("%s×%d", g.q.Text, len(g.sources)))
				}
				t.Fatalf("trial %d: opposed(%v) = %d, %d, %v; every pair gives %d, %d, %v (%s)", trial, qs, gi, gj, gok, wi, wj, wok, tt.reason)
			}
		}
		if (swept > 0) != tt.swept {
			t.Errorf("%d of 300 trials swept; want some swept: %v (%s)", swept, tt.swept, tt.reason)
		}
	}
}
