package batch

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestMain lets a test run a batch in a child process (this test binary
// again), so that it can be killed for real.
func TestMain(m *testing.M) {
	if in, out := os.Getenv("CROSSCHECK_BATCH_CHILD_IN"), os.Getenv("CROSSCHECK_BATCH_CHILD_OUT"); in != "" {
		// The child kills itself with SIGKILL right after the journal
		// writer has taken its killAfter-th event, in that writer's own
		// goroutine: a real kill, at a point no race decides (no further
		// event can reach the journal).
		kill := func(n int64) {
			if n == killAfter {
				_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
				select {} // SIGKILL cannot be caught; wait for it to land
			}
		}
		if _, err := Run(Options{Inputs: []string{in}, Dir: out, Jobs: 1, journaled: kill}); err != nil {
			os.Stderr.WriteString(err.Error())
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// killAfter is how many events the child checks before it is killed; the
// corpus has more.
const killAfter = 100

// TestResumeAfterKill kills a running batch with SIGKILL once it has
// checked killAfter events, then resumes it: no report is left half written
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
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the child was not killed: %v\n%s", err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, EventsFile)); err == nil {
		t.Errorf("%s exists after a kill: half a report", EventsFile)
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
	if sum.Events.Resumed > killAfter {
		t.Errorf("resumed %d events; only %d were checked before the kill", sum.Events.Resumed, killAfter)
	}
	t.Logf("killed after %d events; resumed %d of %d", killAfter, sum.Events.Resumed, sum.Events.Total)
}
