package cli

import (
	"errors"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// peakProfiler writes a heap profile each time the live heap (as of the
// last garbage collection) reaches a new high, at least a tenth above the
// last one written: the profile left behind is the heap at the run's peak,
// which is what the peak RSS follows, where -memprofile shows the heap at
// exit, when most of it is gone. Each profile written costs one forced
// collection: a debugging aid, never on by default.
type peakProfiler struct {
	path    string
	done    chan struct{}
	wg      sync.WaitGroup
	err     error
	written bool
}

func startPeakProfile(path string) *peakProfiler {
	p := &peakProfiler{path: path, done: make(chan struct{})}
	p.wg.Add(1)
	go p.watch()
	return p
}

func (p *peakProfiler) watch() {
	defer p.wg.Done()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var written uint64
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			continue
		}
		if live := sample[0].Value.Uint64(); live > written+written/10 {
			written = live
			// The heap profile lags the collections by up to two
			// cycles: one more collection makes it show this heap.
			runtime.GC()
			p.err = p.write()
			p.written = true
		}
	}
}

func (p *peakProfiler) write() error {
	tmp := p.path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := errors.Join(pprof.Lookup("heap").WriteTo(f, 0), f.Close()); err != nil {
		return err
	}
	return os.Rename(tmp, p.path)
}

func (p *peakProfiler) stop() error {
	close(p.done)
	p.wg.Wait()
	if !p.written {
		return p.write() // a run too short for a collection
	}
	return p.err
}
