package eval

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// FitLogistic fits the confidence model to detections: the bias and
// coefficients of a logistic regression of whether each detection is
// right on its factors X, with an L2 penalty of l2 on the coefficients
// (not the bias) to keep rare factors from running off. It minimizes the
// mean log loss by Newton's method.
func FitLogistic(ds []Detection, l2 float64) (bias float64, coef []float64, err error) {
	var xs [][]float64
	var ys []float64
	for _, d := range ds {
		if d.X == nil {
			continue
		}
		xs = append(xs, d.X)
		y := 0.0
		if d.Correct() {
			y = 1
		}
		ys = append(ys, y)
	}
	if len(xs) == 0 {
		return 0, nil, errors.New("fit: no detections with factors")
	}
	k := len(xs[0])
	n := float64(len(xs))
	loss := func(w []float64) float64 {
		l := 0.0
		for i, x := range xs {
			z := w[0]
			for j, v := range x {
				z += w[j+1] * v
			}
			// log(1+e^z) − y·z, written to stay finite for large |z|.
			l += softplus(z) - ys[i]*z
		}
		l /= n
		for _, c := range w[1:] {
			l += l2 * c * c
		}
		return l
	}
	grad := func(g, w []float64) {
		clear(g)
		for i, x := range xs {
			z := w[0]
			for j, v := range x {
				z += w[j+1] * v
			}
			r := (sigmoid(z) - ys[i]) / n
			g[0] += r
			for j, v := range x {
				g[j+1] += r * v
			}
		}
		for j := 1; j <= k; j++ {
			g[j] += 2 * l2 * w[j]
		}
	}
	hess := func(h *mat.SymDense, w []float64) {
		h.Zero()
		row := make([]float64, k+1)
		for _, x := range xs {
			z := w[0]
			for j, v := range x {
				z += w[j+1] * v
			}
			p := sigmoid(z)
			row[0] = 1
			copy(row[1:], x)
			h.SymRankOne(h, p*(1-p)/n, mat.NewVecDense(k+1, row))
		}
		for j := 1; j <= k; j++ {
			h.SetSym(j, j, h.At(j, j)+2*l2)
		}
	}
	res, err := optimize.Minimize(optimize.Problem{Func: loss, Grad: grad, Hess: hess}, make([]float64, k+1), &optimize.Settings{GradientThreshold: 1e-9}, &optimize.Newton{})
	if err != nil && !(res != nil && len(res.Gradient) > 0 && floats.Norm(res.Gradient, math.Inf(1)) < 1e-6) {
		// A line search that cannot improve on a point whose gradient is
		// already this small has found the minimum to within rounding.
		return 0, nil, fmt.Errorf("fit: %w", err)
	}
	return res.X[0], res.X[1:], nil
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

// maxCalibrated is the most a calibrated confidence says: a check of
// prose is never certain, and a finite sample cannot show that it is.
const maxCalibrated = 0.99

// FitIsotonic fits a monotone map from the confidences of detections to
// the share of them that are right, by pool-adjacent-violators: sorted by
// confidence, neighbouring groups whose shares fall are pooled until the
// shares rise. It returns the knots of the map, one per pool at its mean
// confidence, for linear interpolation. A pool's share is smoothed as
// (right + 0.5) / (n + 1) and capped at 0.99, so that no knot claims
// certainty from a finite sample.
func FitIsotonic(ds []Detection) [][2]float64 {
	type pool struct{ sumX, right, n float64 }
	sorted := slices.Clone(ds)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Confidence < sorted[j].Confidence })
	var ps []pool
	for _, d := range sorted {
		p := pool{d.Confidence, 0, 1}
		if d.Correct() {
			p.right = 1
		}
		// Equal confidences are one pool: the map is a function.
		if len(ps) > 0 && ps[len(ps)-1].sumX/ps[len(ps)-1].n == d.Confidence {
			last := &ps[len(ps)-1]
			last.sumX, last.right, last.n = last.sumX+p.sumX, last.right+p.right, last.n+1
		} else {
			ps = append(ps, p)
		}
		for len(ps) >= 2 {
			a, b := ps[len(ps)-2], ps[len(ps)-1]
			if a.right/a.n < b.right/b.n {
				break
			}
			ps = append(ps[:len(ps)-2], pool{a.sumX + b.sumX, a.right + b.right, a.n + b.n})
		}
	}
	knots := make([][2]float64, len(ps))
	for i, p := range ps {
		knots[i] = [2]float64{p.sumX / p.n, min((p.right+0.5)/(p.n+1), maxCalibrated)}
		if i > 0 {
			knots[i][1] = max(knots[i][1], knots[i-1][1]) // smoothing must not break the order
		}
	}
	return knots
}
