// Command crosscheck reads several news articles about one event, lines up
// the facts each states, and reports where they disagree.
//
//	crosscheck check fixtures/meta-scale/*.txt
//
// See `crosscheck --help` and the README.
package main

import (
	"os"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
