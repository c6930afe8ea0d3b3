//go:build unix

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/crosscheck/crosscheck/checker/newsgen"
)

// BenchmarkExtractProcess times `crosscheck extract --quantities --format
// jsonl` as a user runs it: this command built, started as a process on
// 5 and on 20 MB of generated news, its output written to a file. It
// reports the input's MB/s, start-up and all, and the process's peak RSS.
// It is skipped where the go command cannot be found to build it.
func BenchmarkExtractProcess(b *testing.B) {
	bin := build(b)
	for _, mb := range []int{5, 20} {
		b.Run(fmt.Sprintf("input=%dMB", mb), func(b *testing.B) {
			dir := b.TempDir()
			in, out := filepath.Join(dir, "news.txt"), filepath.Join(dir, "out.jsonl")
			b.SetBytes(writeNews(b, in, mb<<20))
			var peak int64
			for b.Loop() {
				peak = max(peak, run(b, bin, out, "extract", "--quantities", "--format", "jsonl", "--max-size", "64MiB", in))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MiB")
		})
	}
}

// writeNews writes newsgen's Text of size bytes to the file name, an
// article at a time, and returns the bytes written. The benchmark's
// process never holds the text: a child's peak RSS counts its parent's
// at the start.
func writeNews(b *testing.B, name string, size int) int64 {
	b.Helper()
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	g := newsgen.New(1)
	n := 0
	for n < size {
		a, _ := g.Article(40)
		k, _ := w.WriteString(a)
		m, _ := w.WriteString("\n\n")
		n += k + m
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return int64(n)
}

// build builds this command into a temporary directory and returns the
// binary's path.
func build(b *testing.B) string {
	b.Helper()
	gocmd, err := exec.LookPath("go")
	if err != nil {
		b.Skipf("no go command to build crosscheck with: %v", err)
	}
	bin := filepath.Join(b.TempDir(), "crosscheck")
	if out, err := exec.Command(gocmd, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs bin with args, its standard output written to the file out,
// and returns its peak RSS in bytes.
func run(b *testing.B, bin, out string, args ...string) int64 {
	b.Helper()
	f, err := os.Create(out)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("crosscheck %v: %v\n%s", args, err, stderr.Bytes())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return ru.Maxrss // bytes there, kilobytes elsewhere
	}
	return ru.Maxrss << 10
}
