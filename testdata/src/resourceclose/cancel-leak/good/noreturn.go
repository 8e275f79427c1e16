package good

import (
	"context"
	"log"
	"os"
	"runtime"
	"testing"
)

// Paths that end in a call that never returns owe no cancel: the process
// exits (os.Exit, log.Fatal), the goroutine unwinds (log.Panic) or ends
// (runtime.Goexit, FailNow). Modelled on x/tools' lostcancel testdata
// (go/analysis/passes/lostcancel/testdata/src/a/a.go, the switch "ok: used
// on all paths"), which reviewlint reported when the standard library's
// facts came from the precomputed table and it had no ctrlflow facts:
// buildssa marks these calls only when ctrlflow has os's and log's facts.
// The CLI script stdfacts-stops.txtar runs the same shapes with the table.

func switchOfStops(parent context.Context, mode int) {
	_, cancel := context.WithCancel(parent)
	switch mode {
	case 0:
		new(testing.T).FailNow()
	case 1:
		log.Fatal()
	case 2:
		cancel()
	case 3:
		print("hi")
		fallthrough
	default:
		os.Exit(1)
	}
}

func exitsUnlessCancelled(parent context.Context, ok bool) {
	_, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return
	}
	os.Exit(1)
}

func panicsUnlessCancelled(parent context.Context, ok bool) {
	_, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return
	}
	log.Panic("not ok")
}

func goexitsUnlessCancelled(parent context.Context, ok bool) {
	_, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return
	}
	runtime.Goexit()
}
