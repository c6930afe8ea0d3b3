package cli

import (
	"fmt"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/crosscheck/crosscheck/cmd/crosscheck/internal/batch"
)

// showProgress reports a batch run's counters on stderr until the
// returned function is called: as a bar ("bar"), as a line every
// interval ("plain"), or not at all ("none").
func showProgress(io *IOStreams, mode string, interval time.Duration, c *batch.Counters) (stop func()) {
	if mode == "none" {
		return func() {}
	}
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		start := time.Now()
		var bar *progressbar.ProgressBar
		phase := ""
		tick := interval
		if mode == "bar" {
			tick = 200 * time.Millisecond
		}
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-quit:
				if bar != nil {
					_ = bar.Finish()
					fmt.Fprintln(io.ErrOut)
				} else if mode == "plain" {
					fmt.Fprintln(io.ErrOut, progressLine(c, time.Since(start)))
				}
				return
			case <-t.C:
			}
			if mode == "plain" {
				fmt.Fprintln(io.ErrOut, progressLine(c, time.Since(start)))
				continue
			}
			if p := c.PhaseName(); p != phase {
				if bar != nil {
					_ = bar.Finish()
					fmt.Fprintln(io.ErrOut)
				}
				phase = p
				max := int64(-1)
				if p == "check" {
					max = c.Events.Load()
				}
				bar = progressbar.NewOptions64(max,
					progressbar.OptionSetWriter(io.ErrOut),
					progressbar.OptionSetDescription(p),
					progressbar.OptionShowCount(),
					progressbar.OptionShowIts(),
					progressbar.OptionSetItsString(map[bool]string{true: "events", false: "records"}[p == "check"]),
					progressbar.OptionSetPredictTime(true),
					progressbar.OptionSetElapsedTime(true),
					progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionSetWidth(30),
				)
			}
			if bar == nil {
				continue
			}
			switch phase {
			case "scan":
				_ = bar.Set64(c.Records.Load())
				bar.Describe(fmt.Sprintf("grouping: %d records read", c.Records.Load()))
			case "check":
				_ = bar.Set64(c.Done.Load())
				bar.Describe(fmt.Sprintf("events checked, %d findings", c.Findings.Load()))
			default:
				bar.Describe(phase)
			}
		}
	}()
	return func() {
		close(quit)
		wg.Wait()
	}
}

// progressLine is a plain progress report.
func progressLine(c *batch.Counters, elapsed time.Duration) string {
	secs := max(elapsed.Seconds(), 1e-3)
	switch c.PhaseName() {
	case "scan":
		n := c.Records.Load()
		return fmt.Sprintf("crosscheck: grouping: %d records read (%.0f/s)", n, float64(n)/secs)
	case "check", "write":
		done, total := c.Done.Load(), c.Events.Load()
		eta := "?"
		if done > 0 && total >= done {
			eta = (time.Duration(float64(elapsed) / float64(done) * float64(total-done))).Round(time.Second).String()
		}
		return fmt.Sprintf("crosscheck: checking: %d/%d events, %d findings, %.1f MB of text (%.1f MB/s), ETA %s",
			done, total, c.Findings.Load(), float64(c.Bytes.Load())/1e6, float64(c.Bytes.Load())/1e6/secs, eta)
	}
	return "crosscheck: starting"
}
