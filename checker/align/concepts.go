package align

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed concepts.txt
var defaultConcepts string

// Concepts map words to the things they name: words of one concept name
// one thing in their most common sense ("injury", "hurt") or are
// derivationally related in it ("buy", "purchase"). The table is derived
// from WordNet by cmd/wordnet.
type Concepts struct {
	of map[string]int32
}

// DefaultConcepts returns the table that ships with crosscheck.
func DefaultConcepts() (*Concepts, error) { return ParseConcepts(defaultConcepts) }

// ParseConcepts reads a table of "word concept" lines; # starts a comment.
func ParseConcepts(s string) (*Concepts, error) {
	c := &Concepts{of: map[string]int32{}}
	sc := bufio.NewScanner(strings.NewReader(s))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		w, n, ok := strings.Cut(t, " ")
		id, err := strconv.ParseInt(n, 10, 32)
		if !ok || err != nil || id <= 0 {
			return nil, fmt.Errorf("align: concepts line %d: want a word and a concept number, got %q", line, t)
		}
		c.of[w] = int32(id)
	}
	return c, sc.Err()
}

// Len is the number of words in the table.
func (c *Concepts) Len() int { return len(c.of) }

// Of returns the concept of a lower-case word, or 0 when the table has
// none: the word itself, else the lemma WordNet's rules of detachment
// make of it ("died" → "die", "injuries" → "injury").
func (c *Concepts) Of(w string) int32 {
	if c == nil {
		return 0
	}
	if id, ok := c.of[w]; ok {
		return id
	}
	for _, r := range detach {
		if strings.HasSuffix(w, r[0]) && len(w) > len(r[0])+1 {
			if id, ok := c.of[w[:len(w)-len(r[0])]+r[1]]; ok {
				return id
			}
		}
	}
	return 0
}

// detach are WordNet's rules of detachment (morphy) for nouns, verbs and
// adjectives: an ending and what replaces it.
var detach = [][2]string{
	{"ies", "y"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
	{"es", "e"}, {"es", ""}, {"s", ""},
	{"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}
