package read

import (
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck/checker"
	"github.com/crosscheck/crosscheck/checker/text"
)

// runBytes is about how much text a run holds: enough that handing it
// between goroutines costs nothing to speak of, little enough that the
// quantities of the runs read ahead take little memory.
const runBytes = 32 << 10

// EachQuantity calls emit with every quantity of arts, in article and
// text order, as it is found, on the caller's goroutine: e is only valid
// during the call. It stops at the first error emit returns and returns
// it.
//
// A long input is read on every processor (GOMAXPROCS): it is cut into
// runs of paragraphs (or of the sentences of a long paragraph) of about
// runBytes, each read on one goroutine while emit is given the
// quantities of the runs before it. A few runs are read ahead of emit
// and no more, so memory is bounded by them, not by the input.
func EachQuantity(arts []*checker.Article, emit func(e *checker.Extracted) error) error {
	workers := runtime.GOMAXPROCS(0)
	if workers < 2 || textBytes(arts, 2*runBytes) <= 2*runBytes {
		return eachQuantity(arts, emit)
	}
	return eachQuantityParallel(arts, workers, emit)
}

// eachQuantity is EachQuantity on one goroutine, nothing kept from one
// call of emit to the next.
func eachQuantity(arts []*checker.Article, emit func(e *checker.Extracted) error) error {
	var sc Scanner
	var err error
	var e checker.Extracted
	for _, a := range arts {
		sc.Sentences(a, func(s *Sentence) {
			for i := 0; i < len(s.Quantities) && err == nil; i++ {
				e = extracted(a, s.Found(i))
				err = emit(&e)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// extracted is the item a found quantity of a is listed as.
func extracted(a *checker.Article, f Found) checker.Extracted {
	return checker.Extracted{
		Source: a.ID, Text: f.Quantity.Text, Value: checker.ValueOf(f.Quantity),
		Evidence: f.Evidence, Span: [2]int{f.Start, f.End},
	}
}

// textBytes is the length of the paragraphs of arts, counted up to a
// little past limit.
func textBytes(arts []*checker.Article, limit int) int {
	n := 0
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			if n += len(p.Text); n > limit {
				return n
			}
		}
	}
	return n
}

// A run is a stretch of one article read on one goroutine: its
// paragraphs [from, to), or with spans, those sentences of paragraph from
// alone.
type run struct {
	art      *checker.Article
	from, to int
	spans    []text.Span
	found    []checker.Extracted // the run's quantities, once done is closed
	done     chan struct{}
}

// read appends the quantities of r to r.found, reading with sc.
func (r *run) read(sc *Scanner) {
	add := func(s *Sentence) {
		for i := range s.Quantities {
			r.found = append(r.found, extracted(r.art, s.Found(i)))
		}
	}
	if r.spans != nil {
		sc.sentences(r.art, r.from, r.spans, add)
	} else {
		for pi := r.from; pi < r.to; pi++ {
			sc.sents = text.AppendSentences(sc.sents[:0], r.art.Paragraphs[pi].Text)
			sc.sentences(r.art, pi, sc.sents, add)
		}
	}
	close(r.done)
}

// eachQuantityParallel is EachQuantity on workers goroutines besides the
// caller's: one goroutine cuts the runs and hands each to the readers and,
// in order, to the caller, which waits for each run to be read and emits
// its quantities. The queue to the caller bounds how far reading runs
// ahead of emit. When emit fails, the goroutines stop before it returns.
func eachQuantityParallel(arts []*checker.Article, workers int, emit func(e *checker.Extracted) error) error {
	todo := make(chan *run)             // runs to read
	order := make(chan *run, 2*workers) // the same runs, in order
	stop := make(chan struct{})         // closed when the caller stops early
	// The found slices of runs emitted, for the runs still to read: room
	// for all that can be in flight, so that once the first have been
	// emitted no run allocates one.
	free := make(chan []checker.Extracted, cap(order)+workers+2)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(todo)
		defer close(order)
		cutRuns(arts, func(r *run) bool {
			select {
			case order <- r:
			case <-stop:
				return false
			}
			select {
			case todo <- r:
				return true
			case <-stop:
				return false
			}
		})
	})
	for range workers {
		wg.Go(func() {
			var sc Scanner
			for r := range todo {
				select {
				case r.found = <-free:
				default:
				}
				r.read(&sc)
			}
		})
	}
	var err error
	for r := range order {
		<-r.done
		for i := 0; i < len(r.found) && err == nil; i++ {
			err = emit(&r.found[i])
		}
		if err != nil {
			break
		}
		select {
		case free <- r.found[:0]:
		default:
		}
	}
	close(stop)
	wg.Wait()
	return err
}

// cutRuns hands each run of arts to send, in order, until send returns
// false. A run is paragraphs of about runBytes together; a paragraph
// longer than that is cut into runs of its sentences.
func cutRuns(arts []*checker.Article, send func(*run) bool) {
	for _, a := range arts {
		for from := 0; from < len(a.Paragraphs); {
			if p := a.Paragraphs[from].Text; len(p) > runBytes {
				spans := text.Sentences(p)
				for len(spans) > 0 {
					n, size := 0, 0
					for n < len(spans) && size < runBytes {
						size += spans[n].End - spans[n].Start
						n++
					}
					if !send(&run{art: a, from: from, spans: spans[:n:n], done: make(chan struct{})}) {
						return
					}
					spans = spans[n:]
				}
				from++
				continue
			}
			to, size := from, 0
			for to < len(a.Paragraphs) && size < runBytes && (to == from || len(a.Paragraphs[to].Text) <= runBytes) {
				size += len(a.Paragraphs[to].Text)
				to++
			}
			if !send(&run{art: a, from: from, to: to, done: make(chan struct{})}) {
				return
			}
			from = to
		}
	}
}
