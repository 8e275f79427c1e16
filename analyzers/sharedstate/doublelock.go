package sharedstate

import (
	"fmt"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
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
		reported := false
		for _, h := range acq.Before {
			if h.Site == nil || h.Lock != acq.Lock {
				continue
			}
			c.reportDoubleLock(acq, h)
			reported = true
			break
		}
		if !reported && f.RelockedRoundLoop(acq) {
			c.reportLoopRelock(acq)
			reported = true
		}
		if !reported && acq.Via != nil {
			c.backLinkRelock(acq)
		}
	}
}

// reportLoopRelock reports a Lock that a path round its loop reaches again
// still holding the lock (see locks.Func.RelockedRoundLoop).
func (c *checker) reportLoopRelock(acq locks.Acquisition) {
	how, unlock := "locks", "Unlock"
	if acq.Mode == locks.Read {
		how, unlock = "read-locks", "RUnlock"
	}
	name := acq.Lock.Name()
	msg := fmt.Sprintf("this %s %s again on the next iteration while it is still locked: a path round the loop (a continue, say) skips the %s, so the goroutine deadlocks on itself; call %s.%s() on that path too", how, name, unlock, name, unlock)
	c.pass.Report(c.pos.diagnostic(RuleDoubleLock, acq.Call.Pos(), msg))
}

func (c *checker) reportDoubleLock(acq locks.Acquisition, h locks.Held) {
	name := acq.Lock.Name()
	how, held := relockWords(acq, h)
	what := fmt.Sprintf("%s %s again", how, name)
	switch {
	case acq.Through != "":
		what = fmt.Sprintf("calls %s, which may be %s, which %s %s", acq.Through, acq.Via.Name(), how, name)
	case acq.Via != nil:
		what = fmt.Sprintf("calls %s, which %s %s", acq.Via.Name(), how, name)
	}
	remedy := "release it first or use a variant that expects the lock held"
	if acq.Through != "" {
		remedy = "copy the function under the lock and call it after releasing the lock"
	}
	var msg string
	if acq.Mode == locks.Read && h.Mode == locks.Read {
		msg = fmt.Sprintf("this %s while it is already %s (line %d): a writer waiting in between blocks the second RLock and both deadlock; do not take the read lock recursively", what, held, c.line(h.Site.Pos()))
	} else {
		msg = fmt.Sprintf("this %s while it is already %s (line %d), so the goroutine deadlocks on itself; %s", what, held, c.line(h.Site.Pos()), remedy)
	}
	c.pass.Report(c.pos.diagnostic(RuleDoubleLock, acq.Call.Pos(), msg, c.related(h.Site.Pos(), "first acquired here")))
}

// relockWords says how acq takes its lock ("locks", "read-locks") and how
// h holds it already ("locked", "read-locked").
func relockWords(acq locks.Acquisition, h locks.Held) (how, held string) {
	how, held = "locks", "locked"
	if acq.Mode == locks.Read {
		how = "read-locks"
	}
	if h.Mode == locks.Read {
		held = "read-locked"
	}
	return how, held
}

// backLinkRelock reports a callee that locks, through an element's link
// back to its owner, the owner's mutex the caller holds while walking the
// owner's elements (cockroachdb/cockroach#3710: the store's read lock
// held while each replica's queue took r.store's read lock again, a
// writer queued in between).
func (c *checker) backLinkRelock(acq locks.Acquisition) {
	for _, h := range acq.Before {
		if h.Site == nil || h.Class == "" || h.Class != acq.Class || !locks.ThroughBackLink(acq.Lock, h.Lock) {
			continue
		}
		owner := h.Lock.Name()
		how, held := relockWords(acq, h)
		tail := "so the goroutine deadlocks on itself; release it first or pass the owner's state in"
		if acq.Mode == locks.Read && h.Mode == locks.Read {
			tail = "a writer waiting in between blocks the second RLock and both deadlock; do not take the read lock recursively"
		}
		msg := fmt.Sprintf("this calls %s, which %s %s, the element's link back to %s, while %s is already %s (line %d): %s", acq.Via.Name(), how, acq.Lock.Name(), owner, owner, held, c.line(h.Site.Pos()), tail)
		c.pass.Report(c.pos.diagnostic(RuleDoubleLock, acq.Call.Pos(), msg, c.related(h.Site.Pos(), "first acquired here")))
		return
	}
}
