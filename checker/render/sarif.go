package render

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/checker"
)

// RuleID is the SARIF rule and JUnit failure type of a disagreement.
const RuleID = "crosscheck/disagreement"

// UnsupportedRuleID is the SARIF rule of a fact a draft states that no
// source speaks to (lint --unsupported).
const UnsupportedRuleID = "crosscheck/unsupported"

const infoURI = "https://github.com/crosscheck/crosscheck"

// The part of SARIF 2.1.0 that crosscheck writes. (github.com/owenrumney/
// go-sarif/v3 was tried: it panics on AddPartialFingerprint and fills
// every result with -1 sentinels and empty arrays.)
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
		Properties sarifRunProps `json:"properties"`
	}
	// sarifRunProps say what the results leave out: the findings
	// suppressed in a draft or recorded in a baseline, and how many
	// results are facts no source backs.
	sarifRunProps struct {
		Suppressed  int `json:"suppressed"`
		Baselined   int `json:"baselined"`
		Unsupported int `json:"unsupported"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		Name             string       `json:"name"`
		ShortDescription sarifText    `json:"shortDescription"`
		FullDescription  sarifText    `json:"fullDescription"`
		Help             sarifText    `json:"help"`
		Properties       sarifRuleTag `json:"properties"`
	}
	sarifRuleTag struct {
		Tags []string `json:"tags"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          any               `json:"properties"`
	}
	// sarifProperties are a finding's; sarifFact an unsupported fact's.
	sarifFact struct {
		Subject   string `json:"subject"`
		Attribute string `json:"attribute"`
		Time      string `json:"time"`
	}
	sarifProperties struct {
		Confidence float64  `json:"confidence"`
		Subject    string   `json:"subject"`
		Attribute  string   `json:"attribute"`
		Time       string   `json:"time"`
		Reasons    []string `json:"reasons"`
	}
	sarifLocation struct {
		ID               int           `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           sarifRegion   `json:"region"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
)

// sarifLevel maps a severity to SARIF's levels.
var sarifLevel = map[checker.Severity]string{checker.Error: "error", checker.Warning: "warning", checker.Info: "note"}

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts: one
// run, a result per finding located at Finding.Location with the
// contradicting evidence as related locations, the finding id as partial
// fingerprint and the confidence in the result's properties; a note per
// fact a draft states that no source speaks to, under a rule of its own;
// and, in the run's properties, how many findings were suppressed and
// baselined. URIs are relative to Options.Root; columns count Unicode
// code points (SARIF has no byte columns) when Options.Articles has the
// source.
func SARIF(w io.Writer, r *checker.Report, opt Options) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "crosscheck", Version: opt.Version, InformationURI: infoURI,
			Rules: []sarifRule{{
				ID:               RuleID,
				Name:             "FactDisagreement",
				ShortDescription: sarifText{Text: "A fact the sources state differently"},
				FullDescription:  sarifText{Text: "Two or more sources state incompatible values for the same subject, attribute and time: a price, a stake, a count, an age or a date. In a lint run, the draft states a value that the reference sources contradict."},
				Help: sarifText{
					Text:     "Check the figure against the sources given as related locations. To accept a known discrepancy, put <!-- crosscheck-disable-next-line --> above the line, or add an ignore rule to .crosscheck.yaml.",
					Markdown: "Check the figure against the sources given as related locations. To accept a known discrepancy, put `<!-- crosscheck-disable-next-line -->` above the line, or add an `ignore` rule to `.crosscheck.yaml`.",
				},
				Properties: sarifRuleTag{Tags: []string{"fact-check"}},
			}, {
				ID:               UnsupportedRuleID,
				Name:             "UnsupportedFact",
				ShortDescription: sarifText{Text: "A fact the draft states that no source speaks to"},
				FullDescription:  sarifText{Text: "The draft states a figure for a subject, attribute and time that none of the reference sources states anything about: nothing contradicts it, and nothing backs it."},
				Help: sarifText{
					Text:     "Check the figure against a source that states it, or add such a source to the references.",
					Markdown: "Check the figure against a source that states it, or add such a source to `--against`.",
				},
				Properties: sarifRuleTag{Tags: []string{"fact-check"}},
			}},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: sarifRunProps{Suppressed: r.Suppressed, Baselined: r.Baselined, Unsupported: len(r.Unsupported)},
	}
	for _, f := range r.Findings {
		loc, ok := f.Location()
		if !ok {
			continue // SARIF results here always point somewhere
		}
		res := sarifResult{
			RuleID: RuleID, Level: sarifLevel[f.Severity],
			Message:             sarifText{Text: fmt.Sprintf("%s (confidence %.2f)", message(f), f.Confidence)},
			Locations:           []sarifLocation{sarifLoc(loc, opt)},
			PartialFingerprints: map[string]string{"crosscheckFindingId/v1": f.ID},
			Properties:          sarifProperties{Confidence: f.Confidence, Subject: f.Subject, Attribute: f.Attribute, Time: f.Time, Reasons: f.Reasons},
		}
		for i, e := range f.Related() {
			l := sarifLoc(e, opt)
			l.ID = i + 1
			l.Message = &sarifText{Text: fmt.Sprintf("%s says: %s", e.Source, e.Sentence)}
			res.RelatedLocations = append(res.RelatedLocations, l)
		}
		run.Results = append(run.Results, res)
	}
	for _, u := range r.Unsupported {
		loc, ok := unsupportedAt(u)
		if !ok {
			continue
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: UnsupportedRuleID, RuleIndex: 1, Level: "note",
			Message:             sarifText{Text: unsupportedMessage(u)},
			Locations:           []sarifLocation{sarifLoc(loc, opt)},
			PartialFingerprints: map[string]string{"crosscheckUnsupportedId/v1": factID(u)},
			Properties:          sarifFact{Subject: u.Subject, Attribute: u.Attribute, Time: u.Time},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifLoc(e checker.Evidence, opt Options) sarifLocation {
	el, ec := endOf(e)
	u := &url.URL{Path: pathOf(e.Source, opt)}
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: u.EscapedPath()},
		Region: sarifRegion{
			StartLine: e.Line, StartColumn: codePoints(opt, e.Source, e.Line, e.Column),
			EndLine: el, EndColumn: codePoints(opt, e.Source, el, ec),
		},
	}}
}

// codePoints turns a column in UTF-8 bytes into one in code points, as
// SARIF counts, using the source's text; without it, bytes are kept.
func codePoints(opt Options, source string, line, byteCol int) int {
	a := opt.Articles[source]
	if a == nil || line < 1 || line > len(a.LineStarts) {
		return byteCol
	}
	start := a.LineStarts[line-1]
	end := min(start+byteCol-1, len(a.Raw))
	if end < start {
		return byteCol
	}
	return utf8.RuneCountInString(a.Raw[start:end]) + 1
}

// factID is a stable fingerprint of a fact a draft states: a hash of the
// draft, the slot and the value, never of line numbers, as finding ids
// are.
func factID(u checker.Agreement) string {
	draft := ""
	if len(u.Sources) > 0 {
		draft = u.Sources[0]
	}
	h := sha256.Sum256([]byte(strings.Join([]string{draft, u.Subject, u.Attribute, u.Time, u.Values[0].Text}, "\x00")))
	return hex.EncodeToString(h[:6])
}
