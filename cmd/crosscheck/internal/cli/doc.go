// Package cli is crosscheck's command line: one cobra command per file,
// each with an Options struct and a runF seam so that flag parsing can be
// tested without running the command. It owns flags, exit codes and where
// output goes; the checker decides, the renderers draw.
package cli
