package main

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// crossValidatePairs scores the pair model alone: each event group's
// pairs by a model fitted to the other groups' pairs, in the committed
// pairs file. It prints, per dev set, the mean log loss and the average
// precision of the held-out chances (how well the real disagreements are
// ranked above the other candidate pairs). It reads no text and fits no
// finding model, so settings can be compared in a minute; the numbers
// that decide are still -data's, which go through grouping and findings.
func crossValidatePairs(o options) error {
	rows, err := readPairs(o.pairs)
	if err != nil {
		return err
	}
	groupOf := func(event string) string { return strings.TrimSuffix(event, "-html") }
	var groups []string
	seen := map[string]bool{}
	for _, r := range rows {
		if g := groupOf(r.event); !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
	}
	sort.Strings(groups)
	chance := make([]float64, len(rows))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	errs := make([]error, len(groups))
	for gi, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []row
			for _, r := range rows {
				if groupOf(r.event) != g {
					train = append(train, r)
				}
			}
			m, err := fit(train, nil, o.l2, o.factL2, o.boosting)
			if err != nil {
				errs[gi] = fmt.Errorf("fold %s: %w", g, err)
				return
			}
			for i, r := range rows {
				if groupOf(r.event) == g {
					chance[i] = m.Raw(r.x)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(o.stdout, "pair model cross-validated by event (rounds %d, depth %d, min-leaf %g):\n", o.boosting.rounds, o.boosting.depth, o.boosting.minLeaf)
	fmt.Fprintln(o.stdout, "set        pairs  right  log-loss  AUPRC")
	for _, set := range []string{"fixtures", "clusters", "realnews"} {
		var ps []scored
		loss := 0.0
		for i, r := range rows {
			if !strings.HasPrefix(r.event, set+"/") {
				continue
			}
			p := math.Min(math.Max(chance[i], 1e-6), 1-1e-6)
			if r.right {
				loss -= math.Log(p)
			} else {
				loss -= math.Log(1 - p)
			}
			ps = append(ps, scored{p, r.right})
		}
		if len(ps) == 0 {
			continue
		}
		right := 0
		for _, s := range ps {
			if s.right {
				right++
			}
		}
		fmt.Fprintf(o.stdout, "%-9s %6d  %5d  %8.4f  %.3f\n", set, len(ps), right, loss/float64(len(ps)), averagePrecision(ps))
	}
	return nil
}

// A scored pair: its held-out chance and whether it is a real
// disagreement.
type scored struct {
	p     float64
	right bool
}

// averagePrecision is the area under the precision–recall curve of the
// pairs ranked by chance: the mean, over the real disagreements, of the
// precision at each one's rank.
func averagePrecision(ps []scored) float64 {
	// On a tie the false pair ranks first, as eval's AUPRC ranks findings:
	// a tie earns no credit.
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].p != ps[j].p {
			return ps[i].p > ps[j].p
		}
		return !ps[i].right && ps[j].right
	})
	hits, sum := 0, 0.0
	for i, s := range ps {
		if s.right {
			hits++
			sum += float64(hits) / float64(i+1)
		}
	}
	if hits == 0 {
		return 0
	}
	return sum / float64(hits)
}
