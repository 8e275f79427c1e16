package cli

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/reviewlint/reviewlint/internal/driver"
)

// TestProgress covers the three cases of the progress line: a terminal and
// a run past progressAfter draws it (and clear erases it), a quick run and
// a stderr that is not a terminal draw nothing.
func TestProgress(t *testing.T) {
	snap := driver.Progress{Phase: "analysing", Done: 3, Total: 10, InitialDone: 1, Initials: 2}
	var b strings.Builder
	p := &progressLine{w: &b, start: time.Now().Add(-progressAfter), enabled: true}
	p.update(snap)
	p.clear()
	if want := "\r\033[Kreviewlint: analysing: 3/10 packages (1/2 named)\r\033[K"; b.String() != want {
		t.Errorf("long run on a terminal wrote %q, want %q", b.String(), want)
	}

	b.Reset()
	p = &progressLine{w: &b, start: time.Now(), enabled: true}
	p.update(snap)
	p.clear()
	if b.Len() != 0 {
		t.Errorf("quick run wrote %q, want nothing", b.String())
	}

	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := newProgress(f); p.enabled {
		t.Errorf("progress enabled on a regular file")
	}
}
