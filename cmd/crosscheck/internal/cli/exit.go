package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/config"
)

// Exit codes, as linters use them.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage, input or runtime error
)

// errFindings reports that findings reached the fail level; it carries no
// message because the report already said everything.
var errFindings = errors.New("findings at or above the fail level")

// usageError marks a mistake in how the command was called; Main adds a
// pointer to --help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// failThreshold parses --fail-level: none, low, medium, high, or a
// confidence in [0,1]. It returns the lowest confidence that fails, and
// ok false for none.
func failThreshold(s string) (float64, bool, error) {
	v, fails, ok := config.FailThreshold(s)
	if !ok {
		return 0, false, usagef("--fail-level %q: want none, low, medium, high or a confidence from 0 to 1", s)
	}
	return v, fails, nil
}

// parseSize reads a byte count with an optional unit: 10MiB, 500KB, 2048.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}}
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, usagef("--max-size %q: want a positive size such as 10MiB or 500KB", s)
	}
	return n * mult, nil
}
