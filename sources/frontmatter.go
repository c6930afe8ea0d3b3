package sources

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML block that may open a text or Markdown file.
type frontMatter struct {
	Title     string
	Outlet    string
	Published time.Time
	URL       string
	Weight    float64 // 0 when not given
}

// frontMatterKeys are the keys front matter may give.
var frontMatterKeys = []string{"title", "outlet", "published", "url", "weight"}

// readFrontMatter reads a "---" fenced YAML block at the start of s and
// returns it with the offset just past it. An error names the line in
// the file (the opening --- is line 1) and the key: a key that is not
// one of frontMatterKeys or is given twice, a list or mapping where one
// value belongs, a date or weight that is not one.
func readFrontMatter(s string) (frontMatter, int, error) {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return frontMatter{}, 0, nil
	}
	start := strings.IndexByte(s, '\n') + 1
	rest := s[start:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, "\r") == "---" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return frontMatter{}, 0, errors.New("opening --- has no closing ---")
	}
	fm, err := decodeFrontMatter(rest[:end])
	if err != nil {
		return frontMatter{}, 0, err
	}
	after := start + end + len("---")
	if after < len(s) && s[after] == '\r' {
		after++
	}
	if after < len(s) && s[after] == '\n' {
		after++
	}
	return fm, after, nil
}

// decodeFrontMatter reads the YAML between the fences, whose first line
// is line 2 of the file.
func decodeFrontMatter(src string) (frontMatter, error) {
	var fm frontMatter
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return fm, yamlError(err, strings.Count(src, "\n"))
	}
	if len(doc.Content) == 0 {
		return fm, nil // an empty block
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fm, fmt.Errorf("line %d: want key: value lines", m.Line+1)
	}
	first := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key, line := k.Value, k.Line+1
		if at, ok := first[key]; ok {
			return fm, fmt.Errorf("line %d: %s: given twice (first on line %d)", line, key, at)
		}
		first[key] = line
		if !slices.Contains(frontMatterKeys, key) {
			return fm, fmt.Errorf("line %d: unknown key %q (want %s)", line, key, strings.Join(frontMatterKeys, ", "))
		}
		switch v.Kind {
		case yaml.ScalarNode:
		case yaml.SequenceNode:
			return fm, fmt.Errorf("line %d: %s: want one value, not a list", line, key)
		default:
			return fm, fmt.Errorf("line %d: %s: want one value, not a mapping or an alias", line, key)
		}
		if v.Tag == "!!null" {
			continue // given empty: not given
		}
		switch val := v.Value; key {
		case "title":
			fm.Title = val
		case "outlet":
			fm.Outlet = val
		case "url":
			fm.URL = val
		case "published":
			t, err := parseTime(val)
			if err != nil {
				return fm, fmt.Errorf("line %d: published %q: not a date (want 2006-01-02 or RFC 3339)", line, val)
			}
			fm.Published = t
		case "weight":
			var w float64
			if err := v.Decode(&w); err != nil {
				return fm, fmt.Errorf("line %d: weight %q: not a number", line, val)
			}
			if w <= 0 || math.IsNaN(w) || math.IsInf(w, 0) {
				return fm, fmt.Errorf("line %d: weight %s: want a positive number", line, val)
			}
			fm.Weight = w
		}
	}
	return fm, nil
}

// yamlLine is the line a YAML syntax error gives, and the rest of it.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError restates a YAML syntax error with the line in the file, not
// in the block of n lines, and without the library's "yaml:" prefix. An
// error YAML gives no line for names the block's lines.
func yamlError(err error, n int) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if line, err := strconv.Atoi(m[1]); err == nil {
			return fmt.Errorf("line %d: %s", line+1, m[2])
		}
	}
	return fmt.Errorf("lines 2-%d: %s", n+1, strings.TrimPrefix(msg, "yaml: "))
}
