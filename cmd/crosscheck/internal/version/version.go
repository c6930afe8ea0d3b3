// Package version says which crosscheck is running, from the build
// information the Go toolchain records in every binary
// (runtime/debug.ReadBuildInfo): the module version it was installed at,
// or, for a development build, the revision it was built from.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// A Tool names a program and its version, as the JSON report's "tool"
// and summary.json's do.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Current is this crosscheck.
func Current() Tool {
	bi, _ := debug.ReadBuildInfo()
	return Tool{Name: "crosscheck", Version: Of(bi)}
}

// Of is the version a build records: the main module's version (v1.4.0,
// or a pseudo-version such as v0.0.0-20261121093000-1a2b3c4d5e6f+dirty,
// which go build stamps from the repository); for a build that records
// none, "(devel)", with the revision and "+dirty" when they are known;
// "unknown" with no build information at all.
func Of(bi *debug.BuildInfo) string {
	if bi == nil {
		return "unknown"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	if v != "(devel)" {
		return v
	}
	var rev string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	v += " " + rev[:min(len(rev), 12)]
	if dirty {
		v += "+dirty"
	}
	return v
}

// Line is what `crosscheck version` and `crosscheck --version` print:
// the version, the Go release that built it and the platform.
func (t Tool) Line() string {
	return fmt.Sprintf("%s %s (%s, %s/%s)", t.Name, t.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
