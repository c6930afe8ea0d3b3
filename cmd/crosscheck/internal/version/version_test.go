package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestOf(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		bi     *debug.BuildInfo
		want   string
		reason string
	}{
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0", "go install …@v1.4.0 records the release"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261121093000-1a2b3c4d5e6f+dirty"}, Settings: vcs("1a2b3c4d5e6f7a8b", "true")}, "v0.0.0-20261121093000-1a2b3c4d5e6f+dirty", "go build in a checkout stamps a pseudo-version, which already names the revision"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1a2b3c4d5e6f7a8b9c0d", "false")}, "(devel) 1a2b3c4d5e6f", "a development build with its revision"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("1a2b3c4d5e6f7a8b9c0d", "true")}, "(devel) 1a2b3c4d5e6f+dirty", "uncommitted changes are said"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)", "go run and test binaries record no revision"},
		{&debug.BuildInfo{}, "(devel)", "no main module version at all"},
		{nil, "unknown", "a binary built without module support"},
	}
	for _, tt := range tests {
		if got := Of(tt.bi); got != tt.want {
			t.Errorf("Of(%+v) = %q, want %q (%s)", tt.bi, got, tt.want, tt.reason)
		}
	}
}

func TestLine(t *testing.T) {
	got := Tool{Name: "crosscheck", Version: "v1.4.0"}.Line()
	if !strings.HasPrefix(got, "crosscheck v1.4.0 (go") || !strings.HasSuffix(got, ")") || !strings.Contains(got, "/") {
		t.Errorf("Line() = %q, want crosscheck v1.4.0 (goX.Y, os/arch)", got)
	}
}
