// Command wordnet derives the aligner's table of concepts
// (checker/align/concepts.txt) from Princeton WordNet 3.0 as Debian's
// wordnet-base package installs it (/usr/share/wordnet).
//
// A concept is a set of words that name one thing in their most common
// sense: each single-word lemma is joined to the first (most frequent)
// synset of each of its parts of speech, and each such synset to the
// synsets its lemma is derivationally related to ("valuation" and
// "value", "death" and "die") while the joined set stays within
// maxConcept words. The words of one connected set share a concept
// number; irregular forms from WordNet's exception lists that are no word
// of their own ("bought") are listed under the concept of their lemma.
// Words alone in their set are left out: they add nothing to the word
// itself.
//
//	apt-get install wordnet-base
//	go run ./cmd/wordnet            # or: make concepts
//
// A test holds the committed table to what this program writes, when
// WordNet is installed.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/google/renameio/v2"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wordnet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dict", "/usr/share/wordnet", "WordNet's dictionary directory")
	out := fs.String("o", filepath.Join("checker", "align", "concepts.txt"), `file to write ("-" for stdout)`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, err := Build(*dir)
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(data)
		return err
	}
	return renameio.WriteFile(*out, data, 0o644)
}

// parts are WordNet's parts of speech, by the suffix of their files.
var parts = []struct{ file, tag string }{{"noun", "n"}, {"verb", "v"}, {"adj", "a"}}

// Build reads WordNet in dir and returns the table of concepts.
func Build(dir string) ([]byte, error) {
	u := newUnion()
	lemmas := map[string]bool{}
	first := map[string][]string{} // lemma -> its first synset per part of speech
	for _, p := range parts {
		err := eachLine(filepath.Join(dir, "index."+p.file), func(f []string) error {
			lemma := f[0]
			if !plain(lemma) {
				return nil
			}
			// lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt synset_offset...
			np, err := strconv.Atoi(f[3])
			if err != nil || len(f) < 4+np+3 {
				return fmt.Errorf("index.%s: %q: bad line", p.file, lemma)
			}
			syn := p.tag + f[4+np+2]
			lemmas[lemma] = true
			first[lemma] = append(first[lemma], syn)
			u.join("w:"+lemma, "s:"+syn)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	isFirst := map[string]bool{}
	for _, ss := range first {
		for _, s := range ss {
			isFirst[s] = true
		}
	}
	// The words of each first-sense synset, and the derivations from a
	// word to a word: each joins two words only when the pointer leads
	// from the first sense of one to the first sense of the other, so
	// rare senses never chain concepts together.
	type link struct{ from, to string }
	var links []link
	synWords := map[string][]string{}
	type pending struct {
		from, to string
		word     int
	}
	var todo []pending
	for _, p := range parts {
		err := eachLine(filepath.Join(dir, "data."+p.file), func(f []string) error {
			syn := p.tag + f[0]
			// offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr offset pos src/tgt)...
			wc, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil {
				return fmt.Errorf("data.%s: %s: bad word count", p.file, f[0])
			}
			words := make([]string, wc)
			for i := range words {
				words[i] = strings.ToLower(f[4+2*i])
			}
			synWords[syn] = words
			if !isFirst[syn] {
				return nil
			}
			at := 4 + 2*int(wc)
			np, err := strconv.Atoi(f[at])
			if err != nil {
				return fmt.Errorf("data.%s: %s: bad pointer count", p.file, f[0])
			}
			for i := 0; i < np; i++ {
				ptr := f[at+1+4*i : at+5+4*i]
				if ptr[0] != "+" {
					continue
				}
				src, _ := strconv.ParseInt(ptr[3][:2], 16, 32)
				dst, _ := strconv.ParseInt(ptr[3][2:], 16, 32)
				if src < 1 || int(src) > len(words) || !contains(first[words[src-1]], syn) {
					continue
				}
				tag := ptr[2]
				if tag == "s" {
					tag = "a"
				}
				todo = append(todo, pending{from: words[src-1], to: tag + ptr[1], word: int(dst)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, t := range todo {
		ws := synWords[t.to]
		if t.word < 1 || t.word > len(ws) {
			continue
		}
		if w := ws[t.word-1]; contains(first[w], t.to) {
			links = append(links, link{t.from, w})
		}
	}
	// A derivation joins two sets only while the joined set stays small:
	// chains of derivations otherwise run through whole fields of words.
	for _, l := range links {
		if u.words(l.from)+u.words(l.to) <= maxConcept || u.find("w:"+l.from) == u.find("w:"+l.to) {
			u.join("w:"+l.from, "w:"+l.to)
		}
	}
	// Concepts: the sets that hold two words or more, numbered in the
	// order of their first word.
	members := map[string][]string{}
	for w := range lemmas {
		r := u.find("w:" + w)
		members[r] = append(members[r], w)
	}
	concept := map[string]int{}
	var roots []string
	for r, ws := range members {
		if len(ws) >= 2 {
			sort.Strings(ws)
			roots = append(roots, r)
		}
	}
	sort.Slice(roots, func(i, j int) bool { return members[roots[i]][0] < members[roots[j]][0] })
	for i, r := range roots {
		for _, w := range members[r] {
			concept[w] = i + 1
		}
	}
	// Irregular forms, under their lemma's concept.
	forms := map[string]int{}
	for _, p := range parts {
		err := eachLine(filepath.Join(dir, p.file+".exc"), func(f []string) error {
			if len(f) >= 2 && plain(f[0]) {
				if c, ok := concept[f[1]]; ok && concept[f[0]] == 0 {
					forms[f[0]] = c
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	words := make([]string, 0, len(concept)+len(forms))
	for w := range concept {
		words = append(words, w)
	}
	for w := range forms {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		c := concept[w]
		if c == 0 {
			c = forms[w]
		}
		fmt.Fprintf(&buf, "%s %d\n", w, c)
	}
	return buf.Bytes(), nil
}

const header = `# Concepts derived from WordNet 3.0 by cmd/wordnet: a word and its concept
# number a line; words of one number name one thing in their most common
# sense, or are derivationally related in it.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR
# THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database. Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
`

// plain reports whether a lemma is one word of lower-case letters.
func plain(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// eachLine calls fn with the fields of each line of a WordNet file that
// is not part of its license header (lines that begin with two spaces).
func eachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// maxConcept is the most words a derivation may bring into one concept.
const maxConcept = 12

// A union is a union–find over names, counting the words ("w:" names) of
// each set.
type union struct {
	parent map[string]string
	size   map[string]int // words in the set, by root
}

func newUnion() *union { return &union{parent: map[string]string{}, size: map[string]int{}} }

// words counts the words in the set of word w.
func (u *union) words(w string) int {
	r := u.find("w:" + w)
	if n := u.size[r]; n > 0 {
		return n
	}
	return 1
}

func (u *union) find(x string) string {
	p, ok := u.parent[x]
	if !ok {
		u.parent[x] = x
		return x
	}
	if p == x {
		return x
	}
	r := u.find(p)
	u.parent[x] = r
	return r
}

// join links a and b; the smaller name becomes the root, so the result
// does not depend on the order of joins.
func (u *union) join(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] = u.count(ra, a, b) + u.count(rb, a, b)
	delete(u.size, rb)
}

// count is the words of the set rooted at r before a join of a and b: its
// recorded size, else 1 for a word that is its own set and 0 for a synset.
func (u *union) count(r, a, b string) int {
	if n, ok := u.size[r]; ok {
		return n
	}
	if strings.HasPrefix(r, "w:") {
		return 1
	}
	return 0
}
