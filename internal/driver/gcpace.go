package driver

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// A run's peak memory is set by its largest package: the syntax, types,
// SSA (x/tools' for the engines, staticcheck's IR for the bundled checks)
// and engine results of one package are all live until the runner is done
// with it, and with the default GOGC=100 the heap grows to twice that
// before the next collection. The pacer below narrows the growth allowed
// past the live heap to headroom (but at least half of the live heap)
// while one huge package is being analysed (elasticsearch's 2,300
// generated files of typedapi/types under jaeger; nats-server's server
// package).
//
// Most of a run the live heap is small (10-60 MB between large packages),
// and GOGC=100 then collects every few tens of megabytes of allocation,
// each collection marking the same live heap (collecting less often
// there took 15-30% off the CPU of cold runs of grpc, caddy and jaeger).
// Below smallGrowth of live heap the pacer lets the heap
// grow by smallGrowth instead (at most maxPercent), so the peak stays
// below 2*smallGrowth there, under that of the large packages. GOGC set by
// the user turns the pacer off.
const (
	headroom    = 256 << 20
	smallGrowth = 128 << 20
	maxPercent  = 400
)

// gcPercentFor is the GOGC for a live heap of live bytes: the percentage
// that allows smallGrowth of growth (up to maxPercent) below smallGrowth,
// 100 up to headroom, then the percentage that allows headroom of growth,
// down to 50. Percentages are multiples of ten: SetGCPercent stops the
// world, so it should change rarely.
func gcPercentFor(live uint64) int {
	switch {
	case live < smallGrowth:
		p := maxPercent
		if live > 0 {
			p = min(p, int(100*smallGrowth/live))
		}
		return max(p-p%10, 100)
	case live <= headroom:
		return 100
	}
	p := int(100 * headroom / live)
	p -= p % 10
	return max(p, 50)
}

type gcPacer struct {
	done chan struct{}
	wg   sync.WaitGroup
}

// paceGC starts the pacer; stop restores the default.
func paceGC() *gcPacer {
	p := &gcPacer{done: make(chan struct{})}
	if _, set := os.LookupEnv("GOGC"); set {
		return p
	}
	p.wg.Add(1)
	go p.run()
	return p
}

func (p *gcPacer) run() {
	defer p.wg.Done()
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	cur, cycles := 100, uint64(0)
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	defer func() {
		if cur != 100 {
			debug.SetGCPercent(100)
		}
	}()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
		}
		metrics.Read(samples)
		if samples[0].Value.Kind() != metrics.KindUint64 || samples[1].Value.Kind() != metrics.KindUint64 {
			return // a runtime without these metrics: leave the default
		}
		if c := samples[1].Value.Uint64(); c == cycles {
			continue // the live heap changes only at a collection
		} else {
			cycles = c
		}
		if want := gcPercentFor(samples[0].Value.Uint64()); want != cur {
			debug.SetGCPercent(want)
			cur = want
		}
	}
}

func (p *gcPacer) stop() {
	close(p.done)
	p.wg.Wait()
}
