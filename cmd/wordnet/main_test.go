package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedTableIsReproducible requires checker/align/concepts.txt to
// be what this program writes from WordNet. CI installs Debian's
// wordnet-base, so there the test always runs; elsewhere it skips when
// WordNet is absent.
func TestCommittedTableIsReproducible(t *testing.T) {
	dict := "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dict, "index.noun")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("WordNet is not installed in CI (%v): .ci/run installs wordnet-base", err)
		}
		t.Skipf("WordNet not installed (%v): apt-get install wordnet-base", err)
	}
	got, err := Build(dict)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "checker", "align", "concepts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checker/align/concepts.txt is not what cmd/wordnet writes; run make concepts and review the diff")
	}
}

// TestBuild reads a two-synset WordNet in miniature: a noun and a verb
// linked by a derivation from first sense to first sense share a concept;
// a word alone in its set is left out.
func TestBuild(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "  1 license line\npurchase n 1 1 + 1 1 00000001  \nlone n 1 0 1 0 00000003  \n",
		"index.verb": "buy v 1 1 + 1 1 00000002  \n",
		"index.adj":  "",
		"data.noun":  "00000001 04 n 01 purchase 0 001 + 00000002 v 0101 | the act of buying  \n00000003 04 n 01 lone 0 000 | alone  \n",
		"data.verb":  "00000002 40 v 01 buy 0 001 + 00000001 n 0101 01 + 08 00 | obtain by paying  \n",
		"data.adj":   "",
		"noun.exc":   "",
		"verb.exc":   "bought buy\n",
		"adj.exc":    "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	body := string(bytes.TrimPrefix(got, []byte(header)))
	if want := "bought 1\nbuy 1\npurchase 1\n"; body != want {
		t.Errorf("table:\n%s\nwant:\n%s", body, want)
	}
}
