package bad

import (
	"errors"
	"sync"
)

type origin struct{ ok bool }

func (o origin) fetch() ([]byte, error) {
	if !o.ok {
		return nil, errors.New("down")
	}
	return []byte("x"), nil
}

// Fan-out to origins where an error path returns before Done: modelled on
// trickstercache/trickster#356 (a return in a counted goroutine left the
// WaitGroup unfinished; fixed with defer).
func fanOut(origins []origin) [][]byte {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var out [][]byte
	for _, o := range origins {
		wg.Add(1)
		go func(o origin) {
			b, err := o.fetch()
			if err != nil {
				return // want `returns here without calling Done`
			}
			mu.Lock()
			out = append(out, b)
			mu.Unlock()
			wg.Done()
		}(o)
	}
	wg.Wait()
	return out
}

type writer struct{ wg sync.WaitGroup }

func (w *writer) write(p []byte) error {
	if len(p) == 0 {
		return errors.New("empty")
	}
	return nil
}

// A flush goroutine with an early exit: modelled on
// influxdata/influxdb-client-go#33 (the method had an early exit, so the
// WaitGroup decrement had to be deferred).
func (w *writer) flush(batches [][]byte) {
	for _, b := range batches {
		w.wg.Add(1)
		go func(b []byte) {
			if err := w.write(b); err != nil {
				return // want `returns here without calling Done`
			}
			w.wg.Done()
		}(b)
	}
	w.wg.Wait()
}

type index struct{ wg sync.WaitGroup }

func (s *index) save(name string) error { return nil }

// Saving sitemaps in goroutines that return on a save error: modelled on
// sabloger/sitemap-generator#10 (Done never called when the goroutine
// returned early; fixed by deferring s.wg.Done()).
func (s *index) saveAll(names []string) {
	for _, n := range names {
		s.wg.Add(1)
		go func(n string) {
			if err := s.save(n); err != nil {
				return // want `returns here without calling Done`
			}
			s.wg.Done()
		}(n)
	}
	s.wg.Wait()
}
