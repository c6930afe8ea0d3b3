package eval

import (
	"math"
	"testing"
)

func det(conf float64, covers string, strict bool, tags ...string) Detection {
	return Detection{Confidence: conf, Covers: covers, Strict: strict, Tags: tags}
}

func TestSuiteScore(t *testing.T) {
	r := SuiteResult{
		Truth: []Truth{{ID: "a", Tags: []string{"x"}}, {ID: "b", Tags: []string{"x"}}, {ID: "c", Tags: []string{"y"}}, {ID: "d", Tags: []string{"y"}}},
		Detections: []Detection{
			det(0.9, "a", true, "x"),
			det(0.8, "a", false, "x"), // a second finding of a: a true positive, not a second find
			det(0.7, "", false, "y"),  // a false positive
			det(0.6, "c", false, "y"), // found, but without both values
			det(0.3, "b", true, "x"),  // below the threshold
		},
	}
	tests := []struct {
		reason    string
		tag       string
		threshold float64
		want      Metrics
	}{
		{"all groups at 0.5: b is under the threshold, d never found", "", 0.5,
			Metrics{Findings: 4, TruePositives: 3, FalsePositives: 1, Disagreements: 4, Found: 2, Precision: 0.75, Recall: 0.5, StrictFound: 1, StrictPrecision: 0.25, StrictRecall: 0.25}},
		{"a lower threshold lets b in", "", 0.2,
			Metrics{Findings: 5, TruePositives: 4, FalsePositives: 1, Disagreements: 4, Found: 3, Precision: 0.8, Recall: 0.75, StrictFound: 2, StrictPrecision: 0.4, StrictRecall: 0.5}},
		{"a group counts only its own truth and findings", "y", 0.5,
			Metrics{Group: "y", Findings: 2, TruePositives: 1, FalsePositives: 1, Disagreements: 2, Found: 1, Precision: 0.5, Recall: 0.5, StrictFound: 0, StrictPrecision: 0, StrictRecall: 0}},
	}
	for _, tt := range tests {
		got := r.Score(tt.tag, tt.threshold)
		w := tt.want
		if got.Findings != w.Findings || got.TruePositives != w.TruePositives || got.FalsePositives != w.FalsePositives ||
			got.Disagreements != w.Disagreements || got.Found != w.Found || got.StrictFound != w.StrictFound ||
			!near(got.Precision, w.Precision) || !near(got.Recall, w.Recall) ||
			!near(got.StrictPrecision, w.StrictPrecision) || !near(got.StrictRecall, w.StrictRecall) {
			t.Errorf("%s: Score(%q, %v) = %+v, want %+v", tt.reason, tt.tag, tt.threshold, got, w)
		}
		if wantF1 := f1(w.Precision, w.Recall); !near(got.F1, wantF1) {
			t.Errorf("%s: F1 %v, want %v", tt.reason, got.F1, wantF1)
		}
	}
	if m := r.Missed(0.5); len(m) != 2 || m[0].ID != "b" || m[1].ID != "d" {
		t.Errorf("Missed(0.5) = %+v, want b and d", m)
	}
}

// A finding that lists three values of a toll carries two keyed pairs of
// them: as the dev sets' scorer counts, it finds both, once each.
func TestScoreCountsEveryPairAFindingCarries(t *testing.T) {
	r := SuiteResult{
		Truth:      []Truth{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Detections: []Detection{{Confidence: 0.8, Covers: "a", Also: []string{"b"}, Strict: true}},
	}
	m := r.Score("", 0.5)
	if m.Found != 2 || m.TruePositives != 1 || m.Findings != 1 || !near(m.Recall, 2.0/3) || !near(m.Precision, 1) {
		t.Errorf("Score = %+v, want 2 of 3 found by 1 right finding", m)
	}
	if m.StrictFound != 1 {
		t.Errorf("StrictFound = %d, want 1: a strict finding strictly reports the one it covers, not those it also carries", m.StrictFound)
	}
	if missed := r.Missed(0.5); len(missed) != 1 || missed[0].ID != "c" {
		t.Errorf("Missed(0.5) = %+v, want c alone", missed)
	}
	if ap := averagePrecision(r.Detections, 3); !near(ap, 2.0/3) {
		t.Errorf("averagePrecision = %v, want 2/3: the one finding finds two at precision 1", ap)
	}
	if m := r.Score("", 0.9); m.Found != 0 {
		t.Errorf("Score at 0.9 found %d, want 0: the finding is under it", m.Found)
	}
}

func TestAveragePrecision(t *testing.T) {
	tests := []struct {
		reason    string
		ds        []Detection
		positives int
		want      float64
	}{
		{"every positive ranked first: 1", []Detection{det(0.9, "a", true), det(0.8, "b", true), det(0.1, "", false)}, 2, 1},
		{"a false positive on top halves the first hit", []Detection{det(0.9, "", false), det(0.8, "a", true)}, 1, 0.5},
		{"a missed positive counts zero", []Detection{det(0.9, "a", true)}, 2, 0.5},
		{"a repeat of a found positive is right but finds nothing new", []Detection{det(0.9, "a", true), det(0.8, "a", true), det(0.7, "b", true)}, 2, 1},
		{"a false positive between two finds lowers the second", []Detection{det(0.9, "a", true), det(0.8, "", false), det(0.7, "b", true)}, 2, (1 + 2.0/3) / 2},
		{"a tie ranks the false positive first", []Detection{det(0.5, "a", true), det(0.5, "", false)}, 1, 0.5},
		{"no positives: 0", []Detection{det(0.9, "", false)}, 0, 0},
	}
	for _, tt := range tests {
		if got := averagePrecision(tt.ds, tt.positives); !near(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.reason, got, tt.want)
		}
	}
}

func TestReliability(t *testing.T) {
	ds := []Detection{
		det(0.95, "a", true), det(0.95, "b", true), det(0.95, "", false), det(0.95, "c", true), // bin 9: 0.95 vs 0.75
		det(0.15, "", false), det(0.15, "", false), det(0.15, "", false), det(0.15, "d", true), // bin 1: 0.15 vs 0.25
		det(1.0, "e", true), // 1.0 falls in the last bin, not an eleventh
	}
	bins, ece := Reliability(ds)
	if len(bins) != 10 {
		t.Fatalf("%d bins, want 10", len(bins))
	}
	if bins[9].Count != 5 || !near(bins[9].Precision, 0.8) || !near(bins[9].MeanConfidence, 0.96) {
		t.Errorf("top bin %+v, want 5 findings, 80%% right, mean 0.96", bins[9])
	}
	if bins[1].Count != 4 || !near(bins[1].Precision, 0.25) {
		t.Errorf("bin 1 %+v, want 4 findings, 25%% right", bins[1])
	}
	want := 5.0/9*math.Abs(0.8-0.96) + 4.0/9*math.Abs(0.25-0.15)
	if !near(ece, want) {
		t.Errorf("ECE %v, want %v", ece, want)
	}
}

func TestFitIsotonic(t *testing.T) {
	// Right more often at higher confidence, with one violation at 0.6
	// that must be pooled with its neighbour.
	var ds []Detection
	add := func(conf float64, right, wrong int) {
		for range right {
			ds = append(ds, det(conf, "x", true))
		}
		for range wrong {
			ds = append(ds, det(conf, "", false))
		}
	}
	add(0.2, 1, 9)
	add(0.5, 6, 4)
	add(0.6, 4, 6) // below 0.5's share: pooled with it
	add(0.9, 1000, 0)
	k := FitIsotonic(ds)
	if len(k) != 3 {
		t.Fatalf("knots %v, want 3 (0.5 and 0.6 pooled)", k)
	}
	if !near(k[1][0], 0.55) || !near(k[1][1], 10.5/21) {
		t.Errorf("pooled knot %v, want [0.55, %v]", k[1], 10.5/21)
	}
	if k[2][1] != maxCalibrated {
		t.Errorf("top knot %v, want capped at %v", k[2], maxCalibrated)
	}
	for i := 1; i < len(k); i++ {
		if k[i][0] < k[i-1][0] || k[i][1] < k[i-1][1] {
			t.Errorf("knots %v are not monotone", k)
		}
	}
}

func TestFitLogistic(t *testing.T) {
	// One factor that decides rightness 90% of the time, one that is
	// noise: the fit must weigh the first up and leave the second small.
	var ds []Detection
	for i := range 4000 {
		x1 := float64(i % 2)
		x2 := float64((i / 2) % 2)
		right := x1 == 1
		if i%20 < 2 { // one in ten of each value of x1
			right = !right
		}
		d := Detection{X: []float64{x1, x2}}
		if right {
			d.Covers = "x"
		}
		ds = append(ds, d)
	}
	bias, coef, err := FitLogistic(ds, 0.0001)
	if err != nil {
		t.Fatal(err)
	}
	// log(0.9/0.1) ≈ 2.2 on each side of zero.
	if math.Abs(bias+2.2) > 0.3 || math.Abs(coef[0]-4.4) > 0.5 || math.Abs(coef[1]) > 0.3 {
		t.Errorf("fit bias %.2f, coef %.2f: want about -2.2, [4.4 0]", bias, coef)
	}
	if _, _, err := FitLogistic(nil, 0); err == nil {
		t.Error("fit of no detections: no error")
	}
}
