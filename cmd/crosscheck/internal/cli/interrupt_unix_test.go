//go:build unix

package cli

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// TestInterruptSignals: Ctrl-C at a terminal and SIGTERM, what systemd,
// Kubernetes and kill send, both end a batch's context, so both stop it
// the same way. Each signal is sent to this process for real.
func TestInterruptSignals(t *testing.T) {
	for _, tt := range []struct {
		sig    syscall.Signal
		reason string
	}{
		{syscall.SIGINT, "Ctrl-C at a terminal"},
		{syscall.SIGTERM, "systemd, Kubernetes and kill stop a service with it"},
	} {
		ctx, stop := interruptContext(context.Background())
		if err := syscall.Kill(syscall.Getpid(), tt.sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute): // a bound on a hang, not a measure of speed
			t.Errorf("%v did not end the context (%s)", tt.sig, tt.reason)
		}
		stop()
	}
}
