// Package judge is crosscheck's judging stage: it decides where the
// sources of one event disagree, how sure it is, and why.
//
// Checker.Check reads the articles (package read), lines their figures
// up into facts (package align) and turns each fact that two sources
// state incompatibly into a Finding with a confidence and its reasons,
// and each fact they agree on into an Agreement. Figures that moved over
// the coverage are said to have changed, with each value's publication
// time, rather than reported as a confusion.
//
// Checker.Lint judges drafts against reference articles slot by slot:
// the reader's claims lined up by subject, attribute and time (Align),
// compared within Tolerances and scored by the confidence model of
// score.yaml (Weights, refitted by cmd/calibrate). Suppression comments
// in a draft (ParseSuppressions) leave findings out.
package judge
