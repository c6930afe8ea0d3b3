package cli

import (
	"errors"
	"strconv"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/config"
)

// A fraction is the value of a flag that takes a number from 0 to 1: a
// confidence, a floor of accuracy or F1. It is checked as the flag is
// read, so that NaN, which every range check lets through, and the
// infinities never reach a command.
type fraction struct{ p *float64 }

// newFraction returns a fraction flag that sets *p, first set to value.
func newFraction(p *float64, value float64) *fraction {
	*p = value
	return &fraction{p}
}

func (f *fraction) Set(s string) error {
	v, ok := config.ParseFraction(s)
	if !ok {
		return errors.New("want a number from 0 to 1")
	}
	*f.p = v
	return nil
}

func (f *fraction) String() string { return strconv.FormatFloat(*f.p, 'g', -1, 64) }

func (f *fraction) Type() string { return "fraction" }
