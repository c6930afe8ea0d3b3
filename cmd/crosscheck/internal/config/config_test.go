package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

func write(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		text, want, reason string
	}{
		{"fail_levle: high\n", `:1:1: fail_levle: unknown key (want fail_level, min_confidence`, "a misspelt key names line and key"},
		{"fail_level: severe\n", `:1:13: fail_level: want none, low, medium, high or a confidence from 0 to 1, got "severe"`, "a bad fail level"},
		{"min_confidence: 2\n", `:1:17: min_confidence: want a confidence from 0 to 1, got "2"`, "a confidence above 1"},
		{"tolerances:\n  money: lots\n", `:2:10: tolerances.money: want a fraction`, "a tolerance that is not a number"},
		{"tolerances:\n  date: 0.1\n", `:2:3: tolerances.date: unknown kind`, "dates compare on their parts, not within a tolerance"},
		{"tolerances:\n  percent: 1.5\n", `tolerances.percent: want a fraction`, "a tolerance of 150%"},
		{"outlets:\n  Reuters: -1\n", `:2:12: outlets.Reuters: want a positive weight`, "a negative weight"},
		{"synonyms:\n  deal value: price\n", `:2:15: synonyms.deal value: want a list of phrases, got "price"`, "synonyms are a list"},
		{"ignore:\n  - attribute: age\n  - {}\n", `:3:5: ignore[1]: an ignore rule needs attribute, subject or id`, "an empty rule would ignore everything"},
		{"ignore:\n  - attrib: age\n", `:2:5: ignore[0].attrib: unknown key (want attribute, subject or id)`, "a misspelt rule key"},
		{"ignore: age\n", `ignore: want a list of rules`, "ignore is a list"},
		{"- fail_level\n", `want a mapping of keys`, "the top level is a mapping"},
		{"fail_level: high\nfail_level: low\n", `:2:1: fail_level: set twice`, "a key set twice"},
		{"fail_level: [high\n", `did not find expected`, "YAML syntax errors carry yaml's own line"},
		{"min_confidence: .nan\n", `:1:17: min_confidence: want a confidence from 0 to 1, got ".nan"`, "YAML's NaN would hide every finding"},
		{"min_confidence: NaN\n", `min_confidence: want a confidence from 0 to 1, got "NaN"`, "Go's spelling of NaN, which strconv reads"},
		{"min_confidence: .inf\n", `min_confidence: want a confidence from 0 to 1, got ".inf"`, "YAML's infinity"},
		{"fail_level: nan\n", `fail_level: want none, low, medium, high or a confidence from 0 to 1, got "nan"`, "a NaN fail level would never fail"},
		{"fail_level: -Inf\n", `fail_level: want none`, "a fail level below every confidence"},
		{"tolerances:\n  money: NaN\n", `:2:10: tolerances.money: want a fraction`, "a NaN tolerance makes every pair of figures agree"},
		{"tolerances:\n  about: Inf\n", `tolerances.about: want a fraction`, "an infinite tolerance"},
		{"outlets:\n  Reuters: .nan\n", `:2:12: outlets.Reuters: want a positive weight (1 is an ordinary source), got ".nan"`, "a NaN weight"},
		{"outlets:\n  Reuters: NaN\n", `outlets.Reuters: want a positive weight`, "a NaN weight, as strconv spells it"},
		{"outlets:\n  Reuters: +Inf\n", `outlets.Reuters: want a positive weight`, "an infinite weight outweighs every other source"},
		{"outlets:\n  Reuters: 0\n", `outlets.Reuters: want a positive weight`, "a weight of 0 reads as no weight at all"},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), tt.text)
		_, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), p) {
			t.Errorf("Load(%q) error = %v, want it to start with the path and contain %q (%s)", tt.text, err, tt.want, tt.reason)
		}
	}
}

func TestLoadAndApply(t *testing.T) {
	p := write(t, t.TempDir(), `# a newsroom's settings
fail_level: medium
min_confidence: 0.3
tolerances:
  money: 0.02
  about: 0.15
  at_least: 0.25
outlets:
  Wire Service: 0.5
synonyms:
  deal value: ["purchase price"]
ignore:
  - attribute: age
  - subject: Acme
    id: abc
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailLevel != "medium" || c.MinConfidence != 0.3 || c.Tolerances["money"] != 0.02 || c.Tolerances["percent"] != 0 {
		t.Errorf("config = %+v: file values over defaults", c)
	}
	if c.Origin["fail_level"] != p+":2" || c.Origin["tolerances.percent"] != "default" {
		t.Errorf("origins = %v: each value says where it came from", c.Origin)
	}
	kc, err := c.NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	k := kc.c
	if k.Tolerances.ByKind[quantity.Money] != 0.02 || k.Tolerances.About != 0.15 || k.Tolerances.AtLeast != 0.25 || k.MinConfidence != 0.3 {
		t.Errorf("checker tolerances = %+v, min %v: NewChecker must set them", k.Tolerances, k.MinConfidence)
	}
	if !contains(k.Lexicon.Attributes["deal value"].Cues, "purchase price") {
		t.Errorf("synonym not added to the lexicon")
	}
	arts := []*checker.Article{{ID: "a", Outlet: "wire service"}, {ID: "b", Outlet: "Wire Service", Weight: 2}, {ID: "c"}}
	c.weigh(arts)
	if arts[0].Weight != 0.5 || arts[1].Weight != 2 || arts[2].Weight != 0 {
		t.Errorf("weights = %v %v %v: outlet weights apply case-insensitively, never over a source's own", arts[0].Weight, arts[1].Weight, arts[2].Weight)
	}
	for _, tt := range []struct {
		f      checker.Finding
		want   bool
		reason string
	}{
		{checker.Finding{Attribute: "Age", Subject: "X"}, true, "attribute rule, case-insensitive"},
		{checker.Finding{Attribute: "stake", Subject: "Acme", ID: "abc"}, true, "every field of a rule matches"},
		{checker.Finding{Attribute: "stake", Subject: "Acme", ID: "def"}, false, "a rule needs all its fields"},
	} {
		if got := c.ignored(tt.f); got != tt.want {
			t.Errorf("ignored(%+v) = %v, want %v (%s)", tt.f, got, tt.want, tt.reason)
		}
	}
	var b bytes.Buffer
	if err := c.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# configuration file: " + p, "fail_level: medium  # " + p + ":2", "  percent: 0  # default", `  "deal value": ["purchase price"]  # ` + p + ":11", `  - {subject: "Acme", id: "abc"}  # ` + p + ":14", "  at_least: 0.25  # " + p + ":7"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Write output lacks %q:\n%s", want, b.String())
		}
	}
}

func TestSynonymForUnknownAttribute(t *testing.T) {
	p := write(t, t.TempDir(), "synonyms:\n  deel value: [price]\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.NewChecker()
	if err == nil || !strings.Contains(err.Error(), p+":2: synonyms.deel value: unknown attribute") {
		t.Errorf("NewChecker error = %v, want the file, line and key", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	p := write(t, root, "fail_level: low\n")
	other := filepath.Join(root, "other.yaml")
	if err := os.WriteFile(other, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		explicit, env, dir, want, err, reason string
	}{
		{"", "", deep, p, "", "found by walking up"},
		{"", other, deep, other, "", "the environment names a file"},
		{other, "nope.yaml", deep, other, "", "--config wins over the environment"},
		{"", "", "", "", "", "no directory: no search"},
		{filepath.Join(root, "missing.yaml"), "", deep, "", "missing.yaml", "an explicit file must exist"},
	} {
		got, err := Find(tt.explicit, tt.env, tt.dir)
		if (err != nil) != (tt.err != "") || (err != nil && !strings.Contains(err.Error(), tt.err)) || got != tt.want {
			t.Errorf("Find(%q, %q, %q) = %q, %v; want %q, %q (%s)", tt.explicit, tt.env, tt.dir, got, err, tt.want, tt.err, tt.reason)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
