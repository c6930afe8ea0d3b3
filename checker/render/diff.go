package render

import (
	"strings"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// WordDiff shows how sentence b differs from a, word by word: removed
// words as [-word-] and added ones as {+word+}, or in red and green when
// colour is on. go-diff has no word mode, so each distinct word is mapped
// to one rune (its line mode over words joined by newlines), diffed, and
// mapped back.
func WordDiff(a, b string, colour bool) string {
	del := newColor(colour, color.FgRed, color.CrossedOut)
	ins := newColor(colour, color.FgGreen, color.Bold)
	var out []string
	for _, d := range wordDiff(a, b) {
		text := d.Text
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			if colour {
				out = append(out, del.Sprint(text))
			} else {
				out = append(out, "[-"+text+"-]")
			}
		case diffmatchpatch.DiffInsert:
			if colour {
				out = append(out, ins.Sprint(text))
			} else {
				out = append(out, "{+"+text+"+}")
			}
		default:
			out = append(out, text)
		}
	}
	return strings.Join(out, " ")
}

// wordDiff diffs two sentences word by word: each diff's text is one or
// more whole words, single-spaced; empty diffs are left out.
func wordDiff(a, b string) []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	ra, rb, words := dmp.DiffLinesToRunes(wordLines(a), wordLines(b))
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(ra, rb, false), words)
	out := diffs[:0]
	for _, d := range diffs {
		d.Text = strings.Join(strings.Fields(d.Text), " ")
		if d.Text != "" {
			out = append(out, d)
		}
	}
	return out
}

// wordLines puts each word of s on its own line.
func wordLines(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Join(f, "\n") + "\n"
}
