package sources

import (
	"regexp"
	"strings"
	"unicode"
)

// furniture matches a line that belongs to the page, not the article:
// sharing, subscribing, app stores, comment prompts, bylines of other
// stories. Matched case-insensitively against the trimmed line.
var furniture = regexp.MustCompile(`(?i)^(` + strings.Join([]string{
	`shared? (from|this|on|via)\b.*`,
	`share( this)?( article| story)?[.!:]?`,
	`(download|get it) on the (app store|google play).*`,
	`(available|download) (on|in) the app store.*`,
	`(subscribe|sign up|register)( now| today| for| to)?\b.{0,80}`,
	`get (your|our) (own )?(daily|weekly|free) (briefing|newsletter|digest).*`,
	`.{0,40}\bnewsletter\b.{0,60}`,
	`be the first to (post|comment|leave|share).*`,
	`(leave|post|add|write) a comment.*`,
	`(\d+ )?comments?( \(\d+\))?`,
	`(join|start) the (conversation|discussion).*`,
	`follow us( on)?\b.{0,60}`,
	`(read|see) (more|next|also)\b.{0,60}`,
	`(related|recommended|most (read|popular)|more from|you may also like|trending)( stories| articles| news)?:?`,
	`advertisement|sponsored( content)?|ad`,
	`click here\b.*`,
	`(©|copyright\b|all rights reserved).{0,120}`,
	`(photo|image|picture|video)( credit)?:.{0,120}`,
}, "|") + `)$`)

// teaserTail matches the end of a teaser for another story:
// "… the c... Read more".
var teaserTail = regexp.MustCompile(`(?i)(\.\.\.|…)\s*(read more|continue reading|more)\s*[»›>]?\s*$|\bread more\s*[»›>]?\s*$`)

// isFurniture reports whether a line is page furniture.
func isFurniture(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && (furniture.MatchString(t) || teaserTail.MatchString(t))
}

// isHeadlineLike reports whether a line reads as a headline: short and not
// ending as a sentence does.
func isHeadlineLike(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || len(strings.Fields(t)) > 14 {
		return false
	}
	last := []rune(t)[len([]rune(t))-1]
	return !strings.ContainsRune(".!?:;,\"”", last)
}

// hasText reports whether a line holds any letter or digit (a lone "-"
// bullet or "🔹" does not).
func hasText(line string) bool {
	for _, r := range line {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// articleLines returns which lines are the article. A line is dropped when
// it is furniture; a teaser's headline (the headline-like line just before
// a "… Read more" line) goes with it; and a closing block goes whole: a
// furniture line after which every line is short or furniture, in the last
// third of the text or followed by more furniture (the promotional blocks
// that close a page).
func articleLines(lines []string) []bool {
	keep := make([]bool, len(lines))
	for i, l := range lines {
		keep[i] = hasText(l) && !isFurniture(l)
	}
	for i, l := range lines {
		if !teaserTail.MatchString(strings.TrimSpace(l)) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if !hasText(lines[j]) {
				continue
			}
			if isHeadlineLike(lines[j]) {
				keep[j] = false
			}
			break
		}
	}
	// The closing block: from the first furniture line in the last third
	// of the text, measured in bytes.
	total := 0
	for _, l := range lines {
		total += len(l) + 1
	}
	pos := 0
	for i, l := range lines {
		at := pos
		pos += len(l) + 1
		if !hasText(l) || !isFurniture(l) {
			continue
		}
		tail, more := true, false
		for _, m := range lines[i+1:] {
			if hasText(m) && !isFurniture(m) && len(strings.Fields(m)) > 25 {
				tail = false
				break
			}
			more = more || isFurniture(m)
		}
		// A closing block: everything left is short or furniture, and it
		// is in the last third of the page or holds more furniture.
		if tail && (at*3 >= total*2 || more) {
			for j := i; j < len(lines); j++ {
				keep[j] = false
			}
			break
		}
	}
	return keep
}
