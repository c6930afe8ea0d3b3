package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/version"
)

// NewCmdRoot builds the crosscheck command tree.
func NewCmdRoot(io *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "crosscheck",
		Short: "Find where news articles about one event disagree on the facts",
		Long: `crosscheck reads several news articles about one event, pulls out the
facts each states (prices, valuations, stakes, counts, ages, dates,
durations), lines up the claims that are about the same thing, and reports
where the sources disagree, each finding with a confidence and the
evidence behind it.`,
		Version:       version.Current().Line(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{err}
	})
	root.AddCommand(NewCmdCheck(io, nil), NewCmdLint(io, nil), NewCmdExtract(io, nil), NewCmdEval(io, nil), NewCmdConfig(io, nil), NewCmdBatch(io, nil), NewCmdMerge(io, nil), NewCmdVersion(io, nil))
	return root
}

// Main runs crosscheck with args and returns the exit code.
func Main(args []string, io *IOStreams) int {
	root := NewCmdRoot(io)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errFindings):
		return ExitFindings
	}
	fmt.Fprintf(io.ErrOut, "crosscheck: %v\n", err)
	var u usageError
	if errors.As(err, &u) || strings.HasPrefix(err.Error(), "unknown command") {
		fmt.Fprintf(io.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return ExitError
}
