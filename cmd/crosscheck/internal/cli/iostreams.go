package cli

import (
	"io"
	"io/fs"
	"os"
	"time"

	"golang.org/x/term"
)

// IOStreams are where a command reads and writes, and what they are.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY is true when Out is a terminal: tables and colour by default.
	OutTTY bool
	// ErrTTY is true when ErrOut is a terminal: progress bars.
	ErrTTY bool
	// NoColor is true when the NO_COLOR environment variable is set.
	NoColor bool
	// Width is the terminal's width, 0 when unknown.
	Width int
	// Now is the clock (--since 24h); nil is time.Now.
	Now func() time.Time
	// Getenv reads the environment (CROSSCHECK_CONFIG); nil reads none.
	Getenv func(string) string
	// WorkDir is where .crosscheck.yaml is looked for, upwards, and what
	// report paths are relative to; "" looks nowhere.
	WorkDir string
	// FS is the file system inputs are read from; nil is the operating
	// system's. Tests give one that fails where a real one seldom does.
	FS fs.FS
}

// System returns the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		s.OutTTY = true
		if w, _, err := term.GetSize(fd); err == nil {
			s.Width = w
		}
	}
	s.ErrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	_, s.NoColor = os.LookupEnv("NO_COLOR")
	s.Getenv = os.Getenv
	if wd, err := os.Getwd(); err == nil {
		s.WorkDir = wd
	}
	return s
}
