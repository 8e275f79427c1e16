package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/reviewlint/reviewlint/internal/driver"
)

// progressLine keeps one updating status line on a terminal stderr, and
// stays silent when stderr is not a terminal or the run is quick.
type progressLine struct {
	mu      sync.Mutex
	w       io.Writer
	start   time.Time
	enabled bool
	shown   bool
}

func newProgress(stderr io.Writer) *progressLine {
	return &progressLine{w: stderr, start: time.Now(), enabled: isTerminal(stderr)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressAfter is how long a run stays quiet before drawing progress: a
// quick run's output should not flicker.
const progressAfter = 2 * time.Second

func (p *progressLine) update(s driver.Progress) {
	if !p.enabled || time.Since(p.start) < progressAfter {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.shown = true
	fmt.Fprintf(p.w, "\r\033[Kreviewlint: %s: %d/%d packages (%d/%d named)", s.Phase, s.Done, s.Total, s.InitialDone, s.Initials)
}

func (p *progressLine) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// timer sums analyzer time per analyzer for -debug-timing.
type timer struct {
	mu      sync.Mutex
	enabled bool
	start   time.Time
	total   map[string]time.Duration
	runs    map[string]int
}

func newTimer(enabled bool) *timer {
	return &timer{enabled: enabled, start: time.Now(), total: map[string]time.Duration{}, runs: map[string]int{}}
}

// record is the driver's Timing callback; nil when timing is off, so the
// runner skips the measurement.
func (t *timer) record(analyzer, _ string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.total[analyzer] += d
	t.runs[analyzer]++
}

func (t *timer) callback() func(string, string, time.Duration) {
	if !t.enabled {
		return nil
	}
	return t.record
}

// print writes the phase split: loading (go list and planning), the whole
// analysis wall time, and CPU time per analyzer summed over packages
// (analyzers run in parallel, so the sum exceeds the wall time).
func (t *timer) print(w io.Writer, out *driver.Output) {
	if !t.enabled {
		return
	}
	wall := time.Since(t.start)
	fmt.Fprintf(w, "timing: total %v\n", wall.Round(time.Millisecond))
	fmt.Fprintf(w, "timing: load (go list, export data, planning) %v\n", out.LoadTime.Round(time.Millisecond))
	if d := out.Driver; d != nil {
		fmt.Fprintf(w, "timing: driver process %v (encoding its response %v)\n", d.Process.Round(time.Millisecond), d.Encode.Round(time.Millisecond))
		fmt.Fprintf(w, "timing: driver go list %v\n", d.List.Round(time.Millisecond))
	}
	if d := out.Driver; d != nil && d.Exporting {
		how := "go list -export"
		if d.Remembered {
			how = "the go command's answer remembered"
		}
		fmt.Fprintf(w, "timing: driver export data of other modules %v (%s)\n", d.Others.Round(time.Millisecond), how)
		fmt.Fprintf(w, "timing: driver export data of the module's packages %v (%d type-checked, %d from the cache, %d compiled)\n",
			d.Own.Round(time.Millisecond), d.Checked, d.Cached, d.Compiled)
		files := fmt.Sprintf("source: %d kB type-checked, %d kB unreached of %d kB", d.ReachBytes[0]>>10, d.ReachBytes[1]>>10, d.ReachBytes[2]>>10)
		if d.ReachRemembered {
			files += "; remembered"
		}
		if d.ReachOff != "" {
			fmt.Fprintf(w, "timing: driver unreached dependencies %v: none left out (%s; %s)\n", d.Reach.Round(time.Millisecond), d.ReachOff, files)
		} else {
			fmt.Fprintf(w, "timing: driver unreached dependencies %v (%d left out; needs of %d packages worked out, %d from the cache; %s)\n",
				d.Reach.Round(time.Millisecond), d.LeftOut, d.NeedsChecked, d.NeedsCached, files)
		}
	}
	fmt.Fprintf(w, "timing: analyse (type-check, SSA, analyzers; wall) %v\n", (wall - out.LoadTime).Round(time.Millisecond))
	fmt.Fprintf(w, "timing: packages analysed %d\n", out.Packages)
	names := make([]string, 0, len(t.total))
	for n := range t.total {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return t.total[names[i]] > t.total[names[j]] })
	for _, n := range names {
		fmt.Fprintf(w, "timing: analyzer %-20s %10v over %d packages\n", n, t.total[n].Round(time.Millisecond), t.runs[n])
	}
}
