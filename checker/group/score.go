package group

// Pairwise scores a grouping against the truth by pairs of articles:
// precision is the share of the pairs put in one event that are truly in
// one, recall the share of the true pairs put in one. got and truth give
// each article's event as a number; they are counted from a contingency
// table, so the cost is linear in the articles, not in the pairs. With no
// pair on a side, its score is 1.
func Pairwise(got, truth []int) (precision, recall, f1 float64) {
	type cell struct{ g, t int }
	both := map[cell]int{}
	byGot := map[int]int{}
	byTruth := map[int]int{}
	for i := range got {
		both[cell{got[i], truth[i]}]++
		byGot[got[i]]++
		byTruth[truth[i]]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, gp, tpairs float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range byGot {
		gp += pairs(n)
	}
	for _, n := range byTruth {
		tpairs += pairs(n)
	}
	precision, recall = 1, 1
	if gp > 0 {
		precision = tp / gp
	}
	if tpairs > 0 {
		recall = tp / tpairs
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
