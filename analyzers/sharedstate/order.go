package sharedstate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// orderEdge is one place where lock class `second` is acquired while
// class `first` is held.
type orderEdge struct {
	first, second string
	acq           locks.Acquisition
	held          locks.Held
	fn            string
	in            *ssa.Function
	// gates are the other lock classes held exclusively around the edge,
	// here or by every caller.
	gates []string
	// retake: the callee acq.Via drops the caller's hold on second and
	// takes it again (see locks.Summary.Retakes).
	retake bool
}

// lockOrders reports two lock classes (a mutex field of a named type, or
// a global mutex) acquired in opposite orders in the package, directly or
// through callees: two goroutines taking them in the two orders deadlock
// (AB/BA). Both sites are reported. Two read locks alone cannot deadlock
// each other, and a class nested in itself (two nodes of
// one tree) is left out: which instance comes first is not visible
// statically. Nor are two orders that run under one gate lock held
// exclusively around both (they never run at the same time), or that take
// one of the two locks for reading on both sides (see readBothSides).
func (c *checker) lockOrders() {
	edges := map[[2]string][]orderEdge{}
	var keys [][2]string
	inherited := c.callerGates()
	for _, f := range c.locks.Funcs {
		for i, acq := range slices.Concat(f.Acquisitions, f.Retakes) {
			retake := i >= len(f.Acquisitions)
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
					keys = append(keys, k)
				}
				gates := append(writeClasses(acq.Before, h.Class, acq.Class), inherited[f.Fn]...)
				edges[k] = append(edges[k], orderEdge{first: h.Class, second: acq.Class, acq: acq, held: h, fn: f.Fn.Name(), in: f.Fn, gates: gates, retake: retake})
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		if e, rev, ok := c.opposite(edges[k], edges[[2]string{k[1], k[0]}]); ok {
			c.reportOrder(e, rev)
		}
	}
}

// opposite returns the first pair of an edge and a reverse edge that can
// run at the same time and deadlock each other.
func (c *checker) opposite(es, revs []orderEdge) (orderEdge, orderEdge, bool) {
	for _, e := range es {
		for _, rev := range revs {
			if readBothSides(e, rev) || !instancesMeet(e, rev) || c.nested(e, rev) || slices.ContainsFunc(e.gates, func(g string) bool { return slices.Contains(rev.gates, g) }) {
				continue
			}
			return e, rev, true
		}
	}
	return orderEdge{}, orderEdge{}, false
}

// instancesMeet reports whether the locks of e and its reverse rev can be
// the same two mutexes, as far as the edges tell. An edge whose acquired
// lock the function cannot name (an element of a collection, locked in a
// callee: known by its class only) pairs only with a reverse edge whose
// two locks hang off one object, the element holding its own lock and
// taking its owner's through a link back (cockroachdb/cockroach#10214: a
// replica's raftMu held while it takes r.store's coalescedMu). Otherwise
// the element may never be the object the reverse edge holds (the false
// positive in nats-server: inbound gateway connections locked under the
// gateway table's lock, a leaf connection's lock held while reading that
// table).
func instancesMeet(e, rev orderEdge) bool {
	unnamed := func(x orderEdge) bool { return x.acq.Lock.AnyInstance() }
	linked := func(x orderEdge) bool { return !x.acq.Lock.AnyInstance() && x.acq.Lock.Root == x.held.Lock.Root }
	switch {
	case unnamed(e):
		return linked(rev)
	case unnamed(rev):
		return linked(e)
	}
	return true
}

// nested reports whether one edge's order is taken inside a function the
// call of the other edge's acquisition may run: A held, the call takes B,
// and inside it (or in another function the call may run) B held, an A
// is taken. That is one chain, A then B then a second A, the class
// nested in itself, whose instances differ (or it would be a double lock)
// and whose order is not visible statically (the false positive in
// prometheus: the head's gc holds a stripe lock while the per-series
// callback passed in locks the series and then the series' other
// stripe).
func (c *checker) nested(e, rev orderEdge) bool {
	return slices.Contains(c.locks.Callees(e.acq.Call), rev.in) || slices.Contains(c.locks.Callees(rev.acq.Call), e.in)
}

// readBothSides reports whether one of the two locks of e and its reverse
// rev is taken for reading on both sides. Two readers never wait for each
// other: the cycle closes only if a third goroutine's write lock queues in
// between, and the rule errs towards silence there (the false positive in
// nats-server: a leaf connection's lock held while reading the gateway
// table, the gateway table read while locking other, inbound connections).
func readBothSides(e, rev orderEdge) bool {
	return e.acq.Mode == locks.Read && rev.held.Mode == locks.Read ||
		e.held.Mode == locks.Read && rev.acq.Mode == locks.Read
}

func (c *checker) reportOrder(e, rev orderEdge) {
	acquired := "acquired here"
	if e.acq.Through != "" {
		acquired = "acquired here, through " + e.acq.Through + " (" + e.acq.Via.Name() + "),"
	}
	if e.retake {
		acquired = "released and taken again inside " + e.acq.Via.Name() + " here"
	}
	msg := fmt.Sprintf("%s is %s while %s is held (line %d), but %s acquires them in the opposite order (line %d): two goroutines taking both can deadlock; always acquire %s before %s",
		shortClass(e.second), acquired, shortClass(e.first), c.line(e.held.Site.Pos()), rev.fn, c.line(rev.acq.Call.Pos()), shortClass(rev.first), shortClass(rev.second))
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

// writeClasses returns the classes of the locks in held that are held
// exclusively, except the ones named in but.
func writeClasses(held []locks.Held, but ...string) []string {
	var out []string
	for _, h := range held {
		if h.Mode == locks.Write && h.Class != "" && !slices.Contains(but, h.Class) {
			out = append(out, h.Class)
		}
	}
	return out
}

// callerGates returns, for each function whose every caller is known (not
// address-taken, or a closure only ever called where it is made), the
// lock classes every caller holds exclusively when calling it, carried
// down a few levels of calls.
func (c *checker) callerGates() map[*ssa.Function][]string {
	sites := map[*ssa.Function][]siteCall{}
	for _, g := range c.locks.Funcs {
		for _, call := range g.Calls {
			sites[call.Callee] = append(sites[call.Callee], siteCall{caller: g.Fn, Call: call})
		}
	}
	taken := c.addressTaken()
	out := map[*ssa.Function][]string{}
	for range 3 {
		next := map[*ssa.Function][]string{}
		for fn, calls := range sites {
			if taken[fn] && !onlyCalledClosure(fn) {
				continue
			}
			var gates []string
			for i, call := range calls {
				here := append(writeClasses(call.Held), out[call.caller]...)
				if i == 0 {
					gates = here
				} else {
					gates = slices.DeleteFunc(gates, func(g string) bool { return !slices.Contains(here, g) })
				}
			}
			next[fn] = gates
		}
		out = next
	}
	return out
}

// onlyCalledClosure reports whether fn is a function literal whose closure
// is only ever called directly (check := func(){...}; check()): its
// callers are the calls in its parent.
func onlyCalledClosure(fn *ssa.Function) bool {
	if fn.Parent() == nil {
		return false
	}
	for _, b := range fn.Parent().Blocks {
		for _, ins := range b.Instrs {
			mc, ok := ins.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn {
				continue
			}
			for _, r := range *mc.Referrers() {
				call, ok := r.(*ssa.Call)
				if !ok || call.Call.Value != mc {
					return false
				}
			}
		}
	}
	return true
}
