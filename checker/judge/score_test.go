package judge

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
)

func TestFactorsRoundTrip(t *testing.T) {
	f := checker.Factors{Clarity: 0.9, Support: 2, Hedge: 0.5, OpenBound: 1, Approximate: 1, Gap: 0.3, Pattern: 1, Implausible: 1, SameSource: 1}
	if got := checker.FactorsOf(f.Vector()); !reflect.DeepEqual(got, f) {
		t.Errorf("FactorsOf(Vector()) = %+v, want %+v", got, f)
	}
	if n := len(checker.FactorNames()); len(f.Vector()) != n || len(Weights{}.Coefficients()) != n || len(checker.FactorDescriptions()) != n {
		t.Error("factors, names, descriptions and coefficients differ in length")
	}
	if _, err := WeightsOf(0, []float64{1}); err == nil {
		t.Error("WeightsOf with one coefficient: no error")
	}
}

func TestCalibrate(t *testing.T) {
	w := Weights{Calibration: [][2]float64{{0.2, 0.1}, {0.6, 0.5}, {0.9, 0.99}}}
	tests := []struct {
		raw, want float64
		reason    string
	}{
		{0.05, 0.1, "below the first knot: flat"},
		{0.2, 0.1, "on a knot"},
		{0.4, 0.3, "halfway between knots: halfway between their values"},
		{0.95, 0.99, "beyond the last knot: flat, never above it"},
	}
	for _, tt := range tests {
		if got := w.Calibrate(tt.raw); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Calibrate(%v) = %v, want %v (%s)", tt.raw, got, tt.want, tt.reason)
		}
	}
	if got := (Weights{}).Calibrate(0.37); got != 0.37 {
		t.Errorf("no knots: Calibrate(0.37) = %v, want the raw value", got)
	}
}

func TestWeightsValidate(t *testing.T) {
	tests := []struct {
		knots  [][2]float64
		err    string
		reason string
	}{
		{[][2]float64{{0.1, 0.2}, {0.5, 0.1}}, "does not follow", "a map that falls would rank findings backwards"},
		{[][2]float64{{0.1, 1.2}}, "outside [0,1]", "a confidence above 1"},
		{[][2]float64{{0.1, 0.2}, {0.5, 0.6}}, "", "a rising map is fine"},
	}
	for _, tt := range tests {
		err := Weights{Calibration: tt.knots}.validate()
		if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("validate(%v) = %v, want %q (%s)", tt.knots, err, tt.err, tt.reason)
		}
	}
	if w, err := DefaultWeights(); err != nil || len(w.Calibration) == 0 {
		t.Errorf("the shipped model: %v, %d knots; want a calibration map", err, len(w.Calibration))
	}
}
