package batch

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMain lets a test run a batch in a child process (this test binary
// again), so that it can be killed for real.
func TestMain(m *testing.M) {
	if in, out := os.Getenv("CROSSCHECK_BATCH_CHILD_IN"), os.Getenv("CROSSCHECK_BATCH_CHILD_OUT"); in != "" {
		if _, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1}); err != nil {
			os.Stderr.WriteString(err.Error())
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestResumeAfterKill kills a running batch with SIGKILL once it has
// checked some events, then resumes it: no report is left half written
// by the kill, and the resumed run ends with the report of a clean run.
func TestResumeAfterKill(t *testing.T) {
	in := corpus(t, 150)
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CROSSCHECK_BATCH_CHILD_IN="+in, "CROSSCHECK_BATCH_CHILD_OUT="+out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(out, journalFile)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if data, err := os.ReadFile(journal); err == nil && bytes.Count(data, []byte("\n")) >= 1 {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the child wrote no event in 60 s: %s", stderr.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if _, err := os.Stat(filepath.Join(out, EventsFile)); err == nil {
		t.Skip("the child finished before it was killed; nothing to resume") // justified: a race the test cannot always win on a fast machine
	}
	for _, f := range []string{SummaryFile, "index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s exists after a kill: half a report", f)
		}
	}
	sum, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 2, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events.Resumed == 0 {
		t.Error("nothing resumed after the kill, though the journal held checked events")
	}
	clean := t.TempDir()
	if _, err := Run(Options{Inputs: []string{in}, Dir: clean, Jobs: 2}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{EventsFile, "index.html"} {
		a, _ := os.ReadFile(filepath.Join(clean, f))
		b, _ := os.ReadFile(filepath.Join(out, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s after the kill and --resume differs from a clean run's", f)
		}
	}
	t.Logf("killed after the first events; resumed %d of %d", sum.Events.Resumed, sum.Events.Total)
}
