package text

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		reason string
	}{
		{"Meta paid $14.3 billion. Scale agreed.", []string{"Meta paid $14.3 billion.", "Scale agreed."}, "a period before a capital ends a sentence"},
		{"It rose 4.3% in 2024. Then it fell.", []string{"It rose 4.3% in 2024.", "Then it fell."}, "a decimal point is not an end"},
		{"Mr. Wang and the U.S. Army met. They agreed.", []string{"Mr. Wang and the U.S. Army met.", "They agreed."}, "abbreviations do not end sentences"},
		{"The council paid Ksh. 200 million. It was late.", []string{"The council paid Ksh. 200 million.", "It was late."}, "a currency prefix written as an abbreviation does not end a sentence"},
		{"The fee is paid in Ksh. The council set it.", []string{"The fee is paid in Ksh.", "The council set it."}, "the prefix before no figure ends its sentence"},
		{"He said “it is done.” Then he left.", []string{"He said “it is done.”", "Then he left."}, "closing quotes stay with their sentence"},
		{"talent from competitors. - Meta's Llama 4 Scout model", []string{"talent from competitors.", "Meta's Llama 4 Scout model"}, "an inline bullet starts a sentence, its dash dropped"},
		{"J. K. Rowling wrote it.", []string{"J. K. Rowling wrote it."}, "initials do not end sentences"},
		{"It was big. and small", []string{"It was big. and small"}, "a lower-case word after a period does not start a sentence"},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range Sentences(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if len(got) != len(tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Sentences(%q)[%d] = %q, want %q (%s)", tt.in, i, got[i], tt.want[i], tt.reason)
			}
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := Tokenize("US$14.3bn, Meta’s 1,200", nil)
	want := []struct {
		kind  Kind
		text  string
		space bool
	}{{Word, "US", true}, {Sym, "$", false}, {Num, "14.3", false}, {Word, "bn", false}, {Sym, ",", false}, {Word, "Meta’s", true}, {Num, "1,200", true}}
	if len(toks) != len(want) {
		t.Fatalf("Tokenize = %v, want %d tokens", toks, len(want))
	}
	for i, w := range want {
		if toks[i].Kind != w.kind || toks[i].Text != w.text || toks[i].Space != w.space {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], w)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B.", "Mr. X met Dr. Y. Then.", "“Done.” Next", "- a. - B", "\xff. A", "...", "a…\u00a0B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("Sentences(%q): bad span %v after %d", s, sp, last)
			}
			last = sp.End
		}
		prev := 0
		for _, tok := range Tokenize(s, nil) {
			if tok.Start < prev || tok.End <= tok.Start || s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("Tokenize(%q): bad token %+v", s, tok)
			}
			prev = tok.End
		}
	})
}

func TestIsHeadline(t *testing.T) {
	tests := []struct {
		in     string
		want   bool
		reason string
	}{
		{"Meta Bets $15bn On Scale AI", true, "title case"},
		{"Meta paid $15bn for a stake in Scale AI.", false, "a sentence with names"},
		{"Quake Kills 212", false, "too few long words to judge"},
	}
	for _, tt := range tests {
		if got := IsHeadline(Tokenize(tt.in, nil)); got != tt.want {
			t.Errorf("IsHeadline(%q) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
		}
	}
}

// TestAppendSentences checks that AppendSentences keeps what dst holds and
// adds the same spans Sentences returns.
func TestAppendSentences(t *testing.T) {
	in := "Rates rose. Shares fell by 3%. Mr. Ode said so."
	dst := []Span{{100, 200}}
	got := AppendSentences(dst, in)
	want := append([]Span{{100, 200}}, Sentences(in)...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AppendSentences = %v, want %v", got, want)
	}
	if len(want) != 4 {
		t.Errorf("Sentences(%q) = %v, want 3 sentences", in, want[1:])
	}
}

// TestShapes checks that Shapes never rules out a word added, in any
// case, and rules out words of another length or other ends.
func TestShapes(t *testing.T) {
	var sh Shapes
	for _, w := range []string{"million", "a", "Ågren", "extraordinarily-long-word"} {
		sh.Add(w)
	}
	tests := []struct {
		w      string
		want   bool
		reason string
	}{
		{"million", true, "added"},
		{"MILLION", true, "case is folded"},
		{"Million", true, "case is folded"},
		{"a", true, "one letter"},
		{"Ågren", true, "non-ASCII first byte"},
		{"extraordinarily-lengthy-word", true, "lengths over 16 share a bit: may have"},
		{"billion", false, "another first letter"},
		{"millions", false, "another last letter"},
		{"milliun", true, "same ends and length as an added word: the filter cannot tell"},
		{"", false, "the empty word is never in"},
	}
	for _, tt := range tests {
		if got := sh.MayHave(tt.w); got != tt.want {
			t.Errorf("MayHave(%q) = %v, want %v (%s)", tt.w, got, tt.want, tt.reason)
		}
	}
}
