package sharedstate

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
)

// orderEdge is one place where lock class `second` is acquired while
// class `first` is held.
type orderEdge struct {
	first, second string
	acq           locks.Acquisition
	held          locks.Held
	fn            string
}

// lockOrders reports two lock classes (a mutex field of a named type, or
// a global mutex) acquired in opposite orders in the package, directly or
// through callees: two goroutines taking them in the two orders deadlock
// (AB/BA). Both sites are reported. Two read locks alone cannot deadlock
// each other, and a class nested in itself (two nodes of one tree) is
// left out: which instance comes first is not visible statically.
func (c *checker) lockOrders() {
	edges := map[[2]string]orderEdge{}
	var keys [][2]string
	for _, f := range c.locks.Funcs {
		for _, acq := range f.Acquisitions {
			if acq.Try || acq.Class == "" || local(acq.Lock) {
				continue
			}
			for _, h := range acq.Before {
				if h.Site == nil || h.Class == "" || h.Class == acq.Class || h.Lock == acq.Lock || local(h.Lock) {
					continue
				}
				if h.Mode == locks.Read && acq.Mode == locks.Read {
					continue
				}
				k := [2]string{h.Class, acq.Class}
				if _, ok := edges[k]; !ok {
					edges[k] = orderEdge{first: h.Class, second: acq.Class, acq: acq, held: h, fn: f.Fn.Name()}
					keys = append(keys, k)
				}
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		rev, ok := edges[[2]string{k[1], k[0]}]
		if !ok {
			continue
		}
		c.reportOrder(edges[k], rev)
	}
}

func (c *checker) reportOrder(e, rev orderEdge) {
	msg := fmt.Sprintf("%s is acquired here while %s is held (line %d), but %s acquires them in the opposite order (line %d): two goroutines taking both can deadlock; always acquire %s before %s",
		shortClass(e.second), shortClass(e.first), c.line(e.held.Site.Pos()), rev.fn, c.line(rev.acq.Call.Pos()), shortClass(rev.first), shortClass(rev.second))
	c.pass.Report(c.pos.diagnostic(RuleLockOrder, e.acq.Call.Pos(), msg, c.related(rev.acq.Call.Pos(), "opposite order here")))
}

// shortClass drops the package path: Server.mu.
func shortClass(class string) string {
	if i := strings.LastIndex(class, "/"); i >= 0 {
		class = class[i+1:]
	}
	if i := strings.Index(class, "."); i >= 0 {
		return class[i+1:]
	}
	return class
}

// local reports whether l belongs to an object the function allocated
// itself: no other goroutine can hold it yet (a constructor filling in a
// new client while holding its config's lock).
func local(l locks.Lock) bool {
	_, ok := l.Root.(*ssa.Alloc)
	return ok
}
