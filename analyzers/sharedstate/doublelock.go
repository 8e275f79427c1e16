package sharedstate

import (
	"fmt"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
)

// doubleLocks reports a blocking acquisition of a lock that is already
// held on every path to it, directly or through a callee whose summary
// says it locks the same mutex: the goroutine waits for itself. Two read
// locks are reported too: a writer queued between them blocks the second
// RLock (sync.RWMutex forbids recursive read locking).
func (c *checker) doubleLocks(f *locks.Func) {
	for _, acq := range f.Acquisitions {
		if acq.Try {
			continue
		}
		for _, h := range acq.Before {
			if h.Site == nil || h.Lock != acq.Lock {
				continue
			}
			c.reportDoubleLock(acq, h)
			break
		}
	}
}

func (c *checker) reportDoubleLock(acq locks.Acquisition, h locks.Held) {
	name := acq.Lock.Name()
	how := "locks"
	if acq.Mode == locks.Read {
		how = "read-locks"
	}
	held := "locked"
	if h.Mode == locks.Read {
		held = "read-locked"
	}
	what := fmt.Sprintf("%s %s again", how, name)
	if acq.Via != nil {
		what = fmt.Sprintf("calls %s, which %s %s", acq.Via.Name(), how, name)
	}
	var msg string
	if acq.Mode == locks.Read && h.Mode == locks.Read {
		msg = fmt.Sprintf("this %s while it is already %s (line %d): a writer waiting in between blocks the second RLock and both deadlock; do not take the read lock recursively", what, held, c.line(h.Site.Pos()))
	} else {
		msg = fmt.Sprintf("this %s while it is already %s (line %d), so the goroutine deadlocks on itself; release it first or use a variant that expects the lock held", what, held, c.line(h.Site.Pos()))
	}
	c.pass.Report(c.pos.diagnostic(RuleDoubleLock, acq.Call.Pos(), msg, c.related(h.Site.Pos(), "first acquired here")))
}
