package config

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/checker/judge"
	"github.com/crosscheck/crosscheck/checker/quantity"
)

// FileName is the name of the configuration file looked for from the
// working directory upwards.
const FileName = ".crosscheck.yaml"

// EnvVar names a configuration file to use instead of searching.
const EnvVar = "CROSSCHECK_CONFIG"

// A Config is crosscheck's effective configuration: the defaults, then a
// file, then flags.
type Config struct {
	// Path is the file read, "" when there was none.
	Path          string
	FailLevel     string
	MinConfidence float64
	// Tolerances by kind of figure ("money", "percent", "count" …) and
	// "about", as fractions of the larger figure; "at_least", of the
	// bound; "converted", of each figure, half on each.
	Tolerances map[string]float64
	// Outlets weigh sources by outlet name (or source id).
	Outlets map[string]float64
	// Synonyms add cue phrases to attributes of the lexicon.
	Synonyms map[string][]string
	Ignore   []Ignore
	// Origin says where each key's value came from: "default", a
	// "file:line", or "flag --name".
	Origin map[string]string
}

// An Ignore rule drops the findings that match every field it sets.
type Ignore struct {
	Attribute string `json:"attribute,omitempty"`
	Subject   string `json:"subject,omitempty"`
	ID        string `json:"id,omitempty"`
}

// tolerable are the kinds whose figures compare within a tolerance;
// dates and years compare on the parts they state.
var tolerable = []quantity.Kind{quantity.Money, quantity.Percent, quantity.Count, quantity.Number, quantity.Age, quantity.Duration, quantity.Multiplier, quantity.Measure}

// Default returns the configuration crosscheck uses with no file and no
// flags.
func Default() *Config {
	c := &Config{FailLevel: "high", Tolerances: map[string]float64{}, Outlets: map[string]float64{}, Synonyms: map[string][]string{}, Origin: map[string]string{}}
	t := judge.DefaultTolerances()
	for _, k := range tolerable {
		c.Tolerances[string(k)] = t.ByKind[k]
	}
	c.Tolerances["about"] = t.About
	c.Tolerances["at_least"] = t.AtLeast
	c.Tolerances["converted"] = t.Converted
	c.Origin["fail_level"] = "default"
	c.Origin["min_confidence"] = "default"
	for k := range c.Tolerances {
		c.Origin["tolerances."+k] = "default"
	}
	return c
}

// Find returns the configuration file to read: explicit when not empty,
// else the file named by env (the value of CROSSCHECK_CONFIG), else the
// first .crosscheck.yaml found from dir upwards. It returns "" when there
// is none; dir "" searches nowhere.
func Find(explicit, env, dir string) (string, error) {
	for _, p := range []string{explicit, env} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("config %s: %w", p, err)
		}
		return p, nil
	}
	if dir == "" {
		return "", nil
	}
	for d := dir; ; {
		p := filepath.Join(d, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("config %s: %w", p, err)
		}
		up := filepath.Dir(d)
		if up == d {
			return "", nil
		}
		d = up
	}
}

// Load reads the file at path over the defaults; path "" gives the
// defaults.
func Load(path string) (*Config, error) {
	c := Default()
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := c.parse(path, data); err != nil {
		return nil, err
	}
	c.Path = path
	return c, nil
}

// An Error is a mistake in a configuration file, at a line and key.
type Error struct {
	Path      string
	Line, Col int
	Key       string
	Msg       string
}

func (e *Error) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.Path, e.Line, e.Col, e.Key, e.Msg)
}

var topKeys = []string{"fail_level", "min_confidence", "tolerances", "outlets", "synonyms", "ignore"}

func (c *Config) parse(path string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file
	}
	root := doc.Content[0]
	bad := func(n *yaml.Node, key, format string, a ...any) error {
		return &Error{Path: path, Line: n.Line, Col: n.Column, Key: key, Msg: fmt.Sprintf(format, a...)}
	}
	at := func(n *yaml.Node) string { return fmt.Sprintf("%s:%d", path, n.Line) }
	if root.Kind != yaml.MappingNode {
		return bad(root, "", "want a mapping of keys (%s)", strings.Join(topKeys, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return bad(k, k.Value, "set twice")
		}
		seen[k.Value] = true
		switch k.Value {
		case "fail_level":
			if v.Kind != yaml.ScalarNode || !ValidFailLevel(v.Value) {
				return bad(v, k.Value, "want none, low, medium, high or a confidence from 0 to 1, got %s", show(v))
			}
			c.FailLevel, c.Origin[k.Value] = v.Value, at(v)
		case "min_confidence":
			f, ok := fraction(v)
			if !ok {
				return bad(v, k.Value, "want a confidence from 0 to 1, got %s", show(v))
			}
			c.MinConfidence, c.Origin[k.Value] = f, at(v)
		case "tolerances":
			if err := eachPair(v, k.Value, bad, func(kk, vv *yaml.Node) error {
				key := k.Value + "." + kk.Value
				if _, ok := c.Tolerances[kk.Value]; !ok {
					return bad(kk, key, "unknown kind (want %s)", strings.Join(sortedKeys(c.Tolerances), ", "))
				}
				f, ok := fraction(vv)
				if !ok || f >= 1 {
					return bad(vv, key, "want a fraction of the larger figure, from 0 up to 1 (0.01 is 1%%), got %s", show(vv))
				}
				c.Tolerances[kk.Value], c.Origin[key] = f, at(vv)
				return nil
			}); err != nil {
				return err
			}
		case "outlets":
			if err := eachPair(v, k.Value, bad, func(kk, vv *yaml.Node) error {
				key := k.Value + "." + kk.Value
				f, err := strconv.ParseFloat(vv.Value, 64)
				if vv.Kind != yaml.ScalarNode || err != nil || f <= 0 || math.IsInf(f, 0) || math.IsNaN(f) {
					return bad(vv, key, "want a positive weight (1 is an ordinary source), got %s", show(vv))
				}
				c.Outlets[kk.Value], c.Origin[key] = f, at(vv)
				return nil
			}); err != nil {
				return err
			}
		case "synonyms":
			if err := eachPair(v, k.Value, bad, func(kk, vv *yaml.Node) error {
				key := k.Value + "." + kk.Value
				if vv.Kind != yaml.SequenceNode || len(vv.Content) == 0 {
					return bad(vv, key, "want a list of phrases, got %s", show(vv))
				}
				for _, p := range vv.Content {
					if p.Kind != yaml.ScalarNode || strings.TrimSpace(p.Value) == "" {
						return bad(p, key, "want a phrase, got %s", show(p))
					}
					c.Synonyms[kk.Value] = append(c.Synonyms[kk.Value], p.Value)
				}
				c.Origin[key] = at(vv)
				return nil
			}); err != nil {
				return err
			}
		case "ignore":
			if v.Kind != yaml.SequenceNode {
				return bad(v, k.Value, "want a list of rules such as {attribute: age}, got %s", show(v))
			}
			for i, r := range v.Content {
				key := fmt.Sprintf("ignore[%d]", i)
				var ig Ignore
				if err := eachPair(r, key, bad, func(kk, vv *yaml.Node) error {
					if vv.Kind != yaml.ScalarNode || vv.Value == "" {
						return bad(vv, key+"."+kk.Value, "want a name, got %s", show(vv))
					}
					switch kk.Value {
					case "attribute":
						ig.Attribute = vv.Value
					case "subject":
						ig.Subject = vv.Value
					case "id":
						ig.ID = vv.Value
					default:
						return bad(kk, key+"."+kk.Value, "unknown key (want attribute, subject or id)")
					}
					return nil
				}); err != nil {
					return err
				}
				if ig == (Ignore{}) {
					return bad(r, key, "an ignore rule needs attribute, subject or id")
				}
				c.Ignore = append(c.Ignore, ig)
				c.Origin[key] = at(r)
			}
		default:
			return bad(k, k.Value, "unknown key (want %s)", strings.Join(topKeys, ", "))
		}
	}
	return nil
}

func eachPair(n *yaml.Node, key string, bad func(*yaml.Node, string, string, ...any) error, f func(k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return bad(n, key, "want a mapping, got %s", show(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := f(n.Content[i], n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

func fraction(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	return ParseFraction(n.Value)
}

// ParseFraction reads a number from 0 to 1, as a confidence, a fail
// level and a tolerance are. NaN and the infinities are refused: NaN
// compares false with both bounds, so a range check alone lets it
// through.
func ParseFraction(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= 1) {
		return 0, false
	}
	return f, true
}

func show(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return strconv.Quote(n.Value)
}

// ValidFailLevel reports whether s is none, low, medium, high or a
// confidence from 0 to 1.
func ValidFailLevel(s string) bool {
	_, _, ok := FailThreshold(s)
	return ok
}

// FailThreshold reads a fail level: the lowest confidence that fails, and
// fails false for none.
func FailThreshold(s string) (threshold float64, fails, ok bool) {
	switch strings.ToLower(s) {
	case "none":
		return 0, false, true
	case "low":
		return 0, true, true
	case "medium":
		return 0.5, true, true
	case "high":
		return 0.7, true, true
	}
	v, ok := ParseFraction(s)
	if !ok {
		return 0, false, false
	}
	return v, true, true
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
