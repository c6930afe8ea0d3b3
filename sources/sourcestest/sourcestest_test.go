package sourcestest

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestLockedFS: a locked name cannot be opened or listed but can be
// stat'ed; every other name reads as on the file system below.
func TestLockedFS(t *testing.T) {
	l := LockedFS{FS: fstest.MapFS{"d/a.txt": {Data: []byte("x")}, "b.txt": {Data: []byte("y")}}, Locked: map[string]bool{"d": true}}
	if _, err := l.ReadDir("d"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("ReadDir of a locked directory: %v, want a permission error", err)
	}
	if _, err := l.Open("d"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Open of a locked directory: %v, want a permission error", err)
	}
	if _, err := l.Stat("d"); err != nil {
		t.Errorf("Stat of a locked directory: %v, want it described", err)
	}
	if b, err := fs.ReadFile(l, "b.txt"); err != nil || string(b) != "y" {
		t.Errorf("ReadFile of an unlocked file = %q, %v; want y", b, err)
	}
}
