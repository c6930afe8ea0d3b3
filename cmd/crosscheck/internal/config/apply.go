package config

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

// A Checker checks articles as a configuration says: its tolerances,
// synonyms and min_confidence set on the checker, its outlet weights
// given to the articles, its ignore rules applied to the report. Every
// command checks through one, so that none can leave a key out.
type Checker struct {
	c   *judge.Checker
	cfg *Config
}

// NewChecker returns a checker with the lexicon, models and defaults
// that ship with crosscheck, configured by c. A synonym for an attribute
// the lexicon does not have is an error that names the line.
func (c *Config) NewChecker() (*Checker, error) {
	k, err := judge.New()
	if err != nil {
		return nil, err
	}
	if err := c.apply(k); err != nil {
		return nil, err
	}
	return &Checker{k, c}, nil
}

// Check checks the articles against each other. Articles with no weight
// of their own are given their outlet's.
func (k *Checker) Check(arts []*checker.Article) *checker.Report {
	k.cfg.weigh(arts)
	r := k.c.Check(arts)
	k.cfg.drop(r)
	return r
}

// Lint checks each draft against the reference articles. Articles with
// no weight of their own are given their outlet's.
func (k *Checker) Lint(drafts, refs []*checker.Article) (*checker.Report, error) {
	k.cfg.weigh(drafts)
	k.cfg.weigh(refs)
	r, err := k.c.Lint(drafts, refs)
	if err != nil {
		return nil, err
	}
	k.cfg.drop(r)
	return r, nil
}

// apply sets c's tolerances, synonyms and minimum confidence on k.
func (c *Config) apply(k *judge.Checker) error {
	for kind, v := range c.Tolerances {
		switch kind {
		case "about":
			k.Tolerances.About = v
			continue
		case "at_least":
			k.Tolerances.AtLeast = v
			continue
		case "converted":
			k.Tolerances.Converted = v
			continue
		}
		k.Tolerances.ByKind[quantity.Kind(kind)] = v
	}
	for _, attr := range sortedKeys(c.Synonyms) {
		if err := k.Lexicon.AddCues(attr, c.Synonyms[attr]...); err != nil {
			return fmt.Errorf("%s: synonyms.%s: %w", c.Origin["synonyms."+attr], attr, err)
		}
	}
	k.MinConfidence = c.MinConfidence
	return nil
}

// weigh gives each article with no weight of its own the weight of its
// outlet (or, failing that, of its source id), matched case-insensitively.
func (c *Config) weigh(arts []*checker.Article) {
	if len(c.Outlets) == 0 {
		return
	}
	for _, a := range arts {
		if a.Weight != 0 {
			continue
		}
		for name, w := range c.Outlets {
			if strings.EqualFold(name, a.Outlet) || strings.EqualFold(name, a.ID) {
				a.Weight = w
				break
			}
		}
	}
}

// drop removes from r the findings an ignore rule drops.
func (c *Config) drop(r *checker.Report) {
	if len(c.Ignore) == 0 {
		return
	}
	r.Findings = slices.DeleteFunc(r.Findings, c.ignored)
}

// ignored reports whether an ignore rule drops finding f.
func (c *Config) ignored(f checker.Finding) bool {
	for _, ig := range c.Ignore {
		if ig.Attribute != "" && !strings.EqualFold(ig.Attribute, f.Attribute) {
			continue
		}
		if ig.Subject != "" && !strings.EqualFold(ig.Subject, f.Subject) {
			continue
		}
		if ig.ID != "" && ig.ID != f.ID {
			continue
		}
		return true
	}
	return false
}

// Values are the configuration's values by key, the keys of Origin
// (fail_level, tolerances.money, outlets.Reuters, ignore[0] …), written
// as Write writes them: what a batch records it checked under, to compare
// with another run's.
func (c *Config) Values() map[string]string {
	v := map[string]string{"fail_level": c.FailLevel, "min_confidence": num(c.MinConfidence)}
	for k, t := range c.Tolerances {
		v["tolerances."+k] = num(t)
	}
	for k, w := range c.Outlets {
		v["outlets."+k] = num(w)
	}
	for k, ps := range c.Synonyms {
		v["synonyms."+k] = quotedList(ps)
	}
	for i, ig := range c.Ignore {
		v[fmt.Sprintf("ignore[%d]", i)] = ig.String()
	}
	return v
}

// String writes the rule as the configuration would: {attribute: "age"}.
func (ig Ignore) String() string {
	var parts []string
	for _, kv := range [][2]string{{"attribute", ig.Attribute}, {"subject", ig.Subject}, {"id", ig.ID}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+": "+strconv.Quote(kv[1]))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func quotedList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Write prints the effective configuration as YAML that could be saved as
// a configuration file, each value with a comment saying where it came
// from.
func (c *Config) Write(w io.Writer) error {
	var b strings.Builder
	src := c.Path
	if src == "" {
		src = "none"
	}
	fmt.Fprintf(&b, "# configuration file: %s\n", src)
	line := func(indent, key, value, origin string) {
		fmt.Fprintf(&b, "%s%s: %s", indent, key, value)
		if origin != "" {
			fmt.Fprintf(&b, "  # %s", origin)
		}
		b.WriteByte('\n')
	}
	line("", "fail_level", c.FailLevel, c.Origin["fail_level"])
	line("", "min_confidence", num(c.MinConfidence), c.Origin["min_confidence"])
	b.WriteString("tolerances:\n")
	for _, k := range sortedKeys(c.Tolerances) {
		line("  ", k, num(c.Tolerances[k]), c.Origin["tolerances."+k])
	}
	if len(c.Outlets) == 0 {
		b.WriteString("outlets: {}\n")
	} else {
		b.WriteString("outlets:\n")
		for _, k := range sortedKeys(c.Outlets) {
			line("  ", strconv.Quote(k), num(c.Outlets[k]), c.Origin["outlets."+k])
		}
	}
	if len(c.Synonyms) == 0 {
		b.WriteString("synonyms: {}\n")
	} else {
		b.WriteString("synonyms:\n")
		for _, k := range sortedKeys(c.Synonyms) {
			line("  ", strconv.Quote(k), quotedList(c.Synonyms[k]), c.Origin["synonyms."+k])
		}
	}
	if len(c.Ignore) == 0 {
		b.WriteString("ignore: []\n")
	} else {
		b.WriteString("ignore:\n")
		for i, ig := range c.Ignore {
			fmt.Fprintf(&b, "  - %s  # %s\n", ig, c.Origin[fmt.Sprintf("ignore[%d]", i)])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
