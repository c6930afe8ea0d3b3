package text

// Shapes rules a word out of a set of words without hashing it: it keeps,
// for each first and last byte of the set's words (folded to five bits,
// so that case does not matter), their lengths (16 for longer). A word
// whose shape is not there is not in the set; one whose shape is may be.
// Most words of prose are in none of a reader's small vocabularies, and
// their shapes say so in a few instructions where a map lookup costs a
// hash. The zero Shapes holds no word.
type Shapes [32][32]uint16

// Add adds w's shape.
func (t *Shapes) Add(w string) {
	if w != "" {
		t[w[0]&31][w[len(w)-1]&31] |= shapeBit(w)
	}
}

// MayHave reports whether w may be in the set: false means it is not.
func (t *Shapes) MayHave(w string) bool {
	return w != "" && t[w[0]&31][w[len(w)-1]&31]&shapeBit(w) != 0
}

func shapeBit(w string) uint16 { return 1 << (min(len(w), 16) - 1) }
