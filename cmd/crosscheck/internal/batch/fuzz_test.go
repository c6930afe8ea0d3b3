package batch

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadAssignment reads arbitrary bytes as an events.assign.jsonl: an
// error or an assignment whose records are numbered in order and each
// have an event or a skip, never a panic.
func FuzzReadAssignment(f *testing.F) {
	f.Add([]byte("{\"grouping\":\"g\",\"records\":1}\n{\"n\":1,\"record\":\"a.jsonl:1\",\"id\":\"a\",\"event\":\"ev-1\"}\n"))
	f.Add([]byte("{\"grouping\":\"g\",\"records\":2}\n{\"n\":1,\"record\":\"k\",\"skipped\":true,\"reason\":\"bad\"}\n"))
	f.Add([]byte("{\"grouping\":\"\"}\n"))
	f.Add([]byte(""))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "a.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := ReadAssignment(path)
		if err != nil {
			return
		}
		for i, r := range a.Records {
			if r.N != i+1 || (r.Event == "") == !r.Skipped {
				t.Fatalf("record %d accepted: %+v", i, r)
			}
		}
	})
}
