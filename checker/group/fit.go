package group

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck/checker"
)

// A Corpus is a labelled corpus the grouping is fitted on: articles and
// the event each is truly about.
type Corpus struct {
	Name     string
	Articles []*checker.Article
	Truth    []int
}

// A Fit is the grouping's fitted parameters (fit.json, written by
// cmd/fitgroup): the Prior and Threshold that give the best mean pairwise
// F1 over the corpora it was fitted on, and the F1 each corpus got.
type Fit struct {
	Prior     float64     `json:"prior"`
	Threshold float64     `json:"threshold"`
	MeanF1    float64     `json:"mean_f1"`
	Corpora   []CorpusFit `json:"corpora"`
}

// A CorpusFit is how a fitted grouping does on one corpus.
type CorpusFit struct {
	Name      string  `json:"name"`
	Articles  int     `json:"articles"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// The grid FitOptions searches.
var (
	fitPriors     = []float64{100, 300, 1000, 2303}
	fitThresholds = func() []float64 {
		var t []float64
		for k := 20; k <= 60; k += 2 {
			t = append(t, float64(k)/100)
		}
		return t
	}()
)

// FitOptions returns the Prior and Threshold of the grid (priors of 100
// to 2303 articles, thresholds 0.20 to 0.60 by 0.02) that give the best
// mean pairwise F1 over corpora, the other options as opt gives them; a
// tie goes to the smaller prior, then the lower threshold.
func FitOptions(corpora []Corpus, opt Options) (Fit, error) {
	if len(corpora) == 0 {
		return Fit{}, fmt.Errorf("no corpora to fit on")
	}
	gs := make([]*Grouper, len(corpora))
	for i, c := range corpora {
		if len(c.Articles) != len(c.Truth) {
			return Fit{}, fmt.Errorf("corpus %s: %d articles, %d labels", c.Name, len(c.Articles), len(c.Truth))
		}
		gs[i] = New(opt)
		for _, a := range c.Articles {
			gs[i].Add(a)
		}
	}
	// Each corpus on its own goroutine (a Grouper is one goroutine's):
	// its scores at every point of the grid.
	type score struct{ p, r, f1 float64 }
	scores := make([][]score, len(gs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, g := range gs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			for _, m := range fitPriors {
				for _, t := range fitThresholds {
					g.opt.Prior, g.opt.Threshold = m, t
					p, r, f1 := Pairwise(g.Groups(), corpora[i].Truth)
					scores[i] = append(scores[i], score{p, r, f1})
				}
			}
		}()
	}
	wg.Wait()
	best := Fit{MeanF1: -1}
	k := 0
	for _, m := range fitPriors {
		for _, t := range fitThresholds {
			f := Fit{Prior: m, Threshold: t}
			for i, c := range corpora {
				sc := scores[i][k]
				f.Corpora = append(f.Corpora, CorpusFit{c.Name, len(c.Truth), round4(sc.p), round4(sc.r), round4(sc.f1)})
				f.MeanF1 += sc.f1 / float64(len(gs))
			}
			f.MeanF1 = round4(f.MeanF1)
			if f.MeanF1 > best.MeanF1 {
				best = f
			}
			k++
		}
	}
	return best, nil
}

func round4(x float64) float64 { return float64(int64(x*1e4+0.5)) / 1e4 }

//go:embed fit.json
var fitJSON []byte

// fitted is the committed fit.
var fitted = sync.OnceValue(func() Fit {
	var f Fit
	if err := json.Unmarshal(fitJSON, &f); err != nil || f.Prior <= 0 || f.Threshold <= 0 {
		panic(fmt.Sprintf("checker/group: fit.json: %v (prior %v, threshold %v)", err, f.Prior, f.Threshold))
	}
	return f
})
